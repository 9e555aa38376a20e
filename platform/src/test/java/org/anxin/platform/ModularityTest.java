package org.anxin.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each direct sub-package is a module; none may reach into another's internals. */
class ModularityTest {

    @Test
    void modulesUseOnlyEachOthersPublicApi() {
        ApplicationModules.of(PlatformApplication.class).verify();
    }
}

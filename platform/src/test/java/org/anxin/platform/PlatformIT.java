package org.anxin.platform;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The context most platform integration tests share: embedded defaults, a fresh data directory. */
public abstract class PlatformIT extends PlatformBase {
    private static final Path DATA_DIR = newDataDir();

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        embedded(registry, DATA_DIR);
    }
}

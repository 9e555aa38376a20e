package org.anxin.platform.senior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FamilyEditableTest {

    @Test
    void takesFieldsOfTheRecordTrimmed() {
        assertThat(new FamilyEditable(Set.of(" allergies", "medicines ", "")).familyEditable())
                .containsExactlyInAnyOrder("allergies", "medicines");
    }

    @Test
    void refusesANameThatIsNoFieldOfTheRecord() {
        assertThatThrownBy(() -> new FamilyEditable(Set.of("allergies", "salary")))
                .hasMessageContaining("ANXIN_FAMILY_EDITABLE")
                .hasMessageContaining("salary");
    }
}

package org.anxin.platform.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MedicationPropertiesTest {

    @Test
    void aLateLimitOfHalfAnHourIsTaken() {
        assertThat(new MedicationProperties(Duration.ofMinutes(30)).lateLimit()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aLateLimitOfADayIsRefusedByItsVariableName() {
        assertThatThrownBy(() -> new MedicationProperties(Duration.ofHours(24)))
                .hasMessageContaining("ANXIN_MEDICATION_LATE_LIMIT");
        assertThatThrownBy(() -> new MedicationProperties(Duration.ZERO))
                .hasMessageContaining("ANXIN_MEDICATION_LATE_LIMIT");
    }
}

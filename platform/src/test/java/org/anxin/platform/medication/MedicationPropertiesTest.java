package org.anxin.platform.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MedicationPropertiesTest {
    private static final Duration FIVE = Duration.ofMinutes(5);

    @Test
    void aLateLimitOfHalfAnHourIsTaken() {
        assertThat(new MedicationProperties(Duration.ofMinutes(30), FIVE).lateLimit())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aLateLimitOfADayIsRefusedByItsVariableName() {
        assertThatThrownBy(() -> new MedicationProperties(Duration.ofHours(24), FIVE))
                .hasMessageContaining("ANXIN_MEDICATION_LATE_LIMIT");
        assertThatThrownBy(() -> new MedicationProperties(Duration.ZERO, FIVE))
                .hasMessageContaining("ANXIN_MEDICATION_LATE_LIMIT");
    }

    @Test
    void aWatchLeadOutsideAMinuteToAnHourIsRefusedByItsVariableName() {
        assertThat(new MedicationProperties(Duration.ofMinutes(30), FIVE).watchLead())
                .isEqualTo(FIVE);
        assertThatThrownBy(() -> new MedicationProperties(Duration.ofMinutes(30), Duration.ofSeconds(10)))
                .hasMessageContaining("ANXIN_MEDICATION_WATCH_LEAD");
        assertThatThrownBy(() -> new MedicationProperties(Duration.ofMinutes(30), Duration.ofHours(2)))
                .hasMessageContaining("ANXIN_MEDICATION_WATCH_LEAD");
    }
}

package org.anxin.platform.assessment;

import java.time.LocalDate;

/** A senior's latest assessment while it is current: the evidence other modules (subsidies) rely on. */
public record CurrentLevel(
        long assessmentId, AbilityLevel level, String levelName, LocalDate assessedOn, LocalDate dueOn) {}

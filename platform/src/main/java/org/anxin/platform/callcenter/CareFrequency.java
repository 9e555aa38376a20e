package org.anxin.platform.callcenter;

public enum CareFrequency {
    DAILY,
    /** once a week, on the schedule's {@code dayOfWeek} (1 Monday … 7 Sunday) */
    WEEKLY
}

package org.anxin.platform.callcenter;

/**
 * Whether a work order keeps its time: a tracking task against its due date, a referral against
 * its acceptance deadline. {@code NONE} for kinds without one.
 */
public enum SlaState {
    NONE,
    ON_TIME,
    OVERDUE,
    MET,
    MISSED
}

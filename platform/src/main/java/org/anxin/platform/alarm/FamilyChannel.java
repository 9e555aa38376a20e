package org.anxin.platform.alarm;

/**
 * How an alarm of one kind reaches one family contact: {@code CALL} an SMS and a place on the call
 * list, {@code SMS} the text only, {@code FEED} neither (the family page's live list shows every
 * alarm of their senior anyway).
 */
enum FamilyChannel {
    CALL,
    SMS,
    FEED
}

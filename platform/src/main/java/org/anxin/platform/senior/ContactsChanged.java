package org.anxin.platform.senior;

/**
 * Published in the transaction that replaced a senior's emergency contacts, so that the alarm
 * desk can put the change on the timeline of the senior's open alarms.
 */
public record ContactsChanged(long seniorId, String actor, String summary) {}

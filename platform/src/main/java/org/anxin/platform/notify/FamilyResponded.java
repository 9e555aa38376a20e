package org.anxin.platform.notify;

/** A called contact pressed a key on the alarm call; "1" means they are going to the senior. */
public record FamilyResponded(long alarmId, long notificationId, String recipient, String digits) {}

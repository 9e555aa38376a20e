package org.anxin.platform.alarm;

/** Published inside the transaction that changed an alarm; the live feed sends it after commit. */
public record AlarmChanged(long alarmId) {}

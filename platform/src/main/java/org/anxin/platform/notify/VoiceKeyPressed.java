package org.anxin.platform.notify;

/**
 * The key someone pressed on a call the platform placed (any purpose; for alarm calls
 * {@link FamilyResponded} is published as well). Published inside the transaction that stored it.
 */
public record VoiceKeyPressed(long notificationId, String callSid, String purpose, String digits) {}

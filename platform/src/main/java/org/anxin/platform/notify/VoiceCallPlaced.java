package org.anxin.platform.notify;

import java.time.Instant;

/**
 * Twilio took a call the platform placed (an escalation call to a family member, a supervisor…):
 * published once the call has its SID, so the call log can keep every outbound call.
 */
public record VoiceCallPlaced(
        long notificationId, Long alarmId, String callSid, String to, String from, String purpose, Instant at) {}

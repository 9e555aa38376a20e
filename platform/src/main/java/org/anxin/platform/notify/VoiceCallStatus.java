package org.anxin.platform.notify;

import java.time.Instant;

/**
 * Twilio's status callback for a call the platform placed ({@code queued}, {@code ringing},
 * {@code in-progress}, {@code completed}, {@code busy}, {@code no-answer}, {@code failed},
 * {@code canceled}), signature-checked.
 *
 * @param durationSeconds {@code CallDuration}, given once the call has ended
 */
public record VoiceCallStatus(String callSid, String status, Integer durationSeconds, Instant at) {}

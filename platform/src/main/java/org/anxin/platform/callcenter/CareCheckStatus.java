package org.anxin.platform.callcenter;

/**
 * A care call's outcome: {@code CALLING} (placed, waiting for the key), {@code OK} (pressed 1),
 * {@code RETRY} (unanswered, to be called again), {@code NO_ANSWER} (unanswered after the retries:
 * a CARE_CHECK alarm was raised).
 */
public enum CareCheckStatus {
    CALLING,
    OK,
    RETRY,
    NO_ANSWER
}

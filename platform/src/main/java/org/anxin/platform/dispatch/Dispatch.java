package org.anxin.platform.dispatch;

import java.time.Instant;

/**
 * One dispatch row: for an alarm or for an order (exactly one of the two ids is set, by a check
 * constraint), where help is going, its circle, the round reached, and once accepted who and by
 * when. {@link Dispatchables#of} turns the ids into what is being dispatched.
 */
record Dispatch(
        long id,
        Long alarmId,
        Long orderId,
        double lat,
        double lon,
        int circleSeconds,
        int round,
        DispatchStatus status,
        Long responderId,
        Integer etaSeconds,
        Instant arriveBy,
        String skill) {}

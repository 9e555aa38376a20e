package org.anxin.platform.alarm;

import java.util.EnumSet;
import java.util.Set;

/** RAISED → ACKNOWLEDGED → DISPATCHED → RESPONDER_ON_SCENE → RESOLVED, or FALSE_ALARM / CANCELLED. */
public enum AlarmStatus {
    RAISED,
    ACKNOWLEDGED,
    DISPATCHED,
    RESPONDER_ON_SCENE,
    RESOLVED,
    FALSE_ALARM,
    CANCELLED;

    public static final Set<AlarmStatus> OPEN = EnumSet.of(RAISED, ACKNOWLEDGED, DISPATCHED, RESPONDER_ON_SCENE);

    public boolean open() {
        return OPEN.contains(this);
    }
}

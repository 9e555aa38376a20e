package org.anxin.platform.callcenter;

import java.util.EnumSet;
import java.util.Set;

/**
 * {@code OPEN → CLOSED}; a referral {@code OPEN → REFERRED → ACCEPTED → CLOSED}; any open one
 * may be {@code CANCELLED}.
 */
public enum TicketStatus {
    OPEN,
    REFERRED,
    ACCEPTED,
    CLOSED,
    CANCELLED;

    public static final Set<TicketStatus> ACTIVE = EnumSet.of(OPEN, REFERRED, ACCEPTED);
}

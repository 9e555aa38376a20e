package org.anxin.platform.system;

/** What a user is to the platform. */
public enum Role {
    ADMIN,
    /** An operator who is alerted when an alarm waits too long. */
    SUPERVISOR,
    OPERATOR,
    RESPONDER,
    FAMILY
}

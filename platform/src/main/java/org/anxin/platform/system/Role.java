package org.anxin.platform.system;

/** What a user is to the platform. */
public enum Role {
    ADMIN,
    /** An operator who is alerted when an alarm waits too long. */
    SUPERVISOR,
    OPERATOR,
    RESPONDER,
    FAMILY,
    /** A community (社区) officer: first review of subsidies for the seniors of their own community. */
    COMMUNITY,
    /** The civil-affairs bureau (民政局): final approval of subsidies, sees the subsidy data of every senior. */
    BUREAU
}

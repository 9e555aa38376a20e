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
    /** A street (街道/乡镇) officer: sees, like a COMMUNITY officer, the seniors of every community of their street. */
    STREET,
    /** The civil-affairs bureau (民政局): final approval of subsidies, sees the subsidy data of every senior. */
    BUREAU,
    /** An assessor of an assessment agency (评估机构): records capability assessments (GB/T 42195-2022). */
    ASSESSOR
}

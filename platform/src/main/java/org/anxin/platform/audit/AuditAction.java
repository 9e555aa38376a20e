package org.anxin.platform.audit;

/** What was done. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    USER_CREATED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    DEVICE_REGISTERED,
    DEVICE_SECRET_ROTATED,
    DEVICE_REVOKED,
    /** A device group created, its name or source networks changed, devices moved into or out of it. */
    DEVICE_GROUP_CHANGED,
    /** A privacy-sensitive command sent to a device (MONITOR: a silent call into the home; CALL_BACK, SOS numbers). */
    DEVICE_COMMAND,
    SENIOR_CREATED,
    SENIOR_UPDATED,
    SENIOR_VIEWED,
    SETTLEMENT_CLOSED
}

package org.anxin.platform.system;

/** What a user is to the platform. */
public enum Role {
    ADMIN,
    OPERATOR,
    RESPONDER,
    FAMILY
}

package org.anxin.platform.callcenter;

/** Who is calling, by caller ID. */
public enum CallerKind {
    /** the number of a senior in our care */
    SENIOR,
    /** an emergency contact of a senior, or a FAMILY user */
    FAMILY,
    /** a responder or service worker */
    RESPONDER,
    /** desk, community or bureau staff */
    STAFF,
    UNKNOWN
}

package org.anxin.platform.system;

/** Lets tests of other modules sign in by the portal's login form (a session, not HTTP Basic). */
public final class PortalSessions {
    private PortalSessions() {}

    /** Signs in on a fresh session; the login's redirect target. */
    public static String signIn(int port, String username, String password) {
        return new PortalSession("http://127.0.0.1:" + port).signIn(username, password);
    }
}

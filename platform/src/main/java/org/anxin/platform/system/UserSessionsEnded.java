package org.anxin.platform.system;

/**
 * A user's sessions were ended (their password was reset or changed), all but {@code keptSessionId}
 * (the session that changed its own password; null for none): their live streams must end too.
 */
public record UserSessionsEnded(String username, String keptSessionId) {}

package org.anxin.platform.system;

import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's portal sessions, on every node: each is found in the shared sessions in Redis by
 * the user's name and marked {@linkplain #ENDED ended}, so its next request, on whichever node,
 * gets the login page (or a 401) from {@link EndedSessionFilter}; and {@link UserSessionsEnded}
 * closes the live streams this node holds for them at once.
 *
 * <p>Marked rather than deleted, so the person is told why they must sign in again.
 */
@Component
class UserSessions {
    /** The session attribute that marks a session ended by a password change. */
    static final String ENDED = "anxin.sessionEnded";

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final ApplicationEventPublisher events;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.events = events;
    }

    void endAll(String username, String keptSessionId) {
        markEnded(sessions, username, keptSessionId);
        events.publishEvent(new UserSessionsEnded(username, keptSessionId));
    }

    private static <S extends Session> void markEnded(
            FindByIndexNameSessionRepository<S> sessions, String username, String keptSessionId) {
        for (S session : sessions.findByPrincipalName(username).values()) {
            if (!Objects.equals(session.getId(), keptSessionId)) {
                session.setAttribute(ENDED, Boolean.TRUE);
                sessions.save(session);
            }
        }
    }
}

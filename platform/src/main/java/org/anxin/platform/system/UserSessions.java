package org.anxin.platform.system;

import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends a user's portal sessions, on every node: the registry (Spring Session's, over Redis) marks
 * them expired, so the next request of each gets the login page (or a 401), and
 * {@link UserSessionsEnded} closes the live streams this node holds for them at once.
 */
@Component
class UserSessions {
    private final SessionRegistry registry;
    private final ApplicationEventPublisher events;

    UserSessions(SessionRegistry registry, ApplicationEventPublisher events) {
        this.registry = registry;
        this.events = events;
    }

    void endAll(String username, String keptSessionId) {
        for (SessionInformation session : registry.getAllSessions(username, false)) {
            if (!Objects.equals(session.getSessionId(), keptSessionId)) {
                session.expireNow();
            }
        }
        events.publishEvent(new UserSessionsEnded(username, keptSessionId));
    }
}

package org.anxin.platform.system;

import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Ends a user's portal sessions. The registry marks them expired: the next request of each gets the
 * login page (or a 401), and {@link UserSessionsEnded} closes their live streams at once.
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
        for (Object principal : registry.getAllPrincipals()) {
            String name = principal instanceof UserDetails user ? user.getUsername() : String.valueOf(principal);
            if (!name.equals(username)) {
                continue;
            }
            for (SessionInformation session : registry.getAllSessions(principal, false)) {
                if (!Objects.equals(session.getSessionId(), keptSessionId)) {
                    session.expireNow();
                }
            }
        }
        events.publishEvent(new UserSessionsEnded(username, keptSessionId));
    }
}

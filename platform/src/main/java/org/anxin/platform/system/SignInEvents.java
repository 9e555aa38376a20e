package org.anxin.platform.system;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Counts failed sign-ins (form and HTTP Basic) for {@link LoginThrottle}; a lock is announced as {@link AccountLocked}. */
@Component
class SignInEvents {
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    SignInEvents(LoginThrottle throttle, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.events = events;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String username = attempt.getName();
        String address = address(attempt);
        if (throttle.failed(username, address)) {
            events.publishEvent(new AccountLocked(username, address));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    /** Where a sign-in came from (the form's and Basic's details both carry it), or null. */
    public static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}

package org.anxin.platform.audit;

import java.util.Map;
import org.anxin.platform.system.AccountLocked;
import org.anxin.platform.system.AccountUnlocked;
import org.anxin.platform.system.PasswordChanged;
import org.anxin.platform.system.UserCreated;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Records the system module's account events and the sign-ins Spring Security announces: every
 * failure (form and HTTP Basic), and each portal sign-in (form); a script's HTTP Basic request is
 * a sign-in of its own on every call and is not recorded as one.
 */
@Component
class AccountAudit {
    private static final String USER = "user";

    private final AuditLog log;

    AccountAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        log.recordAs(username, AuditAction.SIGN_IN, USER, username, null, null);
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        log.recordAs(
                username,
                AuditAction.SIGN_IN_FAILED,
                USER,
                username,
                null,
                Map.of("reason", event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void locked(AccountLocked event) {
        log.recordAs(AuditLog.SYSTEM, AuditAction.ACCOUNT_LOCKED, USER, event.username(), null, null);
    }

    @EventListener
    void unlocked(AccountUnlocked event) {
        log.record(AuditAction.ACCOUNT_UNLOCKED, USER, event.username(), null, null);
    }

    @EventListener
    void created(UserCreated event) {
        log.record(AuditAction.USER_CREATED, USER, event.user().username(), null, event.user());
    }

    @EventListener
    void passwordChanged(PasswordChanged event) {
        log.record(
                event.byAdministrator() ? AuditAction.PASSWORD_RESET : AuditAction.PASSWORD_CHANGED,
                USER,
                event.username(),
                null,
                null);
    }
}

package org.anxin.platform.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {
    private final Accounts accounts;
    private final UserSessions sessions;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    UserController(Accounts accounts, UserSessions sessions, LoginThrottle throttle, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.events = events;
    }

    record NewUserRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}", message = "3-64 letters, digits or ._@-")
                    String username,
            @NotNull @Size(min = 8, max = 200, message = "must have 8 to 200 characters") String password,
            @NotNull Role role,
            @Size(max = 100) String displayName,
            @Size(max = 32) String phone,
            List<Long> seniorIds,
            @Size(max = 100) String community,
            @Size(max = 40) String area) {}

    @PostMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Accounts.User> create(@Valid @RequestBody NewUserRequest request) {
        Accounts.User user = accounts.create(new Accounts.NewUser(
                request.username(),
                request.password(),
                request.role(),
                request.displayName(),
                request.phone(),
                request.seniorIds(),
                request.community(),
                request.area()));
        events.publishEvent(new UserCreated(user));
        return ResponseEntity.created(URI.create("/api/users/" + user.username()))
                .body(user);
    }

    record PasswordRequest(
            @NotNull @Size(min = 8, max = 200, message = "must have 8 to 200 characters") String password) {}

    /** An administrator sets a user's password (a forgotten one, or a demo account's): their sessions end. */
    @PutMapping("/api/users/{username}/password")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> setPassword(@PathVariable String username, @Valid @RequestBody PasswordRequest request) {
        Accounts.User user = accounts.find(username).orElseThrow(() -> ApiProblem.notFound("no user " + username));
        accounts.setPassword(user.username(), user.role(), request.password());
        sessions.endAll(user.username(), null);
        events.publishEvent(new PasswordChanged(user.username(), true));
        return ResponseEntity.noContent().build();
    }

    record OwnPasswordRequest(
            @NotNull(message = "give your current password") @Size(max = 200) String currentPassword,
            @NotNull @Size(min = 8, max = 200, message = "must have 8 to 200 characters") String newPassword) {}

    /**
     * A user changes their own password, proving the current one (a wrong one counts as a failed
     * sign-in); their other sessions end, this one goes on.
     */
    @PutMapping("/api/me/password")
    ResponseEntity<Void> changeOwnPassword(@Valid @RequestBody OwnPasswordRequest request, HttpServletRequest http) {
        Accounts.User user = accounts.find(accounts.currentViewer().username()).orElseThrow();
        if (!accounts.passwordMatches(user.username(), request.currentPassword())) {
            if (throttle.failed(user.username(), http.getRemoteAddr())) {
                events.publishEvent(new AccountLocked(user.username(), http.getRemoteAddr()));
            }
            throw ApiProblem.badRequest("currentPassword: this is not your current password");
        }
        accounts.setPassword(user.username(), user.role(), request.newPassword());
        HttpSession session = http.getSession(false);
        sessions.endAll(user.username(), session == null ? null : session.getId());
        events.publishEvent(new PasswordChanged(user.username(), false));
        return ResponseEntity.noContent().build();
    }

    /** User names locked after failed sign-ins, oldest lock first. */
    @GetMapping("/api/users/locked")
    @PreAuthorize("hasRole('ADMIN')")
    List<LoginThrottle.Locked> locked() {
        return throttle.locked();
    }

    @DeleteMapping("/api/users/{username}/lock")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> unlock(@PathVariable String username) {
        if (!throttle.unlock(username)) {
            throw ApiProblem.notFound("user " + username + " is not locked");
        }
        events.publishEvent(new AccountUnlocked(username));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/me")
    Accounts.User me() {
        return accounts.find(accounts.currentViewer().username()).orElseThrow();
    }

    /** The portal's static pages fetch the CSRF token here (it is also set as the XSRF-TOKEN cookie). */
    @GetMapping("/api/csrf")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of(
                "headerName", token.getHeaderName(),
                "parameterName", token.getParameterName(),
                "token", token.getToken());
    }
}

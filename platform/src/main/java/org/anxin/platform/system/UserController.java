package org.anxin.platform.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {
    private final Accounts accounts;

    UserController(Accounts accounts) {
        this.accounts = accounts;
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
        return ResponseEntity.created(URI.create("/api/users/" + user.username()))
                .body(user);
    }

    record PasswordRequest(
            @NotNull @Size(min = 8, max = 200, message = "must have 8 to 200 characters") String password) {}

    /** An administrator sets a user's password (a forgotten one, or a demo account's). */
    @PutMapping("/api/users/{username}/password")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> setPassword(@PathVariable String username, @Valid @RequestBody PasswordRequest request) {
        Accounts.User user = accounts.find(username).orElseThrow(() -> ApiProblem.notFound("no user " + username));
        accounts.setPassword(user.username(), user.role(), request.password());
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

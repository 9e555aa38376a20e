package org.anxin.platform.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in (the login form, or a request carrying HTTP Basic credentials) from a locked
 * user name or a throttled address before its password is checked: the login page shows the lock,
 * a script gets 429 with {@code Retry-After}.
 */
class LoginThrottleFilter extends OncePerRequestFilter {
    private static final String BASIC = "Basic ";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        String authorization = request.getHeader("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length());
        if (!form && !basic) {
            chain.doFilter(request, response);
            return;
        }
        String username = form ? request.getParameter("username") : basicUser(authorization);
        Optional<String> refusal = throttle.refusal(username, request.getRemoteAddr());
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
        } else if (form) {
            response.sendRedirect("/login.html?locked");
        } else {
            response.setHeader("Retry-After", "60");
            SecurityConfig.problem(response, HttpStatus.TOO_MANY_REQUESTS, refusal.get());
        }
    }

    private static String basicUser(String authorization) {
        try {
            String decoded = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

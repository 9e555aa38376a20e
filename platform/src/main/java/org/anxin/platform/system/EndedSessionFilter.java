package org.anxin.platform.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away a request whose session a password change ended ({@link UserSessions#ENDED}): the
 * session is invalidated, pages go back to the login page with a notice, API calls get a 401.
 *
 * <p>It reads the mark from the session this request already loaded (Spring Session, from
 * Redis), so it costs no second look-up per request, as Spring Security's session registry and
 * its {@code ConcurrentSessionFilter} did (we need no cap on sessions per user, only this).
 */
final class EndedSessionFilter extends OncePerRequestFilter {
    private final RequestMatcher api;

    EndedSessionFilter(RequestMatcher api) {
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null || !isEnded(session)) {
            chain.doFilter(request, response);
            return;
        }
        invalidate(session);
        SecurityContextHolder.clearContext();
        if (response.isCommitted()) {
            return; // a live stream's closing dispatch: its end is already under way
        }
        if (api.matches(request)) {
            SecurityConfig.problem(
                    response, HttpStatus.UNAUTHORIZED, "this session was ended (password changed); sign in again");
        } else {
            response.sendRedirect("/login.html?expired");
        }
    }

    private static boolean isEnded(HttpSession session) {
        try {
            return session.getAttribute(UserSessions.ENDED) != null;
        } catch (IllegalStateException alreadyInvalidated) {
            return false;
        }
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // another request of this session got there first
        }
    }
}

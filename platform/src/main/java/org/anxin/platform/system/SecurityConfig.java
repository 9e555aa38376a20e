package org.anxin.platform.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic for scripts, form login for the portal. CSRF protects the cookie session of the
 * portal; a request that carries its own Authorization header cannot be forged by another site,
 * so it is exempt. API calls without credentials get a 401 problem, pages a redirect to login.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {
    private static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");
    // Twilio's webhooks carry no session; each is checked by its X-Twilio-Signature instead
    private static final RequestMatcher TWILIO =
            request -> request.getRequestURI().startsWith("/twilio/");
    private static final RequestMatcher HAS_AUTHORIZATION = request -> request.getHeader("Authorization") != null;

    /**
     * Scripts only from this origin (no inline script, no eval): a string that slipped into HTML
     * cannot run. Styles may be inline (Leaflet positions its panes with style attributes); map
     * tiles come from the configured tile service; the SOS page's MQTT over WebSocket goes to the
     * gateway's own port.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:;"
            + " connect-src 'self' ws: wss:; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain security(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                // before sign-out and sign-in are handled: a session a password change ended is turned away first
                .addFilterBefore(new EndedSessionFilter(API), LogoutFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(requests -> requests
                        // the request was authorised when it began: a live stream ended after its session
                        // (logout, password reset) must not fail its closing async dispatch
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                "/login.html",
                                // the SOS page and its settings: its device logs in to the gateway itself
                                "/sos.html",
                                "/api/sos-page/config",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/api/csrf",
                                "/twilio/**",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.loginPage("/login.html")
                        .loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", false)
                        .failureUrl("/login.html?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout"))
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(HAS_AUTHORIZATION, TWILIO))
                .exceptionHandling(
                        errors -> errors.defaultAuthenticationEntryPointFor(SecurityConfig::unauthorized, API)
                                .defaultAccessDeniedHandlerFor(
                                        (request, response, denied) ->
                                                problem(response, HttpStatus.FORBIDDEN, "you may not do this"),
                                        API));
        return http.build();
    }

    /**
     * Tells the live feed when a session ends: logout, time-out, invalidation (Spring Session hands
     * its session events to the servlet listeners, this one among them).
     */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(JdbcClient db) {
        return username -> db.sql("select username, password_hash, role from users where username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .roles(rs.getString("role"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, Exception cause)
            throws IOException {
        // browsers (fetch from the portal) get no Basic challenge, so no login dialog pops up
        if (request.getHeader("Sec-Fetch-Mode") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"anxin\"");
        }
        problem(response, HttpStatus.UNAUTHORIZED, "sign in first (HTTP Basic or the portal login)");
    }

    static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                        + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}

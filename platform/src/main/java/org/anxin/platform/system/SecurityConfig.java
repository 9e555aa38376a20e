package org.anxin.platform.system;

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

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
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

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, Exception cause)
            throws IOException {
        // browsers (fetch from the portal) get no Basic challenge, so no login dialog pops up
        if (request.getHeader("Sec-Fetch-Mode") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"anxin\"");
        }
        problem(response, HttpStatus.UNAUTHORIZED, "sign in first (HTTP Basic or the portal login)");
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                        + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}

package org.anxin.platform.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * {@code /actuator/prometheus} for a Prometheus scraper: HTTP Basic, no session, as an ADMIN or as
 * the scrape account {@code metrics} whose password is {@code ANXIN_METRICS_PASSWORD} (no account
 * when unset). That account is not a portal user: it signs in nowhere but here, so the scraper's
 * credential, which sits in Prometheus' configuration, opens no senior's record. Failed attempts
 * count towards the same sign-in throttle as the portal's.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {
    static final String SCRAPER = "metrics";

    @Bean
    @Order(1)
    SecurityFilterChain metricsEndpoint(
            HttpSecurity http,
            LoginThrottle throttle,
            UserDetailsService users,
            PasswordEncoder encoder,
            @Value("${anxin.metrics.password:}") String scrapePassword)
            throws Exception {
        String scrapeHash = scrapePassword.isBlank() ? null : encoder.encode(scrapePassword);
        UserDetailsService scraperOrUser = username -> scrapeHash != null && SCRAPER.equals(username)
                ? User.withUsername(SCRAPER)
                        .password(scrapeHash)
                        .roles("METRICS")
                        .build()
                : users.loadUserByUsername(username);
        return http.securityMatcher("/actuator/prometheus")
                .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(Role.ADMIN.name(), "METRICS"))
                .userDetailsService(scraperOrUser)
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfig::unauthorized))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityConfig::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> SecurityConfig.problem(
                                response, HttpStatus.FORBIDDEN, "metrics are for ADMIN and the scrape account")))
                .build();
    }
}

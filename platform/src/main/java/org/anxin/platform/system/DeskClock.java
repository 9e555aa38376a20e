package org.anxin.platform.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock of the alarm desk: when alarms are raised and answered, and when escalation steps
 * fall due. One bean, so tests can replace it with a clock they move.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeskClock {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package org.anxin.platform.system;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock of the alarm desk: when alarms are raised and answered, and when escalation steps
 * fall due. One bean, so tests can replace it with a clock they move. Beside it the city's
 * time zone ({@code ANXIN_CITY_ZONE}), one {@link ZoneId} bean for every module: daytime
 * windows, report days, times read out in SMS and calls, calendar months of wallets.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeskClock {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ZoneId cityZone(SystemProperties properties) {
        String zone = properties.cityZone();
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException(
                    "ANXIN_CITY_ZONE '" + zone + "' is not a time zone (e.g. Asia/Shanghai): " + e.getMessage(), e);
        }
    }
}

package org.anxin.platform.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two windows of city time the family features read: a zone's hours and the quiet hours. */
class HoursTest {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    private static final LocalTime TEN_PM = LocalTime.of(22, 0);
    private static final LocalTime SEVEN = LocalTime.of(7, 0);

    private static Instant at(int hour, int minute) {
        return DAY.atTime(hour, minute).atZone(CITY).toInstant();
    }

    private static Geofence zone(String from, String to) {
        return new Geofence(
                1,
                1,
                "家",
                30.0,
                120.0,
                100.0,
                null,
                from == null ? null : LocalTime.parse(from),
                to == null ? null : LocalTime.parse(to),
                false,
                false);
    }

    private static FamilyPolicy policy(String from, String to) {
        return new FamilyPolicy(
                new AlarmProperties(
                        null, null, new AlarmProperties.QuietHours(LocalTime.parse(from), LocalTime.parse(to))),
                CITY);
    }

    @Test
    void aZoneWatchedOverMidnightIsActiveLateAndEarlyButNotAtNoon() {
        Geofence night = zone("20:00", "07:00");
        assertThat(night.activeAt(at(20, 0), CITY)).isTrue();
        assertThat(night.activeAt(at(23, 59), CITY)).isTrue();
        assertThat(night.activeAt(at(6, 59), CITY)).isTrue();
        assertThat(night.activeAt(at(7, 0), CITY)).isFalse();
        assertThat(night.activeAt(at(12, 0), CITY)).isFalse();
    }

    @Test
    void aDaytimeZoneAndAnAlwaysZone() {
        Geofence day = zone("08:00", "18:00");
        assertThat(day.activeAt(at(8, 0), CITY)).isTrue();
        assertThat(day.activeAt(at(18, 0), CITY)).isFalse();
        assertThat(day.activeAt(at(3, 0), CITY)).isFalse();
        assertThat(zone(null, null).activeAt(at(3, 0), CITY)).isTrue();
    }

    @Test
    void quietHoursEndAtTheNextSevenOClockWhetherBeforeOrAfterMidnight() {
        FamilyPolicy policy = policy("22:00", "07:00");
        assertThat(policy.quietEnd(at(1, 30), TEN_PM, SEVEN)).isEqualTo(at(7, 0));
        assertThat(policy.quietEnd(at(22, 0), TEN_PM, SEVEN)).isEqualTo(at(7, 0).plus(Duration.ofDays(1)));
        assertThat(policy.quietEnd(at(7, 0), TEN_PM, SEVEN)).isNull();
        assertThat(policy.quietEnd(at(21, 59), TEN_PM, SEVEN)).isNull();
        assertThat(policy("00:00", "00:00").quietEnd(at(1, 30), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))
                .as("equal: no quiet hours")
                .isNull();
    }

    @Test
    void personInDangerKindsCallAtAnyHourDeviceConditionsAreHeldAtNight() {
        FamilyPolicy policy = policy("22:00", "07:00");
        for (String kind : List.of("SOS", "FALL", "PHONE_SOS", "VITALS_ABNORMAL", "GEOFENCE_EXIT")) {
            FamilyPolicy.Reach reach = policy.reach(kind, ContactPreferences.DEFAULT, at(1, 30));
            assertThat(reach.call()).as(kind).isTrue();
            assertThat(reach.held()).as(kind).isFalse();
        }
        for (String kind : List.of("WATCH_REMOVED", "LOW_BATTERY", "OFFLINE", "INACTIVITY", "ALARM")) {
            assertThat(policy.reach(kind, ContactPreferences.DEFAULT, at(1, 30)).heldUntil())
                    .as(kind)
                    .isEqualTo(at(7, 0));
            assertThat(policy.reach(kind, ContactPreferences.DEFAULT, at(1, 30)).call())
                    .as(kind)
                    .isFalse();
            assertThat(policy.reach(kind, ContactPreferences.DEFAULT, at(10, 0)).held())
                    .as(kind)
                    .isFalse();
            assertThat(policy.reach(kind, ContactPreferences.DEFAULT, at(10, 0)).call())
                    .as(kind)
                    .isFalse();
        }
    }
}

package org.anxin.platform.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One contact's preferences against the desk's limits: what they may choose, and what reaches them. */
class FamilyPolicyTest {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    private static final FamilyPolicy POLICY = new FamilyPolicy(
            new AlarmProperties(null, null, new AlarmProperties.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0))),
            CITY);

    private static Instant at(int hour, int minute) {
        return DAY.atTime(hour, minute).atZone(CITY).toInstant();
    }

    private static ContactPreferences chose(Map<String, FamilyChannel> channels, String from, String to, boolean may) {
        return new ContactPreferences(
                channels, from == null ? null : LocalTime.parse(from), to == null ? null : LocalTime.parse(to), may);
    }

    @Test
    void aPersonInDangerReachesEveryContactAtLeastBySmsAndWithoutACallOnlyIfTheDeskAllows() {
        for (String kind : FamilyPolicy.LIFE_SAFETY) {
            assertThat(FamilyPolicy.choices(kind, false)).as(kind).containsExactly(FamilyChannel.CALL);
            assertThat(FamilyPolicy.choices(kind, true))
                    .as(kind)
                    .containsExactly(FamilyChannel.CALL, FamilyChannel.SMS);
        }
        assertThat(FamilyPolicy.choices("GEOFENCE_EXIT", false)).containsExactly(FamilyChannel.values());
        assertThat(FamilyPolicy.choices("LOW_BATTERY", true)).containsExactly(FamilyChannel.SMS, FamilyChannel.FEED);
        assertThat(FamilyPolicy.refusal("PIGEON", FamilyChannel.SMS, true)).startsWith("not an alarm kind");
    }

    @Test
    void aContactsOwnQuietHoursNeverHoldALifeSafetyCall() {
        ContactPreferences sleeper = chose(Map.of(), "00:00", "12:00", false);
        FamilyPolicy.Reach sos = POLICY.reach("SOS", sleeper, at(3, 0));
        assertThat(sos.call()).isTrue();
        assertThat(sos.sms()).isEqualTo(FamilyPolicy.Sms.NOW);
        assertThat(sos.limited()).isFalse();
        FamilyPolicy.Reach battery = POLICY.reach("LOW_BATTERY", sleeper, at(11, 0));
        assertThat(battery.heldUntil()).isEqualTo(at(12, 0));
        assertThat(battery.rule()).contains("quiet hours 00:00–12:00 (their own");
        assertThat(POLICY.reach("LOW_BATTERY", sleeper, at(23, 0)).sms())
                .as("their own hours replace the city's")
                .isEqualTo(FamilyPolicy.Sms.NOW);
    }

    @Test
    void aChoiceTheDeskNoLongerAllowsFallsBackToACall() {
        ContactPreferences revoked = chose(Map.of("FALL", FamilyChannel.SMS), null, null, false);
        assertThat(POLICY.reach("FALL", revoked, at(10, 0)).call()).isTrue();
        ContactPreferences allowed = chose(Map.of("FALL", FamilyChannel.SMS), null, null, true);
        FamilyPolicy.Reach reach = POLICY.reach("FALL", allowed, at(10, 0));
        assertThat(reach.call()).isFalse();
        assertThat(reach.sms()).isEqualTo(FamilyPolicy.Sms.NOW);
        assertThat(reach.rule()).isEqualTo("call skipped: the contact chose SMS only for FALL (the desk allows it)");
    }

    @Test
    void theFeedOnlyLeavesADeviceConditionOnThePage() {
        ContactPreferences reader = chose(Map.of("WATCH_REMOVED", FamilyChannel.FEED), null, null, false);
        FamilyPolicy.Reach reach = POLICY.reach("WATCH_REMOVED", reader, at(10, 0));
        assertThat(reach.sms()).isEqualTo(FamilyPolicy.Sms.NONE);
        assertThat(reach.call()).isFalse();
        assertThat(reach.rule()).isEqualTo("skipped: the contact chose the family page only for WATCH_REMOVED");
        assertThat(POLICY.reach("LOW_BATTERY", reader, at(10, 0)).sms()).isEqualTo(FamilyPolicy.Sms.NOW);
    }
}

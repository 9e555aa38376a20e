package org.anxin.platform.alarm;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who in the family is woken, and for what. A person may be in danger (SOS, FALL, PHONE_SOS,
 * VITALS_ABNORMAL, GEOFENCE_EXIT — a safe zone the family drew themselves): SMS to every contact
 * and calls down the list, at any hour. Anything else is a device condition (watch removed, low
 * battery, offline, inactivity, a vendor alarm): the desk handles it, and families get an SMS
 * only, never a call, and not within quiet hours (city time, default 22:00–07:00): then the SMS
 * waits until the quiet hours end, and goes only if the alarm is still open.
 */
@Component
class FamilyPolicy {
    private static final Set<String> PERSON_IN_DANGER =
            Set.of(AlarmKind.SOS, AlarmKind.FALL, "PHONE_SOS", AlarmKind.VITALS_ABNORMAL, AlarmKind.GEOFENCE_EXIT);

    /** What the family gets for an alarm now: calls too, an SMS now, or an SMS held until {@code heldUntil}. */
    record Reach(boolean call, Instant heldUntil, String rule) {
        boolean held() {
            return heldUntil != null;
        }
    }

    private final AlarmProperties.QuietHours properties;
    private final ZoneId zone;

    FamilyPolicy(AlarmProperties properties, ZoneId zone) {
        this.properties = properties.familyPolicy();
        this.zone = zone;
    }

    Reach reach(String kind, Instant now) {
        if (PERSON_IN_DANGER.contains(kind)) {
            return new Reach(true, null, kind + " may be a person in danger: SMS and calls at any hour");
        }
        String quiet = properties.quietFrom() + "–" + properties.quietTo();
        Instant end = quietEnd(now);
        if (end != null) {
            return new Reach(
                    false,
                    end,
                    kind + " is a device condition: no family call; SMS held for the quiet hours " + quiet
                            + " (city time) until " + properties.quietTo());
        }
        return new Reach(false, null, kind + " is a device condition: SMS only, never a family call");
    }

    /** When the quiet hours around {@code now} end, or null outside them. */
    Instant quietEnd(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalTime from = properties.quietFrom();
        LocalTime to = properties.quietTo();
        if (from.equals(to)) {
            return null;
        }
        boolean overMidnight = from.isAfter(to);
        boolean inside =
                overMidnight ? !time.isBefore(from) || time.isBefore(to) : !time.isBefore(from) && time.isBefore(to);
        if (!inside) {
            return null;
        }
        ZonedDateTime end = local.with(to);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}

package org.anxin.platform.alarm;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who in the family is woken, and for what; decided per contact.
 *
 * <ul>
 *   <li>A person may be in danger (SOS, FALL, PHONE_SOS, VITALS_ABNORMAL): SMS and a call, at any
 *       hour; no quiet hours hold them back. A contact may take them by SMS without a call only if
 *       the desk allows it for that contact ({@link ContactPreferences#mayDeclineCalls}); never
 *       by the family page alone.
 *   <li>GEOFENCE_EXIT, a safe zone the family drew themselves (with its own active hours): SMS and
 *       a call at any hour by default; each contact may choose SMS or the page only.
 *   <li>Anything else is a device condition (watch removed, low battery, offline, inactivity, a
 *       care call unanswered, a vendor alarm): the desk handles it; a contact gets an SMS (or, by
 *       choice, the page only), never a call, and not within their quiet hours (their own, else
 *       the city's, default 22:00–07:00 city time): then the SMS waits until the quiet hours end,
 *       and goes only if the alarm is still open.
 * </ul>
 */
@Component
class FamilyPolicy {
    static final Set<String> LIFE_SAFETY =
            Set.of(AlarmKind.SOS, AlarmKind.FALL, AlarmKind.PHONE_SOS, AlarmKind.VITALS_ABNORMAL);
    /** The kinds a family hears of, in the order a contact's page lists them. */
    static final List<String> KINDS = List.of(
            AlarmKind.SOS,
            AlarmKind.FALL,
            AlarmKind.PHONE_SOS,
            AlarmKind.VITALS_ABNORMAL,
            AlarmKind.GEOFENCE_EXIT,
            AlarmKind.WATCH_REMOVED,
            AlarmKind.INACTIVITY,
            AlarmKind.CARE_CHECK,
            AlarmKind.OFFLINE,
            AlarmKind.LOW_BATTERY,
            AlarmKind.ALARM);

    /** Whether the SMS goes now, waits for {@code heldUntil}, or not at all. */
    enum Sms {
        NOW,
        HELD,
        NONE
    }

    /**
     * What one contact gets for an alarm now, and the rule that decided it; {@code limited}: the
     * contact's choice or quiet hours held something back or left it out, which the timeline names.
     */
    record Reach(Sms sms, Instant heldUntil, boolean call, boolean limited, String rule) {
        boolean held() {
            return sms == Sms.HELD;
        }
    }

    private final AlarmProperties.QuietHours city;
    private final ZoneId zone;

    FamilyPolicy(AlarmProperties properties, ZoneId zone) {
        this.city = properties.familyPolicy();
        this.zone = zone;
    }

    AlarmProperties.QuietHours cityQuietHours() {
        return city;
    }

    static FamilyChannel defaultChannel(String kind) {
        return callable(kind) ? FamilyChannel.CALL : FamilyChannel.SMS;
    }

    /** The channels a contact may choose for the kind; the desk's limit decides SMS for a person in danger. */
    static List<FamilyChannel> choices(String kind, boolean mayDeclineCalls) {
        List<FamilyChannel> choices = new ArrayList<>();
        for (FamilyChannel channel : FamilyChannel.values()) {
            if (refusal(kind, channel, mayDeclineCalls) == null) {
                choices.add(channel);
            }
        }
        return choices;
    }

    /** Why a contact may not choose this channel for the kind; null if they may. */
    static String refusal(String kind, FamilyChannel channel, boolean mayDeclineCalls) {
        if (!KINDS.contains(kind)) {
            return "not an alarm kind families are told of: " + kind + " (one of " + KINDS + ")";
        }
        if (LIFE_SAFETY.contains(kind)) {
            if (channel == FamilyChannel.FEED) {
                return kind + " may be a person in danger: it reaches every contact at least by SMS";
            }
            if (channel == FamilyChannel.SMS && !mayDeclineCalls) {
                return kind + " may be a person in danger: only the desk can let a contact take it without a call";
            }
            return null;
        }
        if (channel == FamilyChannel.CALL && !callable(kind)) {
            return kind + " is a device condition: families are never called for it (SMS or FEED)";
        }
        return null;
    }

    /** The channel of every kind for the contact, their choices over the defaults, in {@link #KINDS} order. */
    static Map<String, FamilyChannel> channels(ContactPreferences preferences) {
        Map<String, FamilyChannel> channels = new LinkedHashMap<>();
        KINDS.forEach(kind -> channels.put(kind, channel(kind, preferences)));
        return channels;
    }

    /** The contact's channel for the kind; a choice the desk's limits no longer allow falls back to the default. */
    private static FamilyChannel channel(String kind, ContactPreferences preferences) {
        FamilyChannel chosen = preferences.channels().get(kind);
        if (chosen == null || refusal(kind, chosen, preferences.mayDeclineCalls()) != null) {
            return defaultChannel(kind);
        }
        return chosen;
    }

    Reach reach(String kind, ContactPreferences preferences, Instant now) {
        FamilyChannel channel = channel(kind, preferences);
        if (callable(kind)) {
            return switch (channel) {
                case CALL -> new Reach(
                        Sms.NOW, null, true, false, kind + " may be a person in danger: SMS and calls at any hour");
                case SMS -> new Reach(
                        Sms.NOW,
                        null,
                        false,
                        true,
                        "call skipped: the contact chose SMS only for " + kind
                                + (LIFE_SAFETY.contains(kind) ? " (the desk allows it)" : ""));
                case FEED -> new Reach(
                        Sms.NONE, null, false, true, "skipped: the contact chose the family page only for " + kind);
            };
        }
        if (channel == FamilyChannel.FEED) {
            return new Reach(
                    Sms.NONE, null, false, true, "skipped: the contact chose the family page only for " + kind);
        }
        LocalTime from = preferences.ownQuietHours() ? preferences.quietFrom() : city.quietFrom();
        LocalTime to = preferences.ownQuietHours() ? preferences.quietTo() : city.quietTo();
        Instant end = quietEnd(now, from, to);
        if (end != null) {
            return new Reach(
                    Sms.HELD,
                    end,
                    false,
                    true,
                    "held: the contact's quiet hours " + from + "–" + to
                            + (preferences.ownQuietHours() ? " (their own, city time)" : " (the city's, city time)")
                            + "; " + kind + " is a device condition: SMS at " + to + " if still open, never a call");
        }
        return new Reach(Sms.NOW, null, false, false, kind + " is a device condition: SMS only, never a family call");
    }

    /** Kinds that may call a family: a person in danger, or the family's own safe zone. */
    private static boolean callable(String kind) {
        return LIFE_SAFETY.contains(kind) || AlarmKind.GEOFENCE_EXIT.equals(kind);
    }

    /** When the quiet hours {@code from}–{@code to} around {@code now} end, or null outside them. */
    Instant quietEnd(Instant now, LocalTime from, LocalTime to) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
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

package org.anxin.platform.alarm;

import java.time.LocalTime;
import java.util.Map;

/**
 * One contact's say in how alarms reach them: a channel for the kinds they changed (the others
 * keep {@link FamilyPolicy#defaultChannel}), quiet hours of their own (both null: the city's),
 * and the desk's limit {@code mayDeclineCalls}: only then may a person-in-danger kind reach them
 * by SMS without a call.
 */
record ContactPreferences(
        Map<String, FamilyChannel> channels, LocalTime quietFrom, LocalTime quietTo, boolean mayDeclineCalls) {
    static final ContactPreferences DEFAULT = new ContactPreferences(Map.of(), null, null, false);

    ContactPreferences {
        channels = Map.copyOf(channels);
    }

    boolean ownQuietHours() {
        return quietFrom != null && quietTo != null;
    }
}

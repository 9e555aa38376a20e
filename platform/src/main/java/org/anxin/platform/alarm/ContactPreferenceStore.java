package org.anxin.platform.alarm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contacts' preferences ({@code contact_preferences}), by senior and phone number: a contact
 * keeps them when the family re-orders the list, and loses them when their number changes.
 */
@Component
class ContactPreferenceStore {
    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    ContactPreferenceStore(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** Every contact of the senior that has preferences, by phone; the others have the defaults. */
    Map<String, ContactPreferences> forSenior(long seniorId) {
        Map<String, ContactPreferences> found = new HashMap<>();
        db.sql("select phone, channels::text as channels, quiet_from, quiet_to, may_decline_calls"
                        + " from contact_preferences where senior_id = ?")
                .param(seniorId)
                .query((rs, n) -> Map.entry(rs.getString("phone"), row(rs)))
                .list()
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    ContactPreferences of(long seniorId, String phone) {
        return forSenior(seniorId).getOrDefault(phone, ContactPreferences.DEFAULT);
    }

    /** The contact's own choices; the desk's limit stays as it is. */
    void choose(long seniorId, String phone, ContactPreferences chosen, String actor) {
        db.sql("insert into contact_preferences (senior_id, phone, channels, quiet_from, quiet_to, updated_at,"
                        + " updated_by) values (?, ?, cast(? as jsonb), ?, ?, ?, ?) on conflict (senior_id, phone)"
                        + " do update set channels = excluded.channels, quiet_from = excluded.quiet_from,"
                        + " quiet_to = excluded.quiet_to, updated_at = excluded.updated_at,"
                        + " updated_by = excluded.updated_by")
                .params(
                        seniorId,
                        phone,
                        json.writeValueAsString(chosen.channels()),
                        time(chosen.quietFrom()),
                        time(chosen.quietTo()),
                        Timestamp.from(clock.instant()),
                        actor)
                .update();
    }

    /** The desk's limit, with the contact's choices it no longer allows dropped. */
    void limit(long seniorId, String phone, ContactPreferences limited, String actor) {
        db.sql("insert into contact_preferences (senior_id, phone, channels, may_decline_calls, updated_at,"
                        + " updated_by) values (?, ?, cast(? as jsonb), ?, ?, ?) on conflict (senior_id, phone)"
                        + " do update set channels = excluded.channels, may_decline_calls = excluded.may_decline_calls,"
                        + " updated_at = excluded.updated_at, updated_by = excluded.updated_by")
                .params(
                        seniorId,
                        phone,
                        json.writeValueAsString(limited.channels()),
                        limited.mayDeclineCalls(),
                        Timestamp.from(clock.instant()),
                        actor)
                .update();
    }

    private ContactPreferences row(ResultSet rs) throws SQLException {
        Map<String, FamilyChannel> channels = new HashMap<>();
        JsonNode stored = json.readTree(rs.getString("channels"));
        stored.properties()
                .forEach(e -> channels.put(
                        e.getKey(), FamilyChannel.valueOf(e.getValue().asString())));
        return new ContactPreferences(
                channels,
                localTime(rs.getTime("quiet_from")),
                localTime(rs.getTime("quiet_to")),
                rs.getBoolean("may_decline_calls"));
    }

    private static Time time(LocalTime time) {
        return time == null ? null : Time.valueOf(time);
    }

    private static LocalTime localTime(Time time) {
        return time == null ? null : time.toLocalTime();
    }
}

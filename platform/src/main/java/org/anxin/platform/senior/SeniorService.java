package org.anxin.platform.senior;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.SeniorDirectory;
import org.anxin.platform.system.Viewer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Seniors and their records; the module's public face. */
@Service
public class SeniorService implements SeniorDirectory {
    private static final RowMapper<Senior> ROW = (rs, n) -> new Senior(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("phone"),
            rs.getString("address"),
            (Double) rs.getObject("lat"),
            (Double) rs.getObject("lon"),
            rs.getString("community"));

    private final JdbcClient db;

    SeniorService(JdbcClient db) {
        this.db = db;
    }

    public record NewSenior(String name, String phone, String address, Double lat, Double lon, String community) {}

    /** The record's health and access facts; null fields are left empty. */
    public record Profile(
            LocalDate birthDate, String healthNotes, String medicines, String allergies, String doorNotes) {
        public static final Profile EMPTY = new Profile(null, null, null, null, null);
    }

    public Senior create(NewSenior senior) {
        return create(senior, Profile.EMPTY, List.of());
    }

    @Transactional
    public Senior create(NewSenior senior, Profile profile, List<SeniorRecord.Contact> contacts) {
        long id = db.sql("insert into seniors (name, phone, address, lat, lon, birth_date, health_notes, medicines,"
                        + " allergies, door_notes, community, name_initials)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(
                        senior.name(),
                        senior.phone(),
                        senior.address(),
                        senior.lat(),
                        senior.lon(),
                        profile.birthDate(),
                        profile.healthNotes(),
                        profile.medicines(),
                        profile.allergies(),
                        profile.doorNotes(),
                        senior.community(),
                        senior.name() == null ? null : NameInitials.of(senior.name()))
                .query(Long.class)
                .single();
        replaceContacts(id, contacts);
        return new Senior(
                id, senior.name(), senior.phone(), senior.address(), senior.lat(), senior.lon(), senior.community());
    }

    /** Replaces the senior's emergency contacts; their order in the list is the call order. */
    @Transactional
    public List<SeniorRecord.Contact> replaceContacts(long seniorId, List<SeniorRecord.Contact> contacts) {
        db.sql("delete from emergency_contacts where senior_id = ?")
                .param(seniorId)
                .update();
        List<SeniorRecord.Contact> stored = new ArrayList<>();
        for (SeniorRecord.Contact contact : contacts) {
            SeniorRecord.Contact numbered =
                    new SeniorRecord.Contact(stored.size() + 1, contact.name(), contact.relation(), contact.phone());
            db.sql("insert into emergency_contacts (senior_id, position, name, relation, phone) values (?, ?, ?, ?, ?)")
                    .params(seniorId, numbered.position(), numbered.name(), numbered.relation(), numbered.phone())
                    .update();
            stored.add(numbered);
        }
        return stored;
    }

    void setBirthDate(long seniorId, LocalDate birthDate) {
        db.sql("update seniors set birth_date = ? where id = ?")
                .params(birthDate, seniorId)
                .update();
    }

    public List<SeniorRecord.Contact> contacts(long seniorId) {
        return db.sql("select position, name, relation, phone from emergency_contacts where senior_id = ?"
                        + " order by position")
                .param(seniorId)
                .query((rs, n) -> new SeniorRecord.Contact(
                        rs.getInt("position"), rs.getString("name"), rs.getString("relation"), rs.getString("phone")))
                .list();
    }

    /** The full record, door notes included: callers decide whether to show them. */
    public Optional<SeniorRecord> record(long id) {
        return find(id).map(senior -> db.sql(
                        "select birth_date, health_notes, medicines, allergies, door_notes from seniors where id = ?")
                .param(id)
                .query((rs, n) -> new SeniorRecord(
                        senior,
                        rs.getObject("birth_date", LocalDate.class),
                        rs.getString("health_notes"),
                        rs.getString("medicines"),
                        rs.getString("allergies"),
                        rs.getString("door_notes"),
                        contacts(id)))
                .single());
    }

    /** Who the senior lives with, as the desk recorded it; empty when not recorded. */
    public Optional<LivingSituation> livingSituation(long id) {
        return db.sql("select living_situation from seniors where id = ?")
                .param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)).map(LivingSituation::valueOf))
                .optional()
                .flatMap(living -> living);
    }

    public Optional<Senior> find(long id) {
        return db.sql("select * from seniors where id = ?").param(id).query(ROW).optional();
    }

    /** The senior, if it exists and the viewer may see their care record (404, 403 otherwise). */
    public Senior get(long id, Viewer viewer) {
        Senior senior = find(id).orElseThrow(() -> ApiProblem.notFound("no senior " + id));
        viewer.checkMaySee(id);
        return senior;
    }

    public List<Senior> list(Viewer viewer) {
        if (viewer.seesEverySenior()) {
            return db.sql("select * from seniors order by id").query(ROW).list();
        }
        return byIds(viewer.seniorIds()).values().stream().toList();
    }

    @Override
    public boolean exists(long seniorId) {
        return find(seniorId).isPresent();
    }

    /** The seniors with these ids that exist, by id in ascending order: one query. */
    public SortedMap<Long, Senior> byIds(Collection<Long> ids) {
        SortedMap<Long, Senior> found = new TreeMap<>();
        if (ids == null || ids.isEmpty()) {
            return found;
        }
        db.sql("select * from seniors where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(ROW)
                .list()
                .forEach(senior -> found.put(senior.id(), senior));
        return found;
    }

    /** The ids of the seniors living in any of the communities, e.g. to scope a street officer's lists. */
    public List<Long> idsInCommunities(java.util.Collection<String> communities) {
        return db.sql("select id from seniors where community = any(?) order by id")
                .param(communities.toArray(String[]::new))
                .query(Long.class)
                .list();
    }

    /** The ids of the seniors living in the community (社区), e.g. to scope a community officer's lists. */
    public List<Long> idsInCommunity(String community) {
        return db.sql("select id from seniors where community = ? order by id")
                .param(community)
                .query(Long.class)
                .list();
    }
}

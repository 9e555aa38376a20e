package org.anxin.platform.senior;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.anxin.platform.system.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit of changes to a senior's record made after enrolment (a family editing the contacts
 * and their call order): who, when, before and after.
 */
@Service
public class SeniorChanges {
    /** What part of the record changed. */
    public enum Kind {
        CONTACTS,
        BIRTH_DATE
    }

    public record Change(
            long id, long seniorId, Instant at, String actor, String role, Kind kind, String before, String after) {}

    private final SeniorService seniors;
    private final JdbcClient db;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SeniorChanges(SeniorService seniors, JdbcClient db, ApplicationEventPublisher events, Clock clock) {
        this.seniors = seniors;
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    /** Replaces the contacts (their order is the call order) and records who did it; unchanged: nothing recorded. */
    @Transactional
    public List<SeniorRecord.Contact> replaceContacts(long seniorId, List<SeniorRecord.Contact> contacts, Viewer by) {
        String before = summary(seniors.contacts(seniorId));
        List<SeniorRecord.Contact> stored = seniors.replaceContacts(seniorId, contacts);
        String after = summary(stored);
        if (!before.equals(after)) {
            db.sql("insert into senior_changes (senior_id, at, actor, role, kind, before, after)"
                            + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            seniorId,
                            Timestamp.from(clock.instant()),
                            by.username(),
                            by.role().name(),
                            Kind.CONTACTS.name(),
                            before,
                            after)
                    .update();
            events.publishEvent(new ContactsChanged(seniorId, by.username(), "contacts now: " + after));
        }
        return stored;
    }

    /**
     * Corrects the birth date on the record and records who did it; what rests on the age (the 高龄
     * subsidy category) follows on its next check.
     */
    @Transactional
    public LocalDate correctBirthDate(long seniorId, LocalDate birthDate, Viewer by) {
        LocalDate before = seniors.record(seniorId).map(SeniorRecord::birthDate).orElse(null);
        seniors.setBirthDate(seniorId, birthDate);
        if (!java.util.Objects.equals(before, birthDate)) {
            db.sql("insert into senior_changes (senior_id, at, actor, role, kind, before, after)"
                            + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            seniorId,
                            Timestamp.from(clock.instant()),
                            by.username(),
                            by.role().name(),
                            Kind.BIRTH_DATE.name(),
                            before == null ? null : before.toString(),
                            birthDate.toString())
                    .update();
        }
        return birthDate;
    }

    public List<Change> forSenior(long seniorId) {
        return db.sql("select * from senior_changes where senior_id = ? order by at desc, id desc limit 200")
                .param(seniorId)
                .query((rs, n) -> new Change(
                        rs.getLong("id"),
                        rs.getLong("senior_id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("role"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("before"),
                        rs.getString("after")))
                .list();
    }

    /** "1. 王军 (儿子) 138…; 2. …" — the call order as the desk reads it. */
    static String summary(List<SeniorRecord.Contact> contacts) {
        if (contacts.isEmpty()) {
            return "none";
        }
        return contacts.stream()
                .map(c -> c.position() + ". " + c.name() + (c.relation() == null ? "" : " (" + c.relation() + ")") + " "
                        + c.phone())
                .collect(Collectors.joining("; "));
    }
}

package org.anxin.platform.senior;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A senior's whole record as the desk's senior page reads and edits it: every change goes
 * through {@link #update}, which lets a FAMILY user change only the fields of
 * {@link FamilyEditable} (403 naming the others) and writes one {@code senior_changes} row
 * (kind PROFILE) with the fields before and after.
 */
@Service
public class SeniorProfiles {
    /** Text fields of the record and their columns, in the order the audit lists them. */
    private static final Map<String, String> TEXT = textColumns();

    private static final String DOOR_NOTES = "doorNotes";
    private static final String MEDICINES = "medicines";

    private final SeniorService seniors;
    private final JdbcClient db;
    private final FamilyEditable familyEditable;
    private final Clock clock;

    SeniorProfiles(SeniorService seniors, JdbcClient db, FamilyEditable familyEditable, Clock clock) {
        this.seniors = seniors;
        this.db = db;
        this.familyEditable = familyEditable;
        this.clock = clock;
    }

    private static Map<String, String> textColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("name", "name");
        columns.put("phone", "phone");
        columns.put("idCardLast4", "id_card_last4");
        columns.put("address", "address");
        columns.put("community", "community");
        columns.put("livingSituation", "living_situation");
        columns.put("healthNotes", "health_notes");
        columns.put("chronicConditions", "chronic_conditions");
        columns.put("allergies", "allergies");
        columns.put("familyDoctor", "family_doctor");
        columns.put("clinic", "clinic");
        columns.put("bloodType", "blood_type");
        columns.put(DOOR_NOTES, "door_notes");
        return columns;
    }

    /** The record for a viewer who may see the senior (404, 403 otherwise). */
    public SeniorProfile profile(long id, Viewer viewer) {
        seniors.get(id, viewer);
        return db.sql("select * from seniors where id = ?")
                .param(id)
                .query((rs, n) -> new SeniorProfile(
                        id,
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getString("id_card_last4"),
                        rs.getString("address"),
                        (Double) rs.getObject("lat"),
                        (Double) rs.getObject("lon"),
                        rs.getString("community"),
                        rs.getObject("birth_date", LocalDate.class),
                        rs.getString("living_situation") == null
                                ? null
                                : LivingSituation.valueOf(rs.getString("living_situation")),
                        rs.getString("health_notes"),
                        rs.getString("chronic_conditions"),
                        rs.getString("allergies"),
                        rs.getString("medicines"),
                        medicines(id),
                        rs.getString("family_doctor"),
                        rs.getString("clinic"),
                        rs.getString("blood_type"),
                        rs.getString("door_notes") != null,
                        seniors.contacts(id)))
                .single();
    }

    /** The senior's medicines in their order. */
    public List<Medicine> medicines(long seniorId) {
        return db.sql("select name, dose, times from senior_medicines where senior_id = ? order by position")
                .param(seniorId)
                .query((rs, n) -> new Medicine(rs.getString("name"), rs.getString("dose"), times(rs.getArray("times"))))
                .list();
    }

    /** A medicine of a senior, for the reminders: whom to remind of what at which times. */
    public record MedicineOf(long seniorId, String seniorName, String seniorPhone, Medicine medicine) {}

    /**
     * The medicines taken at a time of day after {@code from} and up to {@code to} (city time; the
     * span may run over midnight), with their senior: the reminders' schedule for one tick.
     */
    public List<MedicineOf> medicinesTakenBetween(LocalTime from, LocalTime to) {
        String inSpan = from.isBefore(to) ? "t > ? and t <= ?" : "(t > ? or t <= ?)";
        return db.sql("select m.senior_id, s.name as senior_name, s.phone, m.name, m.dose, m.times"
                        + " from senior_medicines m join seniors s on s.id = m.senior_id"
                        + " where exists (select 1 from unnest(m.times) as t where " + inSpan + ")"
                        + " order by m.senior_id, m.position")
                .params(Time.valueOf(from), Time.valueOf(to))
                .query((rs, n) -> new MedicineOf(
                        rs.getLong("senior_id"),
                        rs.getString("senior_name"),
                        rs.getString("phone"),
                        new Medicine(rs.getString("name"), rs.getString("dose"), times(rs.getArray("times")))))
                .list();
    }

    /** The door-access notes, for desk staff only, each reading audited (kind DOOR_NOTES_READ). */
    @Transactional
    public String doorNotes(long id, Viewer viewer) {
        seniors.get(id, viewer);
        if (!viewer.isDesk()) {
            throw ApiProblem.forbidden("only the desk reads door-access notes");
        }
        audit(id, viewer, SeniorChanges.Kind.DOOR_NOTES_READ, null, null);
        return db.sql("select door_notes from seniors where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Applies the change; unchanged fields are not touched and nothing unchanged is audited. */
    @Transactional
    public SeniorProfile update(long id, ProfileChange change, Viewer viewer) {
        seniors.get(id, viewer);
        if (!viewer.isDesk() && viewer.role() != Role.FAMILY) {
            throw ApiProblem.forbidden("only the desk and the senior's family change the record");
        }
        Map<String, Object> current = current(id);
        Map<String, Object> wanted = wanted(change);
        Map<String, Object> changed = new LinkedHashMap<>();
        wanted.forEach((field, value) -> {
            if (!Objects.equals(current.get(field), value)) {
                changed.put(field, value);
            }
        });
        if (viewer.role() == Role.FAMILY) {
            Set<String> forbidden = new TreeSet<>(changed.keySet());
            forbidden.removeAll(familyEditable.familyEditable());
            if (!forbidden.isEmpty()) {
                throw ApiProblem.forbidden("the family may not change " + String.join(", ", forbidden)
                        + "; the desk allows " + new TreeSet<>(familyEditable.familyEditable()));
            }
        }
        if (changed.isEmpty()) {
            return profile(id, viewer);
        }
        write(id, changed, change.medicines());
        audit(
                id,
                viewer,
                SeniorChanges.Kind.PROFILE,
                describe(current, changed.keySet()),
                describe(changed, changed.keySet()));
        return profile(id, viewer);
    }

    private void write(long id, Map<String, Object> changed, List<Medicine> medicines) {
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        changed.forEach((field, value) -> {
            if (TEXT.containsKey(field)) {
                sets.add(TEXT.get(field) + " = ?");
                params.add(value);
                if (field.equals("name")) {
                    sets.add("name_initials = ?");
                    params.add(NameInitials.of((String) value));
                }
            } else if (field.equals("lat") || field.equals("lon")) {
                sets.add(field + " = ?");
                params.add(value);
            } else if (field.equals("birthDate")) {
                sets.add("birth_date = ?");
                params.add(value);
            }
        });
        if (changed.containsKey(MEDICINES)) {
            sets.add("medicines = ?");
            params.add(changed.get(MEDICINES));
            replaceMedicines(id, medicines);
        }
        params.add(id);
        db.sql("update seniors set " + String.join(", ", sets) + " where id = ?")
                .params(params)
                .update();
    }

    private void replaceMedicines(long id, List<Medicine> medicines) {
        db.sql("delete from senior_medicines where senior_id = ?").param(id).update();
        int position = 0;
        for (Medicine medicine : medicines) {
            db.sql(
                            "insert into senior_medicines (senior_id, position, name, dose, times) values (?, ?, ?, ?, ?::time[])")
                    .params(
                            id,
                            ++position,
                            medicine.name().strip(),
                            blankToNull(medicine.dose()),
                            "{"
                                    + medicine.times().stream()
                                            .map(LocalTime::toString)
                                            .collect(Collectors.joining(","))
                                    + "}")
                    .update();
        }
    }

    private Map<String, Object> current(long id) {
        Map<String, Object> values = new LinkedHashMap<>();
        db.sql("select * from seniors where id = ?").param(id).query(rs -> {
            for (Map.Entry<String, String> text : TEXT.entrySet()) {
                values.put(text.getKey(), rs.getString(text.getValue()));
            }
            values.put("lat", rs.getObject("lat"));
            values.put("lon", rs.getObject("lon"));
            values.put("birthDate", rs.getObject("birth_date", LocalDate.class));
        });
        List<Medicine> medicines = medicines(id);
        values.put(MEDICINES, medicines.isEmpty() ? null : summary(medicines));
        return values;
    }

    /** The change's fields that were given, normalised the way they are stored; 400 on bad values. */
    private static Map<String, Object> wanted(ProfileChange change) {
        Map<String, Object> values = new LinkedHashMap<>();
        text(values, "name", change.name());
        if (values.containsKey("name") && values.get("name") == null) {
            throw ApiProblem.badRequest("name may not be empty");
        }
        text(values, "phone", change.phone());
        text(
                values,
                "idCardLast4",
                change.idCardLast4() == null ? null : change.idCardLast4().toUpperCase(java.util.Locale.ROOT));
        text(values, "address", change.address());
        text(values, "community", change.community());
        text(values, "livingSituation", change.livingSituation());
        text(values, "healthNotes", change.healthNotes());
        text(values, "chronicConditions", change.chronicConditions());
        text(values, "allergies", change.allergies());
        text(values, "familyDoctor", change.familyDoctor());
        text(values, "clinic", change.clinic());
        text(values, "bloodType", change.bloodType());
        text(values, DOOR_NOTES, change.doorNotes());
        if ((change.lat() == null) != (change.lon() == null)) {
            throw ApiProblem.badRequest("lat and lon must be given together");
        }
        if (change.lat() != null) {
            values.put("lat", change.lat());
            values.put("lon", change.lon());
        }
        if (change.birthDate() != null) {
            values.put("birthDate", change.birthDate());
        }
        if (change.medicines() != null) {
            values.put(MEDICINES, change.medicines().isEmpty() ? null : summary(change.medicines()));
        }
        return values;
    }

    private static void text(Map<String, Object> values, String field, String value) {
        if (value != null) {
            values.put(field, blankToNull(value));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "氨氯地平 5mg 08:00/20:00; 二甲双胍 0.5g 07:30": the alarm desk's one line of medicines. */
    static String summary(List<Medicine> medicines) {
        return medicines.stream().map(Medicine::summary).collect(Collectors.joining("; "));
    }

    /** "phone: 138…; allergies: 青霉素" for the audit; door notes never appear in clear there. */
    private static String describe(Map<String, Object> values, Set<String> fields) {
        return fields.stream()
                .map(field -> field + ": "
                        + (field.equals(DOOR_NOTES)
                                ? (values.get(field) == null ? "(none)" : "(set)")
                                : values.get(field) == null ? "(empty)" : values.get(field)))
                .collect(Collectors.joining("; "));
    }

    private void audit(long id, Viewer by, SeniorChanges.Kind kind, String before, String after) {
        db.sql(
                        "insert into senior_changes (senior_id, at, actor, role, kind, before, after) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        Timestamp.from(clock.instant()),
                        by.username(),
                        by.role().name(),
                        kind.name(),
                        before,
                        after)
                .update();
    }

    private static List<LocalTime> times(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray())
                .map(t -> t instanceof Time time ? time.toLocalTime() : LocalTime.parse(t.toString()))
                .sorted()
                .toList();
    }
}

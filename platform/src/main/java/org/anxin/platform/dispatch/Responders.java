package org.anxin.platform.dispatch;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import redis.clients.jedis.JedisPooled;

/** Providers and responders: PostgreSQL the record, Redis the live index; the module's public face. */
@Service
public class Responders {
    public static final Set<String> SKILLS =
            Set.of("FIRST_AID", "NURSING", "MEAL", "BATHING", "CLEANING", "ESCORT", "SHOPPING", "DOCTOR_ESCORT");
    public static final Set<String> PROVIDER_KINDS =
            Set.of("COMMUNITY_STATION", "HOME_CARE", "CLINIC", "VOLUNTEER_TEAM");
    private static final Logger log = LoggerFactory.getLogger(Responders.class);

    private final JdbcClient db;
    private final ResponderIndex index;
    private final Clock clock;

    Responders(JdbcClient db, JedisPooled redis, Clock clock) {
        this.db = db;
        this.index = new ResponderIndex(redis);
        this.clock = clock;
    }

    ResponderIndex index() {
        return index;
    }

    public record Provider(long id, String name, String kind, ServiceArea serviceArea) {}

    public record NewResponder(
            String name,
            String phone,
            long providerId,
            List<String> skills,
            TravelMode mode,
            LocalTime shiftStart,
            LocalTime shiftEnd,
            Integer capacity,
            String username) {}

    public Provider createProvider(String name, String kind, ServiceArea area) {
        if (!PROVIDER_KINDS.contains(kind)) {
            throw ApiProblem.badRequest(
                    "kind must be one of " + PROVIDER_KINDS.stream().sorted().toList());
        }
        long id = db.sql("insert into providers (name, kind, area_lat, area_lon, area_radius_m) values (?, ?, ?, ?, ?)"
                        + " returning id")
                .params(
                        name,
                        kind,
                        area == null ? null : area.lat(),
                        area == null ? null : area.lon(),
                        area == null ? null : area.radiusMeters())
                .query(Long.class)
                .single();
        return new Provider(id, name, kind, area);
    }

    public List<Provider> providers() {
        return db.sql("select * from providers order by id")
                .query((rs, n) -> providerRow(rs))
                .list();
    }

    private ServiceArea areaOf(long providerId) {
        return db.sql("select * from providers where id = ?")
                .param(providerId)
                .query((rs, n) -> providerRow(rs))
                .optional()
                .map(Provider::serviceArea)
                .orElse(null);
    }

    private static Provider providerRow(ResultSet rs) throws SQLException {
        Object radius = rs.getObject("area_radius_m");
        return new Provider(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("kind"),
                radius == null
                        ? null
                        : new ServiceArea(
                                rs.getDouble("area_lat"), rs.getDouble("area_lon"), ((Number) radius).intValue()));
    }

    @Transactional
    public Responder create(NewResponder r) {
        for (String skill : r.skills()) {
            if (!SKILLS.contains(skill)) {
                throw ApiProblem.badRequest("unknown skill " + skill + "; skills are "
                        + SKILLS.stream().sorted().toList());
            }
        }
        if (db.sql("select count(*) from providers where id = ?")
                        .param(r.providerId())
                        .query(Long.class)
                        .single()
                == 0) {
            throw ApiProblem.badRequest("provider " + r.providerId() + " does not exist");
        }
        if (r.username() != null) {
            String role = db.sql("select role from users where username = ?")
                    .param(r.username())
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> ApiProblem.badRequest("user " + r.username() + " does not exist"));
            if (!Role.RESPONDER.name().equals(role)) {
                throw ApiProblem.badRequest("user " + r.username() + " is not a RESPONDER");
            }
        }
        if ((r.shiftStart() == null) != (r.shiftEnd() == null)) {
            throw ApiProblem.badRequest("shiftStart and shiftEnd go together");
        }
        long id = db.sql("insert into responders (name, phone, provider_id, skills, mode, shift_start, shift_end,"
                        + " capacity, username) values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?) returning id")
                .params(
                        r.name(),
                        r.phone(),
                        r.providerId(),
                        r.skills().toArray(String[]::new),
                        r.mode().name(),
                        r.shiftStart(),
                        r.shiftEnd(),
                        r.capacity() == null ? 1 : r.capacity(),
                        r.username())
                .query(Long.class)
                .single();
        Responder created = find(id).orElseThrow();
        publish(created);
        return created;
    }

    public Optional<Responder> find(long id) {
        return db.sql("select * from responders where id = ?")
                .param(id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public Responder get(long id) {
        return find(id).orElseThrow(() -> ApiProblem.notFound("no responder " + id));
    }

    public Optional<Responder> byUsername(String username) {
        return db.sql("select * from responders where username = ?")
                .param(username)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public List<Responder> list() {
        return db.sql("select * from responders order by id")
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Staff may act for any responder; a RESPONDER only for themself. */
    Responder mayAct(long id, Viewer viewer) {
        Responder responder = get(id);
        if (!viewer.isDesk() && !viewer.username().equals(responder.username())) {
            throw ApiProblem.forbidden("you may act only for yourself");
        }
        return responder;
    }

    @Transactional
    public Responder position(long id, double lat, double lon, Viewer viewer) {
        mayAct(id, viewer);
        db.sql("update responders set lat = ?, lon = ?, position_at = ? where id = ?")
                .params(lat, lon, Timestamp.from(clock.instant()), id)
                .update();
        Responder updated = get(id);
        publish(updated);
        return updated;
    }

    @Transactional
    public Responder status(long id, String status, Viewer viewer) {
        mayAct(id, viewer);
        return setStatus(id, status);
    }

    Responder setStatus(long id, String status) {
        if (!Set.of("AVAILABLE", "BUSY", "OFF").contains(status)) {
            throw ApiProblem.badRequest("status must be AVAILABLE, BUSY or OFF");
        }
        db.sql("update responders set status = ? where id = ?")
                .params(status, id)
                .update();
        Responder updated = get(id);
        publish(updated);
        return updated;
    }

    /** A job taken (+1) or finished (-1); a responder at capacity is BUSY, below it AVAILABLE again. */
    Responder changeLoad(long id, int delta) {
        db.sql("update responders set load = greatest(0, load + ?) where id = ?")
                .params(delta, id)
                .update();
        Responder r = get(id);
        if (delta > 0 && r.load() >= r.capacity() && "AVAILABLE".equals(r.status())) {
            return setStatus(id, "BUSY");
        }
        if (delta < 0 && r.load() < r.capacity() && "BUSY".equals(r.status())) {
            return setStatus(id, "AVAILABLE");
        }
        publish(r);
        return r;
    }

    /**
     * A responder who could take a booked home visit: not OFF, with a live position; and the
     * service area of their provider (null: the whole city).
     */
    public record Bookable(Responder responder, ServiceArea serviceArea) {
        /** Whether the place is inside the provider's service area (always, without one). */
        public boolean serves(double lat, double lon) {
            return serviceArea == null || serviceArea.contains(lat, lon);
        }
    }

    /** Every responder not OFF and with a position, for batch assignment of booked visits. */
    public List<Bookable> bookable() {
        List<Provider> providers = providers();
        return db
                .sql("select * from responders where status <> 'OFF' and lat is not null and lon is not null"
                        + " order by id")
                .query((rs, n) -> row(rs))
                .list()
                .stream()
                .map(r -> new Bookable(
                        r,
                        providers.stream()
                                .filter(p -> p.id() == r.providerId())
                                .findFirst()
                                .map(Provider::serviceArea)
                                .orElse(null)))
                .toList();
    }

    public Optional<Provider> provider(long id) {
        return db.sql("select * from providers where id = ?")
                .param(id)
                .query((rs, n) -> providerRow(rs))
                .optional();
    }

    /** Sets the responder's rating (1–5), which the dispatcher's ranking uses. */
    @Transactional
    public Responder rate(long id, double rating) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("a rating is between 1 and 5: " + rating);
        }
        db.sql("update responders set rating = ? where id = ?")
                .params(rating, id)
                .update();
        Responder updated = get(id);
        publish(updated);
        return updated;
    }

    void publish(Responder r) {
        index.update(r.state(areaOf(r.providerId())), "AVAILABLE".equals(r.status()), r.lat(), r.lon());
    }

    /** Redis is the live copy: refill it from PostgreSQL whenever a node starts. */
    @EventListener(ApplicationReadyEvent.class)
    void republish() {
        List<Responder> all = list();
        all.forEach(this::publish);
        log.info("{} responders published to the live index", all.size());
    }

    private static Responder row(ResultSet rs) throws SQLException {
        Array skills = rs.getArray("skills");
        return new Responder(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getLong("provider_id"),
                Arrays.asList((String[]) skills.getArray()),
                TravelMode.valueOf(rs.getString("mode")),
                rs.getObject("shift_start", LocalTime.class),
                rs.getObject("shift_end", LocalTime.class),
                rs.getString("status"),
                rs.getDouble("rating"),
                rs.getInt("capacity"),
                rs.getInt("load"),
                rs.getString("username"),
                (Double) rs.getObject("lat"),
                (Double) rs.getObject("lon"),
                rs.getTimestamp("position_at") == null
                        ? null
                        : rs.getTimestamp("position_at").toInstant());
    }
}

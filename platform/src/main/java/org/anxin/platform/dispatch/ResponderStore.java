package org.anxin.platform.dispatch;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The providers and responders tables: every statement on them, and their row mappers. */
@Repository
class ResponderStore {
    private final JdbcClient db;

    ResponderStore(JdbcClient db) {
        this.db = db;
    }

    long insertProvider(String name, String kind, ServiceArea area) {
        return db.sql("insert into providers (name, kind, area_lat, area_lon, area_radius_m) values (?, ?, ?, ?, ?)"
                        + " returning id")
                .params(
                        name,
                        kind,
                        area == null ? null : area.lat(),
                        area == null ? null : area.lon(),
                        area == null ? null : area.radiusMeters())
                .query(Long.class)
                .single();
    }

    List<Responders.Provider> providers() {
        return db.sql("select * from providers order by id")
                .query(ResponderStore::providerRow)
                .list();
    }

    Optional<Responders.Provider> provider(long id) {
        return db.sql("select * from providers where id = ?")
                .param(id)
                .query(ResponderStore::providerRow)
                .optional();
    }

    void rateProvider(long providerId, double rating, int ratedOrders) {
        db.sql("update providers set rating = ?, rated_orders = ? where id = ?")
                .params(rating, ratedOrders, providerId)
                .update();
    }

    long insert(Responders.NewResponder r) {
        return db.sql("insert into responders (name, phone, provider_id, skills, mode, shift_start, shift_end,"
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
    }

    Optional<Responder> find(long id) {
        return db.sql("select * from responders where id = ?")
                .param(id)
                .query(ResponderStore::row)
                .optional();
    }

    Optional<Responder> byUsername(String username) {
        return db.sql("select * from responders where username = ?")
                .param(username)
                .query(ResponderStore::row)
                .optional();
    }

    List<Responder> list() {
        return db.sql("select * from responders order by id")
                .query(ResponderStore::row)
                .list();
    }

    List<Responder> byIds(Collection<Long> ids) {
        return db.sql("select * from responders where id = any(?) order by id")
                .param(ids.toArray(Long[]::new))
                .query(ResponderStore::row)
                .list();
    }

    List<Responder> ofProvider(long providerId) {
        return db.sql("select * from responders where provider_id = ? order by id")
                .param(providerId)
                .query(ResponderStore::row)
                .list();
    }

    /** Responders not OFF and with a position. */
    List<Responder> onDutyWithPosition() {
        return db.sql("select * from responders where status <> ? and lat is not null and lon is not null order by id")
                .param(ResponderStatus.OFF.name())
                .query(ResponderStore::row)
                .list();
    }

    void position(long id, double lat, double lon, Instant at) {
        db.sql("update responders set lat = ?, lon = ?, position_at = ? where id = ?")
                .params(lat, lon, Timestamp.from(at), id)
                .update();
    }

    void status(long id, ResponderStatus status) {
        db.sql("update responders set status = ? where id = ?")
                .params(status.name(), id)
                .update();
    }

    void changeLoad(long id, int delta) {
        db.sql("update responders set load = greatest(0, load + ?) where id = ?")
                .params(delta, id)
                .update();
    }

    void rate(long id, double rating, int ratedOrders) {
        db.sql("update responders set rating = ?, rated_orders = ? where id = ?")
                .params(rating, ratedOrders, id)
                .update();
    }

    private static Responders.Provider providerRow(ResultSet rs, int n) throws SQLException {
        Object radius = rs.getObject("area_radius_m");
        return new Responders.Provider(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("kind"),
                radius == null
                        ? null
                        : new ServiceArea(
                                rs.getDouble("area_lat"), rs.getDouble("area_lon"), ((Number) radius).intValue()),
                (Double) rs.getObject("rating"),
                rs.getInt("rated_orders"));
    }

    private static Responder row(ResultSet rs, int n) throws SQLException {
        Array skills = rs.getArray("skills");
        Timestamp positionAt = rs.getTimestamp("position_at");
        return new Responder(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getLong("provider_id"),
                Arrays.asList((String[]) skills.getArray()),
                TravelMode.valueOf(rs.getString("mode")),
                rs.getObject("shift_start", LocalTime.class),
                rs.getObject("shift_end", LocalTime.class),
                ResponderStatus.valueOf(rs.getString("status")),
                rs.getDouble("rating"),
                rs.getInt("rated_orders"),
                rs.getInt("capacity"),
                rs.getInt("load"),
                rs.getString("username"),
                (Double) rs.getObject("lat"),
                (Double) rs.getObject("lon"),
                positionAt == null ? null : positionAt.toInstant());
    }
}

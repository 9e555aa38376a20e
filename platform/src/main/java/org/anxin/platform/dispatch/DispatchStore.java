package org.anxin.platform.dispatch;

import static org.anxin.platform.dispatch.DispatchStatus.ACCEPTED;
import static org.anxin.platform.dispatch.DispatchStatus.OFFERING;
import static org.anxin.platform.dispatch.OfferStatus.OFFERED;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dispatches and offers tables: every statement on them, and their row mappers. No rule lives
 * here; each conditional update says by its count or its returned rows whether it took, so that the
 * callers decide (and two nodes never both take the same row).
 */
@Repository
class DispatchStore {
    private static final String LIVE = DispatchStatus.sql(DispatchStatus.LIVE);

    private final JdbcClient db;

    DispatchStore(JdbcClient db) {
        this.db = db;
    }

    /** A new dispatch for the alarm, or empty when the alarm already has a live one. */
    Optional<Long> insertForAlarm(
            long alarmId, String skill, double lat, double lon, int circleSeconds, String by, Instant at) {
        return db.sql("insert into dispatches (alarm_id, kind, skill, lat, lon, circle_seconds, status, created_by,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (alarm_id) where status in ("
                        + LIVE + ") do nothing returning id")
                .params(alarmId, Circle.EMERGENCY.code(), skill, lat, lon, circleSeconds, OFFERING.name(), by, ts(at))
                .query(Long.class)
                .optional();
    }

    long insertForOrder(long orderId, String skill, double lat, double lon, int circleSeconds, String by, Instant at) {
        return db.sql("insert into dispatches (order_id, kind, skill, lat, lon, circle_seconds, status, created_by,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(orderId, Circle.SERVICE.code(), skill, lat, lon, circleSeconds, OFFERING.name(), by, ts(at))
                .query(Long.class)
                .single();
    }

    Dispatch get(long id) {
        return find(id).orElseThrow();
    }

    Optional<Dispatch> find(long id) {
        return db.sql("select * from dispatches where id = ?")
                .param(id)
                .query(DispatchStore::dispatchRow)
                .optional();
    }

    /** The dispatch, its row locked for this transaction. */
    Dispatch lock(long id) {
        return db.sql("select * from dispatches where id = ? for update")
                .param(id)
                .query(DispatchStore::dispatchRow)
                .single();
    }

    /** The dispatch if still OFFERING and no other node holds it (skip locked), locked. */
    Optional<Dispatch> lockIfOffering(long id) {
        return db.sql("select * from dispatches where id = ? and status = " + OFFERING.sql()
                        + " for update skip locked")
                .param(id)
                .query(DispatchStore::dispatchRow)
                .optional();
    }

    List<Dispatch> byIds(Collection<Long> ids) {
        return db.sql("select * from dispatches where id = any(?) order by id")
                .param(ids.toArray(Long[]::new))
                .query(DispatchStore::dispatchRow)
                .list();
    }

    List<Dispatch> forAlarm(long alarmId) {
        return db.sql("select * from dispatches where alarm_id = ? order by id")
                .param(alarmId)
                .query(DispatchStore::dispatchRow)
                .list();
    }

    /** The responder's jobs in hand: ACCEPTED or ARRIVED. */
    List<Dispatch> jobsOf(long responderId) {
        return db.sql("select * from dispatches where responder_id = ? and status in (?, ?) order by id")
                .params(responderId, ACCEPTED.name(), DispatchStatus.ARRIVED.name())
                .query(DispatchStore::dispatchRow)
                .list();
    }

    List<Dispatch> offering() {
        return db.sql("select * from dispatches where status = " + OFFERING.sql() + " order by id")
                .query(DispatchStore::dispatchRow)
                .list();
    }

    /** OFFERING dispatches with no open offer left: their round is over. */
    List<Long> stalled() {
        return db.sql("select d.id from dispatches d where d.status = " + OFFERING.sql() + " and not exists"
                        + " (select 1 from offers o where o.dispatch_id = d.id and o.status = " + OFFERED.sql() + ")")
                .query(Long.class)
                .list();
    }

    /** ACCEPTED dispatches past their arrive-by time, marked alerted (each returned once, cluster-wide). */
    List<Dispatch> markLate(Instant now) {
        return db.sql("update dispatches set late_alerted = true where status = " + ACCEPTED.sql()
                        + " and not late_alerted and arrive_by <= ? returning *")
                .param(ts(now))
                .query(DispatchStore::dispatchRow)
                .list();
    }

    void widen(long id, int circleSeconds) {
        db.sql("update dispatches set circle_seconds = ? where id = ?")
                .params(circleSeconds, id)
                .update();
    }

    void setRound(long id, int round) {
        db.sql("update dispatches set round = ? where id = ?").params(round, id).update();
    }

    void setStatus(long id, DispatchStatus status) {
        db.sql("update dispatches set status = ? where id = ?")
                .params(status.name(), id)
                .update();
    }

    boolean cancelIfOffering(long id) {
        return db.sql("update dispatches set status = ? where id = ? and status = " + OFFERING.sql())
                        .params(DispatchStatus.CANCELLED.name(), id)
                        .update()
                > 0;
    }

    /** The winner takes an OFFERING dispatch; false if it is no longer OFFERING. */
    boolean take(long id, DispatchStatus status, long responderId, int etaSeconds, Instant at, Instant arriveBy) {
        return db.sql("update dispatches set status = ?, responder_id = ?, eta_seconds = ?, accepted_at = ?,"
                                + " arrive_by = ? where id = ? and status = " + OFFERING.sql())
                        .params(status.name(), responderId, etaSeconds, ts(at), ts(arriveBy), id)
                        .update()
                > 0;
    }

    void arrived(long id, Instant at) {
        db.sql("update dispatches set status = ?, arrived_at = ? where id = ?")
                .params(DispatchStatus.ARRIVED.name(), ts(at), id)
                .update();
    }

    void done(long id, Instant at) {
        db.sql("update dispatches set status = ?, done_at = ? where id = ?")
                .params(DispatchStatus.DONE.name(), ts(at), id)
                .update();
    }

    // ---- offers

    void insertOffer(long dispatchId, Matcher.Candidate c, int round, Instant at, Instant expiresAt) {
        db.sql("insert into offers (dispatch_id, responder_id, round, distance_m, eta_seconds, status, offered_at,"
                        + " expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        dispatchId,
                        c.responderId(),
                        round,
                        c.distanceMeters(),
                        c.etaSeconds(),
                        OFFERED.name(),
                        ts(at),
                        ts(expiresAt))
                .update();
    }

    Set<Long> offeredResponders(long dispatchId) {
        return new HashSet<>(db.sql("select responder_id from offers where dispatch_id = ?")
                .param(dispatchId)
                .query(Long.class)
                .list());
    }

    Optional<Offer> offer(long id) {
        return db.sql("select * from offers where id = ?")
                .param(id)
                .query(DispatchStore::offerRow)
                .optional();
    }

    /** The responder's offers still open at {@code now}. */
    List<Offer> openOffersTo(long responderId, Instant now) {
        return db.sql("select * from offers where responder_id = ? and status = " + OFFERED.sql()
                        + " and expires_at > ? order by id")
                .params(responderId, ts(now))
                .query(DispatchStore::offerRow)
                .list();
    }

    /** The offers of each dispatch, in one query. */
    Map<Long, List<Offer>> offersOf(Collection<Long> dispatchIds) {
        return db
                .sql("select * from offers where dispatch_id = any(?) order by id")
                .param(dispatchIds.toArray(Long[]::new))
                .query(DispatchStore::offerRow)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Offer::dispatchId, LinkedHashMap::new, Collectors.toList()));
    }

    long openOfferCount(long dispatchId) {
        return db.sql("select count(*) from offers where dispatch_id = ? and status = " + OFFERED.sql())
                .param(dispatchId)
                .query(Long.class)
                .single();
    }

    /** Answers an OFFERED offer (accepted or declined); false if it was no longer OFFERED. */
    boolean answer(long offerId, OfferStatus answer, Instant at) {
        return db.sql("update offers set status = ?, answered_at = ? where id = ? and status = " + OFFERED.sql())
                        .params(answer.name(), ts(at), offerId)
                        .update()
                > 0;
    }

    /** Withdraws the dispatch's open offers; the responders they were made to. */
    List<Long> withdrawOpenOffers(long dispatchId, Instant at) {
        return db.sql("update offers set status = ?, answered_at = ? where dispatch_id = ? and status = "
                        + OFFERED.sql() + " returning responder_id")
                .params(OfferStatus.WITHDRAWN.name(), ts(at), dispatchId)
                .query(Long.class)
                .list();
    }

    /** Times out every open offer past its expiry (each returned once, cluster-wide). */
    List<Offer> expireOffers(Instant now) {
        return db.sql("update offers set status = ?, answered_at = ? where status = " + OFFERED.sql()
                        + " and expires_at <= ? returning *")
                .params(OfferStatus.TIMED_OUT.name(), ts(now), ts(now))
                .query(DispatchStore::offerRow)
                .list();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Offer offerRow(ResultSet rs, int n) throws SQLException {
        return new Offer(
                rs.getLong("id"),
                rs.getLong("dispatch_id"),
                rs.getLong("responder_id"),
                rs.getInt("round"),
                rs.getInt("distance_m"),
                rs.getInt("eta_seconds"),
                OfferStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("offered_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }

    private static Dispatch dispatchRow(ResultSet rs, int n) throws SQLException {
        Timestamp arriveBy = rs.getTimestamp("arrive_by");
        return new Dispatch(
                rs.getLong("id"),
                (Long) rs.getObject("alarm_id"),
                (Long) rs.getObject("order_id"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getInt("circle_seconds"),
                rs.getInt("round"),
                DispatchStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("responder_id"),
                (Integer) rs.getObject("eta_seconds"),
                arriveBy == null ? null : arriveBy.toInstant(),
                rs.getString("skill"));
    }
}

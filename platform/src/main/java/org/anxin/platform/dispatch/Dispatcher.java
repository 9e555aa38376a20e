package org.anxin.platform.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.anxin.platform.alarm.Alarm;
import org.anxin.platform.alarm.AlarmService;
import org.anxin.platform.alarm.AlarmStatus;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorRecord;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Geo;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * Emergency dispatch, and urgent home-service orders by the same offers. An alarm's position is offered to the best {@code k} candidates inside the
 * 10-minute circle at once; the first to accept wins under a Redis lock (never two, across
 * nodes) and the others are withdrawn. Offers time out after {@code offer-timeout}; then the
 * next candidates, then the circle widened to 15 minutes, then back to the operator and the
 * family. The winner must be on scene within the circle or the operator is alerted. Every step
 * goes on the alarm's timeline. An urgent order ({@link #startOrder}) is offered the same way inside
 * the 15-minute circle to those its provider may send ({@link OfferedOrders#mayTake}); the first to
 * accept gets the order, the circle is not widened, and every step goes on the order's timeline.
 */
@Service
public class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Viewer SYSTEM = new Viewer("system", Role.ADMIN, Set.of());
    static final String EMERGENCY = "emergency";
    static final String SERVICE = "service";

    private final JdbcClient db;
    private final JedisPooled redis;
    private final Responders responders;
    private final AlarmService alarms;
    private final SeniorService seniors;
    private final Notifications notifications;
    private final OfferedOrders orders;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Matcher matcher;
    private final int offerCount;
    private final Duration offerTimeout;
    private final int emergencySeconds;
    private final int serviceSeconds;
    private final double arriveMeters;
    private final String emergencySkill;

    Dispatcher(
            JdbcClient db,
            JedisPooled redis,
            Responders responders,
            AlarmService alarms,
            SeniorService seniors,
            Notifications notifications,
            OfferedOrders orders,
            TransactionTemplate tx,
            Clock clock,
            TravelModel travel,
            @Value("${anxin.city-zone:Asia/Shanghai}") ZoneId zone,
            @Value("${anxin.dispatch.offer-count:3}") int offerCount,
            @Value("${anxin.dispatch.offer-timeout:PT60S}") Duration offerTimeout,
            @Value("${anxin.dispatch.emergency-minutes:10}") int emergencyMinutes,
            @Value("${anxin.dispatch.service-minutes:15}") int serviceMinutes,
            @Value("${anxin.dispatch.arrive-meters:200}") double arriveMeters,
            @Value("${anxin.dispatch.emergency-skill:FIRST_AID}") String emergencySkill) {
        this.db = db;
        this.redis = redis;
        this.responders = responders;
        this.alarms = alarms;
        this.seniors = seniors;
        this.notifications = notifications;
        this.orders = orders;
        this.tx = tx;
        this.clock = clock;
        this.matcher = new Matcher(responders.index(), travel, clock, zone);
        this.offerCount = offerCount;
        this.offerTimeout = offerTimeout;
        this.emergencySeconds = emergencyMinutes * 60;
        this.serviceSeconds = serviceMinutes * 60;
        this.arriveMeters = arriveMeters;
        this.emergencySkill = emergencySkill;
    }

    /** The circle in seconds for {@code emergency} or {@code service}. */
    public int circleSeconds(String kind) {
        return switch (kind) {
            case EMERGENCY -> emergencySeconds;
            case SERVICE -> serviceSeconds;
            default -> throw ApiProblem.badRequest("kind must be emergency or service");
        };
    }

    public String emergencySkill() {
        return emergencySkill;
    }

    List<Matcher.Candidate> candidates(double lat, double lon, String kind, String skill) {
        return matcher.candidates(lat, lon, circleSeconds(kind), skill, Set.of());
    }

    /** Whether anyone able is inside the circle now (for coverage). */
    boolean covered(double lat, double lon, String kind, String skill) {
        return !candidates(lat, lon, kind, skill).isEmpty();
    }

    record Offer(
            long id,
            long dispatchId,
            Long alarmId,
            Long orderId,
            long responderId,
            int round,
            int distanceMeters,
            int etaSeconds,
            String status,
            Instant offeredAt,
            Instant expiresAt) {}

    record Dispatch(
            long id,
            Long alarmId,
            Long orderId,
            double lat,
            double lon,
            int circleSeconds,
            int round,
            String status,
            Long responderId,
            Integer etaSeconds,
            Instant arriveBy,
            String skill) {}

    // ---- starting and offering

    @Transactional
    public Map<String, Object> start(long alarmId, Viewer viewer) {
        Alarm alarm = alarms.get(alarmId, viewer);
        if (alarm.status() != AlarmStatus.RAISED && alarm.status() != AlarmStatus.ACKNOWLEDGED) {
            throw ApiProblem.conflict("alarm " + alarmId + " is " + alarm.status() + "; only a RAISED or ACKNOWLEDGED"
                    + " alarm can be dispatched");
        }
        // where to send help: the alarm's own fix, else the senior's home (a press indoors often has no fix)
        Double lat = alarm.lat();
        Double lon = alarm.lon();
        if (lat == null) {
            Senior senior = seniors.find(alarm.seniorId()).orElse(null);
            lat = senior == null ? null : senior.lat();
            lon = senior == null ? null : senior.lon();
        }
        if (lat == null || lon == null) {
            throw ApiProblem.conflict("alarm " + alarmId + " has no position and the senior no home position;"
                    + " pick a responder by hand");
        }
        Optional<Long> id = db.sql(
                        "insert into dispatches (alarm_id, kind, skill, lat, lon, circle_seconds, status,"
                                + " created_by, created_at) values (?, ?, ?, ?, ?, ?, 'OFFERING', ?, ?)"
                                + " on conflict (alarm_id) where status in ('OFFERING', 'ACCEPTED', 'ARRIVED') do nothing returning id")
                .params(
                        alarmId,
                        EMERGENCY,
                        emergencySkill,
                        lat,
                        lon,
                        emergencySeconds,
                        viewer.username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            throw ApiProblem.conflict("alarm " + alarmId + " is already being dispatched");
        }
        alarms.addNote(
                alarmId,
                "DISPATCH_STARTED",
                "looking for " + emergencySkill + " within " + emergencySeconds / 60 + " min",
                viewer);
        offerRound(dispatch(id.get()));
        return view(dispatch(id.get()));
    }

    /**
     * Offers an urgent order at the senior's home to the best able responders with the item's
     * skill inside the service circle, in the caller's transaction. False when nobody could be
     * offered it (the order's timeline says why).
     */
    public boolean startOrder(long orderId, double lat, double lon, String skill, String actor) {
        long id = db.sql("insert into dispatches (order_id, kind, skill, lat, lon, circle_seconds, status, created_by,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, 'OFFERING', ?, ?) returning id")
                .params(orderId, SERVICE, skill, lat, lon, serviceSeconds, actor, Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        orders.note(
                orderId,
                "URGENT_OFFERING",
                "starts within the hour: offered by the urgent offer flow to " + skill + " within "
                        + serviceSeconds / 60 + " min");
        offerRound(dispatch(id));
        return "OFFERING".equals(dispatch(id).status());
    }

    /** A step on the timeline of what the dispatch is for: the alarm's or the order's. */
    private void note(Dispatch d, String action, String text, Viewer viewer) {
        if (d.orderId() != null) {
            orders.note(d.orderId(), action, text);
        } else {
            alarms.addNote(d.alarmId(), action, text, viewer);
        }
    }

    private void offerRound(Dispatch d) {
        Set<Long> offered = new HashSet<>(db.sql("select responder_id from offers where dispatch_id = ?")
                .param(d.id())
                .query(Long.class)
                .list());
        List<Matcher.Candidate> candidates =
                matcher.candidates(d.lat(), d.lon(), d.circleSeconds(), d.skill(), offered).stream()
                        .filter(c -> d.orderId() == null || orders.mayTake(d.orderId(), c.responderId()))
                        .toList();
        if (candidates.isEmpty()) {
            if (d.circleSeconds() < serviceSeconds) {
                db.sql("update dispatches set circle_seconds = ? where id = ?")
                        .params(serviceSeconds, d.id())
                        .update();
                alarms.addNote(
                        d.alarmId(),
                        "CIRCLE_WIDENED",
                        "nobody " + (offered.isEmpty() ? "available" : "accepted") + " within " + d.circleSeconds() / 60
                                + " min; widened to " + serviceSeconds / 60 + " min",
                        SYSTEM);
                offerRound(dispatch(d.id()));
            } else {
                fail(
                        d,
                        offered.isEmpty()
                                ? "no available responder within " + d.circleSeconds() / 60 + " min"
                                : "no responder accepted within " + d.circleSeconds() / 60 + " min");
            }
            return;
        }
        Instant now = clock.instant();
        int round = d.round() + 1;
        db.sql("update dispatches set round = ? where id = ?")
                .params(round, d.id())
                .update();
        List<Matcher.Candidate> chosen = candidates.subList(0, Math.min(offerCount, candidates.size()));
        StringBuilder note = new StringBuilder("round " + round + ": ");
        for (Matcher.Candidate c : chosen) {
            db.sql("insert into offers (dispatch_id, responder_id, round, distance_m, eta_seconds, status, offered_at,"
                            + " expires_at) values (?, ?, ?, ?, ?, 'OFFERED', ?, ?)")
                    .params(
                            d.id(),
                            c.responderId(),
                            round,
                            c.distanceMeters(),
                            c.etaSeconds(),
                            Timestamp.from(now),
                            Timestamp.from(now.plus(offerTimeout)))
                    .update();
            note.append(c.name())
                    .append(" (")
                    .append(c.mode())
                    .append(", ")
                    .append(c.distanceMeters())
                    .append(" m, ETA ")
                    .append(minutes(c.etaSeconds()))
                    .append("); ");
            Responder r = responders.get(c.responderId());
            notifications.queue(new Notifications.Request(
                    d.alarmId(),
                    "responder " + r.name(),
                    r.phone(),
                    Notification.Channel.SMS,
                    d.orderId() == null ? "RESPONDER_OFFER" : "RESPONDER_ORDER_OFFER",
                    offerSms(d) + "，预计 " + minutes(c.etaSeconds()) + " 到达。请在 " + offerTimeout.toSeconds()
                            + " 秒内在安心响应端接单。"));
        }
        note(d, "OFFERED", note.toString().strip(), SYSTEM);
    }

    private String offerSms(Dispatch d) {
        if (d.orderId() != null) {
            OfferedOrders.Order o = orders.order(d.orderId());
            return "【安心】急单 " + o.id() + "：" + o.itemName() + "，" + o.seniorName() + "，"
                    + (o.address() == null ? "" : o.address());
        }
        Alarm alarm = alarms.find(d.alarmId());
        return "【安心12349】紧急任务：" + alarm.seniorName() + "，" + (alarm.address() == null ? "" : alarm.address());
    }

    private void fail(Dispatch d, String why) {
        db.sql("update dispatches set status = 'FAILED' where id = ?")
                .param(d.id())
                .update();
        if (d.orderId() != null) {
            orders.note(
                    d.orderId(),
                    "URGENT_UNPLACED",
                    why + " whose provider offers the item and serves the home; the order stays REQUESTED for the"
                            + " desk and the next batch");
            log.info("urgent order {} not placed by offers: {}", d.orderId(), why);
            return;
        }
        Alarm alarm = alarms.find(d.alarmId());
        List<SeniorRecord.Contact> contacts = seniors.contacts(alarm.seniorId());
        if (!contacts.isEmpty()) {
            SeniorRecord.Contact first = contacts.get(0);
            notifications.queue(new Notifications.Request(
                    d.alarmId(),
                    first.position() + ". " + first.name(),
                    first.phone(),
                    Notification.Channel.SMS,
                    "FAMILY_NO_RESPONDER",
                    "【安心12349】" + alarm.seniorName() + "的报警暂时没有附近的响应人员可以前往，值班员会马上与您联系。"));
        }
        alarms.addNote(
                d.alarmId(),
                "DISPATCH_FAILED",
                why + "; back to the operator" + (contacts.isEmpty() ? "" : " and the family"),
                SYSTEM);
        log.warn("dispatch {} for alarm {} failed: {}", d.id(), d.alarmId(), why);
    }

    // ---- the responder's answers

    public Map<String, Object> accept(long offerId, Viewer viewer) {
        Offer offer = ownOffer(offerId, viewer);
        String lock = "anxin:dispatch:lock:" + offer.dispatchId();
        if (!"OFFERED".equals(offer.status()) || !offer.expiresAt().isAfter(clock.instant())) {
            throw ApiProblem.conflict("offer " + offerId + " is no longer open ("
                    + ("OFFERED".equals(offer.status()) ? "TIMED_OUT" : offer.status()) + ")");
        }
        String won = redis.set(
                lock,
                Long.toString(offer.responderId()),
                SetParams.setParams().nx().ex(86_400L));
        if (!"OK".equals(won)) {
            throw ApiProblem.conflict("another responder has already accepted this job");
        }
        try {
            return tx.execute(status -> acceptLocked(offer, viewer));
        } catch (RuntimeException e) {
            redis.del(lock);
            throw e;
        }
    }

    private Map<String, Object> acceptLocked(Offer offer, Viewer viewer) {
        Instant now = clock.instant();
        Dispatch d = dispatch(offer.dispatchId());
        // an order's dispatch ends here: the visit goes on as the order's own lifecycle
        int taken = db.sql("update dispatches set status = ?, responder_id = ?, eta_seconds = ?, accepted_at = ?,"
                        + " arrive_by = ? where id = ? and status = 'OFFERING'")
                .params(
                        d.orderId() == null ? "ACCEPTED" : "DONE",
                        offer.responderId(),
                        offer.etaSeconds(),
                        Timestamp.from(now),
                        Timestamp.from(now.plusSeconds(d.circleSeconds())),
                        d.id())
                .update();
        int mine = db.sql("update offers set status = 'ACCEPTED', answered_at = ? where id = ? and status = 'OFFERED'")
                .params(Timestamp.from(now), offer.id())
                .update();
        if (taken == 0 || mine == 0) {
            throw ApiProblem.conflict("this job is no longer open");
        }
        List<Long> withdrawn = db.sql("update offers set status = 'WITHDRAWN', answered_at = ? where dispatch_id = ?"
                        + " and status = 'OFFERED' returning responder_id")
                .params(Timestamp.from(now), d.id())
                .query(Long.class)
                .list();
        if (d.orderId() != null) {
            orders.accepted(d.orderId(), responders.get(offer.responderId()), offer.etaSeconds(), viewer.username());
            if (!withdrawn.isEmpty()) {
                orders.note(d.orderId(), "WITHDRAWN", "offers to " + names(withdrawn) + " withdrawn");
            }
            return view(dispatch(d.id()));
        }
        Responder responder = responders.changeLoad(offer.responderId(), 1);
        alarms.dispatch(
                d.alarmId(),
                responder.name(),
                "accepted the offer; " + offer.distanceMeters() + " m away, ETA " + minutes(offer.etaSeconds()),
                onBehalf(viewer, d.alarmId()));
        if (!withdrawn.isEmpty()) {
            alarms.addNote(d.alarmId(), "WITHDRAWN", "offers to " + names(withdrawn) + " withdrawn", SYSTEM);
        }
        return view(dispatch(d.id()));
    }

    @Transactional
    public Map<String, Object> decline(long offerId, String reason, Viewer viewer) {
        Offer offer = ownOffer(offerId, viewer);
        int declined = db.sql(
                        "update offers set status = 'DECLINED', answered_at = ? where id = ? and status = 'OFFERED'")
                .params(Timestamp.from(clock.instant()), offerId)
                .update();
        if (declined == 0) {
            throw ApiProblem.conflict("offer " + offerId + " is no longer open (" + offer.status() + ")");
        }
        Responder r = responders.get(offer.responderId());
        note(
                dispatch(offer.dispatchId()),
                "DECLINED",
                r.name() + (reason == null ? "" : ": " + reason),
                offer.orderId() == null ? onBehalf(viewer, offer.alarmId()) : viewer);
        nextRoundIfNoneOpen(offer.dispatchId());
        return view(dispatch(offer.dispatchId()));
    }

    private void nextRoundIfNoneOpen(long dispatchId) {
        Dispatch d = db.sql("select * from dispatches where id = ? for update")
                .param(dispatchId)
                .query((rs, n) -> dispatchRow(rs))
                .single();
        long open = db.sql("select count(*) from offers where dispatch_id = ? and status = 'OFFERED'")
                .param(dispatchId)
                .query(Long.class)
                .single();
        if ("OFFERING".equals(d.status()) && open == 0) {
            offerRound(d);
        }
    }

    @Transactional
    public Map<String, Object> arrived(long dispatchId, double lat, double lon, Viewer viewer) {
        Dispatch d = ownDispatch(dispatchId, viewer);
        if (!"ACCEPTED".equals(d.status())) {
            throw ApiProblem.conflict("dispatch " + dispatchId + " is " + d.status() + ", not on the way");
        }
        double meters = Geo.meters(lat, lon, d.lat(), d.lon());
        if (meters > arriveMeters) {
            throw ApiProblem.conflict(String.format(
                    java.util.Locale.ROOT,
                    "you are %.0f m from the senior; \"arrived\" is accepted within %.0f m",
                    meters,
                    arriveMeters));
        }
        db.sql("update dispatches set status = 'ARRIVED', arrived_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), dispatchId)
                .update();
        alarms.onScene(
                d.alarmId(),
                String.format(java.util.Locale.ROOT, "%.0f m from the senior", meters),
                onBehalf(viewer, d.alarmId()));
        return view(dispatch(dispatchId));
    }

    @Transactional
    public Map<String, Object> done(long dispatchId, String outcome, String note, Viewer viewer) {
        Dispatch d = ownDispatch(dispatchId, viewer);
        if (!"ARRIVED".equals(d.status())) {
            throw ApiProblem.conflict("dispatch " + dispatchId + " is " + d.status() + "; mark \"arrived\" first");
        }
        db.sql("update dispatches set status = 'DONE', done_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), dispatchId)
                .update();
        responders.changeLoad(d.responderId(), -1);
        alarms.resolve(d.alarmId(), outcome, note, onBehalf(viewer, d.alarmId()));
        return view(dispatch(dispatchId));
    }

    // ---- timers

    @Scheduled(initialDelay = 5_000, fixedDelayString = "${anxin.dispatch.tick-ms:1000}")
    void tick() {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            List<Offer> expired = db.sql("update offers o set status = 'TIMED_OUT', answered_at = ? from dispatches d"
                            + " where d.id = o.dispatch_id and o.status = 'OFFERED' and o.expires_at <= ?"
                            + " returning o.*, d.alarm_id, d.order_id")
                    .params(Timestamp.from(now), Timestamp.from(now))
                    .query((rs, n) -> offerRow(rs))
                    .list();
            expired.stream()
                    .collect(Collectors.groupingBy(Offer::dispatchId, LinkedHashMap::new, Collectors.toList()))
                    .forEach((dispatchId, offers) -> note(
                            dispatch(dispatchId),
                            "TIMED_OUT",
                            "no answer within " + offerTimeout.toSeconds() + " s from "
                                    + names(offers.stream()
                                            .map(Offer::responderId)
                                            .toList()),
                            SYSTEM));
        });
        // rounds whose offers are all answered or expired; one node takes each (skip locked)
        List<Long> stalled = db.sql("select d.id from dispatches d where d.status = 'OFFERING' and not exists"
                        + " (select 1 from offers o where o.dispatch_id = d.id and o.status = 'OFFERED')")
                .query(Long.class)
                .list();
        for (long id : stalled) {
            tx.executeWithoutResult(s -> {
                Optional<Dispatch> d = db.sql("select * from dispatches where id = ? and status = 'OFFERING'"
                                + " for update skip locked")
                        .param(id)
                        .query((rs, n) -> dispatchRow(rs))
                        .optional();
                d.ifPresent(this::continueOrCancel);
            });
        }
        tx.executeWithoutResult(s -> db.sql("update dispatches set late_alerted = true where status = 'ACCEPTED'"
                        + " and not late_alerted and arrive_by <= ? returning *")
                .param(Timestamp.from(now))
                .query((rs, n) -> dispatchRow(rs))
                .list()
                .forEach(d -> alarms.addNote(
                        d.alarmId(),
                        "RESPONDER_LATE",
                        names(List.of(d.responderId())) + " not on scene within " + d.circleSeconds() / 60 + " min",
                        SYSTEM)));
    }

    private void continueOrCancel(Dispatch d) {
        if (!stillWanted(d)) {
            db.sql("update dispatches set status = 'CANCELLED' where id = ?")
                    .param(d.id())
                    .update();
            return;
        }
        offerRound(d);
    }

    /** Whether what the dispatch is for still wants someone: the alarm open, the order not taken. */
    private boolean stillWanted(Dispatch d) {
        if (d.orderId() != null) {
            return orders.open(d.orderId());
        }
        AlarmStatus status = alarms.find(d.alarmId()).status();
        return status == AlarmStatus.RAISED || status == AlarmStatus.ACKNOWLEDGED;
    }

    /**
     * Closing or dispatching the alarm by hand, or the order cancelled, rescheduled or placed by a
     * batch, ends an offering: open offers are withdrawn.
     */
    @Scheduled(initialDelay = 5_000, fixedDelayString = "${anxin.dispatch.tick-ms:1000}")
    void withdrawOvertaken() {
        tx.executeWithoutResult(
                s -> db.sql("update offers o set status = 'WITHDRAWN', answered_at = ? from dispatches d,"
                                + " alarms a where d.id = o.dispatch_id and a.id = d.alarm_id and o.status = 'OFFERED'"
                                + " and d.status = 'OFFERING' and a.status not in ('RAISED', 'ACKNOWLEDGED')")
                        .param(Timestamp.from(clock.instant()))
                        .update());
        db
                .sql("select * from dispatches where order_id is not null and status = 'OFFERING'")
                .query((rs, n) -> dispatchRow(rs))
                .list()
                .stream()
                .filter(d -> !orders.open(d.orderId()))
                .forEach(d -> tx.executeWithoutResult(s -> {
                    db.sql("update offers set status = 'WITHDRAWN', answered_at = ? where dispatch_id = ?"
                                    + " and status = 'OFFERED'")
                            .params(Timestamp.from(clock.instant()), d.id())
                            .update();
                    db.sql("update dispatches set status = 'CANCELLED' where id = ? and status = 'OFFERING'")
                            .param(d.id())
                            .update();
                }));
    }

    // ---- what a responder sees

    public List<Map<String, Object>> openOffers(Viewer viewer) {
        Responder me = self(viewer);
        return db
                .sql("select o.*, d.alarm_id, d.order_id from offers o join dispatches d on d.id = o.dispatch_id"
                        + " where o.responder_id = ? and o.status = 'OFFERED' and o.expires_at > ? order by o.id")
                .params(me.id(), Timestamp.from(clock.instant()))
                .query((rs, n) -> offerRow(rs))
                .list()
                .stream()
                .map(this::offerView)
                .toList();
    }

    public List<Map<String, Object>> jobs(Viewer viewer) {
        Responder me = self(viewer);
        return db
                .sql(
                        "select * from dispatches where responder_id = ? and status in ('ACCEPTED', 'ARRIVED') order by id")
                .param(me.id())
                .query((rs, n) -> dispatchRow(rs))
                .list()
                .stream()
                .map(this::view)
                .toList();
    }

    public List<Map<String, Object>> forAlarm(long alarmId, Viewer viewer) {
        alarms.get(alarmId, viewer);
        return db
                .sql("select * from dispatches where alarm_id = ? order by id")
                .param(alarmId)
                .query((rs, n) -> dispatchRow(rs))
                .list()
                .stream()
                .map(this::view)
                .toList();
    }

    Responder self(Viewer viewer) {
        return responders
                .byUsername(viewer.username())
                .orElseThrow(() -> ApiProblem.forbidden("you are not registered as a responder"));
    }

    private Offer ownOffer(long offerId, Viewer viewer) {
        Offer offer = db.sql(
                        "select o.*, d.alarm_id, d.order_id from offers o join dispatches d on d.id = o.dispatch_id where o.id = ?")
                .param(offerId)
                .query((rs, n) -> offerRow(rs))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("no offer " + offerId));
        if (offer.responderId() != self(viewer).id()) {
            throw ApiProblem.forbidden("offer " + offerId + " was not made to you");
        }
        return offer;
    }

    private Dispatch ownDispatch(long dispatchId, Viewer viewer) {
        Dispatch d = db.sql("select * from dispatches where id = ?")
                .param(dispatchId)
                .query((rs, n) -> dispatchRow(rs))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("no dispatch " + dispatchId));
        if (d.responderId() == null || d.responderId() != self(viewer).id()) {
            throw ApiProblem.forbidden("dispatch " + dispatchId + " is not yours");
        }
        return d;
    }

    /**
     * The responder, acting on an offer or job already checked to be theirs, may see that one
     * alarm's senior for the step (and nothing else: their viewer sees no senior otherwise).
     */
    private Viewer onBehalf(Viewer responder, long alarmId) {
        return new Viewer(
                responder.username(),
                responder.role(),
                Set.of(alarms.find(alarmId).seniorId()));
    }

    private Dispatch dispatch(long id) {
        return db.sql("select * from dispatches where id = ?")
                .param(id)
                .query((rs, n) -> dispatchRow(rs))
                .single();
    }

    private Map<String, Object> offerView(Offer o) {
        Dispatch d = dispatch(o.dispatchId());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("offerId", o.id());
        view.put("dispatchId", o.dispatchId());
        subject(view, d);
        view.put("lat", d.lat()); // where help is going: the alarm's fix or the senior's home
        view.put("lon", d.lon());
        view.put("distanceMeters", o.distanceMeters());
        view.put("etaSeconds", o.etaSeconds());
        view.put("expiresAt", o.expiresAt());
        return view;
    }

    /**
     * What the dispatch is for: {@code kind} {@code emergency} with the alarm, or {@code order}
     * with the item and window; the senior's name and address either way.
     */
    private void subject(Map<String, Object> view, Dispatch d) {
        if (d.orderId() != null) {
            OfferedOrders.Order o = orders.order(d.orderId());
            view.put("kind", "order");
            view.put("orderId", o.id());
            view.put("itemName", o.itemName());
            view.put("window", Map.of("from", o.windowFrom(), "to", o.windowTo()));
            view.put("seniorName", o.seniorName());
            view.put("address", o.address());
        } else {
            Alarm alarm = alarms.find(d.alarmId());
            view.put("kind", EMERGENCY);
            view.put("alarmId", d.alarmId());
            view.put("alarmType", alarm.type());
            view.put("seniorName", alarm.seniorName());
            view.put("address", alarm.address());
        }
    }

    private Map<String, Object> view(Dispatch d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("dispatchId", d.id());
        subject(view, d);
        view.put("status", d.status());
        view.put("round", d.round());
        view.put("circleSeconds", d.circleSeconds());
        view.put("responderId", d.responderId());
        view.put("etaSeconds", d.etaSeconds());
        view.put("arriveBy", d.arriveBy());
        view.put("lat", d.lat());
        view.put("lon", d.lon());
        view.put(
                "offers",
                db
                        .sql(
                                "select o.*, d.alarm_id, d.order_id from offers o join dispatches d on d.id = o.dispatch_id"
                                        + " where o.dispatch_id = ? order by o.id")
                        .param(d.id())
                        .query((rs, n) -> offerRow(rs))
                        .list()
                        .stream()
                        .map(o -> Map.of(
                                "offerId", o.id(),
                                "responderId", o.responderId(),
                                "round", o.round(),
                                "etaSeconds", o.etaSeconds(),
                                "status", o.status()))
                        .toList());
        return view;
    }

    private String names(List<Long> responderIds) {
        return responderIds.stream()
                .map(id -> responders.find(id).map(Responder::name).orElse("#" + id))
                .collect(Collectors.joining(", "));
    }

    private static String minutes(int seconds) {
        return seconds / 60 + " min " + seconds % 60 + " s";
    }

    private static Offer offerRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Offer(
                rs.getLong("id"),
                rs.getLong("dispatch_id"),
                (Long) rs.getObject("alarm_id"),
                (Long) rs.getObject("order_id"),
                rs.getLong("responder_id"),
                rs.getInt("round"),
                rs.getInt("distance_m"),
                rs.getInt("eta_seconds"),
                rs.getString("status"),
                rs.getTimestamp("offered_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }

    private static Dispatch dispatchRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp arriveBy = rs.getTimestamp("arrive_by");
        return new Dispatch(
                rs.getLong("id"),
                (Long) rs.getObject("alarm_id"),
                (Long) rs.getObject("order_id"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getInt("circle_seconds"),
                rs.getInt("round"),
                rs.getString("status"),
                (Long) rs.getObject("responder_id"),
                (Integer) rs.getObject("eta_seconds"),
                arriveBy == null ? null : arriveBy.toInstant(),
                rs.getString("skill"));
    }
}

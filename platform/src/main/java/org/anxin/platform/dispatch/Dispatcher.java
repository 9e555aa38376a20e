package org.anxin.platform.dispatch;

import java.util.List;
import java.util.Set;
import org.anxin.platform.alarm.Alarm;
import org.anxin.platform.alarm.AlarmService;
import org.anxin.platform.alarm.AlarmStatus;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's dispatch face: who could go ({@link #candidates}), and starting offers for an
 * alarm ({@link #start}) or an urgent order ({@link #startOrder}, for the order module). The rounds
 * are {@link OfferRounds}, the timers {@link DispatchTimers}, the responder's side {@link
 * ResponderJobs}.
 */
@Service
@EnableConfigurationProperties(DispatchProperties.class)
public class Dispatcher {
    private final AlarmService alarms;
    private final SeniorService seniors;
    private final OfferRounds rounds;
    private final DispatchStore store;
    private final DispatchViews views;
    private final Matcher matcher;
    private final HomeServiceRanking homeServices;
    private final DispatchProperties properties;

    Dispatcher(
            AlarmService alarms,
            SeniorService seniors,
            OfferRounds rounds,
            DispatchStore store,
            DispatchViews views,
            Matcher matcher,
            HomeServiceRanking homeServices,
            DispatchProperties properties) {
        this.alarms = alarms;
        this.seniors = seniors;
        this.rounds = rounds;
        this.store = store;
        this.views = views;
        this.matcher = matcher;
        this.homeServices = homeServices;
        this.properties = properties;
    }

    /** The circle in seconds for {@code emergency} or {@code service}; 400 for anything else. */
    public int circleSeconds(String kind) {
        return properties.circleSeconds(Circle.parse(kind));
    }

    public String emergencySkill() {
        return properties.emergencySkill();
    }

    /** The ranking at the place: for a home service ({@code service}), D-graded providers' workers last. */
    List<Matcher.Candidate> candidates(double lat, double lon, String kind, String skill) {
        List<Matcher.Candidate> ranked = matcher.candidates(lat, lon, circleSeconds(kind), skill, Set.of());
        return Circle.parse(kind) == Circle.SERVICE ? homeServices.rank(ranked) : ranked;
    }

    /** Whether anyone able is inside the circle now (for coverage). */
    boolean covered(double lat, double lon, String kind, String skill) {
        return !matcher.candidates(lat, lon, circleSeconds(kind), skill, Set.of())
                .isEmpty();
    }

    /**
     * Offers the alarm to the nearest able responders: at its own fix, else at the senior's home
     * (a press indoors often has no fix). 409 unless RAISED or ACKNOWLEDGED, or with no position.
     */
    @Transactional
    DispatchViews.DispatchView start(long alarmId, Viewer viewer) {
        Alarm alarm = alarms.get(alarmId, viewer);
        if (alarm.status() != AlarmStatus.RAISED && alarm.status() != AlarmStatus.ACKNOWLEDGED) {
            throw ApiProblem.conflict("alarm " + alarmId + " is " + alarm.status() + "; only a RAISED or ACKNOWLEDGED"
                    + " alarm can be dispatched");
        }
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
        return views.of(store.get(rounds.startEmergency(alarmId, lat, lon, viewer)));
    }

    /**
     * Offers an urgent order at the senior's home to the best able responders with the item's
     * skill inside the service circle, in the caller's transaction. False when nobody could be
     * offered it (the order's timeline says why).
     */
    public boolean startOrder(long orderId, double lat, double lon, String skill, String actor) {
        return rounds.startOrder(orderId, lat, lon, skill, actor);
    }

    /** The alarm's dispatches, for the desk. */
    List<DispatchViews.DispatchView> forAlarm(long alarmId, Viewer viewer) {
        alarms.get(alarmId, viewer);
        return views.of(store.forAlarm(alarmId));
    }
}

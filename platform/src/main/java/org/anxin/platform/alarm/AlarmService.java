package org.anxin.platform.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's view of alarms and their lifecycle; the module's public face. */
@Service
public class AlarmService {
    /** Outcome codes for resolving an alarm. */
    public static final Set<String> OUTCOMES =
            Set.of("HELPED_ON_SITE", "TAKEN_TO_HOSPITAL", "CALLED_120", "FAMILY_HANDLED", "NO_ANSWER_VISIT", "OTHER");

    private static final List<AlarmStatus> ANY_OPEN = List.copyOf(AlarmStatus.OPEN);

    private final AlarmRepository alarms;
    private final AlarmRaiser raiser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AlarmMetrics metrics;

    AlarmService(
            AlarmRepository alarms,
            AlarmRaiser raiser,
            ApplicationEventPublisher events,
            Clock clock,
            AlarmMetrics metrics) {
        this.metrics = metrics;
        this.alarms = alarms;
        this.raiser = raiser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A senior pressed 1 (emergency) on a call to the 12349 line: a {@code PHONE_SOS} alarm at
     * SOS priority, or a repeat on the one already open. Runs in the caller's transaction.
     *
     * @param detail what the desk should see, e.g. the caller ID and the call's id
     * @return the alarm's id
     */
    @Transactional
    public long raisePhoneSos(long seniorId, String detail) {
        return raiser.raiseWithoutDevice(AlarmKind.PHONE_SOS, seniorId, detail, "12349");
    }

    /**
     * A senior did not answer their proactive care call (nor its retry): a {@code CARE_CHECK}
     * alarm for the desk (call back, then send the nearest able responder), or a repeat on the
     * open one. Runs in the caller's transaction.
     */
    @Transactional
    public long raiseCareCheck(long seniorId, String detail) {
        return raiser.raiseWithoutDevice(AlarmKind.CARE_CHECK, seniorId, detail, "care-call");
    }

    /**
     * An operator judged a 12349 call an emergency and raised it from the work order: a
     * {@code PHONE_SOS} alarm at SOS priority (or a repeat on the open one), in the caller's
     * transaction, with the operator as actor.
     */
    @Transactional
    public long raiseFromWorkOrder(long seniorId, String detail, String operator) {
        return raiser.raiseWithoutDevice(AlarmKind.PHONE_SOS, seniorId, detail, operator);
    }

    /** The senior's open alarms, most urgent first (for the desk, e.g. on a call's screen pop). */
    public List<Alarm> openFor(long seniorId) {
        return alarms.openForSenior(seniorId);
    }

    public record TimelineEntry(Instant at, String status, String action, String actor, String note) {}

    public record AlarmDetail(Alarm alarm, List<TimelineEntry> timeline) {}

    public List<Alarm> list(List<AlarmStatus> statuses, Viewer viewer) {
        return alarms.list(statuses, viewer.seesEverySenior() ? null : viewer.seniorIds(), 500);
    }

    public Alarm find(long id) {
        return alarms.find(id).orElseThrow(() -> ApiProblem.notFound("no alarm " + id));
    }

    /** The alarm, if the viewer may see its senior (404, 403 otherwise). */
    public Alarm get(long id, Viewer viewer) {
        Alarm alarm = find(id);
        viewer.checkMaySee(alarm.seniorId());
        return alarm;
    }

    public AlarmDetail detail(long id, Viewer viewer) {
        Alarm alarm = get(id, viewer);
        List<TimelineEntry> timeline = new ArrayList<>();
        for (AlarmRepository.TimelineEntry entry : alarms.timeline(id)) {
            timeline.add(new TimelineEntry(entry.at(), entry.status(), entry.action(), entry.actor(), entry.note()));
        }
        return new AlarmDetail(alarm, timeline);
    }

    @Transactional
    public Alarm acknowledge(long id, Viewer viewer) {
        return move(id, List.of(AlarmStatus.RAISED), AlarmStatus.ACKNOWLEDGED, null, null, null, viewer);
    }

    /** Hands the alarm to a responder (picked by the operator until the dispatcher does it). */
    @Transactional
    public Alarm dispatch(long id, String responder, String note, Viewer viewer) {
        return move(
                id,
                List.of(AlarmStatus.RAISED, AlarmStatus.ACKNOWLEDGED),
                AlarmStatus.DISPATCHED,
                null,
                responder,
                note == null ? "responder " + responder : "responder " + responder + ": " + note,
                viewer);
    }

    @Transactional
    public Alarm onScene(long id, String note, Viewer viewer) {
        return move(id, List.of(AlarmStatus.DISPATCHED), AlarmStatus.RESPONDER_ON_SCENE, null, null, note, viewer);
    }

    @Transactional
    public Alarm resolve(long id, String outcome, String note, Viewer viewer) {
        if (!OUTCOMES.contains(outcome)) {
            throw ApiProblem.badRequest(
                    "outcome must be one of " + OUTCOMES.stream().sorted().toList());
        }
        return move(
                id,
                List.of(AlarmStatus.ACKNOWLEDGED, AlarmStatus.DISPATCHED, AlarmStatus.RESPONDER_ON_SCENE),
                AlarmStatus.RESOLVED,
                outcome,
                null,
                note,
                viewer);
    }

    @Transactional
    public Alarm falseAlarm(long id, String note, Viewer viewer) {
        return move(id, ANY_OPEN, AlarmStatus.FALSE_ALARM, "FALSE_ALARM", null, note, viewer);
    }

    @Transactional
    public Alarm cancel(long id, String note, Viewer viewer) {
        return move(id, ANY_OPEN, AlarmStatus.CANCELLED, null, null, note, viewer);
    }

    /** A note, or a call the operator made and how it went; kept on the timeline. */
    @Transactional
    public TimelineEntry addNote(long id, String action, String note, Viewer viewer) {
        get(id, viewer);
        Instant now = clock.instant();
        alarms.addTimeline(id, now, null, action, viewer.username(), note);
        events.publishEvent(new AlarmChanged(id));
        return new TimelineEntry(now, null, action, viewer.username(), note);
    }

    private Alarm move(
            long id,
            List<AlarmStatus> from,
            AlarmStatus to,
            String outcome,
            String responder,
            String note,
            Viewer viewer) {
        Alarm before = get(id, viewer);
        Instant now = clock.instant();
        if (!alarms.transition(id, from, to, outcome, responder, viewer.username(), now)) {
            AlarmStatus current = find(id).status();
            throw ApiProblem.conflict("alarm " + id + " is " + current + "; it cannot become " + to + " (only from "
                    + EnumSet.copyOf(from) + ")");
        }
        if (before.status() == AlarmStatus.RAISED) {
            metrics.answered(before.type(), before.createdAt(), now);
        }
        String timelineNote = outcome == null ? note : (note == null ? outcome : outcome + ": " + note);
        alarms.addTimeline(id, now, to, to.name(), viewer.username(), timelineNote);
        events.publishEvent(new AlarmChanged(id));
        return find(id);
    }
}

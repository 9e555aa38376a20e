package org.anxin.platform.alarm;

import java.util.ArrayList;
import java.util.List;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's view of alarms and their lifecycle; the module's public face. */
@Service
public class AlarmService {
    private final AlarmRepository alarms;
    private final ApplicationEventPublisher events;

    AlarmService(AlarmRepository alarms, ApplicationEventPublisher events) {
        this.alarms = alarms;
        this.events = events;
    }

    public record TimelineEntry(java.time.Instant at, String status, String action, String actor, String note) {}

    public record AlarmDetail(Alarm alarm, List<TimelineEntry> timeline) {}

    public List<Alarm> list(List<AlarmStatus> statuses, Viewer viewer) {
        return alarms.list(statuses, viewer.seesEverySenior() ? null : viewer.username(), 500);
    }

    public Alarm find(long id) {
        return alarms.find(id).orElseThrow(() -> ApiProblem.notFound("no alarm " + id));
    }

    public AlarmDetail get(long id, Viewer viewer) {
        Alarm alarm = find(id);
        viewer.checkMaySee(alarm.seniorId());
        List<TimelineEntry> timeline = new ArrayList<>();
        for (AlarmRepository.TimelineEntry entry : alarms.timeline(id)) {
            timeline.add(new TimelineEntry(entry.at(), entry.status(), entry.action(), entry.actor(), entry.note()));
        }
        return new AlarmDetail(alarm, timeline);
    }

    @Transactional
    public Alarm acknowledge(long id, Viewer viewer) {
        return move(id, List.of(AlarmStatus.RAISED), AlarmStatus.ACKNOWLEDGED, "ACKNOWLEDGED", null, viewer);
    }

    @Transactional
    public Alarm resolve(long id, String outcome, Viewer viewer) {
        return move(id, List.copyOf(AlarmStatus.OPEN), AlarmStatus.RESOLVED, "RESOLVED", outcome, viewer);
    }

    private Alarm move(long id, List<AlarmStatus> from, AlarmStatus to, String action, String outcome, Viewer viewer) {
        Alarm before = find(id);
        viewer.checkMaySee(before.seniorId());
        if (!alarms.transition(id, from, to, outcome)) {
            AlarmStatus now = find(id).status();
            throw ApiProblem.conflict(
                    "alarm " + id + " is " + now + "; it cannot become " + to + " (only from " + from + ")");
        }
        alarms.addTimeline(id, to, action, viewer.username(), outcome);
        events.publishEvent(new AlarmChanged(id));
        return find(id);
    }
}

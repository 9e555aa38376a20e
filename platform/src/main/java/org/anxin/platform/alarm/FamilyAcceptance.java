package org.anxin.platform.alarm;

import java.time.Clock;
import java.time.Instant;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family member going to the senior, whether they pressed 1 on the escalation call or "I am on
 * my way" on the family page: the first one is the alarm's {@code familyAcceptedBy}, which stops
 * further family calls; each is on the timeline.
 */
@Service
class FamilyAcceptance {
    private final AlarmRepository alarms;
    private final AlarmService service;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FamilyAcceptance(AlarmRepository alarms, AlarmService service, ApplicationEventPublisher events, Clock clock) {
        this.alarms = alarms;
        this.service = service;
        this.events = events;
        this.clock = clock;
    }

    /** Records that {@code who} is going; false if another family member already was. */
    boolean accept(long alarmId, String who, String note) {
        Instant now = clock.instant();
        boolean first = alarms.familyAccepted(alarmId, who);
        alarms.addTimeline(alarmId, now, null, first ? "FAMILY_ACCEPTED" : "FAMILY_GOING", "family:" + who, note);
        events.publishEvent(new AlarmChanged(alarmId));
        return first;
    }

    /** "I am on my way" from the family page: the signed-in FAMILY user, for an open alarm of their senior. */
    @Transactional
    Alarm onMyWay(long alarmId, Viewer viewer) {
        if (viewer.role() != Role.FAMILY) {
            throw ApiProblem.forbidden("only a senior's family says they are on their way");
        }
        Alarm alarm = service.get(alarmId, viewer);
        if (!alarm.status().open()) {
            throw ApiProblem.conflict("alarm " + alarmId + " is " + alarm.status() + ": nobody needs to go");
        }
        accept(alarmId, viewer.username(), "on my way (family page)");
        return service.find(alarmId);
    }
}

package org.anxin.platform.dispatch;

import java.util.List;
import java.util.Set;
import org.anxin.platform.alarm.Alarm;
import org.anxin.platform.alarm.AlarmService;
import org.anxin.platform.alarm.AlarmStatus;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.senior.SeniorRecord;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An alarm being dispatched: steps go on the alarm's timeline, it is wanted while RAISED or
 * ACKNOWLEDGED, the winner is on the way (ACCEPTED, holding a place of their capacity), and if
 * nobody comes it goes back to the operator and the first family contact is told by SMS.
 */
final class Emergency implements Dispatchable {
    private static final Logger log = LoggerFactory.getLogger(Emergency.class);

    private final long alarmId;
    private final AlarmService alarms;
    private final SeniorService seniors;
    private final Notifications notifications;
    private final Responders responders;

    Emergency(
            long alarmId,
            AlarmService alarms,
            SeniorService seniors,
            Notifications notifications,
            Responders responders) {
        this.alarmId = alarmId;
        this.alarms = alarms;
        this.seniors = seniors;
        this.notifications = notifications;
        this.responders = responders;
    }

    @Override
    public void note(DispatchStep step, String text, Viewer viewer) {
        alarms.addNote(alarmId, step.name(), text, viewer);
    }

    @Override
    public boolean stillWanted() {
        AlarmStatus status = alarms.find(alarmId).status();
        return status == AlarmStatus.RAISED || status == AlarmStatus.ACKNOWLEDGED;
    }

    @Override
    public boolean mayTake(long responderId) {
        return true;
    }

    @Override
    public Notifications.Request offerSms(Responder r, String invitation) {
        Alarm alarm = alarms.find(alarmId);
        return new Notifications.Request(
                alarmId,
                "responder " + r.name(),
                r.phone(),
                Notification.Channel.SMS,
                "RESPONDER_OFFER",
                "【安心12349】紧急任务：" + alarm.seniorName() + "，" + (alarm.address() == null ? "" : alarm.address())
                        + invitation);
    }

    @Override
    public DispatchStatus acceptedStatus() {
        return DispatchStatus.ACCEPTED;
    }

    @Override
    public Responder accepted(Offer offer, Viewer viewer) {
        Responder responder = responders.changeLoad(offer.responderId(), 1);
        alarms.dispatch(
                alarmId,
                responder.name(),
                "accepted the offer; " + offer.distanceMeters() + " m away, ETA " + Offer.eta(offer.etaSeconds()),
                onBehalf(viewer));
        return responder;
    }

    @Override
    public void unplaced(long dispatchId, String why) {
        Alarm alarm = alarms.find(alarmId);
        List<SeniorRecord.Contact> contacts = seniors.contacts(alarm.seniorId());
        if (!contacts.isEmpty()) {
            SeniorRecord.Contact first = contacts.get(0);
            notifications.queue(new Notifications.Request(
                    alarmId,
                    first.position() + ". " + first.name(),
                    first.phone(),
                    Notification.Channel.SMS,
                    "FAMILY_NO_RESPONDER",
                    "【安心12349】" + alarm.seniorName() + "的报警暂时没有附近的响应人员可以前往，值班员会马上与您联系。"));
        }
        note(
                DispatchStep.DISPATCH_FAILED,
                why + "; back to the operator" + (contacts.isEmpty() ? "" : " and the family"),
                SYSTEM);
        log.warn("dispatch {} for alarm {} failed: {}", dispatchId, alarmId, why);
    }

    /**
     * The responder, acting on an offer or job already checked to be theirs, may see that one
     * alarm's senior for the step (and nothing else: their viewer sees no senior otherwise).
     */
    @Override
    public Viewer onBehalf(Viewer responder) {
        return new Viewer(
                responder.username(),
                responder.role(),
                Set.of(alarms.find(alarmId).seniorId()));
    }

    @Override
    public void onScene(String note, Viewer responder) {
        alarms.onScene(alarmId, note, onBehalf(responder));
    }

    @Override
    public void finished(String outcome, String note, Viewer responder) {
        alarms.resolve(alarmId, outcome, note, onBehalf(responder));
    }

    @Override
    public DispatchViews.Subject subject() {
        Alarm alarm = alarms.find(alarmId);
        return DispatchViews.Subject.emergency(alarmId, alarm.type(), alarm.seniorName(), alarm.address());
    }
}

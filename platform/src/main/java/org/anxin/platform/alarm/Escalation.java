package org.anxin.platform.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anxin.platform.notify.FamilyResponded;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.senior.SeniorRecord;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The desk's timers. Not acknowledged within {@code anxin.escalation.ack-timeout} (60 s): the
 * alarm turns red and every SUPERVISOR gets an SMS. Still open after
 * {@code anxin.escalation.family-after} (180 s): every emergency contact gets an SMS, and the
 * first is called; whoever presses 1 is going. Nobody pressed 1 within
 * {@code anxin.escalation.call-gap} (120 s): the next contact is called, down the list. Each
 * step is claimed by one conditional UPDATE, so several platform nodes never repeat a step, and
 * is written to the timeline. Which kinds reach which contact how, and when, is {@link FamilyPolicy}'s
 * with the contact's {@link ContactPreferences}: device conditions never call a family, and text a
 * contact only outside their quiet hours; a person in danger is never held back.
 */
@Component
class Escalation {
    private static final Logger log = LoggerFactory.getLogger(Escalation.class);
    private static final Map<String, String> KIND_ZH = Map.ofEntries(
            Map.entry(AlarmKind.SOS, "紧急呼叫"),
            Map.entry(AlarmKind.PHONE_SOS, "电话求助"),
            Map.entry(AlarmKind.CARE_CHECK, "主动关怀未应答"),
            Map.entry(AlarmKind.FALL, "跌倒"),
            Map.entry(AlarmKind.WATCH_REMOVED, "手表摘除"),
            Map.entry(AlarmKind.GEOFENCE_EXIT, "离开安全区域"),
            Map.entry(AlarmKind.INACTIVITY, "长时间无活动"),
            Map.entry(AlarmKind.ALARM, "设备"),
            Map.entry(AlarmKind.OFFLINE, "设备离线"),
            Map.entry(AlarmKind.LOW_BATTERY, "电量低"),
            Map.entry(AlarmKind.VITALS_ABNORMAL, "生命体征异常"));

    private final AlarmRepository alarms;
    private final FamilyAcceptance acceptance;
    private final FamilyPolicy policy;
    private final ContactPreferenceStore preferenceStore;
    private final FamilyHolds holds;
    private final SeniorService seniors;
    private final Accounts accounts;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration ackTimeout;
    private final Duration familyAfter;
    private final Duration callGap;
    private final DateTimeFormatter time;

    Escalation(
            AlarmRepository alarms,
            FamilyAcceptance acceptance,
            FamilyPolicy policy,
            ContactPreferenceStore preferenceStore,
            FamilyHolds holds,
            SeniorService seniors,
            Accounts accounts,
            Notifications notifications,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock,
            AlarmProperties properties,
            ZoneId zone) {
        this.alarms = alarms;
        this.acceptance = acceptance;
        this.policy = policy;
        this.preferenceStore = preferenceStore;
        this.holds = holds;
        this.seniors = seniors;
        this.accounts = accounts;
        this.notifications = notifications;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.ackTimeout = properties.escalation().ackTimeout();
        this.familyAfter = properties.escalation().familyAfter();
        this.callGap = properties.escalation().callGap();
        this.time = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
    }

    @Scheduled(initialDelay = 5_000, fixedDelayString = "${anxin.escalation.tick-ms:1000}")
    void tick() {
        Instant now = clock.instant();
        tx.executeWithoutResult(
                s -> alarms.claimUnanswered(now.minus(ackTimeout), now).forEach(id -> alertSupervisors(id, now)));
        tx.executeWithoutResult(
                s -> alarms.claimForFamily(now.minus(familyAfter), now).forEach(id -> notifyFamily(id, now)));
        tx.executeWithoutResult(
                s -> alarms.claimNextCall(now.minus(callGap), now).forEach(id -> callNext(id, now)));
        tx.executeWithoutResult(s -> textHeld(holds.claimDue(now), now));
    }

    private void alertSupervisors(long id, Instant now) {
        Alarm alarm = alarms.find(id).orElseThrow();
        List<Accounts.User> supervisors = accounts.withRole(Role.SUPERVISOR);
        String body = "【安心12349】" + kind(alarm) + "报警 #" + id + "（" + alarm.seniorName() + "）已超过"
                + ackTimeout.toSeconds() + "秒未受理，请立即处理。";
        for (Accounts.User supervisor : supervisors) {
            notifications.queue(new Notifications.Request(
                    id,
                    "supervisor " + supervisor.username(),
                    supervisor.phone(),
                    Notification.Channel.SMS,
                    "SUPERVISOR_ALERT",
                    body));
        }
        alarms.addTimeline(
                id,
                now,
                null,
                "ESCALATED",
                "system",
                "not acknowledged within " + ackTimeout.toSeconds() + " s; " + supervisors.size()
                        + " supervisor(s) alerted");
        log.warn("alarm {} not acknowledged within {} s: escalated", id, ackTimeout.toSeconds());
        events.publishEvent(new AlarmChanged(id));
    }

    /**
     * The family step, contact by contact as {@link FamilyPolicy} allows for the alarm's kind, the
     * hour and the contact's preferences; the timeline names each rule that held a notification
     * back or left a contact out.
     */
    private void notifyFamily(long id, Instant now) {
        Alarm alarm = alarms.find(id).orElseThrow();
        List<SeniorRecord.Contact> contacts = seniors.contacts(alarm.seniorId());
        if (contacts.isEmpty()) {
            alarms.addTimeline(id, now, null, "FAMILY_NOT_NOTIFIED", "system", "no emergency contacts on record");
            events.publishEvent(new AlarmChanged(id));
            return;
        }
        Map<String, ContactPreferences> preferences = preferenceStore.forSenior(alarm.seniorId());
        List<SeniorRecord.Contact> texted = new ArrayList<>();
        List<SeniorRecord.Contact> textedCallable = new ArrayList<>();
        SeniorRecord.Contact firstCall = null;
        String smsOnlyRule = null;
        for (SeniorRecord.Contact contact : contacts) {
            FamilyPolicy.Reach reach = policy.reach(alarm.type(), preferencesOf(preferences, contact), now);
            if (reach.sms() == FamilyPolicy.Sms.NOW) {
                (reach.call() ? textedCallable : texted).add(contact);
            }
            if (reach.held()) {
                holds.hold(id, contact.phone(), recipient(contact), reach.heldUntil());
            }
            if (reach.limited()) {
                alarms.addTimeline(
                        id,
                        now,
                        null,
                        reach.held() ? "FAMILY_HELD" : "FAMILY_SKIPPED",
                        "system",
                        recipient(contact) + ": " + reach.rule());
            }
            if (reach.call() && firstCall == null) {
                firstCall = contact;
            } else if (!reach.call() && !reach.limited()) {
                smsOnlyRule = reach.rule();
            }
        }
        if (texted.isEmpty() && firstCall == null) {
            events.publishEvent(new AlarmChanged(id));
            return;
        }
        textFamily(alarm, textedCallable, true);
        textFamily(alarm, texted, false);
        String note = "still open after " + familyAfter.toSeconds() + " s: SMS to "
                + (textedCallable.size() + texted.size()) + " contact(s)";
        if (firstCall != null) {
            call(alarm, firstCall);
            alarms.startCalls(id, firstCall.position(), now);
            note += "; calling " + recipient(firstCall);
        } else if (smsOnlyRule != null) {
            note += "; " + smsOnlyRule;
        }
        alarms.addTimeline(id, now, null, "FAMILY_NOTIFIED", "system", note);
        events.publishEvent(new AlarmChanged(id));
    }

    /** Quiet hours are over: the held SMS go out to the contacts still listed, if the alarm is still open (still no call). */
    private void textHeld(List<FamilyHolds.Due> due, Instant now) {
        Map<Long, List<FamilyHolds.Due>> byAlarm = new LinkedHashMap<>();
        due.stream().filter(FamilyHolds.Due::open).forEach(d -> byAlarm.computeIfAbsent(
                        d.alarmId(), k -> new ArrayList<>())
                .add(d));
        byAlarm.forEach((id, held) -> {
            Alarm alarm = alarms.find(id).orElseThrow();
            List<SeniorRecord.Contact> listed = seniors.contacts(alarm.seniorId()).stream()
                    .filter(c -> held.stream().anyMatch(d -> d.phone().equals(c.phone())))
                    .toList();
            textFamily(alarm, listed, false);
            alarms.addTimeline(
                    id,
                    now,
                    null,
                    "FAMILY_NOTIFIED",
                    "system",
                    "quiet hours over, still open: SMS to " + listed.size() + " contact(s) ("
                            + String.join(
                                    ", ",
                                    listed.stream().map(Escalation::recipient).toList())
                            + "); no call for a device condition");
            events.publishEvent(new AlarmChanged(id));
        });
    }

    private void textFamily(Alarm alarm, List<SeniorRecord.Contact> contacts, boolean calls) {
        String sms = "【安心12349】您的家人" + alarm.seniorName() + "于" + time.format(alarm.createdAt()) + "触发"
                + kind(alarm) + "报警" + (alarm.address() == null ? "" : "，地址：" + alarm.address())
                + (calls ? "。值班员正在处理，稍后可能致电您。" : "。值班员正在处理。");
        for (SeniorRecord.Contact contact : contacts) {
            notifications.queue(new Notifications.Request(
                    alarm.id(), recipient(contact), contact.phone(), Notification.Channel.SMS, "FAMILY_ALERT", sms));
        }
    }

    /** The next contact down the list who takes calls for the alarm's kind (the others were named when skipped). */
    private void callNext(long id, Instant now) {
        Alarm alarm = alarms.find(id).orElseThrow();
        List<SeniorRecord.Contact> contacts = seniors.contacts(alarm.seniorId());
        Map<String, ContactPreferences> preferences = preferenceStore.forSenior(alarm.seniorId());
        int position = alarms.callPosition(id);
        SeniorRecord.Contact next = contacts.stream()
                .filter(c -> c.position() >= position)
                .filter(c -> policy.reach(alarm.type(), preferencesOf(preferences, c), now)
                        .call())
                .findFirst()
                .orElse(null);
        if (next == null) {
            alarms.stopCalls(id);
            alarms.addTimeline(
                    id, now, null, "FAMILY_CALLS_EXHAUSTED", "system", "no contact pressed 1; back to the operator");
        } else {
            alarms.skipCallsTo(id, next.position());
            call(alarm, next);
            alarms.addTimeline(id, now, null, "FAMILY_CALL", "system", "no answer yet; calling " + recipient(next));
        }
        events.publishEvent(new AlarmChanged(id));
    }

    private static ContactPreferences preferencesOf(
            Map<String, ContactPreferences> preferences, SeniorRecord.Contact contact) {
        return preferences.getOrDefault(contact.phone(), ContactPreferences.DEFAULT);
    }

    private void call(Alarm alarm, SeniorRecord.Contact contact) {
        String script = "您好，这里是安心养老服务平台一二三四九。您的家人" + alarm.seniorName() + "，于"
                + time.format(alarm.createdAt()) + "触发" + kind(alarm) + "报警"
                + (alarm.address() == null ? "" : "，地址" + alarm.address()) + "。如果您现在可以前往，请按1。";
        notifications.queue(new Notifications.Request(
                alarm.id(), recipient(contact), contact.phone(), Notification.Channel.VOICE, "FAMILY_CALL", script));
    }

    /** A contact pressed a key on the alarm call: "1" means they are going. */
    @EventListener
    void on(FamilyResponded response) {
        if ("1".equals(response.digits())) {
            acceptance.accept(response.alarmId(), response.recipient(), "pressed 1 on the call: going to the senior");
            return;
        }
        alarms.addTimeline(
                response.alarmId(),
                clock.instant(),
                null,
                "FAMILY_RESPONDED",
                "family:" + response.recipient(),
                "pressed " + (response.digits().isEmpty() ? "nothing" : response.digits()));
        events.publishEvent(new AlarmChanged(response.alarmId()));
    }

    private static String recipient(SeniorRecord.Contact contact) {
        return contact.position() + ". " + contact.name()
                + (contact.relation() == null ? "" : " (" + contact.relation() + ")");
    }

    private static String kind(Alarm alarm) {
        return KIND_ZH.getOrDefault(alarm.type(), alarm.type());
    }
}

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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The family steps of the {@link Escalation}, contact by contact: who is texted now, whose SMS is
 * held for their quiet hours, who is left out by their own choice, and who is called next down
 * the list ({@link FamilyPolicy} with each contact's {@link ContactPreferences}). Every contact
 * held back or left out gets a timeline entry naming the rule. Runs inside the escalation's
 * claiming transactions.
 */
@Component
class FamilyEscalation {
    private final AlarmRepository alarms;
    private final FamilyAcceptance acceptance;
    private final FamilyPolicy policy;
    private final ContactPreferenceStore preferenceStore;
    private final FamilyHolds holds;
    private final SeniorService seniors;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration familyAfter;
    private final DateTimeFormatter time;

    FamilyEscalation(
            AlarmRepository alarms,
            FamilyAcceptance acceptance,
            FamilyPolicy policy,
            ContactPreferenceStore preferenceStore,
            FamilyHolds holds,
            SeniorService seniors,
            Notifications notifications,
            ApplicationEventPublisher events,
            Clock clock,
            AlarmProperties properties,
            ZoneId zone) {
        this.alarms = alarms;
        this.acceptance = acceptance;
        this.policy = policy;
        this.preferenceStore = preferenceStore;
        this.holds = holds;
        this.seniors = seniors;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.familyAfter = properties.escalation().familyAfter();
        this.time = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
    }

    /**
     * The family step, contact by contact as {@link FamilyPolicy} allows for the alarm's kind, the
     * hour and the contact's preferences; the timeline names each rule that held a notification
     * back or left a contact out.
     */
    void notifyFamily(long id, Instant now) {
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
    void textHeld(Instant now) {
        List<FamilyHolds.Due> due = holds.claimDue(now);
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
                                    listed.stream()
                                            .map(FamilyEscalation::recipient)
                                            .toList())
                            + "); no call for a device condition");
            events.publishEvent(new AlarmChanged(id));
        });
    }

    private void textFamily(Alarm alarm, List<SeniorRecord.Contact> contacts, boolean calls) {
        String sms = "【安心12349】您的家人" + alarm.seniorName() + "于" + time.format(alarm.createdAt()) + "触发"
                + AlarmKind.chinese(alarm.type()) + "报警" + (alarm.address() == null ? "" : "，地址：" + alarm.address())
                + (calls ? "。值班员正在处理，稍后可能致电您。" : "。值班员正在处理。");
        for (SeniorRecord.Contact contact : contacts) {
            notifications.queue(new Notifications.Request(
                    alarm.id(), recipient(contact), contact.phone(), Notification.Channel.SMS, "FAMILY_ALERT", sms));
        }
    }

    /** The next contact down the list who takes calls for the alarm's kind (the others were named when skipped). */
    void callNext(long id, Instant now) {
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
                + time.format(alarm.createdAt()) + "触发" + AlarmKind.chinese(alarm.type()) + "报警"
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
}

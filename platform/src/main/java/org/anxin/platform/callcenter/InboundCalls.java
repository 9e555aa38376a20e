package org.anxin.platform.callcenter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.anxin.platform.alarm.AlarmService;
import org.anxin.platform.notify.TwilioRequests;
import org.anxin.platform.system.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 12349 line's call flow, one method per Twilio webhook: the call arrives (caller looked
 * up, screen pop, menu), the caller presses a key (PHONE_SOS at once for a known senior's 1),
 * the queue rings an operator or holds, an operator picks up or does not. Each step is written
 * to the call's timeline. Every path ends with the caller put through or told what happens
 * next; none drops a caller silently.
 */
@Service
class InboundCalls {
    private static final Logger log = LoggerFactory.getLogger(InboundCalls.class);
    static final String SUPERVISORS = "supervisors";

    private final CallLog calls;
    private final CallerLookup lookup;
    private final CallQueue queue;
    private final AlarmService alarms;
    private final TwilioRequests twilio;
    private final CallCenterProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    InboundCalls(
            CallLog calls,
            CallerLookup lookup,
            CallQueue queue,
            AlarmService alarms,
            TwilioRequests twilio,
            CallCenterProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            ZoneId zone) {
        this.calls = calls;
        this.lookup = lookup;
        this.queue = queue;
        this.alarms = alarms;
        this.twilio = twilio;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /** A call to the 12349 number: recorded, the caller looked up, every console told; then the menu. */
    @Transactional
    String arrive(String callSid, String from, String to) {
        Instant now = clock.instant();
        boolean afterHours = !properties.open(LocalTime.ofInstant(now, zone));
        Caller caller = lookup.find(from);
        var id = calls.insert(new CallLog.NewCall(
                callSid,
                CallDirection.INBOUND,
                from,
                to,
                caller,
                CallStatus.IN_IVR,
                null,
                afterHours,
                null,
                null,
                now));
        Call call = id.flatMap(calls::find).or(() -> calls.findBySid(callSid)).orElseThrow();
        if (id.isPresent()) {
            calls.addTimeline(
                    call.id(),
                    now,
                    "ARRIVED",
                    "12349",
                    caller.describe() + (afterHours ? "; outside service hours" : ""));
            log.info("call {} ({}) from {}: {}", call.id(), callSid, from, caller.kind());
            events.publishEvent(new CallChanged(call.id()));
        }
        return ivr().greeting(call.id(), properties.recording(), call.afterHours());
    }

    /** The caller's key (none: the operator). */
    @Transactional
    String menu(long id, String callSid, String digits) {
        Call call = inbound(id, callSid);
        Instant now = clock.instant();
        if (call.status() != CallStatus.IN_IVR) {
            return step(call, null); // Twilio repeated the request: carry on from where the call is
        }
        IvrChoice choice = IvrChoice.of(digits);
        String key = digits.isEmpty() ? "-" : digits;
        if (call.afterHours() && choice != IvrChoice.EMERGENCY) {
            calls.chose(id, choice, key, null, now);
            calls.ended(id, CallStatus.MISSED, null, null, now);
            calls.addTimeline(id, now, "AFTER_HOURS", "12349", "pressed " + key + "; to be called back");
            events.publishEvent(new CallChanged(id));
            return ivr().goodbye(Ivr.AFTER_HOURS_BYE);
        }
        Long alarmId = null;
        String prompt = choice == IvrChoice.EMERGENCY ? Ivr.EMERGENCY : Ivr.CONNECTING;
        if (choice == IvrChoice.EMERGENCY && call.callerKind() == CallerKind.SENIOR && call.seniorId() != null) {
            alarmId = alarms.raisePhoneSos(
                    call.seniorId(), "pressed 1 on a call to 12349 from " + call.from() + " (call " + id + ")");
            prompt = Ivr.EMERGENCY_RAISED;
            calls.addTimeline(id, now, "PHONE_SOS", "12349", "alarm " + alarmId);
        }
        calls.chose(id, choice, key, alarmId, now);
        calls.addTimeline(id, now, "QUEUED", "12349", "pressed " + key + ": " + choice);
        events.publishEvent(new CallChanged(id));
        return step(calls.find(id).orElseThrow(), prompt);
    }

    /** The caller on hold asks again (the hold's redirect). */
    @Transactional
    String await(long id, String callSid) {
        return step(inbound(id, callSid), null);
    }

    /** The rung phone's outcome ({@code DialCallStatus}). */
    @Transactional
    String dialed(long id, String callSid, String dialStatus) {
        Call call = inbound(id, callSid);
        Instant now = clock.instant();
        if ("completed".equals(dialStatus) || "answered".equals(dialStatus)) {
            calls.ended(id, CallStatus.COMPLETED, null, null, now);
            calls.addTimeline(id, now, "ENDED", nonNull(call.answeredBy()), "the operator's call ended");
            events.publishEvent(new CallChanged(id));
            return ivr().hangup();
        }
        if (calls.backToQueue(id, now)) {
            calls.addTimeline(id, now, "NOT_ANSWERED", nonNull(call.ringing()), dialStatus);
            events.publishEvent(new CallChanged(id));
        }
        return step(calls.find(id).orElseThrow(), null);
    }

    /** Someone picked up the rung phone: the call is theirs; they hear who is calling. */
    @Transactional
    String answered(long id, String parentCallSid, String operator) {
        Call call = inbound(id, parentCallSid);
        if (operator == null || !calls.tried(id).contains(operator)) {
            throw ApiProblem.notFound("call " + id + " did not ring " + operator);
        }
        Instant now = clock.instant();
        calls.answered(id, operator, now);
        calls.addTimeline(id, now, "ANSWERED", operator, null);
        events.publishEvent(new CallChanged(id));
        return ivr().whisper(call.callerName());
    }

    /**
     * Where a queued call goes now: rings a phone, holds, or (nobody can take it) tells the
     * caller they will be called back.
     */
    private String step(Call call, String prompt) {
        if (!call.status().live()) {
            return ivr().hangup();
        }
        if (call.status() == CallStatus.RINGING || call.status() == CallStatus.ANSWERED) {
            return ivr().hold(call.id(), prompt, 0);
        }
        Instant now = clock.instant();
        calls.lockQueue();
        Call fresh = calls.find(call.id()).orElseThrow();
        CallQueue.Next next = queue.next(fresh, now);
        if (next instanceof CallQueue.Ring ring) {
            List<String> names =
                    ring.agents().stream().map(Duty.Agent::username).toList();
            calls.ring(call.id(), ring.supervisors() ? SUPERVISORS : names.get(0), names, ring.supervisors(), now);
            calls.addTimeline(
                    call.id(), now, ring.supervisors() ? "OVERFLOW" : "RINGING", "12349", String.join(", ", names));
            events.publishEvent(new CallChanged(call.id()));
            return ivr().ring(
                            call.id(),
                            prompt,
                            ring.agents(),
                            (int) properties.ringTimeout().toSeconds(),
                            properties.recording());
        }
        if (next instanceof CallQueue.GiveUp giveUp) {
            calls.ended(call.id(), CallStatus.MISSED, null, null, now);
            calls.addTimeline(call.id(), now, "GAVE_UP", "12349", giveUp.reason() + "; to be called back");
            events.publishEvent(new CallChanged(call.id()));
            log.warn("call {} from {} not answered ({}): to be called back", call.id(), call.from(), giveUp.reason());
            return ivr().goodbye(fresh.choice() == IvrChoice.EMERGENCY ? Ivr.GIVE_UP_EMERGENCY : Ivr.GIVE_UP);
        }
        return ivr().hold(call.id(), prompt, ((CallQueue.Hold) next).ahead());
    }

    private Call inbound(long id, String callSid) {
        return calls.find(id)
                .filter(c ->
                        c.direction() == CallDirection.INBOUND && c.callSid().equals(callSid))
                .orElseThrow(() -> ApiProblem.notFound("no inbound call " + id + " with that CallSid"));
    }

    private Ivr ivr() {
        return new Ivr(twilio.publicBaseUrl());
    }

    private static String nonNull(String actor) {
        return actor == null ? "12349" : actor;
    }
}

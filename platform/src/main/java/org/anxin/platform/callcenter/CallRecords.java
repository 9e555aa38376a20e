package org.anxin.platform.callcenter;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.anxin.platform.notify.VoiceCallPlaced;
import org.anxin.platform.notify.VoiceCallStatus;
import org.anxin.platform.notify.VoiceKeyPressed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every call's record whole: Twilio's status callbacks and recordings for the line's own
 * calls, and the calls the desk places (escalation calls to families, through the notify
 * module's events), so that every inbound and outbound call is one record.
 */
@Component
class CallRecords {
    private final CallLog calls;
    private final CallerLookup lookup;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallRecords(CallLog calls, CallerLookup lookup, ApplicationEventPublisher events, Clock clock) {
        this.calls = calls;
        this.lookup = lookup;
        this.events = events;
        this.clock = clock;
    }

    /** Twilio's status of a call on record; false if no call has that SID. */
    @Transactional
    boolean statusReported(String callSid, String twilioStatus, Integer durationSeconds) {
        Optional<Call> found = calls.findBySid(callSid);
        if (found.isEmpty()) {
            return false;
        }
        Call call = found.get();
        Instant now = clock.instant();
        // an outbound call that Twilio reports completed was answered; an inbound one only if an operator took it
        CallStatus status = CallStatus.fromTwilio(
                twilioStatus, call.direction() == CallDirection.OUTBOUND || call.answeredAt() != null);
        if (status == null) {
            return true; // a status we do not track
        }
        if (status.live()) {
            if (call.direction() == CallDirection.OUTBOUND) {
                calls.twilioStatus(call.id(), status, twilioStatus, now);
            }
        } else {
            calls.ended(call.id(), status, twilioStatus, durationSeconds, now);
            if (call.endedAt() == null) {
                calls.addTimeline(
                        call.id(),
                        now,
                        "ENDED",
                        "twilio",
                        twilioStatus + (durationSeconds == null ? "" : ", " + durationSeconds + " s"));
            }
        }
        events.publishEvent(new CallChanged(call.id()));
        return true;
    }

    /** A recording of the call is ready at this URL. */
    @Transactional
    boolean recorded(String callSid, String url) {
        Optional<Call> call = calls.findBySid(callSid);
        call.ifPresent(c -> {
            calls.recording(c.id(), url, clock.instant());
            events.publishEvent(new CallChanged(c.id()));
        });
        return call.isPresent();
    }

    @EventListener
    @Transactional
    void on(VoiceCallPlaced placed) {
        Caller callee = lookup.find(placed.to());
        calls.insert(new CallLog.NewCall(
                        placed.callSid(),
                        CallDirection.OUTBOUND,
                        placed.from(),
                        placed.to(),
                        callee,
                        CallStatus.QUEUED,
                        placed.purpose(),
                        false,
                        placed.alarmId(),
                        placed.notificationId(),
                        placed.at()))
                .ifPresent(id -> {
                    calls.addTimeline(id, placed.at(), "PLACED", "desk", placed.purpose() + " to " + callee.describe());
                    events.publishEvent(new CallChanged(id));
                });
    }

    @EventListener
    void on(VoiceCallStatus status) {
        statusReported(status.callSid(), status.status(), status.durationSeconds());
    }

    /** The key the called person pressed is the outbound call's IVR path. */
    @EventListener
    @Transactional
    void on(VoiceKeyPressed response) {
        calls.findByNotification(response.notificationId()).ifPresent(call -> {
            Instant now = clock.instant();
            String key = response.digits().isEmpty() ? "-" : response.digits();
            calls.keyPressed(call.id(), key, now);
            calls.addTimeline(call.id(), now, "KEY", "twilio", "pressed " + key);
            events.publishEvent(new CallChanged(call.id()));
        });
    }
}

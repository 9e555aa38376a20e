package org.anxin.platform.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises an alarm, or merges into the open one of the same device and kind (a repeat, never a
 * second card). Used by every rule; runs in the caller's transaction.
 */
@Component
class AlarmRaiser {
    private static final Logger log = LoggerFactory.getLogger(AlarmRaiser.class);

    private final AlarmRepository alarms;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlarmRaiser(AlarmRepository alarms, ApplicationEventPublisher events, Clock clock) {
        this.alarms = alarms;
        this.events = events;
        this.clock = clock;
    }

    record Raise(
            String type,
            long seniorId,
            String deviceId,
            Instant raisedAt,
            Double lat,
            Double lon,
            String detail,
            String actor,
            boolean countRepeat) {}

    /**
     * Raises an alarm that no device raised (a senior's call), or counts a repeat on the open one
     * of the same senior and kind; the alarm's id either way.
     */
    @Transactional
    long raiseWithoutDevice(String type, long seniorId, String detail, String actor) {
        return raise(new Raise(type, seniorId, null, clock.instant(), null, null, detail, actor, true))
                .orElseThrow();
    }

    /** The alarm's id; empty only when {@code countRepeat} is false and one is already open. */
    @Transactional
    Optional<Long> raise(Raise r) {
        Instant now = clock.instant();
        Optional<Long> created = alarms.insertIfNoneOpen(new AlarmRepository.NewAlarm(
                r.type(), r.seniorId(), r.deviceId(), r.raisedAt(), now, r.lat(), r.lon(), r.detail()));
        if (created.isPresent()) {
            long id = created.get();
            alarms.addTimeline(id, now, AlarmStatus.RAISED, "RAISED", r.actor(), r.detail());
            log.info("{} alarm {} raised by {} for senior {}", r.type(), id, r.actor(), r.seniorId());
            events.publishEvent(new AlarmChanged(id));
            return created;
        }
        if (!r.countRepeat()) {
            return Optional.empty();
        }
        Optional<Long> repeated = r.deviceId() == null
                ? alarms.countRepeatWithoutDevice(r.seniorId(), r.type())
                : alarms.countRepeat(r.deviceId(), r.type());
        if (repeated.isEmpty()) {
            return raise(r); // closed between the two statements: raise a fresh one
        }
        alarms.addTimeline(
                repeated.get(),
                now,
                null,
                "REPEAT",
                r.actor(),
                r.deviceId() == null ? r.detail() : "again at " + r.raisedAt());
        events.publishEvent(new AlarmChanged(repeated.get()));
        return repeated;
    }
}

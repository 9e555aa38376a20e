package org.anxin.platform.callcenter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Whom a queued call rings next. Emergencies are at the head of the queue, then by time queued;
 * a call at the head rings the next free on-duty operator it has not rung yet, round-robin (a
 * Redis counter, shared by every platform node). Nobody free and it has waited
 * {@code overflowAfter}, or every operator was tried: the supervisors ring together. Still
 * nobody after {@code giveUpAfter}, or nobody left to ring: the caller is told they will be
 * called back. Runs under {@link CallLog#lockQueue()}, so two nodes never ring one phone twice.
 */
@Component
class CallQueue {
    static final String ROUND_ROBIN = "anxin:calls:round-robin";

    private final CallLog calls;
    private final Duty duty;
    private final UnifiedJedis redis;
    private final CallCenterProperties properties;

    CallQueue(CallLog calls, Duty duty, UnifiedJedis redis, CallCenterProperties properties) {
        this.calls = calls;
        this.duty = duty;
        this.redis = redis;
        this.properties = properties;
    }

    sealed interface Next {}

    /** Ring these phones; {@code supervisors} when it is the overflow. */
    record Ring(List<Duty.Agent> agents, boolean supervisors) implements Next {}

    /** Hold: {@code ahead} callers come first. */
    record Hold(int ahead) implements Next {}

    /** Nobody can take the call now. */
    record GiveUp(String reason) implements Next {}

    Next next(Call call, Instant now) {
        List<Duty.Agent> operators = duty.operators();
        List<String> busy = calls.busy();
        List<String> tried = calls.tried(call.id());
        List<Duty.Agent> untried =
                operators.stream().filter(a -> !tried.contains(a.username())).toList();
        List<Duty.Agent> free =
                untried.stream().filter(a -> !busy.contains(a.username())).toList();
        int ahead = calls.ahead(call);
        Duration waited = Duration.between(call.queuedAt(), now);
        if (!free.isEmpty() && ahead < free.size()) {
            return new Ring(List.of(roundRobin(operators, free)), false);
        }
        boolean overflowLeft = !calls.supervisorTried(call.id());
        List<Duty.Agent> supervisors = overflowLeft ? duty.supervisors() : List.of();
        List<Duty.Agent> freeSupervisors =
                supervisors.stream().filter(s -> !busy.contains(s.username())).toList();
        if (!freeSupervisors.isEmpty() && (untried.isEmpty() || waited.compareTo(properties.overflowAfter()) >= 0)) {
            return new Ring(freeSupervisors, true);
        }
        if (waited.compareTo(properties.giveUpAfter()) >= 0) {
            return new GiveUp(
                    "nobody answered within " + properties.giveUpAfter().toSeconds() + " s");
        }
        if (untried.isEmpty() && supervisors.isEmpty()) {
            return new GiveUp(
                    operators.isEmpty() ? "no operator on duty and no supervisor to ring" : "everyone was rung");
        }
        return new Hold(ahead);
    }

    /** The first free operator from the round-robin's next position in the on-duty list. */
    private Duty.Agent roundRobin(List<Duty.Agent> operators, List<Duty.Agent> free) {
        int start = (int) Math.floorMod(redis.incr(ROUND_ROBIN) - 1, (long) operators.size());
        List<Duty.Agent> rotated = new ArrayList<>(operators.subList(start, operators.size()));
        rotated.addAll(operators.subList(0, start));
        return rotated.stream().filter(free::contains).findFirst().orElse(free.get(0));
    }
}

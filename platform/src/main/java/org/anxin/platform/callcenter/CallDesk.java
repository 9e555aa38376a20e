package org.anxin.platform.callcenter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What an operator does with calls on the console: take one, mark a call-back done, go on duty. */
@Component
class CallDesk {
    private final CallLog calls;
    private final Duty duty;
    private final ScreenPop pop;
    private final TicketStore tickets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallDesk(
            CallLog calls,
            Duty duty,
            ScreenPop pop,
            TicketStore tickets,
            ApplicationEventPublisher events,
            Clock clock) {
        this.calls = calls;
        this.duty = duty;
        this.pop = pop;
        this.tickets = tickets;
        this.events = events;
        this.clock = clock;
    }

    record CallDetail(ScreenPop.CallCard card, List<CallLog.CallStep> timeline, List<Ticket> tickets) {}

    record DutyState(String username, boolean onDuty, List<String> onDutyNow) {}

    Call find(long id) {
        return calls.find(id).orElseThrow(() -> ApiProblem.notFound("no call " + id));
    }

    CallDetail detail(long id) {
        Call call = find(id);
        return new CallDetail(pop.of(call), calls.timeline(id), tickets.forCall(id));
    }

    /** Calls going on now and unanswered calls to call back, each as its screen pop. */
    List<ScreenPop.CallCard> board() {
        List<Call> live = calls.live();
        List<Call> back = calls.toCallBack(50);
        return java.util.stream.Stream.concat(live.stream(), back.stream())
                .map(pop::of)
                .toList();
    }

    /** The operator takes the call: others see it taken. 409 if someone else has it. */
    @Transactional
    ScreenPop.CallCard claim(long id, Viewer viewer) {
        Call call = find(id);
        Instant now = clock.instant();
        if (!calls.claim(id, viewer.username(), now)) {
            throw ApiProblem.conflict("call " + id + " is taken by " + find(id).claimedBy());
        }
        if (!viewer.username().equals(call.claimedBy())) {
            calls.addTimeline(id, now, "CLAIMED", viewer.username(), null);
            events.publishEvent(new CallChanged(id));
        }
        return pop.of(find(id));
    }

    /** The desk called the caller back: off the call-back list. Only the one who took it (409 otherwise). */
    @Transactional
    ScreenPop.CallCard calledBack(long id, String note, Viewer viewer) {
        Call call = find(id);
        if (!call.callbackNeeded()) {
            throw ApiProblem.conflict("call " + id + " is not waiting for a call-back");
        }
        if (!viewer.username().equals(call.claimedBy())) {
            throw ApiProblem.conflict("take call " + id + " first (it is "
                    + (call.claimedBy() == null ? "not taken" : "taken by " + call.claimedBy()) + ")");
        }
        Instant now = clock.instant();
        calls.calledBack(id, now);
        calls.addTimeline(id, now, "CALLED_BACK", viewer.username(), note);
        events.publishEvent(new CallChanged(id));
        return pop.of(find(id));
    }

    @Transactional
    DutyState duty(Viewer viewer, boolean on) {
        if (on) {
            duty.on(viewer.username(), clock.instant());
        } else {
            duty.off(viewer.username());
        }
        return duty(viewer);
    }

    DutyState duty(Viewer viewer) {
        return new DutyState(
                viewer.username(),
                duty.isOn(viewer.username()),
                duty.operators().stream().map(Duty.Agent::username).toList());
    }
}

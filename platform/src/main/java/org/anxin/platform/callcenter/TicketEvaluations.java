package org.anxin.platform.callcenter;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.notify.VoiceKeyPressed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评估: when a work order that came from a call is closed, the caller is called back by an IVR
 * call (through the notify module) and asked to score the service 1–5; the key they press is
 * stored as an EVALUATION work order (closed, with the score), and noted on the closed one.
 */
@Component
class TicketEvaluations {
    static final String SCRIPT = "您好，这里是12349养老服务热线。您反映的事项已办结，请为我们的服务打分：非常满意请按5，不满意请按1。";

    private final TicketStore tickets;
    private final CallLog calls;
    private final Notifications notifications;
    private final Clock clock;

    TicketEvaluations(TicketStore tickets, CallLog calls, Notifications notifications, Clock clock) {
        this.tickets = tickets;
        this.calls = calls;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Asks the caller of the ticket's call for a score, if the ticket came from an inbound call. */
    void ask(Ticket ticket, String actor) {
        Optional<Call> call = ticket.callId() == null ? Optional.empty() : calls.find(ticket.callId());
        if (call.isEmpty() || call.get().direction() != CallDirection.INBOUND) {
            return;
        }
        long notification = notifications.queue(new Notifications.Request(
                null,
                "caller " + call.get().callerName(),
                call.get().from(),
                Notification.Channel.VOICE,
                Notifications.EVALUATION,
                SCRIPT));
        tickets.evaluationAsked(ticket.id(), notification);
        tickets.addTimeline(
                ticket.id(),
                clock.instant(),
                null,
                "EVALUATION_ASKED",
                actor,
                "IVR call to " + call.get().from());
    }

    /** The caller's key on the evaluation call: 1–5 is their score. */
    @EventListener
    @Transactional
    void on(VoiceKeyPressed pressed) {
        if (!Notifications.EVALUATION.equals(pressed.purpose())
                || !pressed.digits().matches("[1-5]")) {
            return;
        }
        tickets.byEvaluationCall(pressed.notificationId()).ifPresent(closed -> {
            Instant now = clock.instant();
            int score = Integer.parseInt(pressed.digits());
            long id = tickets.insert(new TicketStore.NewTicket(
                    TicketKind.EVALUATION,
                    "SATISFACTION",
                    "对工单 #" + closed.id() + " 的评价",
                    closed.seniorId(),
                    closed.callId(),
                    "12349",
                    null,
                    score,
                    null,
                    now));
            tickets.addTimeline(
                    id, now, TicketStatus.OPEN, "CREATED", "12349", "IVR evaluation of ticket " + closed.id());
            tickets.move(id, java.util.List.of(TicketStatus.OPEN), TicketStatus.CLOSED, now);
            tickets.addTimeline(id, now, TicketStatus.CLOSED, "EVALUATED", "caller", "score " + score + "/5");
            tickets.addTimeline(
                    closed.id(), now, null, "EVALUATED", "caller", "score " + score + "/5 (ticket " + id + ")");
        });
    }
}

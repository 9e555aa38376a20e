package org.anxin.platform.callcenter;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.anxin.platform.alarm.AlarmService;
import org.anxin.platform.order.OrderRecords;
import org.anxin.platform.order.OrderView;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work orders (工单) and their lifecycle: every step checked against the ticket's kind and
 * status (409 otherwise) and written to its timeline with who and when.
 */
@Service
class TicketDesk {
    private final TicketStore tickets;
    private final CallLog calls;
    private final SeniorService seniors;
    private final CallCenterProperties properties;
    private final TicketEvaluations evaluations;
    private final OrderRecords orders;
    private final AlarmService alarms;
    private final ComplaintFigures complaints;
    private final Clock clock;

    TicketDesk(
            TicketStore tickets,
            CallLog calls,
            SeniorService seniors,
            CallCenterProperties properties,
            TicketEvaluations evaluations,
            OrderRecords orders,
            AlarmService alarms,
            ComplaintFigures complaints,
            Clock clock) {
        this.tickets = tickets;
        this.calls = calls;
        this.seniors = seniors;
        this.properties = properties;
        this.evaluations = evaluations;
        this.orders = orders;
        this.alarms = alarms;
        this.complaints = complaints;
        this.clock = clock;
    }

    record NewTicket(
            Long seniorId,
            Long callId,
            TicketKind kind,
            String category,
            String summary,
            Instant dueAt,
            Integer satisfaction,
            Long providerId) {}

    record TicketDetail(Ticket ticket, List<TicketStore.TicketStep> timeline) {}

    @Transactional
    TicketDetail create(NewTicket request, Viewer viewer) {
        if (!request.kind().categories.contains(request.category())) {
            throw ApiProblem.badRequest("category of a " + request.kind() + " must be one of "
                    + request.kind().categories.stream().sorted().toList());
        }
        complaints.check(request.kind(), request.category(), request.providerId());
        Long seniorId = request.seniorId();
        if (seniorId != null && seniors.find(seniorId).isEmpty()) {
            throw ApiProblem.badRequest("no senior " + seniorId);
        }
        if (request.callId() != null) {
            Call call = calls.find(request.callId())
                    .orElseThrow(() -> ApiProblem.badRequest("no call " + request.callId()));
            seniorId = seniorId == null ? call.seniorId() : seniorId;
        }
        Instant now = clock.instant();
        Instant dueAt = null;
        if (request.kind() == TicketKind.TRACKING) {
            dueAt = request.dueAt() == null ? now.plus(properties.trackingDue()) : request.dueAt();
            if (!dueAt.isAfter(now)) {
                throw ApiProblem.badRequest("dueAt must be in the future");
            }
        } else if (request.dueAt() != null) {
            throw ApiProblem.badRequest(
                    "only a TRACKING task has a dueAt (a referral's deadline starts when referred)");
        }
        if (request.satisfaction() != null && request.kind() != TicketKind.EVALUATION) {
            throw ApiProblem.badRequest("only an EVALUATION has a satisfaction score");
        }
        long id = tickets.insert(new TicketStore.NewTicket(
                request.kind(),
                request.category(),
                request.summary(),
                seniorId,
                request.callId(),
                viewer.username(),
                dueAt,
                request.satisfaction(),
                request.providerId(),
                now));
        tickets.addTimeline(id, now, TicketStatus.OPEN, "CREATED", viewer.username(), request.summary());
        if (request.satisfaction() != null) {
            move(
                    id,
                    EnumSet.of(TicketStatus.OPEN),
                    TicketStatus.CLOSED,
                    "EVALUATED",
                    viewer,
                    "score " + request.satisfaction() + "/5");
        }
        return detail(id);
    }

    TicketDetail detail(long id) {
        return new TicketDetail(get(id), tickets.timeline(id));
    }

    List<Ticket> list(TicketStore.Filter filter) {
        return tickets.list(filter);
    }

    /** A referral handed to {@code to}; it must be accepted within {@code anxin.callcenter.referral-accept-within}. */
    @Transactional
    TicketDetail refer(long id, String to, Viewer viewer) {
        need(id, TicketKind.REFERRAL, "referred");
        Instant now = clock.instant();
        move(id, EnumSet.of(TicketStatus.OPEN), TicketStatus.REFERRED, "REFERRED", viewer, "to " + to);
        tickets.referred(id, to, now, now.plus(properties.referralAcceptWithin()));
        return detail(id);
    }

    /** The receiver accepted the referral ({@code by}: who there accepted it). */
    @Transactional
    TicketDetail accept(long id, String by, Viewer viewer) {
        need(id, TicketKind.REFERRAL, "accepted");
        move(id, EnumSet.of(TicketStatus.REFERRED), TicketStatus.ACCEPTED, "ACCEPTED", viewer, "accepted by " + by);
        tickets.accepted(id, by, clock.instant());
        return detail(id);
    }

    /** Closes with the answer or outcome: a consultation or tracking task from OPEN, a referral once accepted. */
    @Transactional
    TicketDetail close(long id, String resolution, Viewer viewer) {
        Ticket ticket = get(id);
        if (ticket.kind() == TicketKind.EVALUATION) {
            throw ApiProblem.conflict("an EVALUATION is closed by recording the score (POST /evaluation)");
        }
        EnumSet<TicketStatus> from = ticket.kind() == TicketKind.REFERRAL
                ? EnumSet.of(TicketStatus.ACCEPTED)
                : EnumSet.of(TicketStatus.OPEN);
        move(id, from, TicketStatus.CLOSED, "CLOSED", viewer, resolution);
        tickets.resolved(id, resolution, null);
        evaluations.ask(ticket, viewer.username());
        return detail(id);
    }

    /** The caller's satisfaction, 1–5: closes the evaluation. */
    @Transactional
    TicketDetail evaluate(long id, int score, Viewer viewer) {
        need(id, TicketKind.EVALUATION, "scored");
        move(id, EnumSet.of(TicketStatus.OPEN), TicketStatus.CLOSED, "EVALUATED", viewer, "score " + score + "/5");
        tickets.resolved(id, null, score);
        return detail(id);
    }

    @Transactional
    TicketDetail cancel(long id, String note, Viewer viewer) {
        move(id, TicketStatus.ACTIVE, TicketStatus.CANCELLED, "CANCELLED", viewer, note);
        return detail(id);
    }

    /** A progress note (a follow-up call made, a message left). */
    @Transactional
    TicketDetail note(long id, String note, Viewer viewer) {
        Ticket ticket = get(id);
        if (!TicketStatus.ACTIVE.contains(ticket.status())) {
            throw ApiProblem.conflict("ticket " + id + " is " + ticket.status() + "; notes go on open tickets");
        }
        tickets.addTimeline(id, clock.instant(), null, "NOTE", viewer.username(), note);
        return detail(id);
    }

    /**
     * Books a home-service visit for the ticket's senior (the normal booking: quote, subsidy,
     * assignment) and links it; one order per work order.
     */
    @Transactional
    TicketDetail bookOrder(long id, long itemId, Instant from, Instant to, String notes, Viewer viewer) {
        Ticket ticket = activeWithSenior(id, "book a home service");
        if (ticket.orderId() != null) {
            throw ApiProblem.conflict("ticket " + id + " already booked order " + ticket.orderId());
        }
        OrderView order =
                orders.book(ticket.seniorId(), itemId, from, to, notes == null ? "12349 工单 #" + id : notes, viewer);
        tickets.orderBooked(id, order.id());
        tickets.addTimeline(
                id,
                clock.instant(),
                null,
                "ORDER_BOOKED",
                viewer.username(),
                "order " + order.id() + " " + order.itemName());
        return detail(id);
    }

    /** Raises a {@code PHONE_SOS} alarm for the ticket's senior (the desk then works it as any alarm). */
    @Transactional
    TicketDetail raiseAlarm(long id, String detail, Viewer viewer) {
        Ticket ticket = activeWithSenior(id, "raise an alarm");
        if (ticket.alarmId() != null) {
            throw ApiProblem.conflict("ticket " + id + " already raised alarm " + ticket.alarmId());
        }
        long alarmId =
                alarms.raiseFromWorkOrder(ticket.seniorId(), "12349 工单 #" + id + ": " + detail, viewer.username());
        tickets.alarmRaised(id, alarmId);
        tickets.addTimeline(id, clock.instant(), null, "ALARM_RAISED", viewer.username(), "alarm " + alarmId);
        return detail(id);
    }

    private Ticket activeWithSenior(long id, String what) {
        tickets.lock(id);
        Ticket ticket = get(id);
        if (!TicketStatus.ACTIVE.contains(ticket.status())) {
            throw ApiProblem.conflict("ticket " + id + " is " + ticket.status() + "; only an open ticket can " + what);
        }
        if (ticket.seniorId() == null) {
            throw ApiProblem.conflict("ticket " + id + " has no senior; only a senior's ticket can " + what);
        }
        return ticket;
    }

    /** The signed-in operator takes the ticket on. */
    @Transactional
    TicketDetail claim(long id, Viewer viewer) {
        get(id);
        Instant now = clock.instant();
        if (!tickets.assign(id, viewer.username(), now)) {
            throw ApiProblem.conflict("ticket " + id + " is " + get(id).status() + "; it cannot be taken");
        }
        tickets.addTimeline(id, now, null, "ASSIGNED", viewer.username(), null);
        return detail(id);
    }

    private Ticket get(long id) {
        return tickets.find(id).orElseThrow(() -> ApiProblem.notFound("no ticket " + id));
    }

    private void need(long id, TicketKind kind, String what) {
        Ticket ticket = get(id);
        if (ticket.kind() != kind) {
            throw ApiProblem.conflict("ticket " + id + " is a " + ticket.kind() + "; only a " + kind + " is " + what);
        }
    }

    private void move(
            long id, java.util.Set<TicketStatus> from, TicketStatus to, String action, Viewer viewer, String note) {
        Ticket ticket = get(id);
        Instant now = clock.instant();
        if (!tickets.move(id, List.copyOf(from), to, now)) {
            throw ApiProblem.conflict("ticket " + id + " is " + ticket.status() + "; it cannot become " + to
                    + " (only from " + EnumSet.copyOf(from) + ")");
        }
        tickets.addTimeline(id, now, to, action, viewer.username(), note);
    }
}

package org.anxin.platform.callcenter;

import java.time.Instant;

/**
 * A work order (工单).
 *
 * @param dueAt tracking: when the follow-up is due; referral: by when it must be accepted
 * @param referredTo who the referral went to (a provider, community, hospital, agency)
 * @param remindedAt when the owner was reminded of a referral not accepted in time
 * @param overdueAt when a tracking task was marked overdue
 * @param orderId the home-service order booked from this work order, if any
 * @param alarmId the alarm raised from this work order, if any
 * @param providerId the provider a complaint is about, if any (counted in its quarterly grade)
 * @param sla the deadline's state now
 */
public record Ticket(
        long id,
        TicketKind kind,
        String category,
        String summary,
        TicketStatus status,
        Long seniorId,
        Long callId,
        String createdBy,
        String assignee,
        Instant createdAt,
        Instant updatedAt,
        Instant dueAt,
        String referredTo,
        Instant acceptedAt,
        String acceptedBy,
        Instant remindedAt,
        Instant overdueAt,
        Integer satisfaction,
        String resolution,
        Instant closedAt,
        Long orderId,
        Long alarmId,
        Long providerId,
        SlaState sla) {}

package org.anxin.platform.followup;

import java.time.Instant;
import java.util.List;
import org.anxin.platform.order.OrderView;
import org.anxin.platform.senior.SeniorRecord;

/** A follow-up with what the operator needs for the call: the order, the senior's phone and contacts. */
record FollowUpView(
        long id,
        long orderId,
        FollowUpStatus status,
        Instant queuedAt,
        int attempts,
        String claimedBy,
        Instant claimedAt,
        Boolean reached,
        Integer satisfied,
        String note,
        String recordedBy,
        Instant recordedAt,
        OrderView order,
        String seniorPhone,
        List<SeniorRecord.Contact> contacts) {}

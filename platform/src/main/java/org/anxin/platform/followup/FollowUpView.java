package org.anxin.platform.followup;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.anxin.platform.order.OrderView;
import org.anxin.platform.senior.SeniorRecord;

/** A follow-up with what the operator needs for the call: the order, the senior's phone and contacts. */
record FollowUpView(
        @JsonUnwrapped FollowUps.FollowUp followUp,
        OrderView order,
        String seniorPhone,
        List<SeniorRecord.Contact> contacts) {}

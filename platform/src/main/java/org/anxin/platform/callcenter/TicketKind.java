package org.anxin.platform.callcenter;

import java.util.Set;

/** The four kinds of work order (工单) of the Harbin plan's one-stop service. */
public enum TicketKind {
    /** 咨询: answered on the call */
    CONSULTATION(Set.of("POLICY", "SUBSIDY", "SERVICE", "HEALTH", "COMPLAINT", "OTHER")),
    /** 转介: handed to another body, whose acceptance is recorded */
    REFERRAL(Set.of("PROVIDER", "COMMUNITY", "HOSPITAL", "AGENCY")),
    /** 跟踪: a follow-up task with a due date */
    TRACKING(Set.of("CALL_BACK", "VISIT", "FOLLOW_UP", "OTHER")),
    /** 评估: the caller's satisfaction, 1–5 */
    EVALUATION(Set.of("SATISFACTION"));

    final Set<String> categories;

    TicketKind(Set<String> categories) {
        this.categories = categories;
    }
}

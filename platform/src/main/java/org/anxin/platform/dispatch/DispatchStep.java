package org.anxin.platform.dispatch;

/** The steps dispatch writes on an alarm's or an order's timeline (the action column). */
enum DispatchStep {
    DISPATCH_STARTED,
    URGENT_OFFERING,
    OFFERED,
    DECLINED,
    TIMED_OUT,
    WITHDRAWN,
    CIRCLE_WIDENED,
    DISPATCH_FAILED,
    URGENT_UNPLACED,
    RESPONDER_LATE
}

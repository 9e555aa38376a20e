package org.anxin.platform.planning;

/** A day plan being made by one node, made, or never made (the solver failed on a first try). */
enum PlanStatus {
    SOLVING,
    READY,
    FAILED
}

package org.anxin.platform.dispatch;

/** How a responder gets there. */
public enum TravelMode {
    WALK,
    EBIKE,
    CAR
}

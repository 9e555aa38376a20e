package org.anxin.platform.dispatch;

/**
 * Travel time from a responder to a senior. This one is straight-line distance × detour factor
 * ÷ mode speed; a road-network router can take its place behind the same interface.
 */
public interface TravelModel {

    /** Seconds to cover {@code meters} of straight-line distance by {@code mode}. */
    int etaSeconds(TravelMode mode, double meters);

    /** The straight-line radius that {@code mode} can cover within {@code seconds}: bounds the search. */
    double reachMeters(TravelMode mode, int seconds);
}

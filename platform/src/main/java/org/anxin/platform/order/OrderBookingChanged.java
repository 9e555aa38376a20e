package org.anxin.platform.order;

import java.time.Instant;

/**
 * An order was booked, cancelled or moved to another window: a day planned with it (or without
 * it) may need re-planning. {@code windowFrom} is the window the order had before the change, and
 * {@code newWindowFrom} the one it has now (the same unless rescheduled).
 */
public record OrderBookingChanged(long orderId, Instant windowFrom, Instant newWindowFrom) {}

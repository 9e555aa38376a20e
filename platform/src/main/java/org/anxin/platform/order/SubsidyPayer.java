package org.anxin.platform.order;

import java.time.Instant;
import org.anxin.platform.system.Money;

/**
 * Pays the subsidised share of a home visit from the senior's subsidy wallet; the subsidy module
 * provides it. Orders call it inside their own transaction, so a booking and its charge (or a
 * cancellation and its refund) commit or roll back together.
 */
public interface SubsidyPayer {

    /**
     * A visit to pay for: the item's price and standard duration as booked, and the start of the
     * window, whose calendar month (in the city's time zone) is the wallet's month.
     */
    record Visit(long seniorId, Instant windowFrom, Money price, int durationMinutes) {}

    /** The subsidised share, and a sentence saying which category and wallet paid it and what remains. */
    record Share(Money subsidy, String text) {
        public static final Share NONE = new Share(Money.ZERO, null);
    }

    /** What the wallet would pay now, without charging it. */
    Share quote(Visit visit);

    /** Charges the senior's wallet for the order and records it in the wallet's ledger. */
    Share charge(long orderId, Visit visit, String actor);

    /** Gives back everything the order was charged ({@link Share#NONE} if nothing), recorded in the ledger. */
    Share refund(long orderId, String actor, String why);
}

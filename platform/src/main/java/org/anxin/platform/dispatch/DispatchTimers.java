package org.anxin.platform.dispatch;

import static org.anxin.platform.dispatch.Dispatchable.SYSTEM;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatch timers, safe with several platform nodes: expiring offers and marking the late are
 * single UPDATE … RETURNING statements (each row returned to one node only), and a round that is
 * over is continued by the node that locks its dispatch first (skip locked).
 */
@Component
class DispatchTimers {
    private final DispatchStore store;
    private final OfferRounds rounds;
    private final Dispatchables dispatchables;
    private final Responders responders;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DispatchProperties properties;

    DispatchTimers(
            DispatchStore store,
            OfferRounds rounds,
            Dispatchables dispatchables,
            Responders responders,
            TransactionTemplate tx,
            Clock clock,
            DispatchProperties properties) {
        this.store = store;
        this.rounds = rounds;
        this.dispatchables = dispatchables;
        this.responders = responders;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /** Offers time out; rounds that are over go on; responders not on scene in time are reported. */
    @Scheduled(initialDelay = 5_000, fixedDelayString = "${anxin.dispatch.tick-ms:1000}")
    void tick() {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> store.expireOffers(now).stream()
                .collect(Collectors.groupingBy(Offer::dispatchId, LinkedHashMap::new, Collectors.toList()))
                .forEach((dispatchId, offers) -> dispatchables
                        .of(store.get(dispatchId))
                        .note(
                                DispatchStep.TIMED_OUT,
                                "no answer within " + properties.offerTimeout().toSeconds() + " s from "
                                        + responders.names(offers.stream()
                                                .map(Offer::responderId)
                                                .toList()),
                                SYSTEM)));
        for (long id : store.stalled()) {
            tx.executeWithoutResult(s -> store.lockIfOffering(id).ifPresent(rounds::continueOrCancel));
        }
        tx.executeWithoutResult(s -> store.markLate(now).forEach(d -> dispatchables
                .of(d)
                .note(
                        DispatchStep.RESPONDER_LATE,
                        responders.names(List.of(d.responderId())) + " not on scene within " + d.circleSeconds() / 60
                                + " min",
                        SYSTEM)));
    }

    /**
     * Closing or dispatching the alarm by hand, or the order cancelled, rescheduled or placed by a
     * batch, ends an offering: open offers are withdrawn and the dispatch cancelled.
     */
    @Scheduled(initialDelay = 5_000, fixedDelayString = "${anxin.dispatch.tick-ms:1000}")
    void withdrawOvertaken() {
        store.offering().stream()
                .filter(d -> !dispatchables.of(d).stillWanted())
                .forEach(d -> tx.executeWithoutResult(s -> {
                    store.withdrawOpenOffers(d.id(), clock.instant());
                    store.cancelIfOffering(d.id());
                }));
    }
}

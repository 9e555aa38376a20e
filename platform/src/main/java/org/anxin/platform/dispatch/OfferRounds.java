package org.anxin.platform.dispatch;

import static org.anxin.platform.dispatch.Dispatchable.SYSTEM;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The offer rounds, the same for an alarm and an urgent order: offer to the best {@code k}
 * candidates inside the circle at once; the first to accept wins under the {@link
 * AcceptanceLock} (never two, across nodes) and the others are withdrawn. When a round is over
 * with nobody (all declined or timed out), the next candidates; when there are none, the circle
 * widened to the service circle; when that has none either, back to whoever asked ({@link
 * Dispatchable#unplaced}). Every step goes on the timeline of what is dispatched.
 */
@Service
class OfferRounds {
    private final DispatchStore store;
    private final Dispatchables dispatchables;
    private final Matcher matcher;
    private final HomeServiceRanking homeServices;
    private final Responders responders;
    private final Notifications notifications;
    private final AcceptanceLock lock;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;
    private final DispatchProperties properties;

    OfferRounds(
            DispatchStore store,
            Dispatchables dispatchables,
            Matcher matcher,
            HomeServiceRanking homeServices,
            Responders responders,
            Notifications notifications,
            AcceptanceLock lock,
            TransactionTemplate tx,
            java.time.Clock clock,
            DispatchProperties properties) {
        this.store = store;
        this.dispatchables = dispatchables;
        this.matcher = matcher;
        this.homeServices = homeServices;
        this.responders = responders;
        this.notifications = notifications;
        this.lock = lock;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /** Starts offering the alarm at the place, in the caller's transaction; 409 if it already is. */
    long startEmergency(long alarmId, double lat, double lon, Viewer viewer) {
        int circle = properties.circleSeconds(Circle.EMERGENCY);
        String skill = properties.emergencySkill();
        long id = store.insertForAlarm(alarmId, skill, lat, lon, circle, viewer.username(), clock.instant())
                .orElseThrow(() -> ApiProblem.conflict("alarm " + alarmId + " is already being dispatched"));
        dispatchables
                .alarm(alarmId)
                .note(
                        DispatchStep.DISPATCH_STARTED,
                        "looking for " + skill + " within " + circle / 60 + " min",
                        viewer);
        offerRound(store.get(id));
        return id;
    }

    /** Starts offering the order, in the caller's transaction; whether offers went out. */
    boolean startOrder(long orderId, double lat, double lon, String skill, String actor) {
        int circle = properties.circleSeconds(Circle.SERVICE);
        long id = store.insertForOrder(orderId, skill, lat, lon, circle, actor, clock.instant());
        dispatchables
                .order(orderId)
                .note(
                        DispatchStep.URGENT_OFFERING,
                        "starts within the hour: offered by the urgent offer flow to " + skill + " within "
                                + circle / 60 + " min",
                        SYSTEM);
        offerRound(store.get(id));
        return store.get(id).status() == DispatchStatus.OFFERING;
    }

    /** The next round: the best not yet offered, else a wider circle, else unplaced. */
    void offerRound(Dispatch d) {
        Dispatchable what = dispatchables.of(d);
        Set<Long> offered = store.offeredResponders(d.id());
        List<Matcher.Candidate> able =
                matcher.candidates(d.lat(), d.lon(), d.circleSeconds(), d.skill(), offered).stream()
                        .filter(c -> what.mayTake(c.responderId()))
                        .toList();
        // a provider's grade orders home services only: an alarm goes to the nearest able, whoever they work for
        List<Matcher.Candidate> candidates = d.orderId() != null ? homeServices.rank(able) : able;
        if (candidates.isEmpty()) {
            noneLeft(d, what, offered.isEmpty());
            return;
        }
        Instant now = clock.instant();
        int round = d.round() + 1;
        store.setRound(d.id(), round);
        List<Matcher.Candidate> chosen = candidates.subList(0, Math.min(properties.offerCount(), candidates.size()));
        StringBuilder note = new StringBuilder("round " + round + ": ");
        for (Matcher.Candidate c : chosen) {
            store.insertOffer(d.id(), c, round, now, now.plus(properties.offerTimeout()));
            note.append(c.name())
                    .append(" (")
                    .append(c.mode())
                    .append(", ")
                    .append(c.distanceMeters())
                    .append(" m, ETA ")
                    .append(Offer.eta(c.etaSeconds()))
                    .append("); ");
            notifications.queue(what.offerSms(
                    responders.get(c.responderId()),
                    "，预计 " + Offer.eta(c.etaSeconds()) + " 到达。请在 "
                            + properties.offerTimeout().toSeconds() + " 秒内在安心响应端接单。"));
        }
        what.note(DispatchStep.OFFERED, note.toString().strip(), SYSTEM);
    }

    private void noneLeft(Dispatch d, Dispatchable what, boolean noneOffered) {
        int widest = properties.circleSeconds(Circle.SERVICE);
        if (d.circleSeconds() < widest) {
            store.widen(d.id(), widest);
            what.note(
                    DispatchStep.CIRCLE_WIDENED,
                    "nobody " + (noneOffered ? "available" : "accepted") + " within " + d.circleSeconds() / 60
                            + " min; widened to " + widest / 60 + " min",
                    SYSTEM);
            offerRound(store.get(d.id()));
            return;
        }
        store.setStatus(d.id(), DispatchStatus.FAILED);
        what.unplaced(
                d.id(),
                (noneOffered ? "no available responder within " : "no responder accepted within ")
                        + d.circleSeconds() / 60 + " min");
    }

    /** A round that is over: the next one, or cancelled if it is no longer wanted. */
    void continueOrCancel(Dispatch d) {
        if (!dispatchables.of(d).stillWanted()) {
            store.setStatus(d.id(), DispatchStatus.CANCELLED);
            return;
        }
        offerRound(d);
    }

    /** The responder takes the offer (already checked to be theirs); the dispatch as it now is. */
    Dispatch accept(Offer offer, Viewer viewer) {
        if (!offer.openAt(clock.instant())) {
            OfferStatus status = offer.status() == OfferStatus.OFFERED ? OfferStatus.TIMED_OUT : offer.status();
            throw ApiProblem.conflict("offer " + offer.id() + " is no longer open (" + status + ")");
        }
        if (!lock.take(offer.dispatchId(), offer.responderId())) {
            throw ApiProblem.conflict("another responder has already accepted this job");
        }
        try {
            return tx.execute(status -> acceptLocked(offer, viewer));
        } catch (RuntimeException e) {
            lock.release(offer.dispatchId());
            throw e;
        }
    }

    private Dispatch acceptLocked(Offer offer, Viewer viewer) {
        Instant now = clock.instant();
        Dispatch d = store.get(offer.dispatchId());
        Dispatchable what = dispatchables.of(d);
        boolean taken = store.take(
                d.id(),
                what.acceptedStatus(),
                offer.responderId(),
                offer.etaSeconds(),
                now,
                now.plusSeconds(d.circleSeconds()));
        boolean mine = store.answer(offer.id(), OfferStatus.ACCEPTED, now);
        if (!taken || !mine) {
            throw ApiProblem.conflict("this job is no longer open");
        }
        List<Long> withdrawn = store.withdrawOpenOffers(d.id(), now);
        what.accepted(offer, viewer);
        if (!withdrawn.isEmpty()) {
            what.note(DispatchStep.WITHDRAWN, "offers to " + responders.names(withdrawn) + " withdrawn", SYSTEM);
        }
        return store.get(d.id());
    }

    /** The responder declines the offer (already checked to be theirs); the next round if none is open. */
    @Transactional
    public Dispatch decline(Offer offer, String reason, Viewer viewer) {
        if (!store.answer(offer.id(), OfferStatus.DECLINED, clock.instant())) {
            throw ApiProblem.conflict("offer " + offer.id() + " is no longer open (" + offer.status() + ")");
        }
        Dispatchable what = dispatchables.of(store.get(offer.dispatchId()));
        Responder r = responders.get(offer.responderId());
        what.note(DispatchStep.DECLINED, r.name() + (reason == null ? "" : ": " + reason), what.onBehalf(viewer));
        Dispatch d = store.lock(offer.dispatchId());
        if (d.status() == DispatchStatus.OFFERING && store.openOfferCount(d.id()) == 0) {
            offerRound(d);
        }
        return store.get(d.id());
    }
}

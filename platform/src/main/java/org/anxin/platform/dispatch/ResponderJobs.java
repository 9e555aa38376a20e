package org.anxin.platform.dispatch;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Geo;
import org.anxin.platform.system.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responder's own side of dispatch: the offers made to them and the jobs in hand, and what
 * they may do with each (accept, decline, arrived, done), only ever with their own.
 */
@Service
class ResponderJobs {
    private final DispatchStore store;
    private final OfferRounds rounds;
    private final DispatchViews views;
    private final Dispatchables dispatchables;
    private final Responders responders;
    private final Clock clock;
    private final DispatchProperties properties;

    ResponderJobs(
            DispatchStore store,
            OfferRounds rounds,
            DispatchViews views,
            Dispatchables dispatchables,
            Responders responders,
            Clock clock,
            DispatchProperties properties) {
        this.store = store;
        this.rounds = rounds;
        this.views = views;
        this.dispatchables = dispatchables;
        this.responders = responders;
        this.clock = clock;
        this.properties = properties;
    }

    /** The signed-in user as a responder; 403 if they are not one. */
    Responder self(Viewer viewer) {
        return responders
                .byUsername(viewer.username())
                .orElseThrow(() -> ApiProblem.forbidden("you are not registered as a responder"));
    }

    List<DispatchViews.OfferView> openOffers(Viewer viewer) {
        return views.offers(store.openOffersTo(self(viewer).id(), clock.instant()));
    }

    List<DispatchViews.DispatchView> jobs(Viewer viewer) {
        return views.of(store.jobsOf(self(viewer).id()));
    }

    DispatchViews.DispatchView accept(long offerId, Viewer viewer) {
        return views.of(rounds.accept(ownOffer(offerId, viewer), viewer));
    }

    DispatchViews.DispatchView decline(long offerId, String reason, Viewer viewer) {
        return views.of(rounds.decline(ownOffer(offerId, viewer), reason, viewer));
    }

    @Transactional
    public DispatchViews.DispatchView arrived(long dispatchId, double lat, double lon, Viewer viewer) {
        Dispatch d = ownDispatch(dispatchId, viewer);
        if (d.status() != DispatchStatus.ACCEPTED) {
            throw ApiProblem.conflict("dispatch " + dispatchId + " is " + d.status() + ", not on the way");
        }
        double meters = Geo.meters(lat, lon, d.lat(), d.lon());
        if (meters > properties.arriveMeters()) {
            throw ApiProblem.conflict(String.format(
                    Locale.ROOT,
                    "you are %.0f m from the senior; \"arrived\" is accepted within %.0f m",
                    meters,
                    properties.arriveMeters()));
        }
        store.arrived(dispatchId, clock.instant());
        dispatchables.of(d).onScene(String.format(Locale.ROOT, "%.0f m from the senior", meters), viewer);
        return views.of(store.get(dispatchId));
    }

    @Transactional
    public DispatchViews.DispatchView done(long dispatchId, String outcome, String note, Viewer viewer) {
        Dispatch d = ownDispatch(dispatchId, viewer);
        if (d.status() != DispatchStatus.ARRIVED) {
            throw ApiProblem.conflict("dispatch " + dispatchId + " is " + d.status() + "; mark \"arrived\" first");
        }
        store.done(dispatchId, clock.instant());
        responders.changeLoad(d.responderId(), -1);
        dispatchables.of(d).finished(outcome, note, viewer);
        return views.of(store.get(dispatchId));
    }

    private Offer ownOffer(long offerId, Viewer viewer) {
        Offer offer = store.offer(offerId).orElseThrow(() -> ApiProblem.notFound("no offer " + offerId));
        if (offer.responderId() != self(viewer).id()) {
            throw ApiProblem.forbidden("offer " + offerId + " was not made to you");
        }
        return offer;
    }

    private Dispatch ownDispatch(long dispatchId, Viewer viewer) {
        Dispatch d = store.find(dispatchId).orElseThrow(() -> ApiProblem.notFound("no dispatch " + dispatchId));
        if (d.responderId() == null || d.responderId() != self(viewer).id()) {
            throw ApiProblem.forbidden("dispatch " + dispatchId + " is not yours");
        }
        return d;
    }
}

package org.anxin.platform.dispatch;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who can reach a place within a circle: GEOSEARCH per travel mode over the radius that mode can
 * cover in the circle's time, then ETA ≤ circle, skill, shift, load and the provider's service
 * area, ranked by score (lower is
 * better): ETA in seconds, plus two minutes per job already on hand, minus a minute per point of
 * {@link #rankingRating ranking rating} above 4.5 (plus for below).
 */
@Component
final class Matcher {
    static final int LOAD_PENALTY_SECONDS = 120;
    static final int RATING_WEIGHT_SECONDS = 60;
    /** The share of a rated responder's own rating in their ranking rating; the rest is their provider's. */
    static final double OWN_RATING_SHARE = 0.7;

    private final ResponderIndex index;
    private final TravelModel travel;
    private final Clock clock;
    private final ZoneId zone;

    Matcher(ResponderIndex index, TravelModel travel, Clock clock, ZoneId zone) {
        this.index = index;
        this.travel = travel;
        this.clock = clock;
        this.zone = zone;
    }

    static double score(int etaSeconds, int load, double rating) {
        return etaSeconds + LOAD_PENALTY_SECONDS * load - RATING_WEIGHT_SECONDS * (rating - 4.5);
    }

    /**
     * The rating the ranking uses for a responder: 0.7 × their own + 0.3 × their provider's when
     * both have rated orders; the provider's alone while the responder has none yet; their own
     * (4.5 until rated) while the provider has none.
     */
    static double rankingRating(double own, int ownRatedOrders, Double provider) {
        if (provider == null) {
            return own;
        }
        if (ownRatedOrders == 0) {
            return provider;
        }
        return OWN_RATING_SHARE * own + (1 - OWN_RATING_SHARE) * provider;
    }

    /**
     * A responder who can be there in time, and how the ranking saw them; {@code demoted}: their
     * provider is graded D, so for a home service they come after the others ({@link HomeServiceRanking}).
     */
    record Candidate(
            long responderId,
            String name,
            TravelMode mode,
            int distanceMeters,
            int etaSeconds,
            double score,
            boolean demoted) {
        Candidate(long responderId, String name, TravelMode mode, int distanceMeters, int etaSeconds, double score) {
            this(responderId, name, mode, distanceMeters, etaSeconds, score, false);
        }

        Candidate demote() {
            return new Candidate(responderId, name, mode, distanceMeters, etaSeconds, score, true);
        }
    }

    List<Candidate> candidates(double lat, double lon, int circleSeconds, String skill, Set<Long> exclude) {
        LocalTime now = LocalTime.ofInstant(clock.instant(), zone);
        List<Candidate> candidates = new ArrayList<>();
        for (TravelMode mode : TravelMode.values()) {
            List<ResponderIndex.Hit> hits = index.search(mode, lat, lon, travel.reachMeters(mode, circleSeconds));
            List<ResponderState> states =
                    index.states(hits.stream().map(ResponderIndex.Hit::id).toList());
            for (int i = 0; i < hits.size(); i++) {
                ResponderState state = states.get(i);
                ResponderIndex.Hit hit = hits.get(i);
                if (state == null || exclude.contains(hit.id()) || state.mode() != mode) {
                    continue;
                }
                int eta = travel.etaSeconds(mode, hit.meters());
                if (eta <= circleSeconds
                        && (skill == null || state.skills().contains(skill))
                        && state.onShift(now)
                        && state.serves(lat, lon)
                        && state.load() < state.capacity()) {
                    double score = score(eta, state.load(), state.rating());
                    candidates.add(
                            new Candidate(hit.id(), state.name(), mode, (int) Math.round(hit.meters()), eta, score));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).thenComparingLong(Candidate::responderId));
        return candidates;
    }
}

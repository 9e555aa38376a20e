package org.anxin.platform.dispatch;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Providers and responders: PostgreSQL the record, Redis the live index; the module's public face. */
@Service
public class Responders {
    public static final Set<String> SKILLS =
            Set.of("FIRST_AID", "NURSING", "MEAL", "BATHING", "CLEANING", "ESCORT", "SHOPPING", "DOCTOR_ESCORT");
    public static final Set<String> PROVIDER_KINDS =
            Set.of("COMMUNITY_STATION", "HOME_CARE", "CLINIC", "VOLUNTEER_TEAM", "PROPERTY_MANAGEMENT");
    private static final Logger log = LoggerFactory.getLogger(Responders.class);

    private final ResponderStore store;
    private final ResponderIndex index;
    private final Accounts accounts;
    private final Clock clock;

    Responders(ResponderStore store, ResponderIndex index, Accounts accounts, Clock clock) {
        this.store = store;
        this.index = index;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A provider; {@code rating} is the mean stars of its rated orders, null until the first. */
    public record Provider(
            long id, String name, String kind, ServiceArea serviceArea, Double rating, int ratedOrders) {}

    public record NewResponder(
            String name,
            String phone,
            long providerId,
            List<String> skills,
            TravelMode mode,
            LocalTime shiftStart,
            LocalTime shiftEnd,
            Integer capacity,
            String username) {}

    public Provider createProvider(String name, String kind, ServiceArea area) {
        if (!PROVIDER_KINDS.contains(kind)) {
            throw ApiProblem.badRequest(
                    "kind must be one of " + PROVIDER_KINDS.stream().sorted().toList());
        }
        long id = store.insertProvider(name, kind, area);
        return new Provider(id, name, kind, area, null, 0);
    }

    public List<Provider> providers() {
        return store.providers();
    }

    @Transactional
    public Responder create(NewResponder r) {
        for (String skill : r.skills()) {
            if (!SKILLS.contains(skill)) {
                throw ApiProblem.badRequest("unknown skill " + skill + "; skills are "
                        + SKILLS.stream().sorted().toList());
            }
        }
        if (store.provider(r.providerId()).isEmpty()) {
            throw ApiProblem.badRequest("provider " + r.providerId() + " does not exist");
        }
        if (r.username() != null) {
            Role role = accounts.find(r.username())
                    .map(Accounts.User::role)
                    .orElseThrow(() -> ApiProblem.badRequest("user " + r.username() + " does not exist"));
            if (role != Role.RESPONDER) {
                throw ApiProblem.badRequest("user " + r.username() + " is not a RESPONDER");
            }
        }
        if ((r.shiftStart() == null) != (r.shiftEnd() == null)) {
            throw ApiProblem.badRequest("shiftStart and shiftEnd go together");
        }
        long id = store.insert(r);
        Responder created = find(id).orElseThrow();
        publish(created);
        return created;
    }

    public Optional<Responder> find(long id) {
        return store.find(id);
    }

    public Responder get(long id) {
        return find(id).orElseThrow(() -> ApiProblem.notFound("no responder " + id));
    }

    public Optional<Responder> byUsername(String username) {
        return store.byUsername(username);
    }

    public List<Responder> list() {
        return store.list();
    }

    /** The responders' names, comma-separated, in one query ({@code #id} for one that is gone). */
    String names(Collection<Long> ids) {
        Map<Long, String> names = store.byIds(ids).stream().collect(Collectors.toMap(Responder::id, Responder::name));
        return ids.stream().map(id -> names.getOrDefault(id, "#" + id)).collect(Collectors.joining(", "));
    }

    /** Staff may act for any responder; a RESPONDER only for themself. */
    Responder mayAct(long id, Viewer viewer) {
        Responder responder = get(id);
        if (!viewer.isDesk() && !viewer.username().equals(responder.username())) {
            throw ApiProblem.forbidden("you may act only for yourself");
        }
        return responder;
    }

    @Transactional
    public Responder position(long id, double lat, double lon, Viewer viewer) {
        mayAct(id, viewer);
        store.position(id, lat, lon, clock.instant());
        Responder updated = get(id);
        publish(updated);
        return updated;
    }

    @Transactional
    public Responder status(long id, ResponderStatus status, Viewer viewer) {
        mayAct(id, viewer);
        return setStatus(id, status);
    }

    private Responder setStatus(long id, ResponderStatus status) {
        store.status(id, status);
        Responder updated = get(id);
        publish(updated);
        return updated;
    }

    /** A job taken (+1) or finished (-1); a responder at capacity is BUSY, below it AVAILABLE again. */
    Responder changeLoad(long id, int delta) {
        store.changeLoad(id, delta);
        Responder r = get(id);
        if (delta > 0 && r.load() >= r.capacity() && r.status() == ResponderStatus.AVAILABLE) {
            return setStatus(id, ResponderStatus.BUSY);
        }
        if (delta < 0 && r.load() < r.capacity() && r.status() == ResponderStatus.BUSY) {
            return setStatus(id, ResponderStatus.AVAILABLE);
        }
        publish(r);
        return r;
    }

    /**
     * A responder who could take a booked home visit: not OFF, with a live position; and the
     * service area of their provider (null: the whole city).
     */
    public record Bookable(Responder responder, ServiceArea serviceArea) {
        /** Whether the place is inside the provider's service area (always, without one). */
        public boolean serves(double lat, double lon) {
            return serviceArea == null || serviceArea.contains(lat, lon);
        }
    }

    /** Every responder not OFF and with a position, for batch assignment of booked visits. */
    public List<Bookable> bookable() {
        Map<Long, Provider> providers =
                providers().stream().collect(Collectors.toMap(Provider::id, Function.identity()));
        return store.onDutyWithPosition().stream()
                .map(r -> new Bookable(
                        r,
                        Optional.ofNullable(providers.get(r.providerId()))
                                .map(Provider::serviceArea)
                                .orElse(null)))
                .toList();
    }

    public Optional<Provider> provider(long id) {
        return store.provider(id);
    }

    /**
     * Sets the responder's own rating (1–5), the mean of {@code ratedOrders} rated orders; the
     * ranking blends it with their provider's ({@link Matcher#rankingRating}).
     */
    @Transactional
    public Responder rate(long id, double rating, int ratedOrders) {
        checkRating(rating);
        store.rate(id, rating, ratedOrders);
        Responder updated = get(id);
        publish(updated);
        return updated;
    }

    /**
     * Sets the provider's rating (1–5), the mean of {@code ratedOrders} rated orders of its
     * responders, and republishes its responders, whose ranking it feeds.
     */
    @Transactional
    public Provider rateProvider(long providerId, double rating, int ratedOrders) {
        checkRating(rating);
        store.rateProvider(providerId, rating, ratedOrders);
        store.ofProvider(providerId).forEach(this::publish);
        return provider(providerId).orElseThrow();
    }

    private static void checkRating(double rating) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("a rating is between 1 and 5: " + rating);
        }
    }

    void publish(Responder r) {
        Optional<Provider> provider = provider(r.providerId());
        index.update(
                r.state(
                        provider.map(Provider::serviceArea).orElse(null),
                        provider.map(Provider::rating).orElse(null)),
                r.status() == ResponderStatus.AVAILABLE,
                r.lat(),
                r.lon());
    }

    /** Redis is the live copy: refill it from PostgreSQL whenever a node starts. */
    @EventListener(ApplicationReadyEvent.class)
    void republish() {
        List<Responder> all = list();
        all.forEach(this::publish);
        log.info("{} responders published to the live index", all.size());
    }
}

package org.anxin.platform.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the desk and the responder see of dispatches and offers. A list is read with one query for
 * the dispatches, one for their offers, and one look-up per distinct alarm or order.
 */
@Component
class DispatchViews {
    private final DispatchStore store;
    private final Dispatchables dispatchables;

    DispatchViews(DispatchStore store, Dispatchables dispatchables) {
        this.store = store;
        this.dispatchables = dispatchables;
    }

    /**
     * What a dispatch is for: {@code kind} {@code emergency} with the alarm, or {@code order} with
     * the item and window; the senior's name and address either way.
     */
    record Subject(
            String kind,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long alarmId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String alarmType,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long orderId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String itemName,
            @JsonInclude(JsonInclude.Include.NON_NULL) Window window,
            String seniorName,
            String address) {

        static Subject emergency(long alarmId, String alarmType, String seniorName, String address) {
            return new Subject(Circle.EMERGENCY.code(), alarmId, alarmType, null, null, null, seniorName, address);
        }

        static Subject order(OfferedOrders.Order o) {
            return new Subject(
                    "order",
                    null,
                    null,
                    o.id(),
                    o.itemName(),
                    new Window(o.windowFrom(), o.windowTo()),
                    o.seniorName(),
                    o.address());
        }
    }

    record Window(Instant from, Instant to) {}

    /** An open offer as the responder sees it; lat/lon: where help is going (the alarm's fix or the home). */
    record OfferView(
            long offerId,
            long dispatchId,
            @JsonUnwrapped Subject subject,
            double lat,
            double lon,
            int distanceMeters,
            int etaSeconds,
            Instant expiresAt) {}

    record OfferLine(long offerId, long responderId, int round, int etaSeconds, OfferStatus status) {}

    record DispatchView(
            long dispatchId,
            @JsonUnwrapped Subject subject,
            DispatchStatus status,
            int round,
            int circleSeconds,
            Long responderId,
            Integer etaSeconds,
            Instant arriveBy,
            double lat,
            double lon,
            List<OfferLine> offers) {}

    DispatchView of(Dispatch d) {
        return of(List.of(d)).get(0);
    }

    List<DispatchView> of(List<Dispatch> dispatches) {
        Map<Long, List<Offer>> offers =
                store.offersOf(dispatches.stream().map(Dispatch::id).toList());
        Subjects subjects = new Subjects();
        return dispatches.stream()
                .map(d -> new DispatchView(
                        d.id(),
                        subjects.of(d),
                        d.status(),
                        d.round(),
                        d.circleSeconds(),
                        d.responderId(),
                        d.etaSeconds(),
                        d.arriveBy(),
                        d.lat(),
                        d.lon(),
                        offers.getOrDefault(d.id(), List.of()).stream()
                                .map(o -> new OfferLine(o.id(), o.responderId(), o.round(), o.etaSeconds(), o.status()))
                                .toList()))
                .toList();
    }

    List<OfferView> offers(List<Offer> offers) {
        Map<Long, Dispatch> dispatches =
                store.byIds(offers.stream().map(Offer::dispatchId).distinct().toList()).stream()
                        .collect(Collectors.toMap(Dispatch::id, Function.identity()));
        Subjects subjects = new Subjects();
        return offers.stream()
                .map(o -> {
                    Dispatch d = dispatches.get(o.dispatchId());
                    return new OfferView(
                            o.id(),
                            o.dispatchId(),
                            subjects.of(d),
                            d.lat(),
                            d.lon(),
                            o.distanceMeters(),
                            o.etaSeconds(),
                            o.expiresAt());
                })
                .toList();
    }

    /** Subjects looked up once per alarm or order within one view. */
    private final class Subjects {
        private final Map<List<Long>, Subject> seen = new HashMap<>();

        Subject of(Dispatch d) {
            return seen.computeIfAbsent(
                    Arrays.asList(d.alarmId(), d.orderId()),
                    k -> dispatchables.of(d).subject());
        }
    }
}

package org.anxin.platform.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {
    private static final String DESK = "hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')";
    private static final String BOOKERS = "hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR', 'FAMILY')";

    private final Orders orders;
    private final Ratings ratings;
    private final BatchAssignment batches;
    private final OrderStore store;
    private final VisitAnomalies anomalies;
    private final Notifications notifications;
    private final Accounts accounts;

    OrderController(
            Orders orders,
            Ratings ratings,
            BatchAssignment batches,
            OrderStore store,
            VisitAnomalies anomalies,
            Notifications notifications,
            Accounts accounts) {
        this.orders = orders;
        this.ratings = ratings;
        this.batches = batches;
        this.store = store;
        this.anomalies = anomalies;
        this.notifications = notifications;
        this.accounts = accounts;
    }

    record Window(@NotNull Instant from, @NotNull Instant to) {}

    record BookingRequest(
            @NotNull Long seniorId,
            @NotNull Long itemId,
            @NotNull @Valid Window window,
            @Size(max = 2000) String notes) {
        Orders.Booking booking() {
            return new Orders.Booking(
                    seniorId,
                    itemId,
                    window.from(),
                    window.to(),
                    notes == null || notes.isBlank() ? null : notes.strip());
        }
    }

    record NoteRequest(@Size(max = 2000) String note) {}

    record ClearRequest(@NotBlank @Size(max = 1000) String reason) {}

    record RatingRequest(@NotNull @Min(1) @Max(5) Integer stars, @Size(max = 2000) String comment) {}

    @PostMapping("/quote")
    @PreAuthorize(BOOKERS)
    OrderViews.OrderQuote quote(@Valid @RequestBody BookingRequest request) {
        return OrderViews.OrderQuote.of(orders.quote(request.booking(), accounts.currentViewer()));
    }

    @PostMapping
    @PreAuthorize(BOOKERS)
    ResponseEntity<OrderViews.OrderBooked> book(@Valid @RequestBody BookingRequest request) {
        Orders.Booked booked = orders.book(request.booking(), accounts.currentViewer());
        return ResponseEntity.created(URI.create("/api/orders/" + booked.order().id()))
                .body(new OrderViews.OrderBooked(orders.view(booked.order()), booked.subsidy()));
    }

    @GetMapping
    List<OrderView> list(
            @RequestParam(required = false) Long seniorId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return orders.views(orders.list(seniorId, statuses(status), from, to, accounts.currentViewer()));
    }

    @GetMapping("/{id}")
    OrderViews.OrderDetail get(@PathVariable long id) {
        ServiceOrder order = orders.get(id, accounts.currentViewer());
        return new OrderViews.OrderDetail(
                orders.view(order),
                anomalies.of(order),
                store.timeline(id),
                store.notificationIds(id).stream()
                        .map(notifications::find)
                        .flatMap(Optional::stream)
                        .toList());
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(BOOKERS)
    OrderView cancel(@PathVariable long id, @Valid @RequestBody(required = false) NoteRequest request) {
        return orders.view(orders.cancel(id, note(request), accounts.currentViewer()));
    }

    @PutMapping("/{id}/window")
    @PreAuthorize(BOOKERS)
    OrderView reschedule(@PathVariable long id, @Valid @RequestBody Window window) {
        return orders.view(orders.reschedule(id, window.from(), window.to(), accounts.currentViewer()));
    }

    @PostMapping("/{id}/reassign")
    @PreAuthorize(DESK)
    OrderView reassign(@PathVariable long id, @Valid @RequestBody(required = false) NoteRequest request) {
        return orders.view(orders.reassign(id, note(request), accounts.currentViewer()));
    }

    @PostMapping("/{id}/no-show")
    @PreAuthorize(DESK)
    OrderView noShow(@PathVariable long id, @Valid @RequestBody(required = false) NoteRequest request) {
        return orders.view(orders.noShow(id, note(request), accounts.currentViewer()));
    }

    /** The desk clears a visit's anomaly, with a reason; it is audited on the order's timeline. */
    @PostMapping("/{id}/anomalies/{kind}/clear")
    @PreAuthorize(DESK)
    OrderViews.OrderAnomalies clearAnomaly(
            @PathVariable long id, @PathVariable String kind, @Valid @RequestBody ClearRequest request) {
        AnomalyKind anomaly;
        try {
            anomaly = AnomalyKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(
                    "unknown anomaly " + kind + "; anomalies are " + Arrays.toString(AnomalyKind.values()));
        }
        List<Anomaly> left = anomalies.clear(id, anomaly, request.reason().strip(), accounts.currentViewer());
        return new OrderViews.OrderAnomalies(id, left);
    }

    @PostMapping("/{id}/rating")
    @PreAuthorize(BOOKERS)
    OrderView rate(@PathVariable long id, @Valid @RequestBody RatingRequest request) {
        String comment = request.comment() == null || request.comment().isBlank()
                ? null
                : request.comment().strip();
        return orders.view(ratings.rate(id, request.stars(), comment, accounts.currentViewer()));
    }

    @PostMapping("/assign")
    @PreAuthorize(DESK)
    OrderViews.BatchPlan assign(
            @Valid @RequestBody Window range, @RequestParam(defaultValue = BatchAssignment.BATCH) String strategy) {
        Viewer viewer = accounts.currentViewer();
        return batches.assign(range.from(), range.to(), strategy.strip().toLowerCase(Locale.ROOT), viewer);
    }

    @GetMapping("/assign/compare")
    @PreAuthorize(DESK)
    OrderViews.BatchComparison compare(@RequestParam Instant from, @RequestParam Instant to) {
        return batches.compare(from, to);
    }

    private static String note(NoteRequest request) {
        return request == null || request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
    }

    private static Set<OrderStatus> statuses(String status) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        if (status == null || status.isBlank()) {
            return statuses;
        }
        for (String s : status.split(",")) {
            try {
                statuses.add(OrderStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest(
                        "unknown status " + s.strip() + "; statuses are " + Arrays.toString(OrderStatus.values()));
            }
        }
        return statuses;
    }
}

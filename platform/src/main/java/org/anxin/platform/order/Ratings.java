package org.anxin.platform.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.anxin.platform.dispatch.OrderWorkforce;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ratings of completed visits, by the senior's family or the desk. A responder's rating becomes
 * the mean of their rated orders (until the first, it stays what it was), and their provider's
 * the mean of the rated orders of all its responders; both feed the dispatcher's ranking. A visit left unrated for {@code anxin.orders.autoclose-after} (72 h) is
 * closed: still COMPLETED, with {@code closed_at} and {@code CLOSED_UNRATED} on its timeline.
 */
@Service
class Ratings {
    private static final Logger log = LoggerFactory.getLogger(Ratings.class);

    private final JdbcClient db;
    private final OrderStore store;
    private final Orders orders;
    private final Responders responders;
    private final OrderWorkforce workforce;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration autoCloseAfter;

    Ratings(
            JdbcClient db,
            OrderStore store,
            Orders orders,
            Responders responders,
            OrderWorkforce workforce,
            TransactionTemplate tx,
            Clock clock,
            OrderProperties properties) {
        this.db = db;
        this.store = store;
        this.orders = orders;
        this.responders = responders;
        this.workforce = workforce;
        this.tx = tx;
        this.clock = clock;
        this.autoCloseAfter = properties.autocloseAfter();
    }

    @Transactional
    ServiceOrder rate(long id, int stars, String comment, Viewer viewer) {
        ServiceOrder o = orders.mayAct(store.lock(id), viewer);
        OrderStore.require(o, "rating", OrderStatus.COMPLETED);
        if (o.closedAt() != null) {
            throw ApiProblem.conflict("order " + id + " was closed unrated at " + o.closedAt() + ", "
                    + autoCloseAfter.toHours() + " h after the visit; it can no longer be rated");
        }
        store.setStatus(id, OrderStatus.RATED, "stars", stars, "rating_comment", comment, "rated_at", clock.instant());
        store.note(
                id,
                OrderStatus.RATED,
                "RATED",
                viewer.username(),
                stars + "★" + (comment == null ? "" : " " + comment),
                null);
        Mean own = mean(List.of(o.responderId()));
        responders.rate(o.responderId(), own.stars(), own.orders());
        long provider = responders.get(o.responderId()).providerId();
        Mean theirs = mean(workforce.staff(provider));
        responders.rateProvider(provider, theirs.stars(), theirs.orders());
        return store.get(id);
    }

    /** Mean stars (to two decimals) of the rated orders of these responders, and how many. */
    private record Mean(double stars, int orders) {}

    private Mean mean(List<Long> responderIds) {
        return db.sql("select round(avg(stars), 2)::double precision as stars, count(*)::integer as orders"
                        + " from service_orders where status = ? and responder_id = any(?)")
                .params(OrderStatus.RATED.name(), responderIds.toArray(Long[]::new))
                .query((rs, n) -> new Mean(rs.getDouble("stars"), rs.getInt("orders")))
                .single();
    }

    @Scheduled(
            initialDelayString = "${anxin.orders.sweep-ms:60000}",
            fixedDelayString = "${anxin.orders.sweep-ms:60000}")
    void sweep() {
        closeUnrated(clock.instant());
    }

    /** Closes every visit completed at or before {@code now} − the auto-close delay and still unrated. */
    int closeUnrated(Instant now) {
        List<Long> closed = tx.execute(s -> {
            List<Long> ids = db.sql("update service_orders set closed_at = ?, updated_at = ? where status = ?"
                            + " and closed_at is null and completed_at <= ? returning id")
                    .params(
                            Timestamp.from(now),
                            Timestamp.from(now),
                            OrderStatus.COMPLETED.name(),
                            Timestamp.from(now.minus(autoCloseAfter)))
                    .query(Long.class)
                    .list();
            ids.forEach(id -> store.note(
                    id,
                    OrderStatus.COMPLETED,
                    "CLOSED_UNRATED",
                    "system",
                    "not rated within " + autoCloseAfter.toHours() + " h",
                    null));
            return ids;
        });
        if (!closed.isEmpty()) {
            log.info("{} completed orders closed unrated: {}", closed.size(), closed);
        }
        return closed.size();
    }
}

package org.anxin.platform.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.anxin.platform.system.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Orders and their timelines in PostgreSQL, and the one rule every step shares: where it may start. */
@Component
class OrderStore {
    private final JdbcClient db;
    private final Clock clock;

    OrderStore(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<ServiceOrder> find(long id) {
        return db.sql("select * from service_orders where id = ?")
                .param(id)
                .query((rs, n) -> ServiceOrder.of(rs))
                .optional();
    }

    ServiceOrder get(long id) {
        return find(id).orElseThrow(() -> ApiProblem.notFound("no order " + id));
    }

    /** The order, locked until the caller's transaction ends: steps on one order never interleave. */
    ServiceOrder lock(long id) {
        return db.sql("select * from service_orders where id = ? for update")
                .param(id)
                .query((rs, n) -> ServiceOrder.of(rs))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("no order " + id));
    }

    /** 409 unless the order is in one of the statuses {@code step} may start from. */
    static void require(ServiceOrder order, String step, OrderStatus... from) {
        if (!Set.of(from).contains(order.status())) {
            throw ApiProblem.conflict("order " + order.id() + " is " + order.status() + "; " + step
                    + " is allowed only when it is "
                    + Arrays.stream(from).map(OrderStatus::name).collect(Collectors.joining(" or ")));
        }
    }

    /** Sets the status (and {@code updated_at}); further columns as {@code "col = ?"} pairs. */
    void setStatus(long id, OrderStatus status, Object... columnsAndValues) {
        StringBuilder sql = new StringBuilder("update service_orders set status = ?, updated_at = ?");
        Object[] params = new Object[columnsAndValues.length / 2 + 3];
        params[0] = status.name();
        params[1] = Timestamp.from(clock.instant());
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            sql.append(", ").append(columnsAndValues[i]).append(" = ?");
            params[2 + i / 2] =
                    columnsAndValues[i + 1] instanceof Instant t ? Timestamp.from(t) : columnsAndValues[i + 1];
        }
        params[params.length - 1] = id;
        db.sql(sql.append(" where id = ?").toString()).params(params).update();
    }

    void note(long orderId, OrderStatus status, String action, String actor, String note, Long notificationId) {
        db.sql("insert into order_timeline (order_id, at, status, action, actor, note, notification_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        orderId,
                        Timestamp.from(clock.instant()),
                        status == null ? null : status.name(),
                        action,
                        actor,
                        note,
                        notificationId)
                .update();
    }

    List<OrderViews.OrderTimelineStep> timeline(long orderId) {
        return db.sql("select * from order_timeline where order_id = ? order by id")
                .param(orderId)
                .query((rs, n) -> new OrderViews.OrderTimelineStep(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("status"),
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getString("note"),
                        (Long) rs.getObject("notification_id")))
                .list();
    }

    List<Long> notificationIds(long orderId) {
        return db.sql("select notification_id from order_timeline where order_id = ? and notification_id is not null"
                        + " order by id")
                .param(orderId)
                .query(Long.class)
                .list();
    }
}

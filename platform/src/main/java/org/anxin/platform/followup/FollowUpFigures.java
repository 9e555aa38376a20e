package org.anxin.platform.followup;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The answers of finished follow-up calls (回访) on some orders, e.g. a provider's visits of a quarter. */
@Component
public class FollowUpFigures {
    /** A finished follow-up: whether the call reached someone and, if so, the satisfaction 1–5. */
    public record Answer(long orderId, boolean reached, Integer satisfied) {}

    private final JdbcClient db;

    FollowUpFigures(JdbcClient db) {
        this.db = db;
    }

    /** The DONE follow-ups of these orders, by order id. */
    public List<Answer> answers(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return db.sql("select order_id, reached, satisfied from follow_ups where status = ? and order_id = any(?)"
                        + " order by order_id")
                .params(FollowUpStatus.DONE.name(), orderIds.toArray(Long[]::new))
                .query((rs, n) -> new Answer(
                        rs.getLong("order_id"), rs.getBoolean("reached"), (Integer) rs.getObject("satisfied")))
                .list();
    }
}

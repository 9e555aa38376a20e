package org.anxin.platform.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the order module reads of dispatch's records, so that it names none of dispatch's tables:
 * which orders are being offered right now (the batch leaves those alone) and who works for a
 * provider (a provider's rating is the mean of its responders' rated orders). Public API of the
 * dispatch module; it is not an interface the order module declares, because the order module
 * already depends on dispatch (responders, travel model, offers), and the reverse would be a cycle.
 */
@Service
public class OrderWorkforce {
    private final JdbcClient db;

    OrderWorkforce(JdbcClient db) {
        this.db = db;
    }

    /** Of these orders, those with an urgent offer round still running. */
    public Set<Long> beingOffered(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(db.sql("select order_id from dispatches where order_id = any(?) and status = ?")
                .param(orderIds.toArray(Long[]::new))
                .param(DispatchStatus.OFFERING.name())
                .query(Long.class)
                .list());
    }

    /** The ids of the provider's responders. */
    public List<Long> staff(long providerId) {
        return db.sql("select id from responders where provider_id = ? order by id")
                .param(providerId)
                .query(Long.class)
                .list();
    }
}

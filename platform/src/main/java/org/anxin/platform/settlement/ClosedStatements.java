package org.anxin.platform.settlement;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.anxin.platform.order.Anomaly;
import org.anxin.platform.order.AnomalyKind;
import org.anxin.platform.order.VisitRecord;
import org.anxin.platform.system.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Closed statements, frozen in PostgreSQL with their lines; a visit is paid in at most one. */
@Component
class ClosedStatements {
    private final JdbcClient db;

    ClosedStatements(JdbcClient db) {
        this.db = db;
    }

    Optional<Statement> find(YearMonth month, long providerId, String providerName) {
        record Head(long id, Instant closedAt, String closedBy) {}
        return db.sql("select id, closed_at, closed_by from settlements where provider_id = ? and month = ?")
                .params(providerId, Date.valueOf(month.atDay(1)))
                .query((rs, n) ->
                        new Head(rs.getLong("id"), rs.getTimestamp("closed_at").toInstant(), rs.getString("closed_by")))
                .optional()
                .map(head -> {
                    List<Statement.Line> payable = new ArrayList<>();
                    List<Statement.Line> heldBack = new ArrayList<>();
                    db.sql("select * from settlement_lines where settlement_id = ? order by checked_in_at, order_id")
                            .param(head.id())
                            .query(rs -> {
                                (rs.getBoolean("payable") ? payable : heldBack).add(line(rs, providerId));
                            });
                    return new Statement(
                            providerId,
                            providerName,
                            month,
                            head.closedAt(),
                            head.closedBy(),
                            List.copyOf(payable),
                            List.copyOf(heldBack));
                });
    }

    boolean isClosed(YearMonth month, long providerId) {
        return db.sql("select count(*) from settlements where provider_id = ? and month = ?")
                        .params(providerId, Date.valueOf(month.atDay(1)))
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean paid(long orderId) {
        return db.sql("select count(*) from settlement_lines where order_id = ? and payable")
                        .param(orderId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Providers with a closed statement for the month. */
    Set<Long> providers(YearMonth month) {
        return new TreeSet<>(db.sql("select provider_id from settlements where month = ?")
                .param(Date.valueOf(month.atDay(1)))
                .query(Long.class)
                .list());
    }

    /** Freezes the statement; a second closing of the same month and provider fails on its key. */
    void save(Statement s) {
        long id = db.sql("insert into settlements (provider_id, month, closed_at, closed_by) values (?, ?, ?, ?)"
                        + " returning id")
                .params(s.providerId(), Date.valueOf(s.month().atDay(1)), Timestamp.from(s.closedAt()), s.closedBy())
                .query(Long.class)
                .single();
        s.payable().forEach(line -> insert(id, line, true));
        s.heldBack().forEach(line -> insert(id, line, false));
    }

    private void insert(long settlementId, Statement.Line line, boolean payable) {
        VisitRecord l = line.visit();
        db.sql("insert into settlement_lines (settlement_id, order_id, payable, carried_from, senior_id, senior_name,"
                        + " item_name, responder_id, worker_name, checked_in_at, checked_out_at, minutes, price_cents,"
                        + " subsidy_cents, senior_pays_cents, anomaly_kinds, anomaly_reasons)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        settlementId,
                        l.orderId(),
                        payable,
                        line.carriedFrom() == null
                                ? null
                                : Date.valueOf(line.carriedFrom().atDay(1)),
                        l.seniorId(),
                        l.seniorName(),
                        l.itemName(),
                        l.responderId(),
                        l.workerName(),
                        Timestamp.from(l.checkedInAt()),
                        l.checkedOutAt() == null ? null : Timestamp.from(l.checkedOutAt()),
                        l.minutes(),
                        l.price().fen(),
                        l.subsidy().fen(),
                        l.seniorPays().fen(),
                        l.holds().stream().map(a -> a.kind().name()).toArray(String[]::new),
                        l.holds().stream().map(Anomaly::reason).toArray(String[]::new))
                .update();
    }

    /** A frozen line; its anomalies are only kind and reason, as they held the visit back. */
    private static Statement.Line line(ResultSet rs, long providerId) throws SQLException {
        String[] kinds = strings(rs.getArray("anomaly_kinds"));
        String[] reasons = strings(rs.getArray("anomaly_reasons"));
        List<Anomaly> holds = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            holds.add(new Anomaly(AnomalyKind.valueOf(kinds[i]), reasons[i], null, null, null, null, null));
        }
        Date carried = rs.getDate("carried_from");
        Timestamp out = rs.getTimestamp("checked_out_at");
        VisitRecord visit = new VisitRecord(
                rs.getLong("order_id"),
                rs.getLong("senior_id"),
                rs.getString("senior_name"),
                rs.getString("item_name"),
                rs.getLong("responder_id"),
                rs.getString("worker_name"),
                providerId,
                rs.getTimestamp("checked_in_at").toInstant(),
                out == null ? null : out.toInstant(),
                (Integer) rs.getObject("minutes"),
                Money.ofFen(rs.getLong("price_cents")),
                Money.ofFen(rs.getLong("subsidy_cents")),
                Money.ofFen(rs.getLong("senior_pays_cents")),
                List.copyOf(holds));
        return new Statement.Line(visit, carried == null ? null : YearMonth.from(carried.toLocalDate()));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}

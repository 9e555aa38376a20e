package org.anxin.platform.subsidy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anxin.platform.system.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subsidy budgets: an amount a year, for the whole city (area null) or one node of the hierarchy.
 * A period's budget is each of its months' twelfth of its year's budget; a period that touches a
 * year without a budget has none.
 */
@Component
public class SubsidyBudgets {
    /** One year's budget of the city (area null) or a node. */
    public record Budget(int year, String area, Money amount, String updatedBy, Instant updatedAt) {}

    private final JdbcClient db;

    SubsidyBudgets(JdbcClient db) {
        this.db = db;
    }

    List<Budget> of(int year) {
        return db.sql("select year, area, amount_cents, updated_by, updated_at from subsidy_budgets where year = ?"
                        + " order by area nulls first")
                .param(year)
                .query((rs, n) -> new Budget(
                        rs.getInt("year"),
                        rs.getString("area"),
                        Money.ofFen(rs.getLong("amount_cents")),
                        rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    Optional<Budget> find(int year, String area) {
        return of(year).stream()
                .filter(b -> area == null ? b.area() == null : area.equals(b.area()))
                .findFirst();
    }

    /** Sets (or replaces) the year's budget of the city or the node. */
    @Transactional
    Budget set(int year, String area, Money amount, String by, Instant at) {
        db.sql("delete from subsidy_budgets where year = ? and coalesce(area, '') = coalesce(?, '')")
                .params(year, area)
                .update();
        db.sql("insert into subsidy_budgets (year, area, amount_cents, updated_by, updated_at) values (?, ?, ?, ?, ?)")
                .params(year, area, amount.fen(), by, Timestamp.from(at))
                .update();
        return find(year, area).orElseThrow();
    }

    /** The budget of the months {@code first} to {@code last} for the city (area null) or the node; empty if a year has none. */
    public Optional<Money> forMonths(String area, YearMonth first, YearMonth last) {
        Map<Integer, Optional<Budget>> years = new HashMap<>();
        long fen = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Optional<Budget> budget = years.computeIfAbsent(m.getYear(), y -> find(y, area));
            if (budget.isEmpty()) {
                return Optional.empty();
            }
            fen += Math.round(budget.get().amount().fen() / 12.0);
        }
        return Optional.of(Money.ofFen(fen));
    }
}

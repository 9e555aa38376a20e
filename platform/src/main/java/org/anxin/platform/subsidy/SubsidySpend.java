package org.anxin.platform.subsidy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.anxin.platform.system.Money;
import org.anxin.platform.system.SeniorScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the wallets of the seniors in scope were granted and spent over some months, in one query.
 * The city keeps no subsidy budget as data (no table holds one): the allowance granted to the
 * wallets is what the spend is set against.
 */
@Component
public class SubsidySpend {
    /** Wallets opened for the months, their allowances and what was spent of them (money and minutes). */
    public record Spend(long wallets, Money allowance, Money spent, long allowanceMinutes, long spentMinutes) {}

    private final JdbcClient db;

    SubsidySpend(JdbcClient db) {
        this.db = db;
    }

    /** The wallets of the months {@code first} to {@code last}, both included. */
    public Spend of(YearMonth first, YearMonth last, SeniorScope scope) {
        List<Object> params = new ArrayList<>(List.of(first.atDay(1), last.atDay(1)));
        params.addAll(List.of(scope.params()));
        return db.sql("select count(*) as wallets, coalesce(sum(allowance_cents), 0) as allowance,"
                        + " coalesce(sum(spent_cents), 0) as spent, coalesce(sum(allowance_minutes), 0) as allowance_minutes,"
                        + " coalesce(sum(spent_minutes), 0) as spent_minutes from subsidy_wallets"
                        + " where month >= ? and month <= ? and " + scope.where("senior_id"))
                .params(params)
                .query((rs, n) -> new Spend(
                        rs.getLong("wallets"),
                        Money.ofFen(rs.getLong("allowance")),
                        Money.ofFen(rs.getLong("spent")),
                        rs.getLong("allowance_minutes"),
                        rs.getLong("spent_minutes")))
                .single();
    }
}

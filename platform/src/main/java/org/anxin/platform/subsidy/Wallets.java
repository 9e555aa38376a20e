package org.anxin.platform.subsidy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.anxin.platform.order.SubsidyPayer;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Money;
import org.anxin.platform.system.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each eligible senior's wallet per calendar month of the city's time zone. The month of an
 * order's window start is the one that pays. A wallet is opened by the first booking charged to
 * it, with the best allowances in force at that moment: the highest money allowance and the highest
 * hours allowance among the categories the senior holds (the common practice: the highest one
 * applies, categories are not added up). It keeps them for the month; later approvals apply to
 * wallets opened later.
 *
 * <p>A visit is paid by hours first, then money: the hours cover the item's standard duration
 * whole or in part, worth the item's price per minute (price × covered minutes ÷ duration, rounded
 * down: {@link Money#share}); the money allowance covers what is left of the price, up to what is
 * left in the wallet. The rest is the family's. A charge locks the wallet's row, so concurrent bookings never spend
 * more than the allowance; every charge and refund is a ledger entry that is never changed.
 */
@Service
class Wallets implements SubsidyPayer {
    private final JdbcClient db;
    private final SubsidyCategories categories;
    private final SeniorService seniors;
    private final Clock clock;
    private final ZoneId zone;

    Wallets(JdbcClient db, SubsidyCategories categories, SeniorService seniors, Clock clock, ZoneId zone) {
        this.db = db;
        this.categories = categories;
        this.seniors = seniors;
        this.clock = clock;
        this.zone = zone;
    }

    /** A month's wallet; {@code openedAt} is null for one not opened yet (what it would hold if opened now). */
    record Wallet(
            long seniorId,
            YearMonth month,
            Money allowance,
            String amountCategory,
            int allowanceMinutes,
            String minutesCategory,
            Money spent,
            int spentMinutes,
            Instant openedAt) {

        Money left() {
            return allowance.minus(spent);
        }

        int minutesLeft() {
            return allowanceMinutes - spentMinutes;
        }

        boolean hasAllowance() {
            return allowance.isPositive() || allowanceMinutes > 0;
        }
    }

    /**
     * What a wallet pays for one visit: minutes of service (worth {@code minutesWorth}) and {@code
     * allowanceShare} of its money allowance.
     */
    record Split(int minutes, Money minutesWorth, Money allowanceShare) {
        Money subsidy() {
            return minutesWorth.plus(allowanceShare);
        }

        static Split of(Wallet wallet, Visit visit) {
            int minutes = Math.min(visit.durationMinutes(), wallet.minutesLeft());
            Money minutesWorth = visit.price().share(minutes, visit.durationMinutes());
            Money allowanceShare = visit.price().minus(minutesWorth).min(wallet.left());
            return new Split(minutes, minutesWorth, allowanceShare);
        }
    }

    /** A wallet ledger entry: a booking's charge or its refund. */
    enum WalletEntryKind {
        CHARGE,
        REFUND
    }

    YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(zone));
    }

    YearMonth thisMonth() {
        return month(clock.instant());
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Share quote(Visit visit) {
        Wallet wallet = wallet(visit.seniorId(), month(visit.windowFrom()));
        return share(wallet, Split.of(wallet, visit));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Share charge(long orderId, Visit visit, String actor) {
        YearMonth month = month(visit.windowFrom());
        Wallet wallet = open(visit.seniorId(), month);
        Split split = Split.of(wallet, visit);
        if (split.subsidy().isZero()) {
            return share(wallet, split);
        }
        db.sql("update subsidy_wallets set spent_cents = spent_cents + ?, spent_minutes = spent_minutes + ?"
                        + " where senior_id = ? and month = ?")
                .params(split.allowanceShare().fen(), split.minutes(), visit.seniorId(), month.atDay(1))
                .update();
        Share share = share(wallet, split);
        ledger(orderId, visit.seniorId(), month, WalletEntryKind.CHARGE, split, actor, share.text());
        return share;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Share refund(long orderId, String actor, String why) {
        record Charged(long seniorId, LocalDate month, Money allowanceShare, int minutes, Money subsidy) {}
        List<Charged> charged = db.sql("select senior_id, month, sum(cents) as cents, sum(minutes) as minutes,"
                        + " sum(subsidy_cents) as subsidy_cents from wallet_ledger where order_id = ?"
                        + " group by senior_id, month having sum(subsidy_cents) <> 0 order by month")
                .param(orderId)
                .query((rs, n) -> new Charged(
                        rs.getLong("senior_id"),
                        rs.getObject("month", LocalDate.class),
                        Money.ofFen(rs.getLong("cents")),
                        rs.getInt("minutes"),
                        Money.ofFen(rs.getLong("subsidy_cents"))))
                .list();
        Money refunded = Money.ZERO;
        List<String> texts = new ArrayList<>();
        for (Charged c : charged) {
            YearMonth month = YearMonth.from(c.month());
            locked(c.seniorId(), month);
            db.sql("update subsidy_wallets set spent_cents = spent_cents - ?, spent_minutes = spent_minutes - ?"
                            + " where senior_id = ? and month = ?")
                    .params(c.allowanceShare().fen(), c.minutes(), c.seniorId(), c.month())
                    .update();
            Split back = new Split(
                    -c.minutes(),
                    c.subsidy().minus(c.allowanceShare()).negated(),
                    c.allowanceShare().negated());
            String text = "subsidy refunded (" + why + "): " + c.subsidy()
                    + (c.minutes() > 0 ? " (" + Allowance.hours(c.minutes()) + ")" : "") + " back to the " + month
                    + " wallet";
            ledger(orderId, c.seniorId(), month, WalletEntryKind.REFUND, back, actor, text);
            refunded = refunded.plus(c.subsidy());
            texts.add(text);
        }
        return refunded.isZero() ? Share.NONE : new Share(refunded, String.join("; ", texts));
    }

    /** The month's wallet as stored, or as it would be opened now. */
    Wallet wallet(long seniorId, YearMonth month) {
        return stored(seniorId, month, false).orElseGet(() -> unopened(seniorId, month));
    }

    /** The month's wallet, opened if the senior holds an allowance, and locked until the transaction ends. */
    private Wallet open(long seniorId, YearMonth month) {
        Optional<Wallet> stored = stored(seniorId, month, true);
        if (stored.isPresent()) {
            return stored.get();
        }
        Wallet fresh = unopened(seniorId, month);
        if (!fresh.hasAllowance()) {
            return fresh;
        }
        // two first bookings at once: the second waits on the key, inserts nothing and locks the first's row
        db.sql("insert into subsidy_wallets (senior_id, month, allowance_cents, cents_category, allowance_minutes,"
                        + " minutes_category, opened_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(
                        seniorId,
                        month.atDay(1),
                        fresh.allowance().fen(),
                        fresh.amountCategory(),
                        fresh.allowanceMinutes(),
                        fresh.minutesCategory(),
                        Timestamp.from(clock.instant()))
                .update();
        return locked(seniorId, month);
    }

    private Wallet locked(long seniorId, YearMonth month) {
        return stored(seniorId, month, true).orElseThrow();
    }

    private Optional<Wallet> stored(long seniorId, YearMonth month, boolean lock) {
        return db.sql("select * from subsidy_wallets where senior_id = ? and month = ?" + (lock ? " for update" : ""))
                .params(seniorId, month.atDay(1))
                .query((rs, n) -> wallet(rs))
                .optional();
    }

    /** The best money and the best hours allowance among the categories the senior holds now. */
    private Wallet unopened(long seniorId, YearMonth month) {
        Money amount = Money.ZERO;
        int minutes = 0;
        String amountCategory = null;
        String minutesCategory = null;
        for (SubsidyCategories.Held held : categories.held(seniorId)) {
            Allowance a = held.category().allowance();
            if (a.amount() != null && a.amount().compareTo(amount) > 0) {
                amount = a.amount();
                amountCategory = held.category().code();
            }
            if (a.minutes() != null && a.minutes() > minutes) {
                minutes = a.minutes();
                minutesCategory = held.category().code();
            }
        }
        return new Wallet(seniorId, month, amount, amountCategory, minutes, minutesCategory, Money.ZERO, 0, null);
    }

    /** The sentence shown with a quote and a booking: which category and wallet paid, and what remains. */
    private Share share(Wallet wallet, Split split) {
        if (!wallet.hasAllowance()) {
            List<SubsidyCategories.Held> held = categories.held(wallet.seniorId());
            return new Share(
                    Money.ZERO,
                    held.isEmpty()
                            ? "no subsidy: senior holds no approved category"
                            : "no subsidy: the senior's categories ("
                                    + held.stream()
                                            .map(h -> h.category().name())
                                            .collect(Collectors.joining(", "))
                                    + ") have no allowance in force");
        }
        if (split.subsidy().isZero()) {
            return new Share(
                    Money.ZERO,
                    "no subsidy: the " + wallet.month() + " wallet (" + allowances(wallet) + ") is used up");
        }
        List<String> paid = new ArrayList<>();
        if (split.minutes() > 0) {
            paid.add(Allowance.hours(split.minutes()) + " of " + categories.name(wallet.minutesCategory())
                    + " service hours (worth " + split.minutesWorth() + ")");
        }
        if (split.allowanceShare().isPositive()) {
            paid.add(split.allowanceShare() + " of the " + categories.name(wallet.amountCategory()) + " allowance");
        }
        List<String> left = new ArrayList<>();
        if (wallet.allowance().isPositive()) {
            left.add(wallet.left().minus(split.allowanceShare()).toString());
        }
        if (wallet.allowanceMinutes() > 0) {
            left.add(Allowance.hours(wallet.minutesLeft() - split.minutes()));
        }
        return new Share(
                split.subsidy(),
                "subsidy from the " + wallet.month() + " wallet: " + String.join(" and ", paid) + "; left in it "
                        + String.join(" and ", left));
    }

    private String allowances(Wallet wallet) {
        List<String> parts = new ArrayList<>();
        if (wallet.allowance().isPositive()) {
            parts.add(categories.name(wallet.amountCategory()) + " " + wallet.allowance());
        }
        if (wallet.allowanceMinutes() > 0) {
            parts.add(categories.name(wallet.minutesCategory()) + " " + Allowance.hours(wallet.allowanceMinutes()));
        }
        return String.join(", ", parts);
    }

    private void ledger(
            long orderId,
            long seniorId,
            YearMonth month,
            WalletEntryKind kind,
            Split split,
            String actor,
            String note) {
        db.sql("insert into wallet_ledger (senior_id, month, order_id, kind, cents, minutes, subsidy_cents, at, actor,"
                        + " note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        seniorId,
                        month.atDay(1),
                        orderId,
                        kind.name(),
                        split.allowanceShare().fen(),
                        split.minutes(),
                        split.subsidy().fen(),
                        Timestamp.from(clock.instant()),
                        actor,
                        note)
                .update();
    }

    /**
     * A wallet as the API shows it: the month's allowance, what is spent and left (Money; the
     * {@code *Cents} numbers beside them are the old fields), which categories give the money and
     * the hours ({@code centsCategory} is the old name of {@code amountCategory}), the categories
     * held and the ledger.
     */
    record WalletView(
            long seniorId,
            String seniorName,
            String community,
            String month,
            boolean opened,
            Instant openedAt,
            Money allowance,
            Money spent,
            Money remaining,
            String amountCategory,
            @Schema(deprecated = true, description = "allowance.fen; use allowance") long allowanceCents,
            @Schema(deprecated = true, description = "the same as amountCategory; use it") String centsCategory,
            int allowanceMinutes,
            String minutesCategory,
            @Schema(deprecated = true, description = "spent.fen; use spent") long spentCents,
            int spentMinutes,
            @Schema(deprecated = true, description = "remaining.fen; use remaining") long remainingCents,
            int remainingMinutes,
            List<HeldCategory> categories,
            List<WalletEntry> ledger) {}

    /** A category the senior holds, since the bureau approved the application. */
    record HeldCategory(
            String code,
            String name,
            Allowance.AllowanceView allowance,
            Instant changedAt,
            Long proposalId,
            Instant since,
            long applicationId) {}

    /**
     * A charge (positive) or refund (negative): {@code subsidy} in all, of which {@code
     * allowanceShare} from the money allowance and the rest as {@code minutes} of service hours.
     */
    record WalletEntry(
            long id,
            long orderId,
            WalletEntryKind kind,
            Money allowanceShare,
            Money subsidy,
            @Schema(deprecated = true, description = "allowanceShare.fen; use allowanceShare") int cents,
            int minutes,
            @Schema(deprecated = true, description = "subsidy.fen; use subsidy") int subsidyCents,
            Instant at,
            String actor,
            String note) {}

    WalletView view(long seniorId, YearMonth month, Viewer viewer) {
        Senior senior = seniors.find(seniorId).orElseThrow(() -> ApiProblem.notFound("no senior " + seniorId));
        viewer.checkMaySeeSubsidiesOf(seniorId, senior.community());
        Wallet w = wallet(seniorId, month);
        List<HeldCategory> held = categories.held(seniorId).stream()
                .map(h -> {
                    SubsidyCategories.Category c = h.category();
                    return new HeldCategory(
                            c.code(),
                            c.name(),
                            c.allowance().json(),
                            c.changedAt(),
                            c.proposalId(),
                            h.since(),
                            h.applicationId());
                })
                .toList();
        List<WalletEntry> ledger = db.sql("select * from wallet_ledger where senior_id = ? and month = ? order by id")
                .params(seniorId, month.atDay(1))
                .query((rs, n) -> new WalletEntry(
                        rs.getLong("id"),
                        rs.getLong("order_id"),
                        WalletEntryKind.valueOf(rs.getString("kind")),
                        Money.ofFen(rs.getInt("cents")),
                        Money.ofFen(rs.getInt("subsidy_cents")),
                        rs.getInt("cents"),
                        rs.getInt("minutes"),
                        rs.getInt("subsidy_cents"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("note")))
                .list();
        return new WalletView(
                seniorId,
                senior.name(),
                senior.community(),
                month.toString(),
                w.openedAt() != null,
                w.openedAt(),
                w.allowance(),
                w.spent(),
                w.left(),
                w.amountCategory(),
                w.allowance().fen(),
                w.amountCategory(),
                w.allowanceMinutes(),
                w.minutesCategory(),
                w.spent().fen(),
                w.spentMinutes(),
                w.left().fen(),
                w.minutesLeft(),
                held,
                ledger);
    }

    private static Wallet wallet(ResultSet rs) throws SQLException {
        return new Wallet(
                rs.getLong("senior_id"),
                YearMonth.from(rs.getObject("month", LocalDate.class)),
                Money.ofFen(rs.getLong("allowance_cents")),
                rs.getString("cents_category"),
                rs.getInt("allowance_minutes"),
                rs.getString("minutes_category"),
                Money.ofFen(rs.getLong("spent_cents")),
                rs.getInt("spent_minutes"),
                rs.getTimestamp("opened_at").toInstant());
    }
}

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
 * it, with the best allowances in force at that moment: the highest yuan allowance and the highest
 * hours allowance among the categories the senior holds (the common practice: the highest one
 * applies, categories are not added up). It keeps them for the month; later approvals apply to
 * wallets opened later.
 *
 * <p>A visit is paid by hours first, then yuan: the hours cover the item's standard duration
 * whole or in part, worth the item's price per minute (price × covered minutes ÷ duration, rounded
 * down to the fen); the yuan cover what is left of the price, up to what is left in the wallet.
 * The rest is the family's. A charge locks the wallet's row, so concurrent bookings never spend
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
            int allowanceCents,
            String centsCategory,
            int allowanceMinutes,
            String minutesCategory,
            int spentCents,
            int spentMinutes,
            Instant openedAt) {

        int centsLeft() {
            return allowanceCents - spentCents;
        }

        int minutesLeft() {
            return allowanceMinutes - spentMinutes;
        }

        boolean hasAllowance() {
            return allowanceCents > 0 || allowanceMinutes > 0;
        }
    }

    /** What a wallet pays for one visit: minutes of service (worth {@code minutesCents}) and yuan. */
    record Split(int minutes, int minutesCents, int cents) {
        int subsidyCents() {
            return minutesCents + cents;
        }

        static Split of(Wallet wallet, Visit visit) {
            int minutes = Math.min(visit.durationMinutes(), wallet.minutesLeft());
            int minutesCents = minutes == visit.durationMinutes()
                    ? visit.priceCents()
                    : (int) ((long) visit.priceCents() * minutes / visit.durationMinutes());
            int cents = Math.min(visit.priceCents() - minutesCents, wallet.centsLeft());
            return new Split(minutes, minutesCents, cents);
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
        if (split.subsidyCents() == 0) {
            return share(wallet, split);
        }
        db.sql("update subsidy_wallets set spent_cents = spent_cents + ?, spent_minutes = spent_minutes + ?"
                        + " where senior_id = ? and month = ?")
                .params(split.cents(), split.minutes(), visit.seniorId(), month.atDay(1))
                .update();
        Share share = share(wallet, split);
        ledger(orderId, visit.seniorId(), month, WalletEntryKind.CHARGE, split, actor, share.text());
        return share;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Share refund(long orderId, String actor, String why) {
        record Charged(long seniorId, LocalDate month, int cents, int minutes, int subsidyCents) {}
        List<Charged> charged = db.sql("select senior_id, month, sum(cents) as cents, sum(minutes) as minutes,"
                        + " sum(subsidy_cents) as subsidy_cents from wallet_ledger where order_id = ?"
                        + " group by senior_id, month having sum(subsidy_cents) <> 0 order by month")
                .param(orderId)
                .query((rs, n) -> new Charged(
                        rs.getLong("senior_id"),
                        rs.getObject("month", LocalDate.class),
                        rs.getInt("cents"),
                        rs.getInt("minutes"),
                        rs.getInt("subsidy_cents")))
                .list();
        int refunded = 0;
        List<String> texts = new ArrayList<>();
        for (Charged c : charged) {
            YearMonth month = YearMonth.from(c.month());
            locked(c.seniorId(), month);
            db.sql("update subsidy_wallets set spent_cents = spent_cents - ?, spent_minutes = spent_minutes - ?"
                            + " where senior_id = ? and month = ?")
                    .params(c.cents(), c.minutes(), c.seniorId(), c.month())
                    .update();
            Split back = new Split(-c.minutes(), -(c.subsidyCents() - c.cents()), -c.cents());
            String text = "subsidy refunded (" + why + "): " + Money.ofFen(c.subsidyCents())
                    + (c.minutes() > 0 ? " (" + Allowance.hours(c.minutes()) + ")" : "") + " back to the " + month
                    + " wallet";
            ledger(orderId, c.seniorId(), month, WalletEntryKind.REFUND, back, actor, text);
            refunded += c.subsidyCents();
            texts.add(text);
        }
        return refunded == 0 ? Share.NONE : new Share(refunded, String.join("; ", texts));
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
                        fresh.allowanceCents(),
                        fresh.centsCategory(),
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

    /** The best yuan and the best hours allowance among the categories the senior holds now. */
    private Wallet unopened(long seniorId, YearMonth month) {
        int cents = 0;
        int minutes = 0;
        String centsCategory = null;
        String minutesCategory = null;
        for (SubsidyCategories.Held held : categories.held(seniorId)) {
            Allowance a = held.category().allowance();
            if (a.cents() != null && a.cents() > cents) {
                cents = a.cents();
                centsCategory = held.category().code();
            }
            if (a.minutes() != null && a.minutes() > minutes) {
                minutes = a.minutes();
                minutesCategory = held.category().code();
            }
        }
        return new Wallet(seniorId, month, cents, centsCategory, minutes, minutesCategory, 0, 0, null);
    }

    /** The sentence shown with a quote and a booking: which category and wallet paid, and what remains. */
    private Share share(Wallet wallet, Split split) {
        if (!wallet.hasAllowance()) {
            List<SubsidyCategories.Held> held = categories.held(wallet.seniorId());
            return new Share(
                    0,
                    held.isEmpty()
                            ? "no subsidy: senior holds no approved category"
                            : "no subsidy: the senior's categories ("
                                    + held.stream()
                                            .map(h -> h.category().name())
                                            .collect(Collectors.joining(", "))
                                    + ") have no allowance in force");
        }
        if (split.subsidyCents() == 0) {
            return new Share(
                    0, "no subsidy: the " + wallet.month() + " wallet (" + allowances(wallet) + ") is used up");
        }
        List<String> paid = new ArrayList<>();
        if (split.minutes() > 0) {
            paid.add(Allowance.hours(split.minutes()) + " of " + categories.name(wallet.minutesCategory())
                    + " service hours (worth " + Money.ofFen(split.minutesCents()) + ")");
        }
        if (split.cents() > 0) {
            paid.add(Money.ofFen(split.cents()) + " of the " + categories.name(wallet.centsCategory()) + " allowance");
        }
        List<String> left = new ArrayList<>();
        if (wallet.allowanceCents() > 0) {
            left.add(Money.ofFen(wallet.centsLeft() - split.cents()).toString());
        }
        if (wallet.allowanceMinutes() > 0) {
            left.add(Allowance.hours(wallet.minutesLeft() - split.minutes()));
        }
        return new Share(
                split.subsidyCents(),
                "subsidy from the " + wallet.month() + " wallet: " + String.join(" and ", paid) + "; left in it "
                        + String.join(" and ", left));
    }

    private String allowances(Wallet wallet) {
        List<String> parts = new ArrayList<>();
        if (wallet.allowanceCents() > 0) {
            parts.add(categories.name(wallet.centsCategory()) + " " + Money.ofFen(wallet.allowanceCents()));
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
                        split.cents(),
                        split.minutes(),
                        split.subsidyCents(),
                        Timestamp.from(clock.instant()),
                        actor,
                        note)
                .update();
    }

    /**
     * A wallet as the API shows it: the month's allowance, what is spent and left (Money; the
     * {@code *Cents} numbers beside them are the old fields), the categories held and the ledger.
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
            @Schema(deprecated = true, description = "allowance.fen; use allowance") int allowanceCents,
            String centsCategory,
            int allowanceMinutes,
            String minutesCategory,
            @Schema(deprecated = true, description = "spent.fen; use spent") int spentCents,
            int spentMinutes,
            @Schema(deprecated = true, description = "remaining.fen; use remaining") int remainingCents,
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
     * allowanceShare} from the yuan allowance and the rest as {@code minutes} of service hours.
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
                Money.ofFen(w.allowanceCents()),
                Money.ofFen(w.spentCents()),
                Money.ofFen(w.centsLeft()),
                w.allowanceCents(),
                w.centsCategory(),
                w.allowanceMinutes(),
                w.minutesCategory(),
                w.spentCents(),
                w.spentMinutes(),
                w.centsLeft(),
                w.minutesLeft(),
                held,
                ledger);
    }

    private static Wallet wallet(ResultSet rs) throws SQLException {
        return new Wallet(
                rs.getLong("senior_id"),
                YearMonth.from(rs.getObject("month", LocalDate.class)),
                rs.getInt("allowance_cents"),
                rs.getString("cents_category"),
                rs.getInt("allowance_minutes"),
                rs.getString("minutes_category"),
                rs.getInt("spent_cents"),
                rs.getInt("spent_minutes"),
                rs.getTimestamp("opened_at").toInstant());
    }
}

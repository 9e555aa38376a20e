package org.anxin.platform.timebank;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.anxin.platform.system.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts and their append-only ledger in PostgreSQL. Every posting happens on an account row
 * locked ({@code SELECT … FOR UPDATE}) by the caller's transaction, so two postings to one
 * account never interleave: the balance each one checks is the one it changes.
 */
@Component
class Ledger {
    enum Kind {
        EARN,
        DONATE_OUT,
        DONATE_IN,
        SPEND,
        REFUND
    }

    record Account(long id, String username, boolean volunteer, int balanceMinutes, String openedBy, Instant openedAt) {
        static Account of(ResultSet rs) throws SQLException {
            return new Account(
                    rs.getLong("id"),
                    rs.getString("username"),
                    rs.getBoolean("volunteer"),
                    rs.getInt("balance_minutes"),
                    rs.getString("opened_by"),
                    rs.getTimestamp("opened_at").toInstant());
        }
    }

    /** One posting of an account's ledger. */
    @Schema(name = "TimeBankEntry")
    record Entry(
            long id,
            long accountId,
            int minutes,
            Kind kind,
            Long orderId,
            Long otherAccountId,
            String otherUsername,
            String actor,
            Instant at,
            int balanceAfter,
            String note) {}

    /** Entries with the other side's username; a condition on {@code e} follows. */
    private static final String ENTRIES_WHERE = "select e.id, e.account_id, e.minutes, e.kind, e.order_id,"
            + " e.other_account_id, o.username as other_username, e.actor, e.at, e.balance_after, e.note"
            + " from timebank_entries e left join timebank_accounts o on o.id = e.other_account_id where ";

    private final JdbcClient db;
    private final Clock clock;

    Ledger(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<Account> find(long id) {
        return db.sql("select * from timebank_accounts where id = ?")
                .param(id)
                .query((rs, n) -> Account.of(rs))
                .optional();
    }

    Optional<Account> find(String username) {
        return db.sql("select * from timebank_accounts where username = ?")
                .param(username)
                .query((rs, n) -> Account.of(rs))
                .optional();
    }

    List<Account> all() {
        return db.sql("select * from timebank_accounts order by id")
                .query((rs, n) -> Account.of(rs))
                .list();
    }

    /** The user's account, opened (not a volunteer, balance 0) if they have none. */
    Account openIfMissing(String username, String by) {
        db.sql("insert into timebank_accounts (username, opened_by, opened_at) values (?, ?, ?)"
                        + " on conflict (username) do nothing")
                .params(username, by, Timestamp.from(clock.instant()))
                .update();
        return find(username).orElseThrow();
    }

    void setVolunteer(long id, boolean volunteer) {
        db.sql("update timebank_accounts set volunteer = ? where id = ?")
                .params(volunteer, id)
                .update();
    }

    /** Locks the accounts until the transaction ends, in id order so that two transfers never deadlock. */
    List<Account> lock(long... ids) {
        long[] sorted = Arrays.stream(ids).distinct().sorted().toArray();
        return db.sql("select * from timebank_accounts where id = any(?) order by id for update")
                .param(Arrays.stream(sorted).boxed().toArray(Long[]::new))
                .query((rs, n) -> Account.of(rs))
                .list();
    }

    /**
     * Appends an entry to a locked account and moves its balance; 409 if the balance would go
     * below zero.
     */
    Entry post(Account locked, int minutes, Kind kind, Long orderId, Long otherAccountId, String actor, String note) {
        int balance = db.sql("select balance_minutes from timebank_accounts where id = ?")
                .param(locked.id())
                .query(Integer.class)
                .single();
        int after = balance + minutes;
        if (after < 0) {
            throw ApiProblem.conflict("insufficient time-bank balance: account " + locked.id() + " holds " + balance
                    + " min, this needs " + -minutes + " min");
        }
        long id = db.sql("insert into timebank_entries (account_id, minutes, kind, order_id, other_account_id, actor,"
                        + " at, balance_after, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(
                        locked.id(),
                        minutes,
                        kind.name(),
                        orderId,
                        otherAccountId,
                        actor,
                        Timestamp.from(clock.instant()),
                        after,
                        note)
                .query(Long.class)
                .single();
        db.sql("update timebank_accounts set balance_minutes = ? where id = ?")
                .params(after, locked.id())
                .update();
        return entry(id);
    }

    boolean hasEntry(long orderId, Kind kind) {
        return db.sql("select count(*) from timebank_entries where order_id = ? and kind = ?")
                        .params(orderId, kind.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Orders paid with minutes in the last 120 days and not refunded. An order is booked at most
     * 30 days ahead, so by then it has long been served, cancelled or marked a no-show.
     */
    List<Long> spentNotRefunded() {
        return db.sql("select s.order_id from timebank_entries s where s.kind = 'SPEND' and s.at > ? and not exists"
                        + " (select 1 from timebank_entries r where r.kind = 'REFUND' and r.order_id = s.order_id)"
                        + " order by s.order_id")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(120))))
                .query(Long.class)
                .list();
    }

    Optional<Entry> spendOf(long orderId) {
        return db.sql(ENTRIES_WHERE + "e.order_id = ? and e.kind = 'SPEND'")
                .param(orderId)
                .query((rs, n) -> entry(rs))
                .optional();
    }

    Entry entry(long id) {
        return db.sql(ENTRIES_WHERE + "e.id = ?")
                .param(id)
                .query((rs, n) -> entry(rs))
                .single();
    }

    /** The account's entries, oldest first. */
    List<Entry> entries(long accountId) {
        return db.sql(ENTRIES_WHERE + "e.account_id = ? order by e.id")
                .param(accountId)
                .query((rs, n) -> entry(rs))
                .list();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getLong("id"),
                rs.getLong("account_id"),
                rs.getInt("minutes"),
                Kind.valueOf(rs.getString("kind")),
                (Long) rs.getObject("order_id"),
                (Long) rs.getObject("other_account_id"),
                rs.getString("other_username"),
                rs.getString("actor"),
                rs.getTimestamp("at").toInstant(),
                rs.getInt("balance_after"),
                rs.getString("note"));
    }
}

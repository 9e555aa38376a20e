package org.anxin.platform.timebank;

import java.util.List;
import org.anxin.platform.order.OrderRecords;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.anxin.platform.timebank.Ledger.Account;
import org.anxin.platform.timebank.Ledger.Entry;
import org.anxin.platform.timebank.Ledger.Kind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening accounts, giving minutes away and spending them. A spend pays one order with its
 * standard duration in minutes, for a senior the spender is linked to; an order is paid with
 * minutes once. Balance checks happen on the locked account row (see {@link Ledger}).
 */
@Service
class TimeBank {
    private final Ledger ledger;
    private final Accounts users;
    private final OrderRecords orders;

    TimeBank(Ledger ledger, Accounts users, OrderRecords orders) {
        this.ledger = ledger;
        this.users = users;
        this.orders = orders;
    }

    record Posted(Account account, Entry entry) {}

    Account mine(Viewer viewer) {
        return ledger.find(viewer.username())
                .orElseThrow(() -> ApiProblem.notFound("you have no time-bank account yet; one is opened when you"
                        + " are given minutes, or by an administrator"));
    }

    /** The account and its entries: for its owner and administrators only. */
    Account readable(long accountId, Viewer viewer) {
        Account account =
                ledger.find(accountId).orElseThrow(() -> ApiProblem.notFound("no time-bank account " + accountId));
        if (!account.username().equals(viewer.username()) && viewer.role() != Role.ADMIN) {
            throw ApiProblem.forbidden("time-bank account " + accountId + " is not yours");
        }
        return account;
    }

    List<Entry> entries(long accountId) {
        return ledger.entries(accountId);
    }

    List<Account> all() {
        return ledger.all();
    }

    @Transactional
    Account open(String username, boolean volunteer, Viewer viewer) {
        if (!users.exists(username)) {
            throw ApiProblem.badRequest("user " + username + " does not exist");
        }
        if (ledger.find(username).isPresent()) {
            throw ApiProblem.conflict("user " + username + " already has a time-bank account");
        }
        Account account = ledger.openIfMissing(username, viewer.username());
        ledger.setVolunteer(account.id(), volunteer);
        return ledger.find(account.id()).orElseThrow();
    }

    @Transactional
    Account setVolunteer(long accountId, boolean volunteer) {
        ledger.find(accountId).orElseThrow(() -> ApiProblem.notFound("no time-bank account " + accountId));
        ledger.setVolunteer(accountId, volunteer);
        return ledger.find(accountId).orElseThrow();
    }

    /** Moves minutes from the viewer's account to another user's, opening theirs if need be. */
    @Transactional
    Posted donate(String to, int minutes, String note, Viewer viewer) {
        if (to.equals(viewer.username())) {
            throw ApiProblem.badRequest("you cannot give minutes to yourself");
        }
        if (!users.exists(to)) {
            throw ApiProblem.badRequest("user " + to + " does not exist");
        }
        Account from = ledger.find(viewer.username())
                .orElseThrow(() -> ApiProblem.conflict(
                        "insufficient time-bank balance: you hold 0 min, this needs " + minutes + " min"));
        Account recipient = ledger.openIfMissing(to, viewer.username());
        ledger.lock(from.id(), recipient.id());
        Entry out = ledger.post(from, -minutes, Kind.DONATE_OUT, null, recipient.id(), viewer.username(), note);
        ledger.post(recipient, minutes, Kind.DONATE_IN, null, from.id(), viewer.username(), note);
        return new Posted(ledger.find(from.id()).orElseThrow(), out);
    }

    /** Pays the order with the viewer's minutes: as many as the item's standard duration. */
    @Transactional
    Posted spend(long orderId, String note, Viewer viewer) {
        OrderRecords.OrderRecord order =
                orders.lock(orderId).orElseThrow(() -> ApiProblem.badRequest("order " + orderId + " does not exist"));
        if (!viewer.seniorIds().contains(order.seniorId())) {
            throw ApiProblem.forbidden("you may pay with minutes only for a senior you are linked to; order " + orderId
                    + " is for senior " + order.seniorId());
        }
        if (!order.live()) {
            throw ApiProblem.conflict("order " + orderId + " is " + order.status() + "; it cannot be paid");
        }
        if (ledger.hasEntry(orderId, Kind.SPEND)) {
            throw alreadyPaid(orderId);
        }
        if (order.seniorPays().isZero()) {
            throw ApiProblem.conflict("order " + orderId + " leaves nothing for the family to pay (the subsidy covers"
                    + " it); keep the minutes");
        }
        int minutes = order.durationMinutes();
        Account account = ledger.find(viewer.username())
                .orElseThrow(() -> ApiProblem.conflict(
                        "insufficient time-bank balance: you hold 0 min, this needs " + minutes + " min"));
        ledger.lock(account.id());
        Entry entry;
        try {
            entry = ledger.post(account, -minutes, Kind.SPEND, orderId, null, viewer.username(), note);
        } catch (DuplicateKeyException e) {
            throw alreadyPaid(orderId);
        }
        orders.note(
                orderId,
                "PAID_WITH_TIME_BANK",
                viewer.username(),
                minutes + " min from time-bank account " + account.id() + (note == null ? "" : ": " + note));
        return new Posted(ledger.find(account.id()).orElseThrow(), entry);
    }

    /** Gives back the minutes paid for an order that was then cancelled or not served; false if there is nothing to give back. */
    @Transactional
    boolean refund(long orderId) {
        if (orders.lock(orderId).map(OrderRecords.OrderRecord::live).orElse(true)
                || ledger.hasEntry(orderId, Kind.REFUND)) {
            return false;
        }
        Entry spend = ledger.spendOf(orderId).orElse(null);
        if (spend == null) {
            return false;
        }
        Account account = ledger.lock(spend.accountId()).get(0);
        ledger.post(account, -spend.minutes(), Kind.REFUND, orderId, null, "system", null);
        orders.note(
                orderId,
                "TIME_BANK_REFUNDED",
                "system",
                -spend.minutes() + " min back to time-bank account " + account.id());
        return true;
    }

    private static ApiProblem alreadyPaid(long orderId) {
        return ApiProblem.conflict("order " + orderId + " is already paid with time-bank minutes");
    }
}

package org.anxin.platform.timebank;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.Viewer;
import org.anxin.platform.timebank.Ledger.Account;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/timebank")
class TimeBankController {
    /** A day and a half of service at most per donation: a typo must not empty an account. */
    static final int MAX_DONATION_MINUTES = 6000;

    private final TimeBank bank;
    private final Accounts accounts;

    TimeBankController(TimeBank bank, Accounts accounts) {
        this.bank = bank;
        this.accounts = accounts;
    }

    record NewAccount(@NotBlank @Size(max = 64) String username, Boolean volunteer) {}

    record VolunteerFlag(@NotNull Boolean volunteer) {}

    record Donation(
            @NotBlank @Size(max = 64) String to,
            @NotNull @Min(1) @Max(MAX_DONATION_MINUTES) Integer minutes,
            @Size(max = 500) String note) {}

    record Spending(@NotNull Long orderId, @Size(max = 500) String note) {}

    /** An account: its balance in minutes and (rounded down) hours. */
    record TimeBankAccount(
            long id,
            String username,
            boolean volunteer,
            int balanceMinutes,
            BigDecimal balanceHours,
            String openedBy,
            Instant openedAt) {}

    /** An account with its entries, oldest first. */
    record TimeBankLedger(@JsonUnwrapped TimeBankAccount account, List<Ledger.Entry> entries) {}

    /** The account after a posting, and the posting. */
    record TimeBankPosting(@JsonUnwrapped TimeBankAccount account, Ledger.Entry entry) {}

    @GetMapping("/accounts/me")
    TimeBankAccount me() {
        return json(bank.mine(accounts.currentViewer()));
    }

    @GetMapping("/accounts/{id}/ledger")
    TimeBankLedger ledger(@PathVariable long id) {
        return new TimeBankLedger(json(bank.readable(id, accounts.currentViewer())), bank.entries(id));
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    List<TimeBankAccount> all() {
        return bank.all().stream().map(TimeBankController::json).toList();
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<TimeBankAccount> open(@Valid @RequestBody NewAccount request) {
        Account account = bank.open(
                request.username().strip(), Boolean.TRUE.equals(request.volunteer()), accounts.currentViewer());
        return ResponseEntity.created(URI.create("/api/timebank/accounts/" + account.id() + "/ledger"))
                .body(json(account));
    }

    @PutMapping("/accounts/{id}/volunteer")
    @PreAuthorize("hasRole('ADMIN')")
    TimeBankAccount volunteer(@PathVariable long id, @Valid @RequestBody VolunteerFlag flag) {
        return json(bank.setVolunteer(id, flag.volunteer()));
    }

    @PostMapping("/donate")
    TimeBankPosting donate(@Valid @RequestBody Donation donation) {
        Viewer viewer = accounts.currentViewer();
        return json(bank.donate(donation.to().strip(), donation.minutes(), note(donation.note()), viewer));
    }

    @PostMapping("/spend")
    TimeBankPosting spend(@Valid @RequestBody Spending spending) {
        return json(bank.spend(spending.orderId(), note(spending.note()), accounts.currentViewer()));
    }

    private static TimeBankPosting json(TimeBank.Posted posted) {
        return new TimeBankPosting(json(posted.account()), posted.entry());
    }

    static TimeBankAccount json(Account account) {
        return new TimeBankAccount(
                account.id(),
                account.username(),
                account.volunteer(),
                account.balanceMinutes(),
                BigDecimal.valueOf(account.balanceMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.DOWN),
                account.openedBy(),
                account.openedAt());
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}

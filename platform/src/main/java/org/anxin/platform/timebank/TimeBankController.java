package org.anxin.platform.timebank;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @GetMapping("/accounts/me")
    Map<String, Object> me() {
        return json(bank.mine(accounts.currentViewer()));
    }

    @GetMapping("/accounts/{id}/ledger")
    Map<String, Object> ledger(@PathVariable long id) {
        Map<String, Object> json = json(bank.readable(id, accounts.currentViewer()));
        json.put("entries", bank.entries(id));
        return json;
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    List<Map<String, Object>> all() {
        return bank.all().stream().map(TimeBankController::json).toList();
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Map<String, Object>> open(@Valid @RequestBody NewAccount request) {
        Account account = bank.open(
                request.username().strip(), Boolean.TRUE.equals(request.volunteer()), accounts.currentViewer());
        return ResponseEntity.created(URI.create("/api/timebank/accounts/" + account.id() + "/ledger"))
                .body(json(account));
    }

    @PutMapping("/accounts/{id}/volunteer")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> volunteer(@PathVariable long id, @Valid @RequestBody VolunteerFlag flag) {
        return json(bank.setVolunteer(id, flag.volunteer()));
    }

    @PostMapping("/donate")
    Map<String, Object> donate(@Valid @RequestBody Donation donation) {
        Viewer viewer = accounts.currentViewer();
        return json(bank.donate(donation.to().strip(), donation.minutes(), note(donation.note()), viewer));
    }

    @PostMapping("/spend")
    Map<String, Object> spend(@Valid @RequestBody Spending spending) {
        return json(bank.spend(spending.orderId(), note(spending.note()), accounts.currentViewer()));
    }

    private static Map<String, Object> json(TimeBank.Posted posted) {
        Map<String, Object> json = json(posted.account());
        json.put("entry", posted.entry());
        return json;
    }

    static Map<String, Object> json(Account account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", account.id());
        json.put("username", account.username());
        json.put("volunteer", account.volunteer());
        json.put("balanceMinutes", account.balanceMinutes());
        json.put(
                "balanceHours",
                BigDecimal.valueOf(account.balanceMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.DOWN));
        json.put("openedBy", account.openedBy());
        json.put("openedAt", account.openedAt());
        return json;
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}

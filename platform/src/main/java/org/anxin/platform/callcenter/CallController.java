package org.anxin.platform.callcenter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The call log and the console's call actions; the desk only (ADMIN, SUPERVISOR, OPERATOR). */
@RestController
@RequestMapping("/api/calls")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
class CallController {
    private final CallLog calls;
    private final CallDesk desk;
    private final Accounts accounts;
    private final ZoneId zone;

    CallController(CallLog calls, CallDesk desk, Accounts accounts, ZoneId zone) {
        this.calls = calls;
        this.desk = desk;
        this.accounts = accounts;
        this.zone = zone;
    }

    record CallBackNote(@Size(max = 2000) String note) {}

    record CallDuty(boolean onDuty) {}

    /** {@code date} is a day in the city's time zone. */
    @GetMapping
    List<Call> list(
            @RequestParam(required = false) Long seniorId,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) CallDirection direction,
            @RequestParam(required = false) CallStatus status,
            @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiProblem.badRequest("limit must be 1–1000");
        }
        return calls.list(new CallLog.Filter(seniorId, operator, date, zone, direction, status, limit));
    }

    /** The live queue and the calls to call back, each with its screen pop. */
    @GetMapping("/live")
    List<ScreenPop.CallCard> live() {
        return desk.board();
    }

    @GetMapping("/{id}")
    CallDesk.CallDetail get(@PathVariable long id) {
        return desk.detail(id);
    }

    @PostMapping("/{id}/claim")
    ScreenPop.CallCard claim(@PathVariable long id) {
        return desk.claim(id, accounts.currentViewer());
    }

    @PostMapping("/{id}/called-back")
    ScreenPop.CallCard calledBack(@PathVariable long id, @Valid @RequestBody(required = false) CallBackNote request) {
        return desk.calledBack(id, request == null ? null : request.note(), accounts.currentViewer());
    }

    @GetMapping("/duty")
    CallDesk.DutyState duty() {
        return desk.duty(accounts.currentViewer());
    }

    /** Puts the signed-in user on duty (the line rings their phone) or off it. */
    @PutMapping("/duty")
    CallDesk.DutyState setDuty(@RequestBody CallDuty request) {
        return desk.duty(accounts.currentViewer(), request.onDuty());
    }
}

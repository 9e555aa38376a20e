package org.anxin.platform.alarm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/alarms")
class AlarmController {
    private final AlarmService alarms;
    private final Accounts accounts;

    AlarmController(AlarmService alarms, Accounts accounts) {
        this.alarms = alarms;
        this.accounts = accounts;
    }

    record ResolveRequest(@NotBlank @Size(max = 64) String outcome) {}

    /** {@code status=OPEN} means every open status; no status means all. */
    @GetMapping
    List<Alarm> list(@RequestParam(required = false) String status) {
        return alarms.list(statuses(status), accounts.currentViewer());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable long id) {
        AlarmService.AlarmDetail detail = alarms.get(id, accounts.currentViewer());
        Map<String, Object> body = new LinkedHashMap<>(AlarmJson.of(detail.alarm()));
        body.put("outcome", detail.alarm().outcome());
        body.put("timeline", detail.timeline());
        return body;
    }

    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    Alarm acknowledge(@PathVariable long id) {
        return alarms.acknowledge(id, accounts.currentViewer());
    }

    @PostMapping("/{id}/resolve")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    Alarm resolve(@PathVariable long id, @Valid @RequestBody ResolveRequest request) {
        return alarms.resolve(id, request.outcome().strip(), accounts.currentViewer());
    }

    private static List<AlarmStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return List.of(AlarmStatus.values());
        }
        List<AlarmStatus> statuses = new ArrayList<>();
        for (String name : status.split(",")) {
            String upper = name.strip().toUpperCase(Locale.ROOT);
            if ("OPEN".equals(upper)) {
                statuses.addAll(AlarmStatus.OPEN);
            } else {
                try {
                    statuses.add(AlarmStatus.valueOf(upper));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.badRequest(
                            "unknown status " + name.strip() + "; use OPEN or one of " + List.of(AlarmStatus.values()));
                }
            }
        }
        return statuses;
    }
}

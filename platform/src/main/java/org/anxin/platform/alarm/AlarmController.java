package org.anxin.platform.alarm;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anxin.platform.audit.AuditAction;
import org.anxin.platform.audit.AuditLog;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class AlarmController {
    private static final String DESK = "hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')";

    private final AlarmService alarms;
    private final SeniorRecordView records;
    private final Notifications notifications;
    private final Accounts accounts;
    private final AuditLog audit;

    AlarmController(
            AlarmService alarms,
            SeniorRecordView records,
            Notifications notifications,
            Accounts accounts,
            AuditLog audit) {
        this.audit = audit;
        this.alarms = alarms;
        this.records = records;
        this.notifications = notifications;
        this.accounts = accounts;
    }

    /** An alarm with its timeline and its notifications. */
    record AlarmDetailView(
            @JsonUnwrapped Alarm alarm, List<AlarmService.TimelineEntry> timeline, List<Notification> notifications) {}

    record ResolveRequest(@NotBlank @Size(max = 64) String outcome, @Size(max = 2000) String note) {}

    record DispatchRequest(@NotBlank @Size(max = 100) String responder, @Size(max = 2000) String note) {}

    record NoteRequest(@Size(max = 2000) String note) {}

    record RequiredNote(@NotBlank @Size(max = 2000) String note) {}

    /** A call the operator made from the desk phone: to the senior or a contact, and how it went. */
    record CallRequest(@NotBlank @Size(max = 100) String to, @NotBlank @Size(max = 2000) String result) {}

    /** {@code status=OPEN} means every open status; no status means all. */
    @GetMapping("/alarms")
    List<Alarm> list(@RequestParam(required = false) String status) {
        return alarms.list(statuses(status), accounts.currentViewer());
    }

    @GetMapping("/alarms/{id}")
    AlarmDetailView get(@PathVariable long id) {
        AlarmService.AlarmDetail detail = alarms.detail(id, accounts.currentViewer());
        return new AlarmDetailView(detail.alarm(), detail.timeline(), notifications.forAlarm(id));
    }

    @GetMapping("/alarms/{id}/record")
    SeniorRecordView.RecordView record(@PathVariable long id) {
        SeniorRecordView.RecordView view = records.forAlarm(id, accounts.currentViewer());
        audit.record(
                AuditAction.SENIOR_VIEWED,
                "senior",
                alarms.get(id, accounts.currentViewer()).seniorId(),
                null,
                Map.of("alarmId", id));
        return view;
    }

    @GetMapping("/alarms/{id}/notifications")
    List<Notification> notifications(@PathVariable long id) {
        alarms.get(id, accounts.currentViewer());
        return notifications.forAlarm(id);
    }

    @GetMapping("/seniors/{seniorId}/record-views")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<SeniorRecordView.RecordOpened> recordViews(@PathVariable long seniorId) {
        return records.views(seniorId);
    }

    @PostMapping("/alarms/{id}/acknowledge")
    @PreAuthorize(DESK)
    Alarm acknowledge(@PathVariable long id) {
        return alarms.acknowledge(id, accounts.currentViewer());
    }

    @PostMapping("/alarms/{id}/dispatch")
    @PreAuthorize(DESK)
    Alarm dispatch(@PathVariable long id, @Valid @RequestBody DispatchRequest request) {
        return alarms.dispatch(id, request.responder().strip(), blankToNull(request.note()), accounts.currentViewer());
    }

    @PostMapping("/alarms/{id}/on-scene")
    @PreAuthorize(DESK)
    Alarm onScene(@PathVariable long id, @Valid @RequestBody(required = false) NoteRequest request) {
        return alarms.onScene(id, note(request), accounts.currentViewer());
    }

    @PostMapping("/alarms/{id}/resolve")
    @PreAuthorize(DESK)
    Alarm resolve(@PathVariable long id, @Valid @RequestBody ResolveRequest request) {
        return alarms.resolve(
                id,
                request.outcome().strip().toUpperCase(Locale.ROOT),
                blankToNull(request.note()),
                accounts.currentViewer());
    }

    @PostMapping("/alarms/{id}/false-alarm")
    @PreAuthorize(DESK)
    Alarm falseAlarm(@PathVariable long id, @Valid @RequestBody(required = false) NoteRequest request) {
        return alarms.falseAlarm(id, note(request), accounts.currentViewer());
    }

    @PostMapping("/alarms/{id}/cancel")
    @PreAuthorize(DESK)
    Alarm cancel(@PathVariable long id, @Valid @RequestBody(required = false) NoteRequest request) {
        return alarms.cancel(id, note(request), accounts.currentViewer());
    }

    @PostMapping("/alarms/{id}/notes")
    @PreAuthorize(DESK)
    AlarmService.TimelineEntry addNote(@PathVariable long id, @Valid @RequestBody RequiredNote request) {
        return alarms.addNote(id, "NOTE", request.note().strip(), accounts.currentViewer());
    }

    @PostMapping("/alarms/{id}/calls")
    @PreAuthorize(DESK)
    AlarmService.TimelineEntry call(@PathVariable long id, @Valid @RequestBody CallRequest request) {
        Viewer viewer = accounts.currentViewer();
        return alarms.addNote(
                id,
                "CALL",
                "called " + request.to().strip() + ": " + request.result().strip(),
                viewer);
    }

    private static String note(NoteRequest request) {
        return request == null ? null : blankToNull(request.note());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
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

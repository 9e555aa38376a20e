package org.anxin.platform.callcenter;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.anxin.platform.system.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The 12349 line's report: desk staff and the bureau. JSON, or CSV (one row a day). */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR', 'BUREAU')")
class CallReportController {
    private static final int MAX_DAYS = 366;

    private final CallReports reports;
    private final java.time.Clock clock;
    private final ZoneId zone;

    CallReportController(CallReports reports, java.time.Clock clock, ZoneId zone) {
        this.reports = reports;
        this.clock = clock;
        this.zone = zone;
    }

    /** Calls started and work orders created from {@code from} to {@code to}, city dates, inclusive (default: the last 7 days). */
    @GetMapping("/api/reports/calls")
    CallReports.CallReport report(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate last = to == null ? LocalDate.ofInstant(clock.instant(), zone) : to;
        LocalDate first = from == null ? last.minusDays(6) : from;
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiProblem.badRequest("from must not be after to, and the range at most " + MAX_DAYS + " days");
        }
        return reports.report(first, last);
    }

    @GetMapping("/api/reports/calls.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        CallReports.CallReport report = report(from, to);
        StringBuilder csv = new StringBuilder(
                "day,inbound,outbound,queued,answered,abandoned,abandonment_percent,answered_within_20s_percent,"
                        + "average_answer_seconds,p90_answer_seconds\r\n");
        for (CallReports.CallFigures day : report.perDay()) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%s,%d,%d,%d,%d,%d,%s,%s,%s,%s\r\n",
                    day.day(),
                    day.inbound(),
                    day.outbound(),
                    day.queued(),
                    day.answered(),
                    day.abandoned(),
                    cell(day.abandonmentPercent()),
                    cell(day.answeredWithin20sPercent()),
                    cell(day.averageAnswerSeconds()),
                    cell(day.p90AnswerSeconds())));
        }
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("anxin-calls-" + report.from() + "-" + report.to() + ".csv")
                                .build()
                                .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String cell(Double value) {
        return value == null ? "" : value.toString();
    }
}

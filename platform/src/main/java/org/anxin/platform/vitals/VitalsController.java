package org.anxin.platform.vitals;

import jakarta.validation.Valid;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/seniors/{id}")
class VitalsController {
    private static final Duration MAX_SPAN = Duration.ofDays(31);
    private static final int MAX_POINTS = 5000;

    private final JdbcClient db;
    private final Thresholds thresholds;
    private final SeniorService seniors;
    private final Accounts accounts;
    private final Clock clock;

    VitalsController(JdbcClient db, Thresholds thresholds, SeniorService seniors, Accounts accounts, Clock clock) {
        this.db = db;
        this.thresholds = thresholds;
        this.seniors = seniors;
        this.accounts = accounts;
        this.clock = clock;
    }

    record Point(Instant at, double value, String deviceId, boolean abnormal) {}

    record Series(VitalKind kind, String unit, Double low, Double high, List<Point> points) {}

    record Vitals(long seniorId, Instant from, Instant to, List<Series> series) {}

    /** One kind's series, or every kind's, between {@code from} and {@code to} (default: the last 24 h). */
    @GetMapping("/vitals")
    Vitals vitals(
            @PathVariable long id,
            @RequestParam(required = false) VitalKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        seniors.get(id, accounts.currentViewer());
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(Duration.ofHours(24));
        if (!start.isBefore(end)) {
            throw ApiProblem.badRequest("from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ApiProblem.badRequest("vitals span at most 31 days per request");
        }
        Map<VitalKind, Thresholds.Limit> limits = thresholds.forSenior(id);
        List<Series> series = new ArrayList<>();
        for (VitalKind k : kind == null ? List.of(VitalKind.values()) : List.of(kind)) {
            List<Point> points = db.sql("select * from (select at, value, device_id, abnormal, id from vital_readings"
                            + " where senior_id = ? and kind = ? and at >= ? and at < ? order by at desc, id desc"
                            + " limit ?) t order by at, id")
                    .params(id, k.name(), Timestamp.from(start), Timestamp.from(end), MAX_POINTS)
                    .query((rs, n) -> new Point(
                            rs.getTimestamp("at").toInstant(),
                            rs.getDouble("value"),
                            rs.getString("device_id"),
                            rs.getBoolean("abnormal")))
                    .list();
            Thresholds.Limit limit = limits.get(k);
            series.add(new Series(k, k.unit, limit.low(), limit.high(), points));
        }
        return new Vitals(id, start, end, series);
    }

    @GetMapping("/vital-thresholds")
    List<Thresholds.Limit> thresholds(@PathVariable long id) {
        seniors.get(id, accounts.currentViewer());
        return thresholds.list(id);
    }

    /** Both null: back to the defaults. */
    record LimitRequest(Double low, Double high) {}

    /** The desk sets the senior's own limits for one kind. */
    @PutMapping("/vital-thresholds/{kind}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
    List<Thresholds.Limit> setThreshold(
            @PathVariable long id, @PathVariable VitalKind kind, @Valid @RequestBody LimitRequest request) {
        seniors.get(id, accounts.currentViewer());
        if (request.low() == null && request.high() == null) {
            thresholds.reset(id, kind);
            return thresholds.list(id);
        }
        for (Double v : new Double[] {request.low(), request.high()}) {
            if (v != null && !kind.plausible(v)) {
                throw ApiProblem.badRequest(
                        kind + " limits must lie between " + kind.min + " and " + kind.max + " " + kind.unit);
            }
        }
        if (request.low() != null && request.high() != null && request.low() >= request.high()) {
            throw ApiProblem.badRequest("low must be below high");
        }
        thresholds.set(
                id,
                kind,
                request.low(),
                request.high(),
                accounts.currentViewer().username());
        return thresholds.list(id);
    }
}

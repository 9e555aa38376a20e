package org.anxin.platform.dashboard;

import java.nio.charset.StandardCharsets;
import org.anxin.platform.system.Accounts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city dashboard for the bureau and the officers of streets and communities: {@code from} and
 * {@code to} are dates of the city or instants (default: the last 30 days), {@code area} a node at
 * or below the viewer's (default: the viewer's own).
 */
@RestController
class DashboardController {
    static final String OFFICERS = "hasAnyRole('BUREAU', 'STREET', 'COMMUNITY')";

    private final CityDashboard dashboard;
    private final Reach reach;
    private final Accounts accounts;

    DashboardController(CityDashboard dashboard, Reach reach, Accounts accounts) {
        this.dashboard = dashboard;
        this.reach = reach;
        this.accounts = accounts;
    }

    @GetMapping("/api/dashboard")
    @PreAuthorize(OFFICERS)
    Dashboard figures(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String area) {
        Period period = dashboard.period(from, to);
        return dashboard.of(period, reach.of(accounts.currentViewer(), area));
    }

    @GetMapping("/api/dashboard.csv")
    @PreAuthorize(OFFICERS)
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String area) {
        Dashboard figures = figures(from, to, area);
        String name = "anxin-dashboard-" + (figures.area() == null ? "all" : figures.area()) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(DashboardCsv.of(figures).getBytes(StandardCharsets.UTF_8));
    }
}

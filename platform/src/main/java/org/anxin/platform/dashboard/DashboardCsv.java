package org.anxin.platform.dashboard;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The dashboard as CSV, the same figures as the JSON, one per line: figure, key, value (named as
 * the JSON names them). UTF-8 with a byte-order mark for Excel, CRLF, RFC 4180 quoting, and text
 * that would start a formula prefixed with {@code '}.
 */
final class DashboardCsv {
    static final String BOM = "\uFEFF";

    private final StringBuilder csv = new StringBuilder(BOM);

    private DashboardCsv() {}

    static String of(Dashboard d) {
        DashboardCsv out = new DashboardCsv();
        out.row("指标 figure", "项 key", "数值 value");
        out.row("period", "from", d.from());
        out.row("period", "to", d.to());
        out.row("area", "code", d.area());
        out.row("area", "name", d.areaName());
        out.row("area", "communities", d.communities() == null ? "ALL" : String.join("、", d.communities()));
        out.row("seniors", "total", d.seniors().total());
        out.counts("seniors.byCommunity", d.seniors().byCommunity());
        out.counts("seniors.byLivingSituation", d.seniors().byLivingSituation());
        out.row("devices", "registered", d.devices().registered());
        out.row("devices", "online", d.devices().online());
        out.row("alarms", "total", d.alarms().total());
        out.counts("alarms.byKind", d.alarms().byKind());
        out.counts("alarms.byOutcome", d.alarms().byOutcome());
        Dashboard.Answering a = d.answering();
        out.row("answering", "alarms", a.alarms());
        out.row("answering", "answered", a.answered());
        out.row("answering", "withinTarget", a.withinTarget());
        out.row("answering", "targetSeconds", a.targetSeconds());
        out.row("answering", "targetPercent", a.targetPercent());
        out.row("answering", "withinTargetPercent", a.withinTargetPercent());
        out.row("answering", "medianSeconds", a.medianSeconds());
        out.row("answering", "p90Seconds", a.p90Seconds());
        out.arrivals("emergencyArrivals", d.emergencyArrivals());
        out.arrivals("serviceArrivals", d.serviceArrivals());
        out.row("coverage", "circleMinutes", d.coverage().circleMinutes());
        out.row("coverage", "seniors", d.coverage().seniors());
        out.row("coverage", "covered", d.coverage().covered());
        out.row("coverage", "coveredPercent", d.coverage().coveredPercent());
        out.row("services", "booked", d.services().booked());
        out.row("services", "served", d.services().served());
        for (Dashboard.CategoryVolume v : d.services().byCategory()) {
            out.row("services.byCategory.booked", v.category(), v.booked());
            out.row("services.byCategory.served", v.category(), v.served());
        }
        Dashboard.Subsidy s = d.subsidy();
        out.row("subsidy", "wallets", s.wallets());
        out.row("subsidy", "allowanceYuan", s.allowance().yuan());
        out.row("subsidy", "spentYuan", s.spent().yuan());
        out.row("subsidy", "spentPercent", s.spentPercent());
        out.row("subsidy", "allowanceMinutes", s.allowanceMinutes());
        out.row("subsidy", "spentMinutes", s.spentMinutes());
        out.row("subsidy", "budgetYuan", s.budget() == null ? null : s.budget().yuan());
        out.row("subsidy", "budgetNote", s.budgetNote());
        out.row("subsidy", "budgetSpentPercent", s.budgetSpentPercent());
        out.row("timeBank", "entries", d.timeBank().entries());
        out.row("timeBank", "earnedHours", d.timeBank().earnedHours());
        out.row("timeBank", "spentHours", d.timeBank().spentHours());
        out.row("timeBank", "donatedHours", d.timeBank().donatedHours());
        out.row("assessments", "assessed", d.assessments().assessed());
        out.row("assessments", "dueInPeriod", d.assessments().dueInPeriod());
        out.row("assessments", "overdue", d.assessments().overdue());
        return out.csv.toString();
    }

    private void counts(String figure, List<Dashboard.Count> counts) {
        counts.forEach(c -> row(figure, c.key(), c.count()));
    }

    private void arrivals(String figure, Dashboard.Arrivals a) {
        row(figure, "circleMinutes", a.circleMinutes());
        row(figure, "arrived", a.arrived());
        row(figure, "withinCircle", a.withinCircle());
        row(figure, "withinCirclePercent", a.withinCirclePercent());
        row(figure, "medianSeconds", a.medianSeconds());
        row(figure, "p90Seconds", a.p90Seconds());
    }

    private void row(Object... cells) {
        csv.append(java.util.Arrays.stream(cells)
                        .map(c -> cell(c == null ? "" : String.valueOf(c)))
                        .collect(Collectors.joining(",")))
                .append("\r\n");
    }

    /** One field: a formula-like start defused, quoted when it holds a comma, quote or line break. */
    static String cell(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

package org.anxin.platform.settlement;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.anxin.platform.order.VisitRecord;
import org.anxin.platform.system.Money;

/**
 * A statement as CSV for Excel: UTF-8 with a byte-order mark (so that Excel reads the Chinese
 * right), CRLF line ends, RFC 4180 quoting, and text that would start a formula prefixed with
 * {@code '}. The payable lines, their total, then the lines held back (not in the total).
 */
final class SettlementCsv {
    static final String BOM = "\uFEFF";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final List<String> HEADER = List.of(
            "结算 settlement",
            "订单号 order",
            "老人 senior",
            "服务项目 item",
            "服务人员 worker",
            "签到 check-in",
            "签退 check-out",
            "时长(分钟) minutes",
            "价格(元) price",
            "补贴(元) subsidy",
            "老人自付(元) senior pays",
            "结转自 carried from",
            "异常 anomalies");

    private SettlementCsv() {}

    static String of(Statement s, ZoneId zone) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, HEADER);
        for (Statement.Line line : s.payable()) {
            row(csv, cells("应付 payable", line, zone));
        }
        row(
                csv,
                List.of(
                        "合计 total",
                        s.payable().size() + " 单 visits",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        s.total(VisitRecord::priceCents).yuan(),
                        s.total(VisitRecord::subsidyCents).yuan(),
                        s.total(VisitRecord::seniorPaysCents).yuan(),
                        "",
                        ""));
        for (Statement.Line line : s.heldBack()) {
            row(csv, cells("暂缓 held back", line, zone));
        }
        return csv.toString();
    }

    private static List<String> cells(String settlement, Statement.Line line, ZoneId zone) {
        VisitRecord v = line.visit();
        List<String> cells = new ArrayList<>();
        cells.add(settlement);
        cells.add(Long.toString(v.orderId()));
        cells.add(v.seniorName());
        cells.add(v.itemName());
        cells.add(v.workerName());
        cells.add(local(v.checkedInAt(), zone));
        cells.add(local(v.checkedOutAt(), zone));
        cells.add(v.minutes() == null ? "" : v.minutes().toString());
        cells.add(Money.ofFen(v.priceCents()).yuan());
        cells.add(Money.ofFen(v.subsidyCents()).yuan());
        cells.add(Money.ofFen(v.seniorPaysCents()).yuan());
        cells.add(line.carriedFrom() == null ? "" : line.carriedFrom().toString());
        cells.add(v.holds().stream().map(h -> h.kind() + ": " + h.reason()).collect(Collectors.joining("\n")));
        return cells;
    }

    private static String local(Instant t, ZoneId zone) {
        return t == null ? "" : MINUTE.format(t.atZone(zone));
    }

    private static void row(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(SettlementCsv::cell).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    /** One field: a formula-like start defused, quoted when it holds a comma, quote or line break. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

package org.anxin.platform.audit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The audit log as CSV for Excel: UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting, and text
 * that would start a formula prefixed with {@code '} (actors and objects are user input).
 */
final class AuditCsv {
    private static final String BOM = "\uFEFF";
    private static final List<String> HEADER =
            List.of("id", "time", "actor", "address", "action", "object type", "object id", "before", "after");

    private AuditCsv() {}

    static String of(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, HEADER);
        for (AuditEntry e : entries) {
            row(
                    csv,
                    List.of(
                            String.valueOf(e.id()),
                            e.at().toString(),
                            text(e.actor()),
                            text(e.address()),
                            e.action().name(),
                            text(e.objectType()),
                            text(e.objectId()),
                            e.before() == null ? "" : e.before().toString(),
                            e.after() == null ? "" : e.after().toString()));
        }
        return csv.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void row(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(AuditCsv::cell).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}

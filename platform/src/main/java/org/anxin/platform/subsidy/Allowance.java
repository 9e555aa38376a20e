package org.anxin.platform.subsidy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A monthly allowance: yuan (kept in fen) or hours of service (kept in minutes), or none yet. */
record Allowance(Integer cents, Integer minutes) {
    static final Allowance NONE = new Allowance(null, null);

    boolean isSet() {
        return cents != null || minutes != null;
    }

    String text() {
        if (cents != null) {
            return yuan(cents) + " yuan a month";
        }
        return minutes != null ? hours(minutes) + " a month" : "no allowance";
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("yuan", cents == null ? null : BigDecimal.valueOf(cents, 2));
        json.put(
                "hours",
                minutes == null
                        ? null
                        : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
        return json;
    }

    static String yuan(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** "2 h", "1 h 30 min", "45 min". */
    static String hours(int minutes) {
        if (minutes % 60 == 0) {
            return minutes / 60 + " h";
        }
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}

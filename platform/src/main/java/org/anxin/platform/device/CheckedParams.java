package org.anxin.platform.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.anxin.platform.system.ApiProblem;

/** The checked parameters of one device command, in the columns they are stored in. */
record CheckedParams(String numbers, String number, Integer seconds, String at) {
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    static CheckedParams stored(DeviceCommands.DeviceCommand c) {
        List<String> numbers = c.params().numbers();
        return new CheckedParams(
                numbers == null ? null : String.join(",", numbers),
                c.params().number(),
                c.params().seconds(),
                c.params().at());
    }

    static CheckedParams of(String type, Map<String, Object> params) {
        Set<String> allowed =
                switch (type) {
                    case "SOS_NUMBERS" -> Set.of("numbers");
                    case "UPLOAD_INTERVAL" -> Set.of("seconds");
                    case "CALL_BACK", "MONITOR" -> Set.of("number");
                    case DeviceCommands.REMIND -> Set.of("at");
                    default -> Set.of();
                };
        for (String key : params.keySet()) {
            if (!allowed.contains(key)) {
                throw ApiProblem.badRequest(
                        type + (allowed.isEmpty() ? " takes no params" : " takes only " + allowed) + ", not " + key);
            }
        }
        return switch (type) {
            case "SOS_NUMBERS" -> new CheckedParams(numbers(params.get("numbers")), null, null, null);
            case "UPLOAD_INTERVAL" -> new CheckedParams(null, null, seconds(params.get("seconds")), null);
            case "CALL_BACK", "MONITOR" -> new CheckedParams(null, phone(params.get("number"), "number"), null, null);
            case DeviceCommands.REMIND -> new CheckedParams(null, null, null, timeOfDay(params.get("at")));
            default -> new CheckedParams(null, null, null, null);
        };
    }

    private static String numbers(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > 3) {
            throw ApiProblem.badRequest("SOS_NUMBERS needs numbers: a list of 1 to 3 phone numbers");
        }
        List<String> checked = new ArrayList<>();
        for (Object n : list) {
            checked.add(phone(n, "each of numbers"));
        }
        return String.join(",", checked);
    }

    private static String phone(Object value, String what) {
        if (!(value instanceof String s) || !PHONE.matcher(s.strip()).matches()) {
            throw ApiProblem.badRequest(what + " must be a phone number (digits, an optional leading +), not " + value);
        }
        return s.strip();
    }

    private static String timeOfDay(Object value) {
        if (!(value instanceof String s) || !TIME_OF_DAY.matcher(s.strip()).matches()) {
            throw ApiProblem.badRequest("REMIND needs at: a time of day HH:mm (city time), not " + value);
        }
        return s.strip();
    }

    private static Integer seconds(Object value) {
        if (!(value instanceof Integer s) || s < 10 || s > 86_400) {
            throw ApiProblem.badRequest("UPLOAD_INTERVAL needs seconds: a whole number from 10 to 86400");
        }
        return s;
    }
}

package org.anxin.platform.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.anxin.platform.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * Requests for one operation, drawn from a seeded {@link Random}: path ids that exist and that
 * cannot (0, -1, huge, not a number, unicode), query parameters of the right type, the wrong
 * type, empty and very long, and JSON bodies built from the request schema ({@link
 * SchemaValues}), then mutated: a required field missing, a wrong type, null, a huge string, deep
 * nesting, broken JSON, the wrong content type. Webhooks get form fields as Twilio sends them,
 * signed or not.
 */
final class ApiInputs {
    /** What exists on the platform, so some requests get past "not found" to the code behind. */
    record Existing(List<Long> ids, String deviceId, String victim, String month) {}

    /** One request to send; {@code form} and {@code signed} are for webhooks, {@code body} for the rest. */
    record Request(
            String method,
            String pathAndQuery,
            String contentType,
            String body,
            Map<String, String> form,
            boolean signed,
            boolean wellFormedPath,
            String mutation) {
        @Override
        public String toString() {
            String shown = form != null ? "form " + form + (signed ? " (signed)" : " (unsigned)") : body;
            if (shown != null && shown.length() > 300) {
                shown = shown.substring(0, 300) + "… (" + shown.length() + " chars)";
            }
            return method + " " + abbreviate(pathAndQuery) + " [" + mutation + "] "
                    + (contentType == null ? "" : contentType + " ") + (shown == null ? "" : shown);
        }
    }

    private static final String HUGE_TEXT = "长".repeat(20_000);
    private static final List<String> HOSTILE = List.of(
            "0",
            "-1",
            "9223372036854775807",
            "-9223372036854775808",
            "99999999999999999999",
            "1.5",
            "1e400",
            "NaN",
            "abc",
            "",
            " ",
            "null",
            "true",
            "中文",
            "😀",
            "\u0000",
            "a\u0000b",
            "\u202e",
            "' or 1=1 --",
            "<script>x</script>",
            "../../etc/passwd",
            "2026-13-45",
            "2026-02-30T25:61:00Z",
            "P-1D",
            "x".repeat(3_000));
    private static final List<Object> WRONG_TYPES =
            List.of("abc", 12345, -1, true, List.of(), Map.of(), 1.5, "", "2026-99-99", Map.of("a", List.of(1)));
    private static final List<Object> EXTREME_NUMBERS = List.of(
            0,
            -1,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            new java.math.BigInteger("99999999999999999999999"),
            1e308,
            -1e308,
            Double.MIN_VALUE,
            2147483648L,
            -2147483649L);
    private static final List<String> TWILIO_FIELDS = List.of(
            "CallSid",
            "ParentCallSid",
            "From",
            "To",
            "Digits",
            "DialCallStatus",
            "CallStatus",
            "CallDuration",
            "ErrorCode",
            "MessageSid",
            "MessageStatus",
            "RecordingStatus",
            "RecordingUrl");

    private final SchemaValues schemaValues;
    private final Existing existing;

    ApiInputs(JsonNode docs, Existing existing) {
        this.schemaValues = new SchemaValues(docs, existing);
        this.existing = existing;
    }

    Request next(ApiOperation operation, Random random) {
        boolean[] wellFormed = {true};
        StringBuilder path = new StringBuilder();
        String template = operation.path();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                path.append(template, at, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            path.append(template, at, open);
            String name = template.substring(open + 1, close);
            String value = pathValue(operation, name, random, wellFormed);
            path.append(encodePath(value));
            at = close + 1;
        }
        path.append(query(operation, random));
        if (operation.webhook()) {
            return webhook(operation, path.toString(), random, wellFormed[0]);
        }
        if (operation.bodySchema() == null) {
            if (!operation.method().equals("GET") && random.nextInt(4) == 0) {
                String junk = random.nextBoolean()
                        ? "{\"x\":"
                        : HttpApi.JSON.writeValueAsString(schemaValues.value(null, 0, random));
                return new Request(
                        operation.method(),
                        path.toString(),
                        "application/json",
                        junk,
                        null,
                        false,
                        wellFormed[0],
                        "junk body");
            }
            return new Request(operation.method(), path.toString(), null, null, null, false, wellFormed[0], "no body");
        }
        Object body = schemaValues.value(operation.bodySchema(), 0, random);
        return mutated(operation, path.toString(), body, random, wellFormed[0]);
    }

    private String pathValue(ApiOperation operation, String name, Random random, boolean[] wellFormed) {
        if (random.nextInt(4) < 3) {
            JsonNode schema = parameterSchema(operation, name);
            if (name.equals("username")) {
                return existing.victim();
            }
            if (name.equals("month")) {
                return existing.month();
            }
            if (operation.path().startsWith("/api/devices/{id}") && name.equals("id")) {
                return existing.deviceId();
            }
            Object value = schemaValues.value(schema, 0, random);
            return String.valueOf(value);
        }
        String hostile = pick(HOSTILE, random);
        JsonNode schema = parameterSchema(operation, name);
        if (schemaValues.isNumeric(schema) && !hostile.matches("-?[0-9]{1,19}")) {
            wellFormed[0] = false;
        }
        if (hostile.isBlank() || hostile.contains("/") || hostile.contains("\u0000")) {
            wellFormed[0] = false;
        }
        return hostile;
    }

    private String query(ApiOperation operation, Random random) {
        List<String> pairs = new ArrayList<>();
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("query")) {
                continue;
            }
            int draw = random.nextInt(10);
            if (draw < 2) {
                continue;
            }
            String value = draw < 7
                    ? String.valueOf(schemaValues.named(parameter.name(), parameter.schema(), 0, random))
                    : pick(HOSTILE, random);
            pairs.add(encode(parameter.name()) + "=" + encode(value));
        }
        switch (random.nextInt(12)) {
            case 0 -> pairs.add("unknown=" + encode(pick(HOSTILE, random)));
            case 1 -> pairs.add("%zz=%E4%B8"); // percent-encoding cut short
            default -> {}
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private Request webhook(ApiOperation operation, String path, Random random, boolean wellFormed) {
        Map<String, String> form = new TreeMap<>();
        for (String field : TWILIO_FIELDS) {
            if (random.nextBoolean()) {
                form.put(field, twilioValue(field, random));
            }
        }
        boolean signed = random.nextBoolean();
        return new Request(
                "POST",
                path,
                "application/x-www-form-urlencoded",
                null,
                form,
                signed,
                wellFormed,
                signed ? "signed webhook" : "unsigned webhook");
    }

    private static String twilioValue(String field, Random random) {
        if (random.nextInt(3) == 0) {
            return pick(HOSTILE, random);
        }
        return switch (field) {
            case "CallSid", "ParentCallSid" -> "CA" + hex(random, 32);
            case "MessageSid" -> "SM" + hex(random, 32);
            case "From", "To" -> random.nextBoolean() ? "+861390000" + (1000 + random.nextInt(9000)) : "+8657112349";
            case "Digits" -> String.valueOf(random.nextInt(10));
            case "CallStatus", "DialCallStatus", "MessageStatus" -> pick(
                    List.of("completed", "busy", "no-answer", "failed", "canceled", "in-progress", "delivered"),
                    random);
            case "RecordingStatus" -> "completed";
            case "RecordingUrl" -> "https://api.twilio.com/recordings/RE" + hex(random, 32);
            case "CallDuration" -> String.valueOf(random.nextInt(600));
            default -> String.valueOf(random.nextInt(30_000));
        };
    }

    private Request mutated(ApiOperation operation, String path, Object body, Random random, boolean wellFormed) {
        String json = "application/json";
        String method = operation.method();
        int mutation = Math.max(0, random.nextInt(20) - 6); // 0 and 1 (valid): four in ten
        String name;
        Object changed = body;
        switch (mutation) {
            case 0, 1 -> name = "valid";
            case 2 -> {
                name = "required field missing";
                changed = withoutRequired(operation.bodySchema(), body, random);
            }
            case 3 -> {
                name = "wrong type";
                changed = withField(body, random, pick(WRONG_TYPES, random), false);
            }
            case 4 -> {
                name = "null field";
                changed = withField(body, random, null, false);
            }
            case 5 -> {
                name = "huge string";
                changed = withField(body, random, HUGE_TEXT, false);
            }
            case 6 -> {
                name = "extreme number";
                changed = withField(body, random, pick(EXTREME_NUMBERS, random), false);
            }
            case 7 -> {
                name = "hostile string";
                changed = withField(body, random, pick(HOSTILE, random), false);
            }
            case 8 -> {
                name = "deep nesting";
                int depth = 2_000 + random.nextInt(3_000);
                return new Request(
                        method, path, json, "[".repeat(depth) + "]".repeat(depth), null, false, wellFormed, name);
            }
            case 9 -> {
                name = "invalid JSON";
                String text = HttpApi.JSON.writeValueAsString(body);
                String broken = random.nextBoolean()
                        ? text.substring(0, random.nextInt(Math.max(1, text.length())))
                        : pick(List.of("{", "{\"a\":}", "nul", "{'a':1}", "\u0000", "{\"a\":1,}", "]"), random);
                return new Request(method, path, json, broken, null, false, wellFormed, name);
            }
            case 10 -> {
                name = "wrong content type";
                String type =
                        pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded"), random);
                return new Request(
                        method,
                        path,
                        type,
                        type.contains("form") ? "a=1&b=%zz" : HttpApi.JSON.writeValueAsString(body),
                        null,
                        false,
                        wellFormed,
                        name);
            }
            case 11 -> {
                name = "empty body";
                return new Request(method, path, json, "", null, false, wellFormed, name);
            }
            case 12 -> {
                name = "not an object";
                changed = pick(List.of(List.of(), "text", 42, List.of(body)), random);
            }
            default -> {
                name = "unknown field";
                changed = withUnknownField(body);
            }
        }
        return new Request(method, path, json, HttpApi.JSON.writeValueAsString(changed), null, false, wellFormed, name);
    }

    private static JsonNode parameterSchema(ApiOperation operation, String name) {
        return operation.parameters().stream()
                .filter(p -> p.name().equals(name))
                .map(ApiOperation.Parameter::schema)
                .findFirst()
                .orElse(null);
    }

    /** The body with one property set to {@code replacement} (or removed); a map body only. */
    @SuppressWarnings("unchecked")
    private static Object withField(Object body, Random random, Object replacement, boolean remove) {
        if (!(body instanceof Map<?, ?> map) || map.isEmpty()) {
            return replacement == null && !remove ? null : body;
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        List<String> keys = new ArrayList<>(copy.keySet());
        String key = keys.get(random.nextInt(keys.size()));
        if (remove) {
            copy.remove(key);
        } else {
            copy.put(key, replacement);
        }
        return copy;
    }

    /** The body without one of the fields its schema requires (any field when it requires none). */
    @SuppressWarnings("unchecked")
    private Object withoutRequired(JsonNode schema, Object body, Random random) {
        List<String> required = new ArrayList<>();
        schemaValues.resolve(schema).path("required").forEach(r -> required.add(r.asString()));
        if (required.isEmpty() || !(body instanceof Map<?, ?> map)) {
            return withField(body, random, null, true);
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        copy.remove(required.get(random.nextInt(required.size())));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object withUnknownField(Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            return body;
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        copy.put("notAField", Map.of("nested", List.of(1, "two")));
        return copy;
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String hex(Random random, int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePath(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}

package org.anxin.platform.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.anxin.platform.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * Requests for one operation, drawn from a seeded {@link Random}: path ids that exist and that
 * cannot (0, -1, huge, not a number, unicode), query parameters of the right type, the wrong
 * type, empty and very long, and JSON bodies built from the request schema (values of the
 * schema's types and enums), then mutated: a required field missing, a wrong type, null, a huge
 * string, deep nesting, broken JSON, the wrong content type. Webhooks get form fields as Twilio
 * sends them, signed or not.
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

    private final JsonNode schemas;
    private final Existing existing;

    ApiInputs(JsonNode docs, Existing existing) {
        this.schemas = docs.path("components").path("schemas");
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
                String junk =
                        random.nextBoolean() ? "{\"x\":" : HttpApi.JSON.writeValueAsString(value(null, 0, random));
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
        Object body = value(operation.bodySchema(), 0, random);
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
            Object value = value(schema, 0, random);
            return String.valueOf(value);
        }
        String hostile = pick(HOSTILE, random);
        JsonNode schema = parameterSchema(operation, name);
        if (isNumeric(schema) && !hostile.matches("-?[0-9]{1,19}")) {
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
                    ? String.valueOf(named(parameter.name(), parameter.schema(), 0, random))
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

    /** A value for a field of this name: what such a field holds on the platform, else {@link #value}. */
    private Object named(String name, JsonNode schema, int depth, Random random) {
        JsonNode resolved = schema == null ? null : resolve(schema);
        String type = resolved == null ? "string" : type(resolved);
        String n = name.toLowerCase(Locale.ROOT);
        if (type.equals("string") && (resolved == null || !resolved.has("enum")) && random.nextInt(5) > 0) {
            if (n.contains("phone")) {
                return "1380000" + (1000 + random.nextInt(9000));
            }
            switch (n) {
                case "username" -> {
                    return "fz" + random.nextInt(1_000_000);
                }
                case "password", "newpassword" -> {
                    return "fuzz-password-" + random.nextInt(1000);
                }
                case "month" -> {
                    return existing.month();
                }
                case "deviceid" -> {
                    return existing.deviceId();
                }
                case "community" -> {
                    return "福祉社区";
                }
                case "area", "parent" -> {
                    return "FZ-S";
                }
                case "id", "code" -> {
                    return "fz-" + random.nextInt(1_000_000);
                }
                default -> {}
            }
        }
        if (type.equals("number") && n.startsWith("lat")) {
            return 30.2 + random.nextDouble() / 10;
        }
        if (type.equals("number") && (n.startsWith("lon") || n.startsWith("lng"))) {
            return 120.1 + random.nextDouble() / 10;
        }
        return value(schema, depth, random);
    }

    /** A value of the schema's type: an enum's constant, a date for a date, an existing id for an id. */
    Object value(JsonNode schema, int depth, Random random) {
        if (schema == null || schema.isMissingNode()) {
            return pick(List.of((Object) "text", 1L, true), random);
        }
        schema = resolve(schema);
        for (String any : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(any) && !schema.get(any).isEmpty()) {
                return value(schema.get(any).get(0), depth, random);
            }
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).asString();
        }
        String type = type(schema);
        String format = schema.path("format").asString("");
        return switch (type) {
            case "object" -> object(schema, depth, random);
            case "array" -> {
                List<Object> items = new ArrayList<>();
                int n = depth > 3 ? 0 : random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    items.add(value(schema.path("items"), depth + 1, random));
                }
                yield items;
            }
            case "integer" -> schema.has("minimum") || schema.has("maximum")
                    ? (Object) (long) between(schema, random)
                    : random.nextInt(3) > 0
                            ? (Object) pick(existing.ids(), random)
                            : (Object) (long) random.nextInt(100);
            case "number" -> schema.has("minimum") || schema.has("maximum")
                    ? between(schema, random)
                    : 30 + random.nextDouble() * 91;
            case "boolean" -> random.nextBoolean();
            default -> string(format, schema, random);
        };
    }

    private Map<String, Object> object(JsonNode schema, int depth, Random random) {
        Map<String, Object> object = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (required.contains(property.getKey()) || random.nextInt(10) < 7) {
                object.put(property.getKey(), named(property.getKey(), property.getValue(), depth + 1, random));
            }
        }
        return object;
    }

    private String string(String format, JsonNode schema, Random random) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(random.nextInt(14) - 3);
        String text =
                switch (format) {
                    case "date-time" -> now.withNano(0).toString();
                    case "date" -> LocalDate.from(now).toString();
                    case "time", "partial-time" -> String.format(
                            Locale.ROOT, "%02d:%02d:00", random.nextInt(24), random.nextInt(60));
                    case "duration" -> "PT" + (1 + random.nextInt(120)) + "M";
                    default -> pick(
                            List.of(
                                    "fuzz",
                                    "西湖区文三路 1 号",
                                    "13800000000",
                                    existing.deviceId(),
                                    existing.victim(),
                                    existing.month(),
                                    YearMonth.from(now).toString(),
                                    LocalDate.from(now).toString(),
                                    "09:30",
                                    "https://example.com/x"),
                            random);
                };
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** Within the schema's minimum and maximum. */
    private static double between(JsonNode schema, Random random) {
        double min = schema.path("minimum").asDouble(0);
        double max = schema.has("maximum") ? schema.get("maximum").asDouble() : min + 100;
        return Math.floor(min + random.nextDouble() * (max - min));
    }

    private JsonNode resolve(JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < 10; hops++) {
            String ref = schema.get("$ref").asString();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isMissingNode() && schema.has("properties")) {
            return "object";
        }
        return type.asString("string");
    }

    private boolean isNumeric(JsonNode schema) {
        String type = type(resolve(schema));
        return type.equals("integer") || type.equals("number");
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
        resolve(schema).path("required").forEach(r -> required.add(r.asString()));
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

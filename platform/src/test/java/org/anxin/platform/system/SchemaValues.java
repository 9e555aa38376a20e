package org.anxin.platform.system;

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
import tools.jackson.databind.JsonNode;

/**
 * Values that fit a schema of {@code /v3/api-docs}: an enum's constant, a date for a date, numbers
 * within the bounds, an existing id for an integer, and for a field of a known name (phone,
 * lat/lon, username, community …) what such a field holds on the platform.
 */
final class SchemaValues {
    private final JsonNode schemas;
    private final ApiInputs.Existing existing;

    SchemaValues(JsonNode docs, ApiInputs.Existing existing) {
        this.schemas = docs.path("components").path("schemas");
        this.existing = existing;
    }

    /** A value for a field of this name: what such a field holds on the platform, else {@link #value}. */
    Object named(String name, JsonNode schema, int depth, Random random) {
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

    JsonNode resolve(JsonNode schema) {
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

    boolean isNumeric(JsonNode schema) {
        String type = type(resolve(schema));
        return type.equals("integer") || type.equals("number");
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}

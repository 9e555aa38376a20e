package org.anxin.gateway.device;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Turns an MQTT device's JSON payload into a {@link DeviceEvent}.
 *
 * <p>Example payload (docs/events/samples.json, {@code mqtt-sos-with-fix}):
 * {@code {"type":"SOS","ts":"2026-11-22T08:00:00Z","lat":41.55,"lon":121.24,"battery":80}}
 *
 * <p>The payload is read as a stream of tokens, not as a tree: only the contract's top-level names
 * are kept (the last one wins when a name repeats, as a tree would have it), anything else is
 * skipped whole, and the values are checked only once the whole payload has been read, so a
 * payload that is not JSON is "malformed JSON" whatever its first fields said.
 */
public final class MqttPayloadParser {
    /**
     * Buffers recycled per thread: parsing runs on the few, fixed event-loop threads, and the default
     * pool (one deque shared by all threads) was a point of contention between them.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            .build();

    private MqttPayloadParser() {}

    public static DeviceEvent parse(String deviceId, String payload, Instant receivedAt) throws RejectedPayload {
        Fields fields = read(payload);
        EventType type = type(fields.type);
        return new DeviceEvent(
                EventIds.next(),
                deviceId,
                "mqtt",
                type,
                deviceTime(fields.ts),
                receivedAt,
                position(fields.lat, fields.lon),
                battery(fields.battery),
                vendorCode(fields.code),
                type == EventType.VITALS ? vitals(fields).toAttrs() : null,
                payload);
    }

    /** The contract's top-level values of one JSON object, and nothing else. */
    private static Fields read(String payload) throws RejectedPayload {
        Fields fields = new Fields();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), payload)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RejectedPayload("malformed JSON: not an object");
            }
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                requireEnd(parser);
                throw new RejectedPayload("malformed JSON: not an object");
            }
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "type" -> fields.type = Scalar.of(parser, token);
                    case "ts" -> fields.ts = Scalar.of(parser, token);
                    case "lat" -> fields.lat = Scalar.of(parser, token);
                    case "lon" -> fields.lon = Scalar.of(parser, token);
                    case "battery" -> fields.battery = Scalar.of(parser, token);
                    case "code" -> fields.code = Scalar.of(parser, token);
                    case "heartRate" -> fields.heartRate = Scalar.of(parser, token);
                    case "systolic" -> fields.systolic = Scalar.of(parser, token);
                    case "diastolic" -> fields.diastolic = Scalar.of(parser, token);
                    case "spo2" -> fields.spo2 = Scalar.of(parser, token);
                    case "temperature" -> fields.temperature = Scalar.of(parser, token);
                    case "steps" -> fields.steps = Scalar.of(parser, token);
                    default -> parser.skipChildren();
                }
            }
            requireEnd(parser);
        } catch (JacksonException e) {
            throw new RejectedPayload("malformed JSON");
        }
        return fields;
    }

    /** Nothing may follow the value (a tree read refuses trailing tokens too). */
    private static void requireEnd(JsonParser parser) throws RejectedPayload {
        if (parser.nextToken() != null) {
            throw new RejectedPayload("malformed JSON");
        }
    }

    /** {@code {"type":"VITALS","heartRate":72,"systolic":120,"diastolic":80,"spo2":97,"temperature":36.6,"steps":1234}}. */
    private static Vitals vitals(Fields fields) throws RejectedPayload {
        Vitals vitals;
        try {
            vitals = new Vitals(
                    whole(fields.heartRate, "heartRate"),
                    whole(fields.systolic, "systolic"),
                    whole(fields.diastolic, "diastolic"),
                    whole(fields.spo2, "spo2"),
                    decimal(fields.temperature, "temperature"),
                    whole(fields.steps, "steps"));
        } catch (IllegalArgumentException e) {
            throw new RejectedPayload(e.getMessage());
        }
        if (vitals.isEmpty()) {
            throw new RejectedPayload("VITALS without a reading");
        }
        return vitals;
    }

    private static Integer whole(Scalar value, String name) throws RejectedPayload {
        if (Scalar.absent(value)) {
            return null;
        }
        if (!value.fitsInt()) {
            throw new RejectedPayload(name + " must be a whole number");
        }
        return value.intValue;
    }

    private static BigDecimal decimal(Scalar value, String name) throws RejectedPayload {
        if (Scalar.absent(value)) {
            return null;
        }
        if (!value.isNumber()) {
            throw new RejectedPayload(name + " must be a number");
        }
        return value.exactDecimal();
    }

    private static EventType type(Scalar value) throws RejectedPayload {
        if (Scalar.absent(value)) {
            throw new RejectedPayload("missing type");
        }
        if (value.kind != Kind.STRING) {
            throw new RejectedPayload("type must be a string");
        }
        EventType type = EventType.named(value.text)
                .orElseThrow(() -> new RejectedPayload("unknown type " + preview(value.text)));
        if (!type.deviceMaySend()) {
            throw new RejectedPayload("type " + type + " is made only by the gateway");
        }
        return type;
    }

    private static Instant deviceTime(Scalar value) throws RejectedPayload {
        if (Scalar.absent(value)) {
            return null;
        }
        if (value.kind != Kind.STRING) {
            throw new RejectedPayload("ts is not ISO-8601");
        }
        try {
            return OffsetDateTime.parse(value.text).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedPayload("ts is not ISO-8601 with a zone: " + preview(value.text));
        }
    }

    private static Position position(Scalar lat, Scalar lon) throws RejectedPayload {
        boolean hasLat = !Scalar.absent(lat);
        boolean hasLon = !Scalar.absent(lon);
        if (!hasLat && !hasLon) {
            return null;
        }
        if (hasLat != hasLon) {
            throw new RejectedPayload("lat and lon must come together");
        }
        if (!lat.isNumber() || !lon.isNumber()) {
            throw new RejectedPayload("lat and lon must be numbers");
        }
        try {
            return new Position(lat.exactDecimal(), lon.exactDecimal());
        } catch (IllegalArgumentException e) {
            throw new RejectedPayload(e.getMessage());
        }
    }

    private static Integer battery(Scalar value) throws RejectedPayload {
        if (Scalar.absent(value)) {
            return null;
        }
        if (!value.fitsInt() || value.intValue < 0 || value.intValue > 100) {
            throw new RejectedPayload("battery out of range (integer 0-100)");
        }
        return value.intValue;
    }

    private static String vendorCode(Scalar value) throws RejectedPayload {
        if (Scalar.absent(value)) {
            return null;
        }
        if (value.kind != Kind.STRING && value.kind != Kind.INTEGER) {
            throw new RejectedPayload("code must be a string or an integer");
        }
        String code =
                value.kind == Kind.STRING ? value.text : value.bigInteger().toString();
        if (code.length() > 64) {
            throw new RejectedPayload("code longer than 64 characters");
        }
        return code;
    }

    private static String preview(String value) {
        return value.length() <= 32 ? value : value.substring(0, 32) + "…";
    }

    /** The contract's names, each null while the payload did not have it. */
    private static final class Fields {
        Scalar type;
        Scalar ts;
        Scalar lat;
        Scalar lon;
        Scalar battery;
        Scalar code;
        Scalar heartRate;
        Scalar systolic;
        Scalar diastolic;
        Scalar spo2;
        Scalar temperature;
        Scalar steps;
    }

    private enum Kind {
        NULL,
        STRING,
        INTEGER,
        FLOAT,
        /** An object, an array or a boolean: never a valid value of a contract name. */
        OTHER
    }

    /** One value as read: what a field's checks need of it, whatever its kind. */
    private static final class Scalar {
        final Kind kind;
        String text;
        /** The value when {@link #kind} is INTEGER and it fits an int. */
        int intValue;

        boolean fitsInt;
        BigInteger big;
        double floating;

        private Scalar(Kind kind) {
            this.kind = kind;
        }

        /** Reads the value the parser is on (skipping an object's or array's content). */
        static Scalar of(JsonParser parser, JsonToken token) {
            switch (token) {
                case VALUE_NULL -> {
                    return new Scalar(Kind.NULL);
                }
                case VALUE_STRING -> {
                    Scalar value = new Scalar(Kind.STRING);
                    value.text = parser.getString();
                    return value;
                }
                case VALUE_NUMBER_INT -> {
                    Scalar value = new Scalar(Kind.INTEGER);
                    if (parser.getNumberType() == JsonParser.NumberType.INT) {
                        value.fitsInt = true;
                        value.intValue = parser.getIntValue();
                    } else {
                        value.big = parser.getBigIntegerValue();
                    }
                    return value;
                }
                case VALUE_NUMBER_FLOAT -> {
                    Scalar value = new Scalar(Kind.FLOAT);
                    value.floating = parser.getDoubleValue();
                    return value;
                }
                default -> {
                    parser.skipChildren();
                    return new Scalar(Kind.OTHER);
                }
            }
        }

        static boolean absent(Scalar value) {
            return value == null || value.kind == Kind.NULL;
        }

        boolean isNumber() {
            return kind == Kind.INTEGER || kind == Kind.FLOAT;
        }

        boolean fitsInt() {
            return kind == Kind.INTEGER && fitsInt;
        }

        BigInteger bigInteger() {
            return fitsInt ? BigInteger.valueOf(intValue) : big;
        }

        /**
         * The number as the device wrote it: a whole number exactly, a fraction as its double's
         * shortest decimal form (41.55 stays "41.55").
         *
         * @throws NumberFormatException for a fraction beyond a double's range
         */
        BigDecimal exactDecimal() {
            return kind == Kind.INTEGER ? new BigDecimal(bigInteger()) : BigDecimal.valueOf(floating);
        }
    }
}

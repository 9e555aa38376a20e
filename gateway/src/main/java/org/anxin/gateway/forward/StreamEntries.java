package org.anxin.gateway.forward;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * Events as the bytes of their stream entries (docs/events.md). A single entry (contract v1, the
 * alarm lane) has the same fields, in the same order, with the same text as
 * {@link DeviceEvent#toStreamFields(String)}; a batch entry (contract v2, the events lane) holds
 * several events of one stream: {@code v} {@code 2}, the {@code gatewayNode}, and {@code events}, a
 * JSON array of the events' other v1 fields, names and string values as in a single entry. One
 * XADD per batch instead of per event: for Redis, that is one command to parse, one stream entry
 * to append, one reply, instead of as many as events (issue 15: Redis' share of the CPU per
 * message). Field names, the gateway node and the stream keys are encoded once, and the times
 * formatted without a {@code DateTimeFormatter} run each. One per forwarder thread (not
 * thread-safe).
 */
final class StreamEntries {
    private static final String BATCH_VERSION = "2";
    private static final byte[] NEW_ID = bytes("*");

    /** The contract's field names, in contract order; the constants below index them. */
    private static final String[] NAMES = {
        "v",
        "eventId",
        "deviceId",
        "protocol",
        "type",
        "deviceTime",
        "receivedAt",
        "lat",
        "lon",
        "battery",
        "gatewayNode",
        "vendorCode",
        "attrs",
        "raw"
    };

    private static final int V = 0;
    private static final int EVENT_ID = 1;
    private static final int DEVICE_ID = 2;
    private static final int PROTOCOL = 3;
    private static final int TYPE = 4;
    private static final int DEVICE_TIME = 5;
    private static final int RECEIVED_AT = 6;
    private static final int LAT = 7;
    private static final int LON = 8;
    private static final int BATTERY = 9;
    private static final int GATEWAY_NODE = 10;
    private static final int VENDOR_CODE = 11;
    private static final int ATTRS = 12;
    private static final int RAW = 13;
    private static final byte[][] NAME_BYTES = new byte[NAMES.length][];
    private static final SerializedString[] JSON_NAMES = new SerializedString[NAMES.length];
    private static final byte[] BATCH = bytes(BATCH_VERSION);
    private static final byte[] EVENTS = bytes("events");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    static {
        for (int i = 0; i < NAMES.length; i++) {
            NAME_BYTES[i] = bytes(NAMES[i]);
            JSON_NAMES[i] = new SerializedString(NAMES[i]);
        }
    }

    private final EventStreams streams;
    private final String gatewayNode;
    private final byte[] gatewayNodeBytes;
    private final byte[][] eventKeys;
    private final byte[][] alarmKeys;
    private final IsoInstants instants = new IsoInstants();
    private final ByteArrayOutputStream json = new ByteArrayOutputStream(16 * 1024);

    StreamEntries(EventStreams streams, String gatewayNode) {
        this.streams = streams;
        this.gatewayNode = gatewayNode;
        this.gatewayNodeBytes = bytes(gatewayNode);
        this.eventKeys = new byte[streams.partitions()][];
        this.alarmKeys = new byte[streams.partitions()][];
        for (int p = 0; p < streams.partitions(); p++) {
            eventKeys[p] = bytes("anxin:events:" + p);
            alarmKeys[p] = bytes("anxin:alarms:" + p);
        }
    }

    /**
     * The stream the event goes to: {@link EventStreams#keyOf(String, EventType)}, as bytes, the
     * same array for every event of a stream (so it may key an identity map).
     */
    byte[] key(DeviceEvent event) {
        int partition = streams.partitionOf(event.deviceId());
        return EventStreams.ALARM_LANE.contains(event.type()) ? alarmKeys[partition] : eventKeys[partition];
    }

    /** The XADD of a single entry: the stream key, {@code *}, then each field's name and value, in contract order. */
    byte[][] xaddArgs(DeviceEvent event) {
        byte[][] args = new byte[2 + 2 * NAMES.length][];
        args[0] = key(event);
        args[1] = NEW_ID;
        int[] n = {2};
        fields(event, true, (name, value) -> {
            args[n[0]++] = NAME_BYTES[name];
            args[n[0]++] = name == GATEWAY_NODE ? gatewayNodeBytes : bytes(value);
        });
        return n[0] == args.length ? args : Arrays.copyOf(args, n[0]);
    }

    /**
     * The XADD of a batch entry: {@code key}, {@code *}, {@code v 2}, {@code gatewayNode},
     * {@code events}. Every event must belong to {@code key} ({@link #key(DeviceEvent)}); they keep
     * their order.
     */
    byte[][] xaddBatchArgs(byte[] key, List<DeviceEvent> events) {
        json.reset();
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), json)) {
            out.writeStartArray();
            for (DeviceEvent event : events) {
                out.writeStartObject();
                fields(event, false, (name, value) -> {
                    out.writeName(JSON_NAMES[name]);
                    out.writeString(value);
                });
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        return new byte[][] {
            key, NEW_ID, NAME_BYTES[V], BATCH, NAME_BYTES[GATEWAY_NODE], gatewayNodeBytes, EVENTS, json.toByteArray()
        };
    }

    /**
     * The event's fields in contract order; {@code v} and {@code gatewayNode} only when
     * {@code single} (a batch entry holds them once, for all its events).
     */
    private void fields(DeviceEvent event, boolean single, FieldSink out) {
        if (single) {
            out.put(V, DeviceEvent.CONTRACT_VERSION);
        }
        out.put(EVENT_ID, event.eventId().toString());
        out.put(DEVICE_ID, event.deviceId());
        out.put(PROTOCOL, event.protocol());
        out.put(TYPE, event.type().name());
        if (event.deviceTime() != null) {
            out.put(DEVICE_TIME, instants.format(event.deviceTime()));
        }
        out.put(RECEIVED_AT, instants.format(event.receivedAt()));
        if (event.position() != null) {
            out.put(LAT, event.position().lat().toPlainString());
            out.put(LON, event.position().lon().toPlainString());
        }
        if (event.battery() != null) {
            out.put(BATTERY, event.battery().toString());
        }
        if (single) {
            out.put(GATEWAY_NODE, gatewayNode);
        }
        if (event.vendorCode() != null) {
            out.put(VENDOR_CODE, event.vendorCode());
        }
        if (event.attrs() != null) {
            out.put(ATTRS, event.attrs());
        }
        out.put(RAW, event.raw());
    }

    @FunctionalInterface
    private interface FieldSink {
        /** A field, named by its index in {@link #NAMES}. */
        void put(int name, String value);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

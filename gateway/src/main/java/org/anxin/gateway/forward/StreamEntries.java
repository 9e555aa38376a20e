package org.anxin.gateway.forward;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventType;

/**
 * An event as the bytes of its stream entry: the same fields, in the same order, with the same
 * text as {@link DeviceEvent#toStreamFields(String)} (the contract the platform reads, docs/events.md),
 * but with the field names, the gateway node and the stream keys encoded once instead of per
 * event, and the times formatted without a {@code DateTimeFormatter} run each. One per forwarder
 * thread (not thread-safe).
 */
final class StreamEntries {
    private static final byte[] V = bytes("v");
    private static final byte[] CONTRACT = bytes(DeviceEvent.CONTRACT_VERSION);
    private static final byte[] EVENT_ID = bytes("eventId");
    private static final byte[] DEVICE_ID = bytes("deviceId");
    private static final byte[] PROTOCOL = bytes("protocol");
    private static final byte[] TYPE = bytes("type");
    private static final byte[] DEVICE_TIME = bytes("deviceTime");
    private static final byte[] RECEIVED_AT = bytes("receivedAt");
    private static final byte[] LAT = bytes("lat");
    private static final byte[] LON = bytes("lon");
    private static final byte[] BATTERY = bytes("battery");
    private static final byte[] GATEWAY_NODE = bytes("gatewayNode");
    private static final byte[] VENDOR_CODE = bytes("vendorCode");
    private static final byte[] ATTRS = bytes("attrs");
    private static final byte[] RAW = bytes("raw");
    private static final byte[][] TYPES = new byte[EventType.values().length][];

    static {
        for (EventType type : EventType.values()) {
            TYPES[type.ordinal()] = bytes(type.name());
        }
    }

    private final EventStreams streams;
    private final byte[] gatewayNode;
    private final byte[][] eventKeys;
    private final byte[][] alarmKeys;
    private final IsoInstants instants = new IsoInstants();

    StreamEntries(EventStreams streams, String gatewayNode) {
        this.streams = streams;
        this.gatewayNode = bytes(gatewayNode);
        this.eventKeys = new byte[streams.partitions()][];
        this.alarmKeys = new byte[streams.partitions()][];
        for (int p = 0; p < streams.partitions(); p++) {
            eventKeys[p] = bytes("anxin:events:" + p);
            alarmKeys[p] = bytes("anxin:alarms:" + p);
        }
    }

    /** The stream the event goes to: {@link EventStreams#keyOf(String, EventType)}, as bytes. */
    byte[] key(DeviceEvent event) {
        int partition = streams.partitionOf(event.deviceId());
        return EventStreams.ALARM_LANE.contains(event.type()) ? alarmKeys[partition] : eventKeys[partition];
    }

    Map<byte[], byte[]> fields(DeviceEvent event) {
        Map<byte[], byte[]> fields = new LinkedHashMap<>(32);
        fields.put(V, CONTRACT);
        fields.put(EVENT_ID, bytes(event.eventId().toString()));
        fields.put(DEVICE_ID, bytes(event.deviceId()));
        fields.put(PROTOCOL, bytes(event.protocol()));
        fields.put(TYPE, TYPES[event.type().ordinal()]);
        if (event.deviceTime() != null) {
            fields.put(DEVICE_TIME, bytes(instants.format(event.deviceTime())));
        }
        fields.put(RECEIVED_AT, bytes(instants.format(event.receivedAt())));
        if (event.position() != null) {
            fields.put(LAT, bytes(event.position().lat().toPlainString()));
            fields.put(LON, bytes(event.position().lon().toPlainString()));
        }
        if (event.battery() != null) {
            fields.put(BATTERY, bytes(event.battery().toString()));
        }
        fields.put(GATEWAY_NODE, gatewayNode);
        if (event.vendorCode() != null) {
            fields.put(VENDOR_CODE, bytes(event.vendorCode()));
        }
        if (event.attrs() != null) {
            fields.put(ATTRS, bytes(event.attrs()));
        }
        fields.put(RAW, bytes(event.raw()));
        return fields;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

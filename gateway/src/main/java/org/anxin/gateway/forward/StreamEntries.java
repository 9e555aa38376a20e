package org.anxin.gateway.forward;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventType;

/**
 * An event as the bytes of its stream entry: the same fields, in the same order, with the same
 * text as {@link DeviceEvent#toStreamFields(String)} (the contract the platform reads, docs/events.md),
 * but with the field names, the gateway node and the stream keys encoded once instead of per
 * event, and the times formatted without a {@code DateTimeFormatter} run each. The XADD's arguments
 * come as one array (stream key, {@code *}, then name and value by turns), with no map or
 * parameter object in between. One per forwarder thread (not thread-safe).
 */
final class StreamEntries {
    private static final byte[] NEW_ID = bytes("*");
    /** Stream key, id and 14 name/value pairs at most. */
    private static final int MAX_ARGS = 2 + 2 * 14;

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

    /** The XADD's arguments: the stream key, {@code *}, then each field's name and value, in contract order. */
    byte[][] xaddArgs(DeviceEvent event) {
        byte[][] args = new byte[MAX_ARGS][];
        int n = 0;
        args[n++] = key(event);
        args[n++] = NEW_ID;
        args[n++] = V;
        args[n++] = CONTRACT;
        args[n++] = EVENT_ID;
        args[n++] = bytes(event.eventId().toString());
        args[n++] = DEVICE_ID;
        args[n++] = bytes(event.deviceId());
        args[n++] = PROTOCOL;
        args[n++] = bytes(event.protocol());
        args[n++] = TYPE;
        args[n++] = TYPES[event.type().ordinal()];
        if (event.deviceTime() != null) {
            args[n++] = DEVICE_TIME;
            args[n++] = bytes(instants.format(event.deviceTime()));
        }
        args[n++] = RECEIVED_AT;
        args[n++] = bytes(instants.format(event.receivedAt()));
        if (event.position() != null) {
            args[n++] = LAT;
            args[n++] = bytes(event.position().lat().toPlainString());
            args[n++] = LON;
            args[n++] = bytes(event.position().lon().toPlainString());
        }
        if (event.battery() != null) {
            args[n++] = BATTERY;
            args[n++] = bytes(event.battery().toString());
        }
        args[n++] = GATEWAY_NODE;
        args[n++] = gatewayNode;
        if (event.vendorCode() != null) {
            args[n++] = VENDOR_CODE;
            args[n++] = bytes(event.vendorCode());
        }
        if (event.attrs() != null) {
            args[n++] = ATTRS;
            args[n++] = bytes(event.attrs());
        }
        args[n++] = RAW;
        args[n++] = bytes(event.raw());
        return n == args.length ? args : Arrays.copyOf(args, n);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package org.anxin.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** Per-connection state of an accepted MQTT device, kept in a channel attribute. */
final class MqttSession {
    static final AttributeKey<MqttSession> KEY = AttributeKey.valueOf("anxin.mqttSession");
    static final AttributeKey<String> OFFLINE_REASON = AttributeKey.valueOf("anxin.offlineReason");

    private final String deviceId;
    /** Compared with every PUBLISH's topic: built once. */
    private final String eventsTopic;

    private final long sessionTtlSeconds;
    private long lastSessionRefresh = System.nanoTime();
    private boolean flushDue;
    private boolean subscribedToCommands;
    private int lastPacketId;
    private String willTopic;
    private String willMessage;
    private final boolean mqtt5;
    private boolean rejectionLogged;

    MqttSession(String deviceId, long sessionTtlSeconds, boolean mqtt5) {
        this.deviceId = deviceId;
        this.eventsTopic = "anxin/v1/devices/" + deviceId + "/events";
        this.sessionTtlSeconds = sessionTtlSeconds;
        this.mqtt5 = mqtt5;
    }

    /** MQTT 5 clients hear why in reason codes; 3.1.1 clients cannot be told. */
    boolean mqtt5() {
        return mqtt5;
    }

    /** True the first time on this connection: a device repeating a bad payload is logged once. */
    boolean firstRejection() {
        boolean first = !rejectionLogged;
        rejectionLogged = true;
        return first;
    }

    static MqttSession of(Channel channel) {
        return channel.attr(KEY).get();
    }

    String deviceId() {
        return deviceId;
    }

    String eventsTopic() {
        return eventsTopic;
    }

    String commandsTopic() {
        return "anxin/v1/devices/" + deviceId + "/commands";
    }

    /** The Last Will the device left in its CONNECT; published as OFFLINE when it drops. */
    void will(String topic, String message) {
        this.willTopic = topic;
        this.willMessage = message;
    }

    String willTopic() {
        return willTopic;
    }

    String willMessage() {
        return willMessage;
    }

    boolean subscribedToCommands() {
        return subscribedToCommands;
    }

    void subscribedToCommands(boolean value) {
        subscribedToCommands = value;
    }

    /** Packet ids of the commands this gateway publishes to the device: 1…65535, then again. */
    int nextPacketId() {
        lastPacketId = lastPacketId % 0xFFFF + 1;
        return lastPacketId;
    }

    long sessionTtlSeconds() {
        return sessionTtlSeconds;
    }

    /** True at most every 10 s: the session key's TTL is refreshed by traffic, not per packet. */
    boolean sessionRefreshDue() {
        long now = System.nanoTime();
        if (now - lastSessionRefresh > 10_000_000_000L) {
            lastSessionRefresh = now;
            return true;
        }
        return false;
    }

    /**
     * True if the connection was not yet marked for the flush at the end of an ack batch (then it
     * is now); {@link #flushDone()} clears the mark. Event loop only.
     */
    boolean markFlushDue() {
        boolean first = !flushDue;
        flushDue = true;
        return first;
    }

    void flushDone() {
        flushDue = false;
    }
}

package org.anxin.gateway.protocol;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.forward.DeviceDirectory;
import org.anxin.gateway.forward.HandOff;
import org.anxin.gateway.forward.SessionRegistry;
import org.anxin.gateway.server.ClientAddress;
import org.anxin.gateway.server.ConnectionLabel;
import org.anxin.gateway.server.GatewayMetrics;
import org.anxin.gateway.server.LoginFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the TCP device protocols (watch, GT06) share: who is registered, which connection holds
 * each device on this node, its session in Redis and the ONLINE/OFFLINE events.
 */
public final class TcpDevices {
    /** Three missed 5-minute heartbeats. */
    public static final int DEFAULT_SILENCE_SECONDS = 900;

    private static final Logger log = LoggerFactory.getLogger(TcpDevices.class);
    private static final AttributeKey<Long> LAST_REFRESH = AttributeKey.valueOf("anxin.sessionRefresh");
    private static final AttributeKey<String> OFFLINE_REASON = AttributeKey.valueOf("anxin.tcpOfflineReason");
    private static final AttributeKey<Long> LAST_HEARD = AttributeKey.valueOf("anxin.lastHeard");

    private final DeviceDirectory directory;
    private final SessionRegistry sessions;
    private final HandOff handOff;
    private final ExecutorService workers;
    private final GatewayMetrics metrics;
    private final int silenceSeconds;
    private final LoginFailures loginFailures;
    // one desk flag per device and hour, however often a clone tries
    private final Cache<String, Boolean> flaggedClones = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();
    // one map per protocol, so each protocol's connection count is a size(), not a scan
    private final Map<String, Map<String, Channel>> connections =
            Map.of("watch", new ConcurrentHashMap<>(), "gt06", new ConcurrentHashMap<>());

    /** Devices silent for 15 minutes (three missed 5-minute heartbeats) are closed. */
    public TcpDevices(
            DeviceDirectory directory,
            SessionRegistry sessions,
            HandOff handOff,
            ExecutorService workers,
            GatewayMetrics metrics) {
        this(directory, sessions, handOff, workers, metrics, DEFAULT_SILENCE_SECONDS, new LoginFailures());
    }

    public TcpDevices(
            DeviceDirectory directory,
            SessionRegistry sessions,
            HandOff handOff,
            ExecutorService workers,
            GatewayMetrics metrics,
            int silenceSeconds,
            LoginFailures loginFailures) {
        this.directory = directory;
        this.sessions = sessions;
        this.handOff = handOff;
        this.workers = workers;
        this.metrics = metrics;
        this.silenceSeconds = silenceSeconds;
        this.loginFailures = loginFailures;
    }

    /** Failed logins per source address, shared with the MQTT listener. */
    public LoginFailures loginFailures() {
        return loginFailures;
    }

    /**
     * An established connection that sent nothing for this long no longer holds the device against
     * a login from another address: half the expected heartbeat interval (150 s by default).
     */
    public long quietSeconds() {
        return silenceSeconds / 6L;
    }

    /** After this long without a frame a device's connection is closed and it is offline. */
    public int silenceSeconds() {
        return silenceSeconds;
    }

    /** How long the session key lives without being refreshed by traffic: past the silence limit. */
    public long sessionTtlSeconds() {
        return silenceSeconds + 60L;
    }

    public ExecutorService workers() {
        return workers;
    }

    public HandOff handOff() {
        return handOff;
    }

    /** The device's open connection of this protocol on this node, or null. */
    public Channel connection(String protocol, String deviceId) {
        return connectionsOf(protocol).get(deviceId);
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    /**
     * Blocking (Redis): null if the id is registered for this protocol and its device group (if
     * any) allows the connection's source address; else why not, counted as a refusal. Every
     * refusal gets the same answer on the wire (the connection closed, no reply).
     */
    public String refusal(String deviceId, String protocol, Channel channel) {
        try {
            DeviceDirectory.Registration registration = directory.find(deviceId).orElse(null);
            if (registration == null || !protocol.equals(registration.protocol())) {
                metrics.refused(protocol, "unregistered");
                return "not registered as " + protocol;
            }
            String outside = directory.networkRefusal(registration, ClientAddress.of(channel));
            if (outside != null) {
                metrics.refused(protocol, "network_not_allowed");
            }
            return outside;
        } catch (RuntimeException e) {
            metrics.refused(protocol, "registry_unavailable");
            return "device registry unreachable (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Open connections of logged-in devices of one protocol on this node. */
    public int connectionCount(String protocol) {
        return connectionsOf(protocol).size();
    }

    /**
     * On the event loop, once the device is known: session, takeover of an older connection, ONLINE.
     * A device that carries no secret is known by its id alone, so a second login of the same id
     * from another address while the established connection is live is a possible clone: the
     * established one is kept, the newcomer refused (false), and the desk flagged once an hour.
     * The same address (a tracker behind NAT reconnecting), or an established connection quiet for
     * {@link #quietSeconds()}, is taken over as before.
     */
    public boolean online(String deviceId, String protocol, Channel channel, long ttlSeconds) {
        Map<String, Channel> open = connectionsOf(protocol);
        Channel previous = open.get(deviceId);
        if (previous != null && previous != channel && previous.isActive()) {
            long heardAgo = secondsSinceHeard(previous);
            boolean sameAddress = LoginFailures.addressOf(previous).equals(LoginFailures.addressOf(channel));
            if (!sameAddress && heardAgo < quietSeconds()) {
                log.warn(
                        "{} device {} logged in from {} while its connection from {} is live (heard {} s ago):"
                                + " possible clone; keeping the established one",
                        protocol,
                        deviceId,
                        ClientAddress.of(channel),
                        ClientAddress.of(previous),
                        heardAgo);
                metrics.refused(protocol, "clone_suspected");
                flagClone(deviceId, protocol, channel);
                return false;
            }
            previous.attr(OFFLINE_REASON).setIfAbsent("takeover");
            previous.close();
        }
        open.put(deviceId, channel);
        channel.attr(ConnectionLabel.DEVICE_ID).set(deviceId);
        channel.attr(LAST_REFRESH).set(System.nanoTime());
        channel.attr(LAST_HEARD).set(System.nanoTime());
        sessions.hold(
                deviceId,
                ttlSeconds,
                () -> handOff.submit(
                        DeviceEvent.connection(deviceId, protocol, EventType.ONLINE, null), HandOff.Outcome.IGNORE));
        return true;
    }

    private static long secondsSinceHeard(Channel channel) {
        Long heard = channel.attr(LAST_HEARD).get();
        return heard == null ? Long.MAX_VALUE : (System.nanoTime() - heard) / 1_000_000_000L;
    }

    /** An ALARM for the desk: {@code vendorCode} clone-suspected, the newcomer's address in attrs. */
    private void flagClone(String deviceId, String protocol, Channel newcomer) {
        if (flaggedClones.asMap().putIfAbsent(deviceId, Boolean.TRUE) != null) {
            return;
        }
        Instant now = Instant.now();
        String attrs = "{\"alarm\":\"cloneSuspected\",\"address\":\"" + LoginFailures.addressOf(newcomer) + "\"}";
        handOff.submit(
                new DeviceEvent(
                        UUID.randomUUID(),
                        deviceId,
                        protocol,
                        EventType.ALARM,
                        null,
                        now,
                        null,
                        null,
                        "clone-suspected",
                        attrs,
                        ""),
                HandOff.Outcome.IGNORE);
    }

    /** Traffic keeps the session alive; refreshed at most every 10 s. */
    public void touch(String deviceId, Channel channel, long ttlSeconds) {
        long now = System.nanoTime();
        channel.attr(LAST_HEARD).set(now);
        Long last = channel.attr(LAST_REFRESH).get();
        if (last == null || now - last > 10_000_000_000L) {
            channel.attr(LAST_REFRESH).set(now);
            sessions.hold(deviceId, ttlSeconds);
        }
    }

    /**
     * Hands the event off; once Redis has it, writes {@code replyWhenStored} (if any). If it cannot
     * be handed off the connection is closed without a reply, so the device sends it again.
     */
    public void handOff(Channel channel, DeviceEvent event, Supplier<ByteBuf> replyWhenStored) {
        boolean queued = handOff.submit(event, stored -> channel.eventLoop().execute(() -> {
            if (!stored) {
                log.warn(
                        "{} event {} not stored; closing without reply, the device resends",
                        ConnectionLabel.of(channel),
                        event.type());
                channel.attr(OFFLINE_REASON).setIfAbsent("handoff-failed");
                channel.close();
            } else if (replyWhenStored != null && channel.isActive()) {
                ByteBuf reply = replyWhenStored.get();
                if (reply != null) {
                    channel.writeAndFlush(reply);
                }
            }
        }));
        if (!queued) {
            log.warn("hand-off queue full; closing {} without reply", ConnectionLabel.of(channel));
            channel.attr(OFFLINE_REASON).setIfAbsent("handoff-failed");
            channel.close();
        } else if (handOff.congested() && channel.config().isAutoRead()) {
            // stop reading until Redis catches up: no unbounded buffering of device frames
            channel.config().setAutoRead(false);
            handOff.whenDrained(
                    () -> channel.eventLoop().execute(() -> channel.config().setAutoRead(true)));
        }
    }

    /** Closes a connection whose device missed its heartbeats; the OFFLINE event says so. */
    public void silent(Channel channel) {
        log.info("{} silent too long (missed heartbeats); closing", ConnectionLabel.of(channel));
        channel.attr(OFFLINE_REASON).setIfAbsent("heartbeat-silence");
        channel.close();
    }

    public void offline(String deviceId, String protocol, Channel channel) {
        if (connectionsOf(protocol).remove(deviceId, channel)) {
            sessions.release(deviceId);
        }
        String reason = channel.attr(OFFLINE_REASON).get();
        handOff.submit(
                DeviceEvent.connection(
                        deviceId,
                        protocol,
                        EventType.OFFLINE,
                        "{\"reason\":\"" + (reason == null ? "closed" : reason) + "\"}"),
                HandOff.Outcome.IGNORE);
    }

    private Map<String, Channel> connectionsOf(String protocol) {
        Map<String, Channel> channels = connections.get(protocol);
        if (channels == null) {
            throw new IllegalArgumentException("not a TCP device protocol: " + protocol);
        }
        return channels;
    }
}

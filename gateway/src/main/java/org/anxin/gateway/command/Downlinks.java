package org.anxin.gateway.command;

import io.netty.channel.Channel;
import io.netty.util.ReferenceCountUtil;
import java.util.Map;

/**
 * Carries each routed command to its device: finds the connection, encodes on its event loop,
 * writes it, and reports SENT when it is on the wire, DELIVERED when the device answers, FAILED
 * when it cannot be done, NOT_CONNECTED when the device is not (or no longer) on this node.
 */
public final class Downlinks {
    private final Map<String, Downlink> byProtocol;
    private final CommandResults results;

    public Downlinks(Map<String, Downlink> byProtocol, CommandResults results) {
        this.byProtocol = Map.copyOf(byProtocol);
        this.results = results;
    }

    public void deliver(Command command) {
        Downlink downlink = byProtocol.get(command.protocol());
        if (downlink == null) {
            report(command, "FAILED", "unknown protocol " + command.protocol());
            return;
        }
        Channel channel = downlink.connection(command.deviceId());
        if (channel == null || !channel.isActive()) {
            report(command, "NOT_CONNECTED", "the device is not connected to this gateway node");
            return;
        }
        channel.eventLoop().execute(() -> write(downlink, channel, command));
    }

    /** The device's open connections on this node, whatever protocol carries them. */
    public java.util.List<Channel> openConnections(String deviceId) {
        // a set: "mqtt" and "app" devices share the MQTT listener's connections
        java.util.Set<Channel> open = new java.util.LinkedHashSet<>();
        for (Downlink downlink : java.util.Set.copyOf(byProtocol.values())) {
            Channel channel = downlink.connection(deviceId);
            if (channel != null && channel.isOpen()) {
                open.add(channel);
            }
        }
        return java.util.List.copyOf(open);
    }

    /** Closes the device's connections on this node, whatever protocol carries them; how many were open. */
    public int closeConnections(String deviceId) {
        int closed = 0;
        for (Downlink downlink : java.util.Set.copyOf(byProtocol.values())) {
            Channel channel = downlink.connection(deviceId);
            if (channel != null && channel.isOpen()) {
                channel.close();
                closed++;
            }
        }
        return closed;
    }

    private void write(Downlink downlink, Channel channel, Command command) {
        if (!channel.isActive()) {
            report(command, "NOT_CONNECTED", "the connection closed before the command was written");
            return;
        }
        Downlink.Encoded encoded;
        try {
            encoded = downlink.encode(channel, command);
        } catch (IllegalStateException e) {
            report(command, "NOT_CONNECTED", e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            report(command, "FAILED", e.getMessage());
            return;
        }
        if (!PendingCommands.expect(
                channel, encoded.answerKey(), () -> report(command, "DELIVERED", "the device acknowledged it"))) {
            ReferenceCountUtil.release(encoded.message());
            report(command, "NOT_CONNECTED", "too many commands waiting for this device's answer");
            return;
        }
        channel.writeAndFlush(encoded.message()).addListener(written -> {
            if (written.isSuccess()) {
                report(command, "SENT", null);
            } else {
                PendingCommands.forget(channel, encoded.answerKey());
                report(command, "NOT_CONNECTED", "write failed: " + written.cause());
            }
        });
    }

    private void report(Command command, String status, String detail) {
        results.report(command.id(), command.deviceId(), status, detail);
    }
}

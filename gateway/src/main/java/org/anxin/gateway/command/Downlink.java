package org.anxin.gateway.command;

import io.netty.channel.Channel;

/** How one protocol carries a command to a device connected to this node. */
public interface Downlink {

    /** The device's open connection on this node, or null. */
    Channel connection(String deviceId);

    /**
     * On the connection's event loop: the message to write and the key of the device's answer
     * (see {@link PendingCommands}). IllegalArgumentException if this device cannot take the
     * command; IllegalStateException if it cannot take it now (e.g. not subscribed yet).
     */
    Encoded encode(Channel channel, Command command);

    record Encoded(Object message, Object answerKey) {}
}

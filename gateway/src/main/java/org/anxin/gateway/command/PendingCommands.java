package org.anxin.gateway.command;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Commands written to a connection and waiting for the device's acknowledgement, keyed the way
 * each protocol answers: a watch echoes the command's keyword ({@code CR}), a GT06 device returns
 * the server flag, an MQTT device sends PUBACK with the packet id. Used on the channel's event loop
 * only.
 */
public final class PendingCommands {
    private static final AttributeKey<Map<Object, Runnable>> KEY = AttributeKey.valueOf("anxin.pendingCommands");
    private static final int MAX_PENDING = 64;

    private PendingCommands() {}

    /** Remembers what to do when the device acknowledges {@code key}; false if too many are waiting. */
    public static boolean expect(Channel channel, Object key, Runnable onAcknowledged) {
        Map<Object, Runnable> pending = channel.attr(KEY).get();
        if (pending == null) {
            pending = new HashMap<>();
            channel.attr(KEY).set(pending);
        }
        if (pending.size() >= MAX_PENDING && !pending.containsKey(key)) {
            return false;
        }
        pending.put(key, onAcknowledged);
        return true;
    }

    /** Drops what was waiting for {@code key} without running it (the write failed). */
    public static void forget(Channel channel, Object key) {
        Map<Object, Runnable> pending = channel.attr(KEY).get();
        if (pending != null) {
            pending.remove(key);
        }
    }

    /** The device acknowledged {@code key}: runs and forgets what was waiting, if anything. */
    public static boolean acknowledged(Channel channel, Object key) {
        Map<Object, Runnable> pending = channel.attr(KEY).get();
        Runnable action = pending == null ? null : pending.remove(key);
        if (action == null) {
            return false;
        }
        action.run();
        return true;
    }
}

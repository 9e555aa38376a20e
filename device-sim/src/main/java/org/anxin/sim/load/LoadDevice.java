package org.anxin.sim.load;

/**
 * One simulated device of a load run, whatever its protocol. Everything but {@link #connected()}
 * is called on the device's event loop.
 */
interface LoadDevice {

    /** Logged in (MQTT CONNACK 0, watch LK answered, GT06 login acked) and not closing. */
    boolean connected();

    /** Writes one measured message (not flushed) if connected and its window has room. */
    boolean trySend();

    /**
     * Writes one message scheduled for {@code scheduledNanos}: open-loop runs count its latency from
     * then. Protocols without open-loop support send it as {@link #trySend()} does.
     */
    default boolean trySend(long scheduledNanos) {
        return trySend();
    }

    void flush();

    /** Called when the publish phase opens (unpaced runs only): keep its window of messages going. */
    void startPublishing();

    /** Says goodbye as the protocol does (MQTT DISCONNECT, a TCP close otherwise). */
    void disconnect();
}

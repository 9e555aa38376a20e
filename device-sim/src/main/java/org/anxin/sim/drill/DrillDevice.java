package org.anxin.sim.drill;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A device that retries every event until the gateway acknowledges it, as device firmware does:
 * one event in flight, the same event (same device time) sent again after a timeout or a lost
 * connection, a fresh connection after a back-off of one to five seconds. Events carry whole
 * seconds of device time, one per second at most, so a resent event is recognisably the same one.
 */
abstract class DrillDevice implements Runnable {
    static final int ACK_TIMEOUT_MILLIS = 10_000;

    private final String id;
    private final long intervalMillis;
    private final Drill drill;
    private Instant lastTime = Instant.EPOCH;

    DrillDevice(String id, long intervalMillis, Drill drill) {
        this.id = id;
        this.intervalMillis = intervalMillis;
        this.drill = drill;
    }

    String id() {
        return id;
    }

    abstract String protocol();

    /** Opens a connection and logs in; throws when that fails. */
    abstract void connect() throws Exception;

    /** Sends one event and waits for its ack; throws on a timeout or a lost connection. */
    abstract void sendAndAwaitAck(Instant deviceTime) throws Exception;

    abstract void disconnect();

    @Override
    public void run() {
        boolean connected = false;
        try {
            // devices start spread over the first second, not all at once
            Thread.sleep(ThreadLocalRandom.current().nextLong(1_001));
            while (drill.sending()) {
                Instant time = nextTime();
                boolean first = true;
                boolean acked = false;
                while (!acked && !drill.gaveUp()) {
                    try {
                        if (!connected) {
                            connect();
                            connected = true;
                        }
                        if (!first) {
                            drill.log.resent.incrementAndGet();
                        }
                        first = false;
                        sendAndAwaitAck(time);
                        drill.log.acked(protocol(), id, time);
                        acked = true;
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Exception e) {
                        disconnect();
                        connected = false;
                        drill.log.reconnects.incrementAndGet();
                        Thread.sleep(1_000 + ThreadLocalRandom.current().nextLong(4_000));
                    }
                }
                if (!acked) {
                    drill.log.gaveUp.incrementAndGet();
                    return;
                }
                Thread.sleep(intervalMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            disconnect();
        }
    }

    /** Now in whole seconds, and always later than the previous event's time. */
    private Instant nextTime() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        lastTime = now.isAfter(lastTime) ? now : lastTime.plusSeconds(1);
        return lastTime;
    }
}

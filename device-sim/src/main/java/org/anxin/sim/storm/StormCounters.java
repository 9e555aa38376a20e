package org.anxin.sim.storm;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the devices of a storm run met, counted from their event loops. */
final class StormCounters {
    final LongAdder attempts = new LongAdder();
    final LongAdder accepted = new LongAdder();
    /** MQTT 5 CONNACK 0x89 Server busy. */
    final LongAdder busy = new LongAdder();
    /** MQTT 3.1.1 CONNACK 0x03 Server unavailable (the gateway's "busy" for 3.1.1, or Redis down). */
    final LongAdder unavailable = new LongAdder();
    /** MQTT 5 CONNACK 0x88 Server unavailable (Redis did not answer). */
    final LongAdder unavailable5 = new LongAdder();

    final LongAdder otherRefusals = new LongAdder();
    /** No CONNACK within the device's CONNACK timeout. */
    final LongAdder connAckTimeouts = new LongAdder();

    final LongAdder closedBeforeConnAck = new LongAdder();
    /** TCP connect refused: nothing listening (the gateway down), or the backlog full. */
    final LongAdder connectRefused = new LongAdder();

    final LongAdder connectTimeouts = new LongAdder();
    final LongAdder connectFailed = new LongAdder();

    void refused(int code) {
        switch (code) {
            case StormPackets.SERVER_BUSY -> busy.increment();
            case StormPackets.SERVER_UNAVAILABLE -> unavailable.increment();
            case StormPackets.SERVER_UNAVAILABLE_5 -> unavailable5.increment();
            default -> otherRefusals.increment();
        }
    }

    void connectFailed(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            connectTimeouts.increment();
        } else if (cause instanceof ConnectException
                && String.valueOf(cause.getMessage()).contains("refused")) {
            connectRefused.increment();
        } else {
            connectFailed.increment();
        }
    }

    /** Every counter by its JSON name. */
    Map<String, Long> snapshot() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("attempts", attempts.sum());
        values.put("accepted", accepted.sum());
        values.put("connAckBusy", busy.sum());
        values.put("connAckUnavailable", unavailable.sum());
        values.put("connAckUnavailable5", unavailable5.sum());
        values.put("connAckOtherRefusals", otherRefusals.sum());
        values.put("connAckTimeouts", connAckTimeouts.sum());
        values.put("closedBeforeConnAck", closedBeforeConnAck.sum());
        values.put("connectRefused", connectRefused.sum());
        values.put("connectTimeouts", connectTimeouts.sum());
        values.put("connectFailed", connectFailed.sum());
        return values;
    }

    /** {@code now} minus {@code before}, counter by counter. */
    static Map<String, Long> since(Map<String, Long> before, Map<String, Long> now) {
        Map<String, Long> difference = new LinkedHashMap<>();
        now.forEach((name, value) -> difference.put(name, value - before.getOrDefault(name, 0L)));
        return difference;
    }
}

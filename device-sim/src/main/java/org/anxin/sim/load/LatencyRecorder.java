package org.anxin.sim.load;

import io.netty.util.concurrent.EventExecutor;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Send → PUBACK latency in microseconds, one histogram per event loop so that recording needs no
 * lock; {@link #merged()} is read once the loops have stopped.
 */
final class LatencyRecorder {
    /** A minute: anything slower is recorded as a minute. */
    static final long HIGHEST_MICROS = 60_000_000L;

    private final Map<EventExecutor, Histogram> perLoop = new ConcurrentHashMap<>();

    Histogram forLoop(EventExecutor loop) {
        return perLoop.computeIfAbsent(loop, l -> new Histogram(HIGHEST_MICROS, 3));
    }

    Histogram merged() {
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        perLoop.values().forEach(all::add);
        return all;
    }

    /** The histogram in HdrHistogram's compressed form, base64: what {@code load-merge} reads back. */
    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded latency histogram: " + e.getMessage());
        }
    }
}

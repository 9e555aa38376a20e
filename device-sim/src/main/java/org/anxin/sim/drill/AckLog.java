package org.anxin.sim.drill;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every event the gateway acknowledged, one line each: protocol, device id, the event's device
 * time in epoch seconds, and when the ack arrived (epoch milliseconds). This file is what the drill
 * counts against the database: an acknowledged event must be stored exactly once.
 */
final class AckLog implements AutoCloseable {
    private final BufferedWriter out;
    final AtomicLong acked = new AtomicLong();
    final AtomicLong resent = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong gaveUp = new AtomicLong();

    AckLog(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    synchronized void acked(String protocol, String deviceId, Instant deviceTime) {
        try {
            out.write(protocol
                    + '\t'
                    + deviceId
                    + '\t'
                    + deviceTime.getEpochSecond()
                    + '\t'
                    + System.currentTimeMillis()
                    + '\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing the ack log", e);
        }
        acked.incrementAndGet();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}

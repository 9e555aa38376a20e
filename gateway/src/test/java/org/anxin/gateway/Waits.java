package org.anxin.gateway;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for a condition in the gateway's integration tests, up to 15 s. */
public final class Waits {
    private Waits() {}

    public static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(10);
        }
    }
}

package org.anxin.sim.load;

import java.lang.management.ManagementFactory;

/**
 * The loader's own CPU time (user + system, all threads), over the whole run and over the publish
 * phase: the proof, or not, that a benchmark measured the server rather than its load generator.
 */
final class LoaderCpu {
    private final long startNanos = processCpuNanos();
    private long publishStart = -1;
    private long publishEnd = -1;

    void publishStarts() {
        publishStart = processCpuNanos();
    }

    void publishEnds() {
        publishEnd = processCpuNanos();
    }

    double totalSeconds() {
        return (processCpuNanos() - startNanos) / 1e9;
    }

    double publishSeconds() {
        return publishStart < 0 || publishEnd < 0 ? 0 : (publishEnd - publishStart) / 1e9;
    }

    /** -1 where the JVM cannot tell; then every figure above reads 0. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}

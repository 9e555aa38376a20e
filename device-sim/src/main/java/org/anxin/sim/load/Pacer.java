package org.anxin.sim.load;

import java.util.List;

/**
 * Releases one event loop's share of a fixed total rate, every millisecond, round-robin over that
 * loop's devices. Open loop: what falls behind (every window full) is sent as soon as it can be,
 * so a slow broker shows up as latency, not as a quietly lower rate. Each message carries its
 * scheduled time; with {@code --open-loop} its latency counts from then. Runs on its event loop.
 */
final class Pacer implements Runnable {
    private final List<LoadDevice> devices;
    private final double perSecond;
    private final PublishWindow window;
    private long released;
    private int cursor;

    Pacer(List<LoadDevice> devices, double perSecond, PublishWindow window) {
        this.devices = List.copyOf(devices);
        this.perSecond = perSecond;
        this.window = window;
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        long elapsed = Math.min(now, window.endNanos()) - window.startNanos();
        long due = (long) (perSecond * elapsed / 1e9) - released;
        int size = devices.size();
        int misses = 0;
        while (due > 0 && misses < size) {
            LoadDevice device = devices.get(cursor);
            cursor = cursor + 1 == size ? 0 : cursor + 1;
            // the schedule: message k of this loop is due at start + k / rate, whenever it can leave
            if (device.trySend(window.startNanos() + (long) (released * 1e9 / perSecond))) {
                device.flush();
                released++;
                due--;
                misses = 0;
            } else {
                misses++;
            }
        }
    }
}

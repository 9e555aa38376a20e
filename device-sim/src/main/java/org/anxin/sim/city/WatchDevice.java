package org.anxin.sim.city;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.anxin.sim.wire.WatchFrames;

/**
 * A "3G" GPS watch: LK heartbeats, UD positions, AL alarms (SOS, fall, taken off), answers to the
 * platform's commands (it echoes the keyword and, for CR, reports where it is). Some seniors take
 * the watch off at night: it reports that once, lies still, and is worn again in the morning.
 */
final class WatchDevice extends TcpDevice {
    private static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");
    private static final String MAKER = "3G";

    private final double takenOffAtNight;
    private final StringBuilder incoming = new StringBuilder();
    private boolean removed;
    private boolean decidedTonight;

    WatchDevice(String id, String address, Wearer wearer, double takenOffAtNight) {
        super(id, address, wearer);
        this.takenOffAtNight = takenOffAtNight;
    }

    @Override
    public String protocol() {
        return "watch";
    }

    @Override
    protected void hello() {
        write(WatchFrames.heartbeat(MAKER, id(), wearer.steps(), 0, wearer.battery()));
    }

    @Override
    public void tick(double sosPerSecond, double fallPerSecond, Counters counters) {
        secondsAlive++;
        keepConnected(counters);
        LocalTime now = LocalTime.now(CITY_TIME);
        boolean night = Wearer.night(now);
        if (night && !decidedTonight) {
            decidedTonight = true;
            if (wearer.random.nextDouble() < takenOffAtNight && connected()) {
                removed = report("AL", WatchFrames.REMOVED);
            }
        } else if (!night && decidedTonight) {
            decidedTonight = false;
            if (removed) {
                removed = false;
                wearer.charge();
            }
        }
        wearer.tick(!removed);
        if (!connected()) {
            return;
        }
        if (secondsAlive % 60 == 0) {
            write(WatchFrames.heartbeat(MAKER, id(), wearer.steps(), 0, wearer.battery()));
        }
        if (secondsAlive % 30 == 20 && !removed) {
            report("UD", 0);
        }
        if (!removed && wearer.random.nextDouble() < sosPerSecond && report("AL", WatchFrames.SOS)) {
            counters.pressed(id(), "SOS");
        }
        if (!removed && wearer.random.nextDouble() < fallPerSecond && report("AL", WatchFrames.FALL)) {
            counters.pressed(id(), "FALL");
        }
    }

    private boolean report(String keyword, int status) {
        return write(WatchFrames.report(
                keyword,
                MAKER,
                id(),
                Instant.now(),
                wearer.lat(),
                wearer.lon(),
                wearer.battery(),
                wearer.steps(),
                status));
    }

    private boolean write(String frame) {
        return write(frame.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    protected void received(byte[] bytes, int length) throws IOException {
        incoming.append(new String(bytes, 0, length, StandardCharsets.ISO_8859_1));
        int end;
        while ((end = incoming.indexOf("]")) >= 0) {
            String frame = incoming.substring(0, end + 1);
            incoming.delete(0, end + 1);
            int star = frame.lastIndexOf('*');
            if (star < 0) {
                continue;
            }
            String content = frame.substring(star + 1, frame.length() - 1);
            String keyword = content.split(",", 2)[0];
            switch (keyword) {
                case "LK", "AL" -> counters.acked.incrementAndGet();
                case "CR", "UPLOAD", "SOS", "CALL", "MONITOR", "PW" -> {
                    write(WatchFrames.frame(MAKER, id(), keyword)); // the answer the platform waits for
                    if ("CR".equals(keyword)) {
                        report("UD", 0);
                    }
                }
                default -> {
                    // INIT, TKQ and the like need nothing from a simulated watch
                }
            }
        }
    }
}

package org.anxin.sim.city;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.anxin.sim.wire.Gt06Packets;

/**
 * A GT06 locator carried in a pocket: login, status heartbeats every 3 minutes, GPS + LBS reports,
 * SOS and fall alarms, a low-battery alarm once, and answers to the platform's online commands.
 */
final class Gt06Tracker extends TcpDevice {
    private static final Gt06Packets.Cell CELL = new Gt06Packets.Cell(460, 0, 0x2a3b, 0x00c1f2);

    private final ByteArrayOutputStream incoming = new ByteArrayOutputStream();
    private int serial;
    private boolean lowBatteryReported;

    Gt06Tracker(String imei, String address, Wearer wearer) {
        super(imei, address, wearer);
    }

    @Override
    public String protocol() {
        return "gt06";
    }

    @Override
    protected void hello() {
        write(Gt06Packets.login(id(), nextSerial()));
    }

    @Override
    public void tick(double sosPerSecond, double fallPerSecond, Counters counters) {
        secondsAlive++;
        keepConnected(counters);
        wearer.tick(true);
        if (!connected()) {
            return;
        }
        if (secondsAlive % 180 == 5) {
            write(Gt06Packets.status(0x46, voltageLevel(), 4, 0x0002, nextSerial()));
        }
        if (secondsAlive % 30 == 25) {
            write(Gt06Packets.gps(Instant.now(), 8, wearer.lat(), wearer.lon(), 0, 0, CELL, nextSerial()));
        }
        if (wearer.random.nextDouble() < sosPerSecond && alarm(Gt06Packets.SOS)) {
            counters.pressed(id(), "SOS");
        }
        if (wearer.random.nextDouble() < fallPerSecond && alarm(Gt06Packets.FALL)) {
            counters.pressed(id(), "FALL");
        }
        if (!lowBatteryReported && wearer.battery() <= 15) {
            lowBatteryReported = alarm(Gt06Packets.LOW_BATTERY);
        }
    }

    private boolean alarm(int code) {
        return write(Gt06Packets.alarm(
                Instant.now(),
                8,
                wearer.lat(),
                wearer.lon(),
                0,
                0,
                CELL,
                0x46,
                voltageLevel(),
                4,
                code,
                0x02,
                nextSerial()));
    }

    /** The manual's voltage levels 0–6 from a battery percentage. */
    private int voltageLevel() {
        int b = wearer.battery();
        return b >= 90 ? 6 : b >= 70 ? 5 : b >= 45 ? 4 : b >= 20 ? 3 : b >= 10 ? 2 : b >= 5 ? 1 : 0;
    }

    private synchronized int nextSerial() {
        serial = serial % 0xFFFF + 1;
        return serial;
    }

    @Override
    protected void received(byte[] bytes, int length) {
        incoming.write(bytes, 0, length);
        byte[] all = incoming.toByteArray();
        int at = 0;
        while (all.length - at >= 5) {
            boolean extended = (all[at] & 0xFF) == 0x79;
            int head = extended ? 4 : 3;
            int len = extended ? ((all[at + 2] & 0xFF) << 8) | (all[at + 3] & 0xFF) : all[at + 2] & 0xFF;
            int total = head + len + 2;
            if (all.length - at < total) {
                break;
            }
            int protocol = all[at + head] & 0xFF;
            if (protocol == 0x01 || protocol == 0x13 || protocol == 0x16) {
                counters.acked.incrementAndGet();
            } else if (protocol == 0x80 && len >= 6) {
                int flagAt = at + head + 2; // after the protocol number and the command length
                int flag = ((all[flagAt] & 0xFF) << 24)
                        | ((all[flagAt + 1] & 0xFF) << 16)
                        | ((all[flagAt + 2] & 0xFF) << 8)
                        | (all[flagAt + 3] & 0xFF);
                write(Gt06Packets.commandAnswer(flag, "OK!", nextSerial()));
            }
            at += total;
        }
        incoming.reset();
        incoming.write(all, at, all.length - at);
    }
}

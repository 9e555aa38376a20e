package org.anxin.gateway.protocol.gt06;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.device.Position;

/** What a GT06 packet means as a {@link DeviceEvent} (layouts from the GT06 protocol manual). */
final class Gt06Events {
    /** Voltage level 0–6 of the status byte, as a battery percentage. */
    private static final int[] BATTERY = {0, 5, 10, 25, 50, 75, 100};

    private Gt06Events() {}

    /** The IMEI of a login packet: 8 BCD bytes, a leading 0 before the 15 digits. */
    static String imei(Gt06Frame login) {
        if (login.content().length < 8) {
            throw new IllegalArgumentException("login without an 8-byte terminal id");
        }
        String digits = HexFormat.of().formatHex(login.content(), 0, 8);
        if (!digits.matches("[0-9]{16}")) {
            throw new IllegalArgumentException("terminal id is not BCD: " + digits);
        }
        return digits.substring(1);
    }

    static Optional<DeviceEvent> of(Gt06Frame frame, String imei, Instant receivedAt) {
        ByteBuffer in = ByteBuffer.wrap(frame.content());
        try {
            switch (frame.protocol()) {
                case Gt06Frame.STATUS -> {
                    in.get(); // terminal information
                    int voltage = in.get() & 0xFF;
                    Integer battery = voltage < BATTERY.length ? BATTERY[voltage] : null;
                    return Optional.of(event(frame, imei, EventType.HEARTBEAT, null, receivedAt, null, battery, null));
                }
                case Gt06Frame.GPS, Gt06Frame.GPS_2 -> {
                    Fix fix = Fix.read(in);
                    EventType type = fix.position() == null ? EventType.HEARTBEAT : EventType.LOCATION;
                    return Optional.of(event(frame, imei, type, fix.time(), receivedAt, fix.position(), null, null));
                }
                case Gt06Frame.ALARM, Gt06Frame.ALARM_2 -> {
                    Fix fix = Fix.read(in);
                    int lbsLength = in.get() & 0xFF;
                    in.position(in.position() + Math.max(0, lbsLength - 1));
                    in.get(); // terminal information
                    int voltage = in.get() & 0xFF;
                    in.get(); // GSM signal
                    int alarm = in.get() & 0xFF;
                    EventType type = alarmOf(alarm);
                    String vendorCode = type == EventType.ALARM ? String.format(Locale.ROOT, "%02x", alarm) : null;
                    Integer battery = voltage < BATTERY.length ? BATTERY[voltage] : null;
                    return Optional.of(
                            event(frame, imei, type, fix.time(), receivedAt, fix.position(), battery, vendorCode));
                }
                default -> {
                    return Optional.empty();
                }
            }
        } catch (BufferUnderflowException | IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "malformed packet %02x: %s",
                    frame.protocol(),
                    e.getMessage() == null ? "too short" : e.getMessage()));
        }
    }

    static EventType alarmOf(int code) {
        return switch (code) {
            case 0x01 -> EventType.SOS;
            case 0x02 -> EventType.POWER_CUT;
            case 0x0E, 0x0F, 0x19 -> EventType.LOW_BATTERY;
            case 0x18 -> EventType.WATCH_REMOVED;
            case 0x23 -> EventType.FALL;
            default -> EventType.ALARM;
        };
    }

    private static DeviceEvent event(
            Gt06Frame frame,
            String imei,
            EventType type,
            Instant deviceTime,
            Instant receivedAt,
            Position position,
            Integer battery,
            String vendorCode) {
        return new DeviceEvent(
                UUID.randomUUID(),
                imei,
                "gt06",
                type,
                deviceTime,
                receivedAt,
                position,
                battery,
                vendorCode,
                null,
                frame.hex());
    }

    /** Date, time and GPS block: YY MM DD hh mm ss, satellites, lat, lon (1/1800000 °), speed, course and flags. */
    record Fix(Instant time, Position position) {
        static Fix read(ByteBuffer in) {
            Instant time = LocalDateTime.of(
                            2000 + (in.get() & 0xFF),
                            in.get() & 0xFF,
                            in.get() & 0xFF,
                            in.get() & 0xFF,
                            in.get() & 0xFF,
                            in.get() & 0xFF)
                    .toInstant(ZoneOffset.UTC);
            in.get(); // GPS info length and satellites
            long lat = Integer.toUnsignedLong(in.getInt());
            long lon = Integer.toUnsignedLong(in.getInt());
            in.get(); // speed
            int flags = in.getShort() & 0xFFFF;
            boolean valid = (flags & (1 << 12)) != 0;
            if (!valid || (lat == 0 && lon == 0)) {
                return new Fix(time, null);
            }
            BigDecimal latitude = degrees(lat);
            BigDecimal longitude = degrees(lon);
            if ((flags & (1 << 10)) == 0) {
                latitude = latitude.negate(); // south
            }
            if ((flags & (1 << 11)) != 0) {
                longitude = longitude.negate(); // west
            }
            return new Fix(time, new Position(latitude, longitude));
        }

        private static BigDecimal degrees(long value) {
            return BigDecimal.valueOf(value)
                    .divide(BigDecimal.valueOf(1_800_000), 6, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
        }
    }
}

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
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventIds;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.device.Position;

/**
 * What a GT06 packet means as a {@link DeviceEvent} (layouts from the GT06 manual and the variants
 * of vendors' firmware, see {@link Gt06Status}). A packet that carries a status block raises the
 * alarm it names ({@link Gt06Alarm}); one whose alarm byte is 0x00 and whose terminal information
 * says nothing is a position (or a heartbeat without a fix), never an alarm.
 */
final class Gt06Events {
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

    /** True for the packets whose protocol number says alarm (0x16, 0x26, 0x27). */
    static boolean isAlarmPacket(int protocol) {
        return protocol == Gt06Frame.ALARM || protocol == Gt06Frame.ALARM_2 || protocol == Gt06Frame.ALARM_3;
    }

    /** @throws IllegalArgumentException for a packet too short or malformed for its protocol number */
    static Optional<DeviceEvent> of(Gt06Frame frame, String imei, Instant receivedAt) {
        byte[] c = frame.content();
        try {
            return switch (frame.protocol()) {
                case Gt06Frame.STATUS -> Optional.of(
                        withStatus(frame, imei, receivedAt, null, Gt06Status.ofStatusPacket(c)));
                case Gt06Frame.HEARTBEAT -> Optional.of(
                        event(frame, imei, EventType.HEARTBEAT, null, receivedAt, null, null, null, null));
                case Gt06Frame.GPS_ONLY, Gt06Frame.GPS_LBS_6, Gt06Frame.GPS, Gt06Frame.GPS_2 -> {
                    Fix fix = Fix.read(ByteBuffer.wrap(c));
                    yield Optional.of(withStatus(frame, imei, receivedAt, fix, null));
                }
                case Gt06Frame.ALARM, Gt06Frame.ALARM_2, Gt06Frame.ALARM_3 -> {
                    Fix fix = Fix.read(ByteBuffer.wrap(c));
                    yield Optional.of(
                            withStatus(frame, imei, receivedAt, fix, Gt06Status.ofAlarmPacket(frame.protocol(), c)));
                }
                case Gt06Frame.LBS_STATUS -> Optional.ofNullable(Gt06Status.ofAlarmPacket(frame.protocol(), c))
                        .map(status -> withStatus(frame, imei, receivedAt, null, status));
                default -> Optional.empty();
            };
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "malformed packet %02x: %s",
                    frame.protocol(),
                    e.getMessage() == null ? "too short" : e.getMessage()));
        }
    }

    /**
     * An alarm packet that cannot be read is still an alarm the device raised: a generic
     * {@code ALARM} without position, so the desk sees it rather than nothing.
     */
    static DeviceEvent unreadableAlarm(Gt06Frame frame, String imei, Instant receivedAt) {
        return event(frame, imei, EventType.ALARM, null, receivedAt, null, null, "unreadable", null);
    }

    private static DeviceEvent withStatus(
            Gt06Frame frame, String imei, Instant receivedAt, Fix fix, Gt06Status status) {
        Instant time = fix == null ? null : fix.time();
        Position position = fix == null ? null : fix.position();
        Integer battery = status == null ? null : status.battery();
        Gt06Alarm alarm = status == null ? null : status.alarm();
        if (alarm != null) {
            return event(
                    frame,
                    imei,
                    alarm.type(),
                    time,
                    receivedAt,
                    position,
                    battery,
                    alarm.vendorCode(),
                    withGpsFix(alarm.attrs(), position));
        }
        EventType type = position == null ? EventType.HEARTBEAT : EventType.LOCATION;
        return event(frame, imei, type, time, receivedAt, position, battery, null, withGpsFix(null, position));
    }

    /**
     * A position from a GPS block is a satellite fix: {@code "fix":"GPS"} in the attrs (the only
     * positions GT06 packets carry; cell-only packets such as 0x28 give cells, not coordinates).
     */
    static String withGpsFix(String attrs, Position position) {
        if (position == null) {
            return attrs;
        }
        return attrs == null ? "{\"fix\":\"GPS\"}" : attrs.substring(0, attrs.length() - 1) + ",\"fix\":\"GPS\"}";
    }

    private static DeviceEvent event(
            Gt06Frame frame,
            String imei,
            EventType type,
            Instant deviceTime,
            Instant receivedAt,
            Position position,
            Integer battery,
            String vendorCode,
            String attrs) {
        return new DeviceEvent(
                EventIds.next(),
                imei,
                "gt06",
                type,
                deviceTime,
                receivedAt,
                position,
                battery,
                vendorCode,
                attrs,
                frame.hex());
    }

    /**
     * Date, time and GPS block: YY MM DD hh mm ss, satellites, lat, lon (1/1800000 °), speed, course
     * and flags. A date the tracker has not set yet (zeros) is no time, not a reason to lose the packet.
     */
    record Fix(Instant time, Position position) {
        static Fix read(ByteBuffer in) {
            Instant time;
            int year = in.get() & 0xFF;
            int month = in.get() & 0xFF;
            int day = in.get() & 0xFF;
            int hour = in.get() & 0xFF;
            int minute = in.get() & 0xFF;
            int second = in.get() & 0xFF;
            try {
                time = LocalDateTime.of(2000 + year, month, day, hour, minute, second)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                time = null;
            }
            in.get(); // GPS info length and satellites
            long lat = Integer.toUnsignedLong(in.getInt());
            long lon = Integer.toUnsignedLong(in.getInt());
            in.get(); // speed
            int flags = in.getShort() & 0xFFFF;
            boolean valid = (flags & (1 << 12)) != 0;
            if (!valid || (lat == 0 && lon == 0) || lat > 90L * 1_800_000 || lon > 180L * 1_800_000) {
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

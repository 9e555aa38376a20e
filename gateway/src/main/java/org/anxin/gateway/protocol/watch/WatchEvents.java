package org.anxin.gateway.protocol.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.device.Position;

/**
 * What a watch frame means as a {@link DeviceEvent}. A position report is
 * {@code date,time,A|V,lat,N|S,lon,E|W,speed,course,altitude,satellites,rssi,battery,steps,rolls,status,…}
 * with {@code status} a hex word whose bits carry the alarms.
 */
final class WatchEvents {
    private static final DateTimeFormatter DEVICE_TIME = DateTimeFormatter.ofPattern("ddMMyyHHmmss", Locale.ROOT);

    private WatchEvents() {}

    static Optional<DeviceEvent> of(WatchFrame frame, Instant receivedAt) {
        String type = frame.type().toUpperCase(Locale.ROOT);
        if (type.equals("LK")) {
            String[] values =
                    frame.body().isEmpty() ? new String[0] : frame.body().split(",", -1);
            Integer battery = values.length >= 3 ? percent(values[2]) : null;
            return Optional.of(event(frame, EventType.HEARTBEAT, null, receivedAt, null, battery, null, null));
        }
        if (type.startsWith("UD") || type.startsWith("WT")) {
            Report report = Report.parse(frame.body());
            EventType kind = report.position() == null ? EventType.HEARTBEAT : EventType.LOCATION;
            return Optional.of(
                    event(frame, kind, report.time(), receivedAt, report.position(), report.battery(), null, null));
        }
        if (type.startsWith("AL")) {
            Report report = Report.parse(frame.body());
            EventType kind = alarmOf(report.status());
            String vendorCode = kind == EventType.ALARM ? String.format(Locale.ROOT, "%08x", report.status()) : null;
            return Optional.of(event(
                    frame, kind, report.time(), receivedAt, report.position(), report.battery(), vendorCode, null));
        }
        if (type.equals("PULSE")
                || type.equals("HEART")
                || type.equals("BLOOD")
                || type.equals("BPHRT")
                || type.equals("BTEMP2")) {
            return vitals(frame, type, receivedAt);
        }
        return Optional.empty();
    }

    /** Status bits as the SeTracker protocol documents them; the most urgent wins. */
    static EventType alarmOf(long status) {
        if (bit(status, 16)) {
            return EventType.SOS;
        }
        if (bit(status, 21) || bit(status, 22)) {
            return EventType.FALL;
        }
        if (bit(status, 20)) {
            return EventType.WATCH_REMOVED;
        }
        if (bit(status, 14)) {
            return EventType.POWER_CUT;
        }
        if (bit(status, 0) || bit(status, 17)) {
            return EventType.LOW_BATTERY;
        }
        return EventType.ALARM;
    }

    private static Optional<DeviceEvent> vitals(WatchFrame frame, String type, Instant receivedAt) {
        String[] values = frame.body().split(",", -1);
        StringBuilder attrs = new StringBuilder("{");
        try {
            if (type.equals("BTEMP2")) {
                if (values.length < 2 || Integer.parseInt(values[0]) <= 0) {
                    return Optional.empty();
                }
                attrs.append("\"temperature\":").append(new BigDecimal(values[1]).toPlainString());
            } else {
                int next = 0;
                if (type.equals("BLOOD") || type.equals("BPHRT")) {
                    attrs.append("\"systolic\":").append(Integer.parseInt(values[next++]));
                    attrs.append(",\"diastolic\":").append(Integer.parseInt(values[next++]));
                }
                if (next < values.length && !values[next].isEmpty()) {
                    attrs.append(attrs.length() > 1 ? "," : "")
                            .append("\"heartRate\":")
                            .append(Integer.parseInt(values[next]));
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("malformed " + type + " values: " + frame.body());
        }
        if (attrs.length() == 1) {
            return Optional.empty();
        }
        return Optional.of(event(
                frame,
                EventType.VITALS,
                null,
                receivedAt,
                null,
                null,
                null,
                attrs.append('}').toString()));
    }

    private static DeviceEvent event(
            WatchFrame frame,
            EventType type,
            Instant deviceTime,
            Instant receivedAt,
            Position position,
            Integer battery,
            String vendorCode,
            String attrs) {
        return new DeviceEvent(
                UUID.randomUUID(),
                frame.deviceId(),
                "watch",
                type,
                deviceTime,
                receivedAt,
                position,
                battery,
                vendorCode,
                attrs,
                frame.text());
    }

    private static boolean bit(long value, int bit) {
        return (value & (1L << bit)) != 0;
    }

    private static Integer percent(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            return value >= 0 && value <= 100 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The common position report of UD, AL and WT frames. */
    record Report(Instant time, Position position, Integer battery, long status) {
        static Report parse(String body) {
            String[] f = body.split(",", -1);
            if (f.length < 16) {
                throw new IllegalArgumentException("position report with " + f.length + " fields, expected 16 or more");
            }
            Instant time;
            try {
                time = LocalDateTime.parse(f[0] + f[1], DEVICE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("bad date/time " + f[0] + "," + f[1]);
            }
            long status;
            try {
                status = Long.parseLong(f[15].trim(), 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad status word " + f[15]);
            }
            return new Report(time, position(f), percent(f[12]), status);
        }

        /** Only a valid fix ('A', not 0,0) is a position: no fix means no location, never a wrong one. */
        private static Position position(String[] f) {
            if (!"A".equals(f[2])) {
                return null;
            }
            try {
                BigDecimal lat = signed(new BigDecimal(f[3].trim()), f[4]);
                BigDecimal lon = signed(new BigDecimal(f[5].trim()), f[6]);
                if (lat.signum() == 0 && lon.signum() == 0) {
                    return null;
                }
                return new Position(lat, lon);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad coordinates " + f[3] + "," + f[5]);
            }
        }

        private static BigDecimal signed(BigDecimal value, String hemisphere) {
            return "S".equals(hemisphere) || "W".equals(hemisphere)
                    ? value.abs().negate()
                    : value;
        }
    }
}

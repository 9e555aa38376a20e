package org.anxin.gateway.protocol.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventIds;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.device.Position;
import org.anxin.gateway.device.Vitals;

/**
 * What a watch frame means as a {@link DeviceEvent}. A position report is
 * {@code date,time,A|V,lat,N|S,lon,E|W,speed,course,altitude,satellites,rssi,battery,steps,rolls,status,…}
 * with {@code status} a hex word whose bits carry the alarms.
 */
final class WatchEvents {
    /** The keywords of vitals frames, upper-cased. */
    private static final java.util.Set<String> VITALS =
            java.util.Set.of("PULSE", "HEART", "BLOOD", "BPHRT", "OXYGEN", "TEMP", "BTEMP2");

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
            return Optional.of(event(
                    frame, kind, report.time(), receivedAt, report.position(), report.battery(), null, report.fix()));
        }
        if (type.startsWith("AL")) {
            Report report = Report.parse(frame.body());
            EventType kind = alarmOf(report.status());
            String vendorCode = kind == EventType.ALARM ? String.format(Locale.ROOT, "%08x", report.status()) : null;
            return Optional.of(event(
                    frame,
                    kind,
                    report.time(),
                    receivedAt,
                    report.position(),
                    report.battery(),
                    vendorCode,
                    report.fix()));
        }
        if (VITALS.contains(type)) {
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

    /**
     * {@code PULSE,72} / {@code heart,71}; {@code BLOOD,109,68[,hr]} / {@code bphrt,120,79,73,,,,};
     * {@code oxygen,0,98}; {@code TEMP,36.5}; {@code btemp2,1,35.29} (the flag 0 = not measured).
     * A zero or empty value is no reading; a frame without any reading makes no event.
     */
    private static Optional<DeviceEvent> vitals(WatchFrame frame, String type, Instant receivedAt) {
        String[] v = frame.body().split(",", -1);
        Vitals vitals;
        try {
            vitals = switch (type) {
                case "PULSE", "HEART" -> new Vitals(reading(v, 0), null, null, null, null, null);
                case "BLOOD", "BPHRT" -> {
                    Integer systolic = reading(v, 0);
                    Integer diastolic = reading(v, 1);
                    boolean both = systolic != null && diastolic != null;
                    yield new Vitals(reading(v, 2), both ? systolic : null, both ? diastolic : null, null, null, null);
                }
                case "OXYGEN" -> new Vitals(null, null, null, reading(v, 1), null, null);
                case "TEMP" -> new Vitals(null, null, null, null, temperature(v, 0), null);
                default -> new Vitals( // BTEMP2
                        null, null, null, null, "0".equals(v[0].trim()) ? null : temperature(v, 1), null);};
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new IllegalArgumentException("malformed " + type + " values: " + e.getMessage());
        }
        if (vitals.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(event(frame, EventType.VITALS, null, receivedAt, null, null, null, vitals.toAttrs()));
    }

    private static Integer reading(String[] values, int i) {
        if (i >= values.length || values[i].isBlank()) {
            return null;
        }
        int value = Integer.parseInt(values[i].trim());
        return value == 0 ? null : value;
    }

    private static BigDecimal temperature(String[] values, int i) {
        if (i >= values.length || values[i].isBlank()) {
            return null;
        }
        BigDecimal value = new BigDecimal(values[i].trim());
        return value.signum() == 0 ? null : value;
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
                EventIds.next(),
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

    /**
     * The common position report of UD, AL and WT frames. After the status word come the cells
     * ({@code n,ta,mcc,mnc} then n × {@code lac,cid,rssi}) and the Wi-Fi access points ({@code m}
     * then m × {@code name,mac,rssi}), then the accuracy.
     *
     * @param fix the event's attrs naming how the watch knew where it was: {@code GPS} with a valid
     *     fix ('A'); without one ('V', no coordinates: the watch leaves the look-up to a server)
     *     {@code WIFI} if it heard access points, {@code LBS} if only cells; null if neither
     */
    record Report(Instant time, Position position, Integer battery, long status, String fix) {
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
            Position position = position(f);
            return new Report(time, position, percent(f[12]), status, fix(position, f));
        }

        private static String fix(Position position, String[] f) {
            if (position != null) {
                return "{\"fix\":\"GPS\"}";
            }
            int cells = count(f, 16);
            int wifiAt = 20 + 3 * cells;
            if (cells > 0 && count(f, wifiAt) > 0) {
                return "{\"fix\":\"WIFI\"}";
            }
            return cells > 0 ? "{\"fix\":\"LBS\"}" : null;
        }

        /** A count field; 0 when absent or not a number (firmware leaves some empty). */
        private static int count(String[] f, int i) {
            if (i >= f.length) {
                return 0;
            }
            try {
                int n = Integer.parseInt(f[i].trim());
                return n < 0 || n > 64 ? 0 : n;
            } catch (NumberFormatException e) {
                return 0;
            }
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

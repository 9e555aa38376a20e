package org.anxin.gateway.protocol.gt06;

import java.util.Locale;
import org.anxin.gateway.device.EventType;

/**
 * An alarm a GT06 packet carries, from its alarm byte or, when that is 0x00 ("normal"), from bits
 * 3–5 of its terminal-information byte. Codes after the GT06 manual and what vendors' firmware sends
 * (as collected in Traccar's decoder and its test frames): 0x18 is strap removal on wearables,
 * 0x23 a fall.
 *
 * @param type the contract's event type
 * @param vendorCode for {@code ALARM}: the alarm byte as hex ({@code 09}), or {@code info-N} for
 *     terminal-information value N; null for the typed alarms
 * @param name a word for the desk when the type is {@code ALARM} ({@code shock},
 *     {@code geofenceExit}, …), else null
 */
record Gt06Alarm(EventType type, String vendorCode, String name) {

    /**
     * @param info the terminal-information byte
     * @param code the alarm code (0x00 = normal; above 0xFF from packets that extend it)
     * @param vehicleBits true for layouts whose terminal value 7 means overspeed, not strap removal
     * @return null when neither says alarm
     */
    static Gt06Alarm of(int info, int code, boolean vehicleBits) {
        if (code != 0) {
            return ofCode(code);
        }
        int bits = (info >> 3) & 0b111;
        String vendorCode = "info-" + bits;
        return switch (bits) {
            case 1 -> new Gt06Alarm(EventType.ALARM, vendorCode, "shock");
            case 2 -> typed(EventType.POWER_CUT);
            case 3 -> typed(EventType.LOW_BATTERY);
            case 4 -> typed(EventType.SOS);
            case 6 -> new Gt06Alarm(EventType.ALARM, vendorCode, "geofence");
            case 7 -> vehicleBits
                    ? new Gt06Alarm(EventType.ALARM, vendorCode, "overspeed")
                    : typed(EventType.WATCH_REMOVED);
            default -> null; // 0 normal; 5 is not used
        };
    }

    static Gt06Alarm ofCode(int code) {
        String hex = String.format(Locale.ROOT, code > 0xFF ? "%04x" : "%02x", code);
        return switch (code) {
            case 0x01 -> typed(EventType.SOS);
            case 0x02 -> typed(EventType.POWER_CUT);
            case 0x0E, 0x0F, 0x19 -> typed(EventType.LOW_BATTERY);
            case 0x18 -> typed(EventType.WATCH_REMOVED);
            case 0x23 -> typed(EventType.FALL);
            case 0x03, 0x09 -> new Gt06Alarm(EventType.ALARM, hex, "shock");
            case 0x04 -> new Gt06Alarm(EventType.ALARM, hex, "geofenceEnter");
            case 0x05 -> new Gt06Alarm(EventType.ALARM, hex, "geofenceExit");
            case 0x06 -> new Gt06Alarm(EventType.ALARM, hex, "overspeed");
            case 0x11 -> new Gt06Alarm(EventType.ALARM, hex, "powerOff");
            case 0x0C, 0x13, 0x25, 0x32 -> new Gt06Alarm(EventType.ALARM, hex, "tamper");
            case 0x14 -> new Gt06Alarm(EventType.ALARM, hex, "door");
            default -> new Gt06Alarm(EventType.ALARM, hex, null);
        };
    }

    private static Gt06Alarm typed(EventType type) {
        return new Gt06Alarm(type, null, null);
    }

    /** The event's {@code attrs}: the alarm's name, or null. */
    String attrs() {
        return name == null ? null : "{\"alarm\":\"" + name + "\"}";
    }
}

package org.anxin.gateway.protocol.gt06;

import org.anxin.gateway.device.EventType;

/**
 * The status block of a GT06 packet: terminal information, battery and alarm code, found where
 * each layout puts it. Vendors' firmware differs in the LBS part before it (with or without a
 * length byte, one cell or a 45-byte block, 3- or 4-byte cell ids, a length byte that does not
 * count itself), so the block is taken from the end of the content, which every layout seen ends
 * the same way, and the layout is decided by the content length where the end differs:
 *
 * <ul>
 *   <li>{@code 16}, {@code 26}: … info, voltage, GSM, alarm, language (the manual's layout);
 *   <li>{@code 16} of 31 bytes: GPS, LBS without its length byte, then the block whose alarm byte is
 *       not an alarm code, and whose terminal value 7 is overspeed (a vehicle tracker's layout);
 *   <li>{@code 16} of 40 bytes: GPS, one 9-byte LBS, the block, then an 8-byte RFID; only known
 *       alarm codes count (this firmware fills the alarm byte with other values);
 *   <li>{@code 27}: … info, voltage, GSM, alarm, language, fence; the language byte's high nibble
 *       extends the alarm code;
 *   <li>{@code 19}: LBS (8 bytes) then the block; other lengths are multi-cell reports without one;
 *   <li>{@code 13}: info, voltage, GSM, alarm, language; 14 and 16 bytes: info, two bytes of signal
 *       or satellites, alarm, language, battery in percent. A heartbeat raises only the typed alarms
 *       (SOS, fall, power cut, low battery, strap removed), never a generic one: several firmwares
 *       put a voltage where the alarm byte is, so when the GSM byte is out of range (over 4) the
 *       alarm byte is not read at all.
 * </ul>
 *
 * @param battery percent, or null when the packet has none
 */
record Gt06Status(int info, Integer battery, int alarmCode, boolean vehicleBits, boolean typedOnly) {
    /** Voltage level 0–6 as a battery percentage; some firmware sends the percentage itself. */
    private static final int[] LEVELS = {0, 5, 10, 25, 50, 75, 100};

    private static final int GPS_BYTES = 18;

    /** Null when neither the alarm byte nor the terminal information says alarm. */
    Gt06Alarm alarm() {
        Gt06Alarm alarm = Gt06Alarm.of(info, alarmCode, vehicleBits);
        if (typedOnly && alarm != null && alarm.type() == EventType.ALARM) {
            Gt06Alarm fromBits = alarmCode == 0 ? null : Gt06Alarm.of(info, 0, vehicleBits);
            return fromBits == null || fromBits.type() == EventType.ALARM ? null : fromBits;
        }
        return alarm;
    }

    /** The status packet 0x13. */
    static Gt06Status ofStatusPacket(byte[] c) {
        if (c.length == 14 || c.length == 16) {
            return new Gt06Status(u(c, 0), percent(u(c, 5)), u(c, 3), false, true);
        }
        if (c.length < 4) {
            throw new IllegalArgumentException("status packet of " + c.length + " bytes");
        }
        int code = u(c, 2) > 4 ? 0 : u(c, 3);
        return new Gt06Status(u(c, 0), level(u(c, 1)), code, false, true);
    }

    /** The block of an alarm packet (0x16, 0x26, 0x27) or an LBS status packet (0x19); null if it has none. */
    static Gt06Status ofAlarmPacket(int protocol, byte[] c) {
        if (protocol == Gt06Frame.LBS_STATUS) {
            return c.length == 8 + 5 ? standard(c, 8) : null;
        }
        if (protocol == Gt06Frame.ALARM_3) {
            int at = need(c, 6);
            int code = u(c, at + 3) | (u(c, at + 4) >> 4) << 8;
            return new Gt06Status(u(c, at), level(u(c, at + 1)), code, false, false);
        }
        if (protocol == Gt06Frame.ALARM && c.length == GPS_BYTES + 8 + 5) {
            int at = GPS_BYTES + 8;
            return new Gt06Status(u(c, at), level(u(c, at + 1)), 0, true, false);
        }
        if (protocol == Gt06Frame.ALARM && c.length == GPS_BYTES + 9 + 5 + 8) {
            int at = GPS_BYTES + 9;
            return new Gt06Status(u(c, at), level(u(c, at + 1)), u(c, at + 3), false, true);
        }
        return standard(c, need(c, 5));
    }

    private static Gt06Status standard(byte[] c, int at) {
        return new Gt06Status(u(c, at), level(u(c, at + 1)), u(c, at + 3), false, false);
    }

    /** Where a block of {@code size} bytes at the end of the content starts, after the GPS part. */
    private static int need(byte[] c, int size) {
        if (c.length < GPS_BYTES + size) {
            throw new IllegalArgumentException("alarm packet of " + c.length + " bytes has no status block");
        }
        return c.length - size;
    }

    private static Integer level(int value) {
        return value < LEVELS.length ? Integer.valueOf(LEVELS[value]) : percent(value);
    }

    private static Integer percent(int value) {
        return value <= 100 ? value : null;
    }

    private static int u(byte[] c, int i) {
        if (i >= c.length) {
            throw new IllegalArgumentException("status block past the end of " + c.length + " bytes");
        }
        return c[i] & 0xFF;
    }
}

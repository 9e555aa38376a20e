package org.anxin.sim.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Packets a Concox GT06 tracker writes ({@code 78 78 LEN PN CONTENT SERIAL CRC 0D 0A}), written
 * from the GT06 protocol manual, independently of the gateway's decoder.
 */
public final class Gt06Packets {
    public static final int SOS = 0x01;
    public static final int POWER_CUT = 0x02;
    public static final int LOW_BATTERY = 0x19;
    public static final int FALL = 0x23;

    private Gt06Packets() {}

    /** A base station: country, network, area and cell. */
    public record Cell(int mcc, int mnc, int lac, int cellId) {}

    /** Login (0x01): the IMEI as 8 BCD bytes, a leading 0 before its 15 digits. */
    public static byte[] login(String imei, int serial) {
        if (!imei.matches("[0-9]{15}")) {
            throw new IllegalArgumentException("an IMEI has 15 digits: " + imei);
        }
        String digits = "0" + imei;
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int i = 0; i < 16; i += 2) {
            content.write(Integer.parseInt(digits.substring(i, i + 2), 16));
        }
        return packet(0x01, content.toByteArray(), serial);
    }

    /** Status (0x13), the heartbeat: terminal information, voltage level 0–6, GSM 0–4, alarm/language. */
    public static byte[] status(int terminalInfo, int voltageLevel, int gsm, int alarmLanguage, int serial) {
        return packet(
                0x13,
                new byte[] {
                    (byte) terminalInfo,
                    (byte) voltageLevel,
                    (byte) gsm,
                    (byte) (alarmLanguage >> 8),
                    (byte) alarmLanguage
                },
                serial);
    }

    /** GPS + LBS (0x12). A null position is a report without a fix. */
    public static byte[] gps(
            Instant time, int satellites, Double lat, Double lon, int speed, int course, Cell cell, int serial) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        fix(content, time, satellites, lat, lon, speed, course);
        cell(content, cell);
        return packet(0x12, content.toByteArray(), serial);
    }

    /** Alarm (0x16): the GPS block, LBS with its length, terminal info, voltage, GSM, alarm, language. */
    public static byte[] alarm(
            Instant time,
            int satellites,
            Double lat,
            Double lon,
            int speed,
            int course,
            Cell cell,
            int terminalInfo,
            int voltageLevel,
            int gsm,
            int alarm,
            int language,
            int serial) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        fix(content, time, satellites, lat, lon, speed, course);
        content.write(9); // LBS length, itself included
        cell(content, cell);
        content.write(terminalInfo);
        content.write(voltageLevel);
        content.write(gsm);
        content.write(alarm);
        content.write(language);
        return packet(0x16, content.toByteArray(), serial);
    }

    /** The answer to an online command (0x21, 79 79 framing): the server's flag and ASCII text. */
    public static byte[] commandAnswer(int serverFlag, String text, int serial) {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[4 + 1 + body.length];
        content[0] = (byte) (serverFlag >>> 24);
        content[1] = (byte) (serverFlag >>> 16);
        content[2] = (byte) (serverFlag >>> 8);
        content[3] = (byte) serverFlag;
        content[4] = 0x01; // ASCII
        System.arraycopy(body, 0, content, 5, body.length);
        return packet(0x21, content, serial, true);
    }

    private static void fix(
            ByteArrayOutputStream out, Instant time, int satellites, Double lat, Double lon, int speed, int course) {
        ZonedDateTime t = time.atZone(ZoneOffset.UTC);
        out.write(t.getYear() - 2000);
        out.write(t.getMonthValue());
        out.write(t.getDayOfMonth());
        out.write(t.getHour());
        out.write(t.getMinute());
        out.write(t.getSecond());
        out.write(0xC0 | (satellites & 0x0F)); // GPS info length 12, satellites
        boolean valid = lat != null && lon != null;
        writeInt(out, valid ? Math.round(Math.abs(lat) * 1_800_000) : 0);
        writeInt(out, valid ? Math.round(Math.abs(lon) * 1_800_000) : 0);
        out.write(speed);
        int flags = course & 0x3FF;
        if (valid) {
            flags |= 1 << 12;
            if (lat >= 0) {
                flags |= 1 << 10;
            }
            if (lon < 0) {
                flags |= 1 << 11;
            }
        }
        out.write(flags >> 8);
        out.write(flags);
    }

    private static void cell(ByteArrayOutputStream out, Cell cell) {
        out.write(cell.mcc() >> 8);
        out.write(cell.mcc());
        out.write(cell.mnc());
        out.write(cell.lac() >> 8);
        out.write(cell.lac());
        out.write(cell.cellId() >> 16);
        out.write(cell.cellId() >> 8);
        out.write(cell.cellId());
    }

    private static void writeInt(ByteArrayOutputStream out, long value) {
        out.write((int) (value >> 24));
        out.write((int) (value >> 16));
        out.write((int) (value >> 8));
        out.write((int) value);
    }

    public static byte[] packet(int protocol, byte[] content, int serial) {
        return packet(protocol, content, serial, false);
    }

    private static byte[] packet(int protocol, byte[] content, int serial, boolean extended) {
        int length = 1 + content.length + 2 + 2;
        int head = extended ? 4 : 3;
        byte[] p = new byte[head + length + 2];
        p[0] = (byte) (extended ? 0x79 : 0x78);
        p[1] = p[0];
        if (extended) {
            p[2] = (byte) (length >> 8);
            p[3] = (byte) length;
        } else {
            p[2] = (byte) length;
        }
        p[head] = (byte) protocol;
        System.arraycopy(content, 0, p, head + 1, content.length);
        int i = head + 1 + content.length;
        p[i++] = (byte) (serial >> 8);
        p[i++] = (byte) serial;
        int crc = crc16x25(p, 2, i);
        p[i++] = (byte) (crc >> 8);
        p[i++] = (byte) crc;
        p[i++] = 0x0D;
        p[i] = 0x0A;
        return p;
    }

    /** CRC-16/X.25 (CRC-ITU in the manual) from the length byte(s) through the serial. */
    public static int crc16x25(byte[] bytes, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return ~crc & 0xFFFF;
    }
}

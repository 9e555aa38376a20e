package org.anxin.gateway.protocol.gt06;

/**
 * One GT06 packet with its CRC checked.
 *
 * @param content the bytes between the protocol number and the serial number
 * @param hex the whole packet as lower-case hex, for the audit trail
 */
public record Gt06Frame(int protocol, byte[] content, int serial, boolean extended, String hex) {
    static final int LOGIN = 0x01;
    static final int GPS = 0x12;
    static final int STATUS = 0x13;
    static final int ALARM = 0x16;
    static final int GPS_2 = 0x22;
    static final int ALARM_2 = 0x26;
}

package org.anxin.gateway.protocol.gt06;

import org.anxin.gateway.server.CheckedFrame;

/**
 * One GT06 packet, framing checked.
 *
 * @param content the bytes between the protocol number and the serial number
 * @param crcValid false when the packet's CRC-16/X.25 did not match (accepted all the same)
 * @param hex the whole packet as lower-case hex, for the audit trail
 */
public record Gt06Frame(int protocol, byte[] content, int serial, boolean extended, boolean crcValid, String hex)
        implements CheckedFrame {
    static final int LOGIN = 0x01;
    static final int GPS_ONLY = 0x10;
    static final int GPS_LBS_6 = 0x11;
    static final int GPS = 0x12;
    static final int STATUS = 0x13;
    static final int COMMAND_ANSWER = 0x15;
    static final int ALARM = 0x16;
    static final int LBS_STATUS = 0x19;
    static final int COMMAND_ANSWER_2 = 0x21;
    static final int GPS_2 = 0x22;
    static final int HEARTBEAT = 0x23;
    static final int ALARM_2 = 0x26;
    static final int ALARM_3 = 0x27;
    static final int ADDRESS_REQUEST = 0x2A;
    static final int TIME_REQUEST = 0x8A;

    @Override
    public boolean checksumValid() {
        return crcValid;
    }
}

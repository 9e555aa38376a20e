package org.anxin.gateway.protocol.gt06;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.anxin.gateway.command.Command;

/**
 * Downlink commands for GT06 trackers: the online command packet 0x80 carrying the SMS command
 * text ({@code WHERE#}, {@code SOS,A,n1,n2,n3#}, {@code TIMER,s#}) and a 4-byte server flag the
 * device returns in its answer (0x15 or 0x21). Layout after Concox's JM-VL03 protocol v1.1.2,
 * whose example {@code 78780E800800000000736F732300016D6A0D0A} is "sos#" with flag 0, serial 1.
 */
public final class Gt06Commands {
    static final int ONLINE_COMMAND = 0x80;

    private Gt06Commands() {}

    /** The SMS-style text; IllegalArgumentException for a command GT06 trackers do not have. */
    public static String content(Command c) {
        return switch (c.type()) {
            case Command.LOCATE -> "WHERE#";
            case Command.SOS_NUMBERS -> "SOS,A," + (c.numbers() == null ? "" : c.numbers()) + "#";
            case Command.UPLOAD_INTERVAL -> {
                if (c.seconds() == null) {
                    throw new IllegalArgumentException("UPLOAD_INTERVAL needs seconds");
                }
                yield "TIMER," + c.seconds() + "#";
            }
            default -> throw new IllegalArgumentException("GT06 trackers have no " + c.type() + " command");
        };
    }

    static byte[] packet(int serverFlag, String content, int serial) {
        byte[] text = content.getBytes(StandardCharsets.US_ASCII);
        if (1 + 1 + 4 + text.length + 2 + 2 > 0xFF) { // protocol, command length, flag, text, serial, CRC
            throw new IllegalArgumentException("command text too long for one packet: " + content);
        }
        byte[] body = new byte[1 + 4 + text.length];
        body[0] = (byte) (4 + text.length);
        body[1] = (byte) (serverFlag >>> 24);
        body[2] = (byte) (serverFlag >>> 16);
        body[3] = (byte) (serverFlag >>> 8);
        body[4] = (byte) serverFlag;
        System.arraycopy(text, 0, body, 5, text.length);
        return Gt06Encoder.packet(false, ONLINE_COMMAND, body, serial);
    }

    public static ByteBuf packetBytes(int serverFlag, String content, int serial) {
        return Unpooled.wrappedBuffer(packet(serverFlag, content, serial));
    }

    /** The server flag a device's answer (0x15 or 0x21) carries, or null for any other packet. */
    static Integer answeredFlag(Gt06Frame frame) {
        byte[] c = frame.content();
        int offset =
                switch (frame.protocol()) {
                    case 0x21 -> 0; // flag, encoding, text
                    case 0x15 -> 1; // length, flag, text
                    default -> -1;
                };
        if (offset < 0 || c.length < offset + 4) {
            return null;
        }
        return ((c[offset] & 0xFF) << 24)
                | ((c[offset + 1] & 0xFF) << 16)
                | ((c[offset + 2] & 0xFF) << 8)
                | (c[offset + 3] & 0xFF);
    }
}

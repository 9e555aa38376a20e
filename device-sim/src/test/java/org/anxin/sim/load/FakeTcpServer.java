package org.anxin.sim.load;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.anxin.sim.wire.Gt06Packets;

/**
 * Just enough of the gateway's watch or GT06 side for the load client, on blocking sockets: a
 * watch's LK is answered {@code [3G*ID*0002*LK]}; a GT06 login (0x01) or status (0x13) packet
 * with a good CRC is answered {@code 78 78 05 PN SERIAL CRC 0D 0A}. It records every frame (watch
 * text, GT06 hex) and any problem with what it was sent.
 */
final class FakeTcpServer extends FakeServer {
    private final LoadProtocol protocol;

    final List<String> frames = new CopyOnWriteArrayList<>();

    FakeTcpServer(LoadProtocol protocol) throws IOException {
        super("fake-tcp");
        this.protocol = protocol;
    }

    @Override
    boolean exchange(DataInputStream in, OutputStream out) throws IOException {
        if (protocol == LoadProtocol.WATCH) {
            watch(in, out);
        } else {
            gt06(in, out);
        }
        return true;
    }

    private void watch(DataInputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int b;
        do {
            b = in.readUnsignedByte();
            frame.write(b);
        } while (b != ']');
        String text = frame.toString(StandardCharsets.US_ASCII);
        frames.add(text);
        String[] parts = text.substring(1, text.length() - 1).split("\\*", 4);
        if (!text.startsWith("[") || parts.length != 4 || Integer.parseInt(parts[2], 16) != parts[3].length()) {
            problems.add("bad watch frame " + text);
            return;
        }
        if (parts[3].startsWith("LK")) {
            out.write(("[" + parts[0] + "*" + parts[1] + "*0002*LK]").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void gt06(DataInputStream in, OutputStream out) throws IOException {
        byte[] head = new byte[3];
        in.readFully(head);
        byte[] packet = new byte[3 + (head[2] & 0xFF) + 2];
        System.arraycopy(head, 0, packet, 0, 3);
        in.readFully(packet, 3, packet.length - 3);
        frames.add(HexFormat.of().formatHex(packet));
        int end = packet.length;
        int crc = ((packet[end - 4] & 0xFF) << 8) | (packet[end - 3] & 0xFF);
        if (head[0] != 0x78
                || head[1] != 0x78
                || crc != Gt06Packets.crc16x25(packet, 2, end - 4)
                || packet[end - 2] != 0x0D
                || packet[end - 1] != 0x0A) {
            problems.add("bad GT06 packet " + HexFormat.of().formatHex(packet));
            return;
        }
        int protocolNumber = packet[3] & 0xFF;
        if (protocolNumber == 0x01 || protocolNumber == 0x13) {
            byte[] ack = {0x78, 0x78, 0x05, (byte) protocolNumber, packet[end - 6], packet[end - 5], 0, 0, 0x0D, 0x0A};
            int ackCrc = Gt06Packets.crc16x25(ack, 2, 6);
            ack[6] = (byte) (ackCrc >> 8);
            ack[7] = (byte) ackCrc;
            out.write(ack);
        } else {
            problems.add(String.format(Locale.ROOT, "unexpected GT06 protocol %02x", protocolNumber));
        }
    }
}

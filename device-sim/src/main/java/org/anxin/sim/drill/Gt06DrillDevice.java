package org.anxin.sim.drill;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import org.anxin.sim.wire.Gt06Packets;

/** A GT06 tracker on a TCP socket: login (0x01), then GPS packets (0x12), each waited for until its ack. */
final class Gt06DrillDevice extends DrillDevice {
    private static final Gt06Packets.Cell CELL = new Gt06Packets.Cell(460, 0, 0x2a3b, 0x00c1f2);
    private static final int LOGIN = 0x01;
    private static final int GPS = 0x12;

    private final String host;
    private final int port;
    private Socket socket;
    private DataInputStream in;
    private int serial;

    Gt06DrillDevice(String imei, String host, int port, long intervalMillis, Drill drill) {
        super(imei, intervalMillis, drill);
        this.host = host;
        this.port = port;
    }

    @Override
    String protocol() {
        return "gt06";
    }

    @Override
    void connect() throws IOException {
        Socket s = new Socket();
        socket = s;
        s.connect(new InetSocketAddress(host, port), 5_000);
        s.setTcpNoDelay(true);
        s.setSoTimeout(ACK_TIMEOUT_MILLIS);
        in = new DataInputStream(s.getInputStream());
        int login = nextSerial();
        s.getOutputStream().write(Gt06Packets.login(id(), login));
        awaitAck(LOGIN, login);
    }

    @Override
    void sendAndAwaitAck(Instant deviceTime) throws IOException {
        int gps = nextSerial();
        socket.getOutputStream().write(Gt06Packets.gps(deviceTime, 8, 30.27, 120.15, 0, 0, CELL, gps));
        awaitAck(GPS, gps);
    }

    /** Reads packets until the ack of {@code protocol} with {@code serial}; others are skipped. */
    private void awaitAck(int protocol, int serial) throws IOException {
        while (true) {
            int start = in.readUnsignedByte();
            if (start != 0x78 && start != 0x79) {
                continue;
            }
            if (in.readUnsignedByte() != start) {
                continue;
            }
            int length = start == 0x79 ? in.readUnsignedShort() : in.readUnsignedByte();
            checkReadable(length);
            byte[] body = new byte[length + 2];
            in.readFully(body);
            int got = body[0] & 0xFF;
            int gotSerial = ((body[length - 4] & 0xFF) << 8) | (body[length - 3] & 0xFF);
            if (got == protocol && gotSerial == serial) {
                return;
            }
        }
    }

    private int nextSerial() {
        serial = serial % 0xFFFF + 1;
        return serial;
    }

    @Override
    void disconnect() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
    }

    private static void checkReadable(int length) throws EOFException {
        if (length < 5) {
            throw new EOFException("a packet shorter than its protocol, serial and CRC");
        }
    }
}

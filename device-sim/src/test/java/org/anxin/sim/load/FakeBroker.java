package org.anxin.sim.load;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Just enough of an MQTT 3.1.1 broker for the load client, on plain blocking sockets (a thread per
 * connection): CONNECT → CONNACK with the configured code, PUBLISH QoS 1 → PUBACK (unless told
 * not to ack), PINGREQ → PINGRESP, DISCONNECT → close. It records what it was sent.
 */
final class FakeBroker extends FakeServer {
    private final int connAckCode;
    private final boolean ack;

    final Map<String, String> passwordsByClientId = new ConcurrentHashMap<>();
    final AtomicLong publishes = new AtomicLong();
    final AtomicLong qos0Publishes = new AtomicLong();
    final AtomicInteger disconnects = new AtomicInteger();
    final AtomicInteger pingRequests = new AtomicInteger();

    FakeBroker(int connAckCode, boolean ack) throws IOException {
        super("fake-broker");
        this.connAckCode = connAckCode;
        this.ack = ack;
    }

    static FakeBroker acking() throws IOException {
        return new FakeBroker(0, true);
    }

    @Override
    boolean exchange(DataInputStream in, OutputStream out) throws IOException {
        int first = in.readUnsignedByte();
        byte[] body = new byte[remainingLength(in)];
        in.readFully(body);
        switch (first >>> 4) {
            case 1 -> {
                connect(body);
                out.write(new byte[] {0x20, 0x02, 0x00, (byte) connAckCode});
            }
            case 3 -> {
                int qos = (first >>> 1) & 0x03;
                publishes.incrementAndGet();
                if (qos == 0) {
                    qos0Publishes.incrementAndGet();
                } else if (ack) {
                    int topicLength = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
                    out.write(new byte[] {0x40, 0x02, body[2 + topicLength], body[3 + topicLength]});
                }
            }
            case 12 -> {
                pingRequests.incrementAndGet();
                out.write(new byte[] {(byte) 0xD0, 0x00});
            }
            case 14 -> {
                disconnects.incrementAndGet();
                return false;
            }
            default -> problems.add("unexpected packet type " + (first >>> 4));
        }
        return true;
    }

    /** Records client id → password ("" when none) from a CONNECT body (3.1.2, 3.1.3). */
    private void connect(byte[] body) {
        int flags = body[7] & 0xFF;
        int at = 10;
        String clientId = string(body, at);
        at += 2 + clientId.getBytes(StandardCharsets.UTF_8).length;
        String password = "";
        if ((flags & 0x80) != 0) {
            String user = string(body, at);
            at += 2 + user.getBytes(StandardCharsets.UTF_8).length;
            if (!user.equals(clientId)) {
                problems.add("user name " + user + " is not the client id " + clientId);
            }
        }
        if ((flags & 0x40) != 0) {
            password = string(body, at);
        }
        passwordsByClientId.put(clientId, password);
    }

    private static String string(byte[] body, int at) {
        int length = ((body[at] & 0xFF) << 8) | (body[at + 1] & 0xFF);
        return new String(body, at + 2, length, StandardCharsets.UTF_8);
    }

    private static int remainingLength(DataInputStream in) throws IOException {
        int value = 0;
        int shift = 0;
        int digit;
        do {
            digit = in.readUnsignedByte();
            value |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0);
        return value;
    }
}

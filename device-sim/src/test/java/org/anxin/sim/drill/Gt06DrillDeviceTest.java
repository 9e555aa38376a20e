package org.anxin.sim.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.anxin.sim.wire.Gt06Packets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Gt06DrillDeviceTest {
    private static final String IMEI = "860001000000001";

    /**
     * The first connection takes the login and the first GPS packet, then dies without acking it;
     * the second acks everything. The device must send that same event again (same device time)
     * on a new connection, after a new login, and log exactly one ack for it.
     */
    @Test
    void anEventWhoseAckNeverCameIsSentAgainOnANewConnectionAndLoggedOnce(@TempDir Path dir) throws Exception {
        List<byte[]> gpsPackets = new CopyOnWriteArrayList<>();
        List<Integer> logins = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread fake = new Thread(() -> serve(server, gpsPackets, logins), "fake-gt06");
            fake.setDaemon(true);
            fake.start();

            AckLog log = new AckLog(dir.resolve("acked.tsv"));
            Drill drill = new Drill(log, Duration.ofMillis(1_500), Duration.ofSeconds(30));
            Gt06DrillDevice device = new Gt06DrillDevice(IMEI, "127.0.0.1", server.getLocalPort(), 1_000, drill);
            Thread runner = new Thread(device, "drill-device");
            runner.start();
            runner.join(Duration.ofSeconds(30).toMillis());
            assertThat(runner.isAlive())
                    .as("the device finished within the drain")
                    .isFalse();
            log.close();

            assertThat(logins).as("a login on each connection").hasSize(2);
            assertThat(gpsPackets).hasSize(2);
            byte[] firstTime = Arrays.copyOfRange(gpsPackets.get(0), 4, 10);
            byte[] secondTime = Arrays.copyOfRange(gpsPackets.get(1), 4, 10);
            assertThat(secondTime)
                    .as("the resent event carries the same device time")
                    .isEqualTo(firstTime);
            List<String> acked = Files.readAllLines(dir.resolve("acked.tsv"));
            assertThat(acked).hasSize(1);
            String[] fields = acked.get(0).split("\t");
            assertThat(fields[0]).isEqualTo("gt06");
            assertThat(fields[1]).isEqualTo(IMEI);
            assertThat(Long.parseLong(fields[2])).isEqualTo(epochSeconds(firstTime));
            assertThat(log.resent).hasValue(1);
            assertThat(log.reconnects).hasValue(1);
            assertThat(log.gaveUp).hasValue(0);
        }
    }

    /** Connection 1: ack the login, swallow the GPS packet, close. Later connections: ack everything. */
    private static void serve(ServerSocket server, List<byte[]> gpsPackets, List<Integer> logins) {
        for (int connection = 1; !server.isClosed(); connection++) {
            try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                while (true) {
                    byte[] packet = readPacket(in);
                    int protocol = packet[3] & 0xFF;
                    int serial = ((packet[packet.length - 6] & 0xFF) << 8) | (packet[packet.length - 5] & 0xFF);
                    if (protocol == 0x01) {
                        logins.add(serial);
                    } else if (protocol == 0x12) {
                        gpsPackets.add(packet);
                        if (connection == 1) {
                            break;
                        }
                    }
                    socket.getOutputStream().write(Gt06Packets.packet(protocol, new byte[0], serial));
                }
            } catch (IOException e) {
                // the device closed this connection (or the test closed the server): next
            }
        }
    }

    private static byte[] readPacket(DataInputStream in) throws IOException {
        byte[] head = new byte[3];
        in.readFully(head);
        byte[] packet = new byte[3 + (head[2] & 0xFF) + 2];
        System.arraycopy(head, 0, packet, 0, 3);
        in.readFully(packet, 3, packet.length - 3);
        return packet;
    }

    private static long epochSeconds(byte[] time) {
        return LocalDateTime.of(2000 + time[0], time[1], time[2], time[3], time[4], time[5])
                .toEpochSecond(ZoneOffset.UTC);
    }
}

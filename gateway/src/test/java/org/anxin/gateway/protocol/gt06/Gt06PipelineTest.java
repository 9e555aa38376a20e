package org.anxin.gateway.protocol.gt06;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.anxin.gateway.LeakCheck;
import org.anxin.gateway.PipelineRig;
import org.anxin.gateway.command.Command;
import org.anxin.gateway.command.Downlinks;
import org.anxin.gateway.protocol.TcpDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The GT06 pipeline fed the example packets of the Concox GT06 protocol manual (login, status,
 * GPS, alarm; IMEI 123456789012345), with a real Redis behind the hand-off. The manual's login
 * and alarm examples verify as printed; its GPS example is printed with a wrong CRC and its status
 * example with a wrong length and CRC, so those two are used with them corrected. The acks are the
 * manual's printed responses.
 */
@ExtendWith(LeakCheck.class)
class Gt06PipelineTest {
    private static final String IMEI = Gt06Line.IMEI;
    private static final String LOGIN = Gt06Line.LOGIN;
    private static final String LOGIN_ACK = Gt06Line.LOGIN_ACK;
    private static final String STATUS = "78780a134b040300010011634f0d0a";
    private static final String STATUS_WITH_BAD_CRC = "78780a134b040300010011634e0d0a";
    private static final String GPS = "78781f120b081d112e10cc027ac7eb0c46584900148f01cc00287d001fb8000373770d0a";
    private static final String ALARM =
            "787825160b0b0f0e241dcf027ac8870c4657e60014020901cc00287d001f726506040101003656a40d0a";

    private static final PipelineRig rig = PipelineRig.shared();
    private Gt06Line line;
    private EmbeddedChannel channel;
    private TcpDevices devices;

    @BeforeEach
    void openChannel() {
        line = new Gt06Line(rig);
        channel = line.channel;
        devices = line.devices;
    }

    @AfterEach
    void closeChannel() {
        line.close();
    }

    @Test
    void acknowledgesTheLoginOfARegisteredTracker() {
        register();

        write(LOGIN);

        assertThat(awaitReply()).isEqualTo(LOGIN_ACK);
        await(() -> "test-node".equals(rig.redis().client().get("anxin:session:" + IMEI)));
    }

    @Test
    void closesOnAnUnregisteredImeiWithoutAnswering() {
        write(LOGIN);

        await(() -> {
            channel.runPendingTasks();
            return !channel.isActive();
        });
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void closesOnDataBeforeLogin() {
        register();

        write(STATUS);

        assertThat(channel.isActive()).isFalse();
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void acknowledgesAStatusPacketAndKeepsTheBattery() {
        login();

        write(STATUS);

        assertThat(awaitReply()).isEqualTo("787805130011f9700d0a");
        assertThat(awaitEvent("HEARTBEAT")).containsEntry("battery", "50");
    }

    @Test
    void storesAGpsPacketAndAcknowledgesIt() {
        login();

        write(GPS);

        assertThat(awaitEvent("LOCATION"))
                .containsEntry("lat", "23.111668")
                .containsEntry("lon", "114.409285")
                .containsEntry("deviceTime", "2011-08-29T17:46:16Z")
                .containsEntry("protocol", "gt06")
                .containsEntry("raw", GPS);
        assertThat(awaitReply()).isEqualTo("787805120003903f0d0a");
    }

    @Test
    void raisesAnSosAndAcknowledgesItOnceHandedOff() {
        login();

        write(ALARM);

        assertThat(awaitReply()).isEqualTo("78780516003695700d0a");
        assertThat(awaitEvent("SOS"))
                .containsEntry("lat", "23.111755")
                .containsEntry("lon", "114.40923")
                .containsEntry("battery", "100")
                .containsEntry("deviceTime", "2011-11-15T14:36:29Z");
    }

    @Test
    void aTrackerThatMissesItsHeartbeatsIsClosedAndReportedSilent() {
        login();

        channel.advanceTimeBy(Gt06ChannelInitializer.IDLE_SECONDS + 1, java.util.concurrent.TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isActive()).isFalse();
        assertThat(awaitEvent("OFFLINE")).containsEntry("attrs", "{\"reason\":\"heartbeat-silence\"}");
    }

    @Test
    void acceptsAStatusPacketWithABadCrcAndAnswersIt() {
        // clone firmware computes the CRC wrongly: its packets are kept, never its connection dropped
        login();

        write(STATUS_WITH_BAD_CRC);

        assertThat(awaitReply()).isEqualTo("787805130011f9700d0a");
        assertThat(awaitEvent("HEARTBEAT")).containsEntry("raw", STATUS_WITH_BAD_CRC);
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void joinsAPacketSplitAcrossReads() {
        login();

        write(ALARM.substring(0, 30));
        write(ALARM.substring(30));

        assertThat(awaitReply()).isEqualTo("78780516003695700d0a");
    }

    @Test
    void splitsTwoPacketsArrivingInOneRead() {
        register();

        write(LOGIN + STATUS);

        assertThat(awaitReply()).isEqualTo(LOGIN_ACK);
        assertThat(awaitReply()).isEqualTo("787805130011f9700d0a");
    }

    @Test
    void closesOnGarbageWithoutLeaking() {
        ByteBuf garbage = Unpooled.wrappedBuffer(HexFormat.of().parseHex("474554202f20485454502f312e310d0a"));

        channel.writeInbound(garbage);

        assertThat(channel.isActive()).isFalse();
        assertThat(garbage.refCnt()).isZero();
    }

    @Test
    void closesOnAnOverLongExtendedPacket() {
        write("7979ffff01");

        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void keepsALiveConnectionThroughGarbageAndAnswersTheSosBehindIt() {
        login();

        write("0d0a474554202f" + ALARM + "ffff");
        write(STATUS);

        assertThat(awaitReply()).isEqualTo("78780516003695700d0a");
        assertThat(awaitReply()).isEqualTo("787805130011f9700d0a");
        assertThat(awaitEvent("SOS")).containsEntry("raw", ALARM);
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void skipsALengthThatLiesAfterLoginAndReadsTheNextPacket() {
        login();

        write("78780316" + ALARM); // length 3 is below any packet's

        assertThat(awaitReply()).isEqualTo("78780516003695700d0a");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void skipsAnOverLongExtendedPacketAfterLogin() {
        login();

        write("7979ffff01" + STATUS);

        assertThat(awaitReply()).isEqualTo("787805130011f9700d0a");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void raisesAGenericAlarmForAnAlarmPacketTooShortToRead() {
        login();
        String shortAlarm = "787808160b0b0f000592450d0a"; // constructed: 0x16 with 3 content bytes

        write(shortAlarm);

        assertThat(awaitReply()).isEqualTo("78780516000596680d0a");
        assertThat(awaitEvent("ALARM"))
                .containsEntry("vendorCode", "unreadable")
                .doesNotContainKey("lat");
    }

    @Test
    void answersAnEmptyGpsPacketWithoutMakingAnEvent() {
        // Traccar's corpus (traccar/traccar Gt06ProtocolDecoderTest): a 0x12 with no content
        login();

        write("787805120099abec0d0a");

        assertThat(awaitReply()).isEqualTo("787805120099abec0d0a");
        awaitEvent("ONLINE");
        assertThat(line.events()).extracting(e -> e.get("type")).containsExactly("ONLINE");
    }

    @Test
    void mapsTheManualsAlarmCodes() {
        assertThat(List.of(0x01, 0x02, 0x0E, 0x18, 0x23, 0x06).stream()
                        .map(c -> Gt06Alarm.ofCode(c).type()))
                .extracting(Enum::name)
                .containsExactly("SOS", "POWER_CUT", "LOW_BATTERY", "WATCH_REMOVED", "FALL", "ALARM");
    }

    @Test
    void theOnlineCommandPacketIsTheManualsExample() {
        // Concox JM-VL03 protocol v1.1.2, online command 0x80: "sos#", server flag 0, serial 1
        assertThat(HexFormat.of().formatHex(Gt06Commands.packet(0, "sos#", 1)))
                .isEqualTo("78780e800800000000736f732300016d6a0d0a");
    }

    @Test
    void carriesALocateCommandAndHearsTheTrackerAnswerWithItsFlag() {
        login();

        downlinks().deliver(new Command(7, IMEI, "gt06", Command.LOCATE, null, null, null));

        // length 0x10, protocol 0x80, command length 4 + 6, server flag 7, "WHERE#", serial 1, CRC, stop
        assertThat(awaitReply())
                .startsWith("787810800a00000007" + "574845524523" + "0001")
                .endsWith("0d0a");
        rig.awaitCommandStatus(channel, 7, "SENT");
        write(answer(7, "OK!", 2)); // 0x21 answer: flag 7, ASCII
        rig.awaitCommandStatus(channel, 7, "DELIVERED");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void setsSosNumbersAndRefusesACommandGt06HasNot() {
        login();
        Downlinks downlinks = downlinks();

        downlinks.deliver(new Command(8, IMEI, "gt06", Command.SOS_NUMBERS, "13800000001", null, null));
        assertThat(awaitReply())
                .contains(HexFormat.of().formatHex("SOS,A,13800000001#".getBytes(StandardCharsets.US_ASCII)));
        downlinks.deliver(new Command(9, IMEI, "gt06", Command.CALL_BACK, null, "12349", null));

        rig.awaitCommandStatus(channel, 9, "FAILED");
        assertThat(channel.outboundMessages()).isEmpty();
    }

    /** A 0x21 command answer (79 79 framing) as a tracker sends it. */
    private static String answer(int flag, String text, int serial) {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        int length = 1 + 4 + 1 + body.length + 2 + 2;
        byte[] p = new byte[2 + 2 + length + 2];
        p[0] = 0x79;
        p[1] = 0x79;
        p[2] = (byte) (length >> 8);
        p[3] = (byte) length;
        p[4] = 0x21;
        p[5] = (byte) (flag >>> 24);
        p[6] = (byte) (flag >>> 16);
        p[7] = (byte) (flag >>> 8);
        p[8] = (byte) flag;
        p[9] = 0x01;
        System.arraycopy(body, 0, p, 10, body.length);
        int i = 10 + body.length;
        p[i++] = (byte) (serial >> 8);
        p[i++] = (byte) serial;
        int crc = Gt06Crc.of(p, 2, i);
        p[i++] = (byte) (crc >> 8);
        p[i++] = (byte) crc;
        p[i++] = 0x0D;
        p[i] = 0x0A;
        return HexFormat.of().formatHex(p);
    }

    private Downlinks downlinks() {
        return new Downlinks(Map.of("gt06", new Gt06Downlink(devices)), rig.commandResults());
    }

    private void register() {
        line.register();
    }

    private void login() {
        line.login();
    }

    private void write(String hex) {
        line.write(hex);
    }

    private String awaitReply() {
        return line.awaitReply();
    }

    private Map<String, String> awaitEvent(String type) {
        return line.awaitEvent(type);
    }

    private static void await(BooleanSupplier condition) {
        PipelineRig.await(condition);
    }
}

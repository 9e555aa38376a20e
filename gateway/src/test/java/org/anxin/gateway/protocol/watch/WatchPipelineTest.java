package org.anxin.gateway.protocol.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.anxin.gateway.LeakCheck;
import org.anxin.gateway.PipelineRig;
import org.anxin.gateway.command.Command;
import org.anxin.gateway.command.Downlinks;
import org.anxin.gateway.forward.EventForwarder;
import org.anxin.gateway.forward.EventStreams;
import org.anxin.gateway.protocol.TcpDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Protocol;

/**
 * The "3G" watch pipeline fed real frames. Frames are from Traccar's public test corpus for this
 * protocol (traccar/traccar, src/test/java/org/traccar/protocol/WatchProtocolDecoderTest.java),
 * captured from SeTracker-family watches; a real Redis sits behind the hand-off.
 */
@ExtendWith(LeakCheck.class)
class WatchPipelineTest {
    private static final PipelineRig rig = PipelineRig.shared();
    private EmbeddedChannel channel;
    private TcpDevices devices;

    @BeforeEach
    void openChannel() {
        rig.redis().client().flushAll();
        channel = new EmbeddedChannel();
        devices = rig.tcpDevices();
        new WatchChannelInitializer(devices).configure(channel.pipeline());
    }

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    @Test
    void answersAHeartbeatAndKeepsItsBattery() {
        register("4700186508");

        write("[3G*4700186508*000B*LK,0,10,100]");

        assertThat(awaitReply()).isEqualTo("[3G*4700186508*0002*LK]");
        Map<String, String> event = awaitEvent("4700186508", "HEARTBEAT");
        assertThat(event).containsEntry("battery", "100").containsEntry("protocol", "watch");
    }

    @Test
    void answersABareHeartbeat() {
        register("8800000015");

        write("[SG*8800000015*0002*LK]");

        assertThat(awaitReply()).isEqualTo("[SG*8800000015*0002*LK]");
    }

    @Test
    void storesAPositionWithoutAnswering() {
        register("8800000015");

        write("[SG*8800000015*0087*UD,220414,134652,A,22.571707,N,113.8613968,E,0.1,0.0,100,7,60,90,1000,50,0000,4,1,"
                + "460,0,9360,4082,131,9360,4092,148,9360,4091,143,9360,4153,141]");

        Map<String, String> event = awaitEvent("8800000015", "LOCATION");
        assertThat(event)
                .containsEntry("lat", "22.571707")
                .containsEntry("lon", "113.8613968")
                .containsEntry("battery", "90")
                .containsEntry("deviceTime", "2014-04-22T13:46:52Z")
                .containsEntry("attrs", "{\"fix\":\"GPS\"}");
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void raisesAnSosWithoutAFixAsAnAlarmWithNoLocation() {
        register("8809008845");

        write("[3G*8809008845*00C0*AL,271219,094744,V,00.000000,N, 0.0000000,E,0.00,0.0,0.0,0,100,81,0,0,00010000,7,0,"
                + "460,0,9336,3981,141,9336,3912,141,9336,3982,140,9765,4233,134,9765,4071,134,9765,4321,134,9336,4353,"
                + "132,0,0.0]");

        assertThat(awaitReply()).isEqualTo("[3G*8809008845*0002*AL]");
        Map<String, String> event = awaitEvent("8809008845", "SOS");
        assertThat(event)
                .doesNotContainKeys("lat", "lon")
                .containsEntry("battery", "81")
                .containsEntry("attrs", "{\"fix\":\"LBS\"}"); // seven cells, no access point
    }

    @Test
    void labelsAReportWithoutAFixButWithAccessPointsAsWifi() {
        register("5678901234");
        // constructed from the 3G protocol document's UD layout: 'V', one cell, three access points
        String content = "UD,180916,025723,V,0.000000,N,0.0000000,E,0.00,0.0,0.0,0,100,100,0,0,00000000,1,255,460,0,"
                + "9346,5223,43,3,abc,1c:fa:68:13:a5:b4,-61,abc,0c:4b:54:72:b7:8c,-70,abc,64:09:80:6c:37:a0,-72,11.0";

        write(String.format(java.util.Locale.ROOT, "[3G*5678901234*%04x*%s]", content.length(), content));

        assertThat(awaitEvent("5678901234", "HEARTBEAT"))
                .doesNotContainKeys("lat", "lon")
                .containsEntry("attrs", "{\"fix\":\"WIFI\"}");
    }

    @Test
    void raisesAFallWithItsPosition() {
        register("8308373902");

        write(
                "[3G*8308373902*0080*AL,230817,095346,A,47.083950,N,15.4821850,E,7.60,273.8,0.0,4,15,44,0,0,00200010,2,255,"
                        + "232,1,7605,42530,118,7605,58036,119,0,65.8]");

        assertThat(awaitReply()).isEqualTo("[3G*8308373902*0002*AL]");
        assertThat(awaitEvent("8308373902", "FALL"))
                .containsEntry("lat", "47.083950")
                .containsEntry("lon", "15.4821850")
                .containsEntry("battery", "44");
    }

    @Test
    void echoesTheIndexOfANumberedFrameAndSeesTheWatchTakenOff() {
        register("014111001332708");

        write("[ZJ*014111001332708*0075*0064*AL,040418,052156,A,22.536207,N,113.938673,E,0,0,0,5,100,82,1000,50,"
                + "00100000,1,255,460,0,9340,3663,35]");

        assertThat(awaitReply()).isEqualTo("[ZJ*014111001332708*0075*0002*AL]");
        assertThat(awaitEvent("014111001332708", "WATCH_REMOVED")).containsEntry("lat", "22.536207");
    }

    @Test
    void reportsALowBatteryAlarm() {
        register("8800000015");

        write("[SG*8800000015*0087*AL,220414,134652,A,22.571707,N,113.8613968,E,0.1,0.0,100,7,60,90,1000,50,0001,4,1,"
                + "460,0,9360,4082,131,9360,4092,148,9360,4091,143,9360,4153,141]");

        assertThat(awaitReply()).isEqualTo("[SG*8800000015*0002*AL]");
        assertThat(awaitEvent("8800000015", "LOW_BATTERY")).containsEntry("battery", "90");
    }

    @Test
    void echoesAVoiceMessageQuery() {
        register("8800000015");

        write("[3G*8800000015*0003*TKQ]");

        assertThat(awaitReply()).isEqualTo("[3G*8800000015*0003*TKQ]");
    }

    @Test
    void keepsBloodPressureAndHeartRate() {
        register("4700609403");

        write("[3G*4700609403*0013*bphrt,120,79,73,,,,]");

        assertThat(awaitEvent("4700609403", "VITALS"))
                .containsEntry("attrs", "{\"heartRate\":73,\"systolic\":120,\"diastolic\":79}");
    }

    @Test
    void keepsBloodPressureWithoutHeartRate() {
        register("357653059860416");

        write("[ZJ*357653059860416*0007*000c*BLOOD,109,68]");

        assertThat(awaitEvent("357653059860416", "VITALS"))
                .containsEntry("attrs", "{\"systolic\":109,\"diastolic\":68}");
    }

    @Test
    void keepsAPulse() {
        register("8800000015");

        write("[CS*8800000015*0008*PULSE,72]");

        assertThat(awaitEvent("8800000015", "VITALS")).containsEntry("attrs", "{\"heartRate\":72}");
    }

    @Test
    void keepsBloodOxygen() {
        register("9705141740");

        write("[3G*9705141740*000B*oxygen,0,98]");

        assertThat(awaitEvent("9705141740", "VITALS")).containsEntry("attrs", "{\"spo2\":98}");
    }

    @Test
    void keepsABodyTemperature() {
        register("2104326058");

        write("[3G*2104326058*000E*btemp2,1,35.29]");

        assertThat(awaitEvent("2104326058", "VITALS")).containsEntry("attrs", "{\"temperature\":35.29}");
    }

    @Test
    void keepsATemperatureOfANumberedFrame() {
        register("5678901234");

        write("[ZJ*5678901234*0001*0009*TEMP,36.5]");

        assertThat(awaitEvent("5678901234", "VITALS")).containsEntry("attrs", "{\"temperature\":36.5}");
    }

    @Test
    void aHeartRateOfZeroIsNoReading() {
        register("6005412902");

        write("[3G*6005412902*0007*heart,0][3G*6005412902*0008*heart,71]");

        assertThat(awaitEvent("6005412902", "VITALS")).containsEntry("attrs", "{\"heartRate\":71}");
    }

    @Test
    void dropsAReadingOutOfRangeAndKeepsTheConnection() {
        register("6005412902");

        write("[3G*6005412902*0007*heart,400][3G*6005412902*0002*LK]");

        assertThat(awaitReply()).isEqualTo("[3G*6005412902*0002*LK]");
        awaitEvent("6005412902", "HEARTBEAT");
        assertThat(rig.events("6005412902")).extracting(e -> e.get("type")).doesNotContain("VITALS");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void refusesAnUnregisteredWatchWithoutAnswering() {
        write("[SG*9999999999*0002*LK]");

        await(() -> {
            channel.runPendingTasks();
            return !channel.isActive();
        });
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(rig.redis().client().keys("anxin:events:*")).isEmpty();
        assertThat(rig.redis().client().keys("anxin:alarms:*")).isEmpty();
    }

    @Test
    void closesAWatchThatFloodsFramesBeforeItsLoginIsDecided() {
        register("8800000015");

        write("[SG*8800000015*0002*LK]".repeat(40)); // one read: all arrive while the look-up runs

        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void closesWhenAFrameOfAnotherIdArrivesWithTheFirst() {
        register("8800000015");

        write("[SG*8800000015*0002*LK][SG*8800000016*0002*LK]");

        assertThat(awaitReply()).isEqualTo("[SG*8800000015*0002*LK]");
        await(() -> {
            channel.runPendingTasks();
            return !channel.isActive();
        });
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void joinsAFrameSplitAcrossReads() {
        register("8800000015");

        write("[SG*8800000015*00");
        write("02*LK]");

        assertThat(awaitReply()).isEqualTo("[SG*8800000015*0002*LK]");
    }

    @Test
    void splitsTwoFramesArrivingInOneRead() {
        register("8800000015");

        write("[SG*8800000015*0002*LK][3G*8800000015*0003*TKQ]");

        assertThat(awaitReply()).isEqualTo("[SG*8800000015*0002*LK]");
        assertThat(awaitReply()).isEqualTo("[3G*8800000015*0003*TKQ]");
    }

    @Test
    void closesOnGarbageWithoutLeaking() {
        ByteBuf garbage = Unpooled.copiedBuffer("GET / HTTP/1.1\r\n\r\n", StandardCharsets.US_ASCII);

        channel.writeInbound(garbage);

        assertThat(channel.isActive()).isFalse();
        assertThat(garbage.refCnt()).isZero();
    }

    @Test
    void closesOnAFrameOverTheMaximumLength() {
        register("8800000015");

        write("[SG*8800000015*FFFF*UD," + "9".repeat(70_000));

        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void aWatchThatMissesItsHeartbeatsIsClosedAndReportedSilent() {
        register("8800000015");
        write("[SG*8800000015*0002*LK]");
        assertThat(awaitReply()).isEqualTo("[SG*8800000015*0002*LK]");

        channel.advanceTimeBy(WatchChannelInitializer.IDLE_SECONDS + 1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isActive()).isFalse();
        assertThat(awaitEvent("8800000015", "OFFLINE").get("attrs")).isEqualTo("{\"reason\":\"heartbeat-silence\"}");
    }

    @Test
    void stopsReadingWhileRedisIsSlowAndCatchesUpWhenItIsBack() throws Exception {
        register("8800000015");
        // a small hand-off queue: congested from 4 waiting events
        try (EventForwarder small = new EventForwarder(
                rig.redis().client(), new EventStreams(8), PipelineRig.NODE, 8, Duration.ofSeconds(30))) {
            EmbeddedChannel watch = new EmbeddedChannel();
            new WatchChannelInitializer(
                            new TcpDevices(rig.directory(), rig.sessions(), small, rig.workers(), rig.metrics()))
                    .configure(watch.pipeline());
            watch.writeInbound(Unpooled.copiedBuffer("[SG*8800000015*0002*LK]", StandardCharsets.US_ASCII));
            PipelineRig.awaitOutbound(watch).release();

            // Redis holds every write (CLIENT PAUSE … WRITE) until unpaused: the hand-off backs up
            rig.redis().client().sendCommand(Protocol.Command.CLIENT, "PAUSE", "20000", "WRITE");
            try {
                for (int i = 0; i < 6; i++) {
                    watch.writeInbound(Unpooled.copiedBuffer(
                            "[SG*8800000015*000B*LK,0,10,9" + i + "]", StandardCharsets.US_ASCII));
                }
                assertThat(watch.config().isAutoRead()).isFalse();
                assertThat(watch.isActive()).isTrue();
            } finally {
                rig.redis().client().sendCommand(Protocol.Command.CLIENT, "UNPAUSE");
            }

            PipelineRig.await(() -> {
                watch.runPendingTasks();
                return watch.config().isAutoRead();
            });
            PipelineRig.await(() -> rig.events("8800000015").stream()
                    .filter(e -> "HEARTBEAT".equals(e.get("type")) && e.containsKey("battery"))
                    .map(e -> e.get("battery"))
                    .toList()
                    .equals(List.of("90", "91", "92", "93", "94", "95")));
            watch.finishAndReleaseAll();
        }
    }

    @Test
    void carriesALocateCommandAndHearsTheWatchAnswerIt() {
        register("8800000015");
        write("[SG*8800000015*0002*LK]");
        assertThat(awaitReply()).isEqualTo("[SG*8800000015*0002*LK]");

        downlinks().deliver(new Command(41, "8800000015", "watch", Command.LOCATE, null, null, null));

        assertThat(awaitReply()).isEqualTo("[SG*8800000015*0002*CR]");
        rig.awaitCommandStatus(channel, 41, "SENT");
        assertThat(rig.commandStatuses(41)).doesNotContain("DELIVERED");
        write("[SG*8800000015*0002*CR]"); // the watch's answer echoes the keyword
        rig.awaitCommandStatus(channel, 41, "DELIVERED");
    }

    @Test
    void setsSosNumbersUploadIntervalAndCallsBackInTheWatchsOwnFraming() {
        register("4700186508");
        write("[3G*4700186508*000B*LK,0,10,100]");
        assertThat(awaitReply()).isEqualTo("[3G*4700186508*0002*LK]");
        Downlinks downlinks = downlinks();

        downlinks.deliver(
                new Command(42, "4700186508", "watch", Command.SOS_NUMBERS, "13800000001,13900000002", null, null));
        assertThat(awaitReply()).isEqualTo("[3G*4700186508*001c*SOS,13800000001,13900000002,]");
        downlinks.deliver(new Command(43, "4700186508", "watch", Command.UPLOAD_INTERVAL, null, null, 600));
        assertThat(awaitReply()).isEqualTo("[3G*4700186508*000a*UPLOAD,600]");
        downlinks.deliver(new Command(44, "4700186508", "watch", Command.CALL_BACK, null, "12349", null));
        assertThat(awaitReply()).isEqualTo("[3G*4700186508*000a*CALL,12349]");
        downlinks.deliver(new Command(45, "4700186508", "watch", Command.MONITOR, null, "13800000001", null));
        assertThat(awaitReply()).isEqualTo("[3G*4700186508*0013*MONITOR,13800000001]");

        write("[3G*4700186508*0006*UPLOAD]");
        rig.awaitCommandStatus(channel, 43, "DELIVERED");
        assertThat(rig.commandStatuses(42)).containsExactly("SENT");
    }

    @Test
    void setsAMedicationReminderAndHearsTheWatchTakeIt() {
        register("4700186508");
        write("[3G*4700186508*000B*LK,0,10,100]");
        assertThat(awaitReply()).isEqualTo("[3G*4700186508*0002*LK]");

        downlinks().deliver(new Command(47, "4700186508", "watch", Command.REMIND, null, null, null, "08:00"));

        assertThat(awaitReply()).isEqualTo("[3G*4700186508*0010*REMIND,08:00-1-1]");
        rig.awaitCommandStatus(channel, 47, "SENT");
        write("[3G*4700186508*0006*REMIND]"); // the watch set the alarm clock
        rig.awaitCommandStatus(channel, 47, "DELIVERED");
    }

    @Test
    void setsTheWatchsSmsControlPasswordAndHearsTheWatchTakeIt() {
        register("4700186508");
        write("[3G*4700186508*000B*LK,0,10,100]");
        assertThat(awaitReply()).isEqualTo("[3G*4700186508*0002*LK]");

        downlinks()
                .deliver(new Command(
                        49, "4700186508", "watch", Command.WATCH_PASSWORD, null, null, null, null, "482913"));

        // Beesure/SeTracker server protocol, "Control password set up": [3G*8800000015*0009*PW,111111]
        assertThat(awaitReply()).isEqualTo("[3G*4700186508*0009*PW,482913]");
        rig.awaitCommandStatus(channel, 49, "SENT");
        write("[3G*4700186508*0002*PW]");
        rig.awaitCommandStatus(channel, 49, "DELIVERED");
    }

    @Test
    void aPasswordCommandWithoutDigitsFailsAndSendsNothing() {
        register("4700186508");
        write("[3G*4700186508*000B*LK,0,10,100]");
        assertThat(awaitReply()).isEqualTo("[3G*4700186508*0002*LK]");

        downlinks()
                .deliver(new Command(
                        50, "4700186508", "watch", Command.WATCH_PASSWORD, null, null, null, null, "12,34"));

        rig.awaitCommandStatus(channel, 50, "FAILED");
        assertThat(channel.outboundMessages()).isEmpty();
    }

    @Test
    void aReminderWithoutATimeOfDayFailsAndSendsNothing() {
        register("4700186508");
        write("[3G*4700186508*000B*LK,0,10,100]");
        assertThat(awaitReply()).isEqualTo("[3G*4700186508*0002*LK]");

        downlinks().deliver(new Command(48, "4700186508", "watch", Command.REMIND, null, null, null, "8 am"));

        rig.awaitCommandStatus(channel, 48, "FAILED");
        assertThat(channel.outboundMessages()).isEmpty();
    }

    @Test
    void aCommandForAWatchNotConnectedHereIsReportedSo() {
        downlinks().deliver(new Command(46, "4700186508", "watch", Command.LOCATE, null, null, null));

        rig.awaitCommandStatus(channel, 46, "NOT_CONNECTED");
        assertThat(channel.outboundMessages()).isEmpty();
    }

    private Downlinks downlinks() {
        return new Downlinks(Map.of("watch", new WatchDownlink(devices)), rig.commandResults());
    }

    private void register(String id) {
        rig.redis().client().hset("anxin:device:" + id, Map.of("protocol", "watch", "seniorId", "1"));
    }

    private void write(String frame) {
        channel.writeInbound(Unpooled.copiedBuffer(frame, StandardCharsets.US_ASCII));
    }

    private String awaitReply() {
        ByteBuf reply = PipelineRig.awaitOutbound(channel);
        try {
            return reply.toString(StandardCharsets.US_ASCII);
        } finally {
            reply.release();
        }
    }

    private Map<String, String> awaitEvent(String deviceId, String type) {
        return rig.awaitEvent(channel, deviceId, type);
    }

    private static void await(BooleanSupplier condition) {
        PipelineRig.await(condition);
    }
}

package org.anxin.gateway.protocol.gt06;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.anxin.gateway.LeakCheck;
import org.anxin.gateway.PipelineRig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GT06 packets as vendors' firmware sends them, through the real pipeline: the event each makes
 * and the reply bytes. "Traccar" frames are real captures from the public test corpus of Traccar's
 * decoder (traccar/traccar, src/test/java/org/traccar/protocol/Gt06ProtocolDecoderTest.java);
 * "manual" frames are the GT06 protocol manual's examples; "constructed" frames are a real frame
 * with one byte changed (named) and the CRC recomputed, where no public capture shows the case.
 */
@ExtendWith(LeakCheck.class)
class Gt06PacketsTest {
    private static final PipelineRig rig = PipelineRig.shared();
    private Gt06Line line;

    @BeforeEach
    void logIn() {
        line = new Gt06Line(rig);
        line.login();
    }

    @AfterEach
    void close() {
        line.close();
    }

    @Test
    void sosFromTheAlarmByteWithFourByteCellId() {
        // Traccar: 0x16 of 33 bytes, LBS length says 9 but the cell id has 4 bytes; alarm byte 01
        line.write("787826161709130f3a2dcc02c55f2a089f9af9005c210901360481fe066d9b03413e420102035f92fe0d0a");

        assertThat(line.awaitReply()).isEqualTo("78780516035f41df0d0a");
        assertThat(line.awaitEvent("SOS"))
                .containsEntry("lat", "25.827437")
                .containsEntry("lon", "-80.376458")
                .containsEntry("deviceTime", "2023-09-19T15:58:45Z")
                .doesNotContainKey("vendorCode");
    }

    @Test
    void sosFromTheTerminalBitsOfAVehicleLayout() {
        // Traccar: 0x16 of 31 bytes (LBS without length byte); terminal info 0x62, bits 3-5 = 4
        line.write("7878241617070a150e24ca01fba0040780e177005c0001720253360027db6204e40400004bf1e90d0a");

        assertThat(line.awaitReply()).isEqualTo("78780516004b3d120d0a");
        assertThat(line.awaitEvent("SOS")).containsEntry("lat", "18.482064").containsEntry("lon", "-69.937133");
    }

    @Test
    void sosFromTheTerminalBitsWhenTheAlarmByteIsNormal() {
        // constructed: the manual's alarm packet with alarm byte 01 -> 00; terminal info 0x65 (bits 3-5 = 4)
        line.write("787825160b0b0f0e241dcf027ac8870c4657e60014020901cc00287d001f72650604000100364a1f0d0a");

        assertThat(line.awaitReply()).isEqualTo("78780516003695700d0a");
        assertThat(line.awaitEvent("SOS")).containsEntry("battery", "100");
    }

    @Test
    void sosFromAnLbsAlarmPacketWithoutGps() {
        // Traccar: 0x19 (LBS + status), terminal info 0x20, alarm byte 01
        line.write("78781219028f0a29e10036f12003040102000875dc0d0a");

        assertThat(line.awaitReply()).isEqualTo("787805190008074a0d0a");
        assertThat(line.awaitEvent("SOS")).doesNotContainKey("lat").doesNotContainKey("deviceTime");
    }

    @Test
    void fallFromTheAlarmByteWinsOverSosBits() {
        // constructed: the manual's alarm packet with alarm byte 01 -> 23 (fall); its terminal bits say SOS
        line.write("787825160b0b0f0e241dcf027ac8870c4657e60014020901cc00287d001f7265060423010036e0810d0a");

        assertThat(line.awaitReply()).isEqualTo("78780516003695700d0a");
        assertThat(line.awaitEvent("FALL")).containsEntry("lat", "23.111755").containsEntry("lon", "114.40923");
    }

    @Test
    void fallInAnAlarmPacketWithFenceByte() {
        // constructed: Traccar's 0x27 packet with alarm byte 0c -> 23 (fall)
        line.write("78782727110c0b0e170f850450059107f461ae001c7e0a81360104cb8a00bef32806032302ff00031cdc0d0a");

        assertThat(line.awaitReply()).isEqualTo("7878052700032f2c0d0a");
        assertThat(line.awaitEvent("FALL")).containsEntry("deviceTime", "2017-12-11T14:23:15Z");
    }

    @Test
    void anAlarmPacketWithCodeZeroAndQuietBitsIsAPosition() {
        // Traccar: 0x16, terminal info 0x40 (bits 3-5 = 0), alarm byte 00: no alarm card
        line.write("787825160B051B093523CF027AC8360C4657B30014000901CC00266A001E1740050400020008D7B10D0A");

        assertThat(line.awaitReply()).isEqualTo("7878051600084d8d0d0a");
        assertThat(line.awaitEvent("LOCATION"))
                .containsEntry("lat", "23.11171")
                .containsEntry("lon", "114.409202")
                .containsEntry("attrs", "{\"fix\":\"GPS\"}"); // a GPS block's valid fix is a satellite fix
        line.awaitEvent("ONLINE"); // handed off after the login's session is registered: may come later
        assertThat(line.events()).extracting(e -> e.get("type")).containsOnly("ONLINE", "LOCATION");
    }

    @Test
    void strapRemovedFromTheTerminalBits() {
        // Traccar: 0x16, terminal info 0x7c (bits 3-5 = 7), alarm byte 00
        line.write("7878251613020C12141AC5027951430C2A16F60014000900000000001A00007C550300020002F1E70D0A");

        assertThat(line.awaitReply()).isEqualTo("787805160002e2d70d0a");
        assertThat(line.awaitEvent("WATCH_REMOVED")).containsEntry("battery", "85");
    }

    @Test
    void theAlarmByteWinsOverStrapBits() {
        // Traccar: 0x16 with a 45-byte LBS block; terminal info 0x7e (strap), alarm byte 09 (shock)
        line.write("78784A1614051C150204EC02777E560C2A2A2A5314AF00000000000004000000000000000000000000000000000000"
                + "0000000000000000000000000000000000000000007E061B0982004B24C00D0A");

        assertThat(line.awaitReply()).isEqualTo("78780516004b3d120d0a");
        assertThat(line.awaitEvent("ALARM"))
                .containsEntry("vendorCode", "09")
                .containsEntry("attrs", "{\"alarm\":\"shock\",\"fix\":\"GPS\"}")
                .containsEntry("battery", "100");
    }

    @Test
    void lowBatteryWithABadCrcIsAccepted() {
        // Traccar: 0x27 whose CRC does not verify (clone firmware); alarm byte 19, no GPS fix
        line.write("78782627100419092D07C5027AC91C0C4658000005370900000000000000008002001900FF00004DF60D0A");

        assertThat(line.awaitReply()).isEqualTo("7878052700001db70d0a");
        assertThat(line.awaitEvent("LOW_BATTERY")).doesNotContainKey("lat");
    }

    @Test
    void tamperInAnAlarmPacketWithFenceByte() {
        // Traccar: 0x27, LBS with a two-byte MNC, alarm byte 0c
        line.write("78782727110c0b0e170f850450059107f461ae001c7e0a81360104cb8a00bef32806030c02ff000316b10d0a");

        assertThat(line.awaitReply()).isEqualTo("7878052700032f2c0d0a");
        assertThat(line.awaitEvent("ALARM"))
                .containsEntry("vendorCode", "0c")
                .containsEntry("attrs", "{\"alarm\":\"tamper\",\"fix\":\"GPS\"}");
    }

    @Test
    void shockInTheSecondAlarmPacket() {
        // Traccar: 0x26, alarm byte 03
        line.write("7878252612030C063816C3026C10540C38C9700144030901CC002866000EEE0C06040302000DA2DB0D0A");

        assertThat(line.awaitReply()).isEqualTo("78780526000d9c8e0d0a");
        assertThat(line.awaitEvent("ALARM"))
                .containsEntry("vendorCode", "03")
                .doesNotContainKey("lat")
                .containsEntry("attrs", "{\"alarm\":\"shock\"}"); // no valid fix: no fix label
    }

    @Test
    void powerCutInTheSouthAndWest() {
        // Traccar: 0x16, alarm byte 02, terminal bits 2; flags say south and west
        line.write("7878251610051b0f1c34c5022515d504b5dcd20738080902d4022bdf009cba5006640201006759680d0a");

        assertThat(line.awaitReply()).isEqualTo("787805160067d67c0d0a");
        assertThat(line.awaitEvent("POWER_CUT"))
                .containsEntry("lat", "-19.991585")
                .containsEntry("lon", "-43.904117");
    }

    @Test
    void lowBatteryFromAnLbsAlarmPacket() {
        // Traccar: 0x19, alarm byte 19
        line.write("78781219012ed042cc00954d00040419000056fe290d0a");

        assertThat(line.awaitReply()).isEqualTo("787805190056bcb10d0a");
        assertThat(line.awaitEvent("LOW_BATTERY")).containsEntry("battery", "50");
    }

    @Test
    void anRfidAlarmLayoutWithAnUnknownCodeIsAPosition() {
        // Traccar: 0x16 of 40 bytes (status block, then an 8-byte RFID); alarm byte e8 is no alarm
        line.write(
                "78782d16190c1d0e3b03cf026cc8d40c367d800014000801cc0025ef40e88c450604e801c3000001453f920100271e590d0a");

        assertThat(line.awaitReply()).isEqualTo("78780516002794780d0a");
        assertThat(line.awaitEvent("LOCATION")).containsEntry("battery", "100");
    }

    @Test
    void aStatusPacketWithAVoltageWhereTheAlarmIsRaisesNothing() {
        // Traccar (SEEWORLD model): 0x13 whose 4th byte 0x0b is a voltage, last byte 01 not an SOS
        line.write("78780a134506560b0102242b850d0a");

        assertThat(line.awaitReply()).isEqualTo("787805130224acee0d0a");
        assertThat(line.awaitEvent("HEARTBEAT")).containsEntry("battery", "100");
        line.awaitEvent("ONLINE"); // handed off after the login's session is registered: may come later
        assertThat(line.events()).extracting(e -> e.get("type")).containsOnly("ONLINE", "HEARTBEAT");
    }

    @Test
    void aLongStatusPacketCarriesTheBatteryInPercent() {
        // Traccar: 0x13 of 16 bytes, battery 6 %
        line.write("7878151330802b00000642014f0008720000802b5ee4d4c90d0a");

        assertThat(line.awaitReply()).isEqualTo("787805135ee410b50d0a");
        assertThat(line.awaitEvent("HEARTBEAT")).containsEntry("battery", "6");
    }

    @Test
    void answersTheHeartbeatPacket() {
        // Traccar (GK310): 0x23
        line.write("78780B23C00122040001000818720D0A");

        assertThat(line.awaitReply()).isEqualTo("787805230008f29e0d0a");
        assertThat(line.awaitEvent("HEARTBEAT")).doesNotContainKey("battery");
    }

    @Test
    void answersAGpsOnlyPacket() {
        // constructed: the manual's GPS block as a 0x10 packet (length 0x17, serial 3)
        line.write("787817100b081d112e10cc027ac7eb0c46584900148f0003c9f70d0a");

        assertThat(line.awaitReply()).isEqualTo("78780510000325870d0a");
        assertThat(line.awaitEvent("LOCATION")).containsEntry("lon", "114.409285");
    }

    @Test
    void readsAPacketWhoseLengthByteLies() {
        // constructed: a status packet of 6 content bytes whose length byte says 0x0a (0x0b is right)
        line.write("78780a134b04030001000011c7a90d0a");

        assertThat(line.awaitReply()).isEqualTo("787805130011f9700d0a");
        assertThat(line.awaitEvent("HEARTBEAT")).containsEntry("battery", "50");
    }

    @Test
    void answersAGpsPacketWithoutLbs() {
        // constructed: the manual's 0x12 cut after its GPS block (18 bytes), length 0x17
        line.write("787817120b081d112e10cc027ac7eb0c46584900148f0003a72f0d0a");

        assertThat(line.awaitReply()).isEqualTo("787805120003903f0d0a");
        assertThat(line.awaitEvent("LOCATION")).containsEntry("lat", "23.111668");
    }

    @Test
    void answersTheSecondGpsPacket() {
        // Traccar: 0x22 with ACC, upload mode and re-upload bytes
        line.write("787822220F0C1D023305C9027AC8180C46586000140001CC00287D001F71000001000820860D0A");

        assertThat(line.awaitReply()).isEqualTo("787805220008a8420d0a");
        assertThat(line.awaitEvent("LOCATION")).containsEntry("deviceTime", "2015-12-29T02:51:05Z");
    }

    @Test
    void answersAMultiCellLbsPacketWithoutAnEvent() {
        // Traccar: 0x19 of 18 bytes (several cells, no status block)
        line.write("7878171915061810051a01f90101700d08c8f50c0000065494ae0d0a");

        assertThat(line.awaitReply()).isEqualTo("787805190654cb730d0a");
        line.awaitEvent("ONLINE");
        assertThat(line.events()).extracting(e -> e.get("type")).containsExactly("ONLINE");
    }

    @Test
    void answersAnAddressRequestWithNoAddress() {
        // Traccar (GK310): 0x2A; the answer is the address packet 0x97 in 79 79 framing
        line.write(
                "78782E2A0F0C1D071139CA027AC8000C4658000014D83132353230313335333231373730373900000000000001002A6ECE0D0A");

        assertThat(line.awaitReply()).isEqualTo("79790015970f000000004e4126264e412626302323002a93e90d0a");
    }

    @Test
    void answersATimeRequestWithTheTimeInUtc() {
        // Traccar (GK310): 0x8A; the answer carries YY MM DD hh mm ss
        Instant before = Instant.now();

        line.write("7878058A000688290D0A");

        String reply = line.awaitReply();
        assertThat(reply).startsWith("78780b8a").endsWith("0d0a").hasSize(2 * 16);
        byte[] t = HexFormat.of().parseHex(reply.substring(8, 20));
        Instant sent =
                LocalDateTime.of(2000 + t[0], t[1], t[2], t[3], t[4], t[5]).toInstant(ZoneOffset.UTC);
        assertThat(sent).isBetween(before.minusSeconds(1), Instant.now().plus(Duration.ofSeconds(1)));
        assertThat(reply.substring(20, 24)).isEqualTo("0006"); // the request's serial
    }
}

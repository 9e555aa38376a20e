package org.anxin.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The GT06 packets the simulator writes, against the example packets of the Concox GT06
 * protocol manual (IMEI 123456789012345). The manual prints its status and GPS examples with
 * wrong CRCs (and the status one with a wrong length); they are compared here with the CRC
 * recomputed, which the login and alarm examples confirm is the right algorithm.
 */
class Gt06PacketsTest {
    private static final Gt06Packets.Cell CELL = new Gt06Packets.Cell(460, 0, 0x287d, 0x001fb8);

    @Test
    void writesTheManualsLogin() {
        assertThat(hex(Gt06Packets.login("123456789012345", 1))).isEqualTo("78780d01012345678901234500018cdd0d0a");
    }

    @Test
    void writesTheManualsStatus() {
        assertThat(hex(Gt06Packets.status(0x4b, 4, 3, 0x0001, 0x11))).isEqualTo("78780a134b040300010011634f0d0a");
    }

    @Test
    void writesTheManualsGpsReport() {
        byte[] gps = Gt06Packets.gps(
                Instant.parse("2011-08-29T17:46:16Z"),
                12,
                41_601_003 / 1_800_000.0,
                205_936_713 / 1_800_000.0,
                0,
                0x8f,
                CELL,
                3);

        assertThat(hex(gps)).isEqualTo("78781f120b081d112e10cc027ac7eb0c46584900148f01cc00287d001fb8000373770d0a");
    }

    @Test
    void writesTheManualsAlarm() {
        byte[] alarm = Gt06Packets.alarm(
                Instant.parse("2011-11-15T14:36:29Z"),
                15,
                41_601_159 / 1_800_000.0,
                205_936_614 / 1_800_000.0,
                0,
                2,
                new Gt06Packets.Cell(460, 0, 0x287d, 0x001f72),
                0x65,
                6,
                4,
                Gt06Packets.SOS,
                1,
                0x36);

        assertThat(hex(alarm))
                .isEqualTo("787825160b0b0f0e241dcf027ac8870c4657e60014020901cc00287d001f726506040101003656a40d0a");
    }

    @Test
    void aReportWithoutAFixHasNoPositionAndNoValidFlag() {
        byte[] gps = Gt06Packets.gps(Instant.parse("2026-11-30T00:00:00Z"), 0, null, null, 0, 0, CELL, 9);

        // date, satellites byte, lat 0, lon 0, speed 0, flags 0000
        assertThat(hex(gps)).startsWith("78781f121a0b1e000000c0" + "00000000" + "00000000" + "00" + "0000");
    }

    @Test
    void answersAnOnlineCommandWithItsFlag() {
        assertThat(hex(Gt06Packets.commandAnswer(7, "OK!", 2))).startsWith("7979000d2100000007014f4b21" + "0002");
    }

    @Test
    void refusesAnImeiThatIsNotFifteenDigits() {
        assertThatThrownBy(() -> Gt06Packets.login("12345", 1)).hasMessageContaining("15 digits");
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

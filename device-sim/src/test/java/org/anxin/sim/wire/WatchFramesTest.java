package org.anxin.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The watch frames the simulator writes, against frames of real watches (Traccar's public test
 * corpus for this protocol, traccar/traccar WatchProtocolDecoderTest) and the protocol's field
 * order.
 */
class WatchFramesTest {

    @Test
    void writesTheHeartbeatOfARealWatch() {
        assertThat(WatchFrames.heartbeat("3G", "4700186508", 0, 10, 100)).isEqualTo("[3G*4700186508*000B*LK,0,10,100]");
    }

    @Test
    void writesAPositionReportWithItsLengthInHex() {
        String frame = WatchFrames.report(
                "UD", "SG", "8800000015", Instant.parse("2022-04-14T13:46:52Z"), 22.571707, 113.8613968, 90, 1000, 0);

        String content = "UD,140422,134652,A,22.571707,N,113.861397,E,0.00,0.0,0.0,8,80,90,1000,0,00000000";
        assertThat(frame).isEqualTo("[SG*8800000015*0050*" + content + "]");
        assertThat(content.length()).isEqualTo(0x50);
    }

    @Test
    void anSosWithoutAFixSaysVAndCarriesTheStatusBit() {
        String frame = WatchFrames.report(
                "AL", "3G", "4700186508", Instant.parse("2026-11-30T08:00:00Z"), null, null, 55, 12, WatchFrames.SOS);

        assertThat(frame)
                .isEqualTo(
                        "[3G*4700186508*004B*AL,301126,080000,V,0.000000,N,0.000000,E,0.00,0.0,0.0,0,80,55,12,0,00010000]");
    }

    @Test
    void southAndWestAreWrittenAsHemispheres() {
        String frame = WatchFrames.report(
                "UD", "3G", "1", Instant.parse("2026-01-02T03:04:05Z"), -33.865143, -70.6483, 50, 0, 0);

        assertThat(frame).contains(",A,33.865143,S,70.648300,W,");
    }
}

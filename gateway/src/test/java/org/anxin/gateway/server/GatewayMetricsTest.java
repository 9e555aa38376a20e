package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import java.util.HexFormat;
import java.util.Map;
import org.anxin.gateway.LeakCheck;
import org.anxin.gateway.protocol.gt06.Gt06FrameDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The frame meter behind real decoders, read back through the Prometheus scrape. */
@ExtendWith(LeakCheck.class)
class GatewayMetricsTest {
    /** Login of IMEI 123456789012345, from the GT06 protocol manual. */
    private static final String GT06_LOGIN = "78780d01012345678901234500018cdd0d0a";

    private final GatewayMetrics metrics = new GatewayMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void countsADecodedGt06PacketAsAFrame() {
        EmbeddedChannel channel = gt06Channel();

        channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(GT06_LOGIN)));

        assertThat(sample("anxin_gateway_frames_received_total{protocol=\"gt06\"}"))
                .isEqualTo(1.0);
        assertThat(sample("anxin_gateway_decode_errors_total{protocol=\"gt06\"}"))
                .isZero();
        assertThat(channel.isActive()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void countsAGt06PacketWithABadCrcAsAFrameAndAChecksumMismatch() {
        EmbeddedChannel channel = gt06Channel();

        channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(GT06_LOGIN.replace("8cdd", "8cde"))));

        assertThat(sample("anxin_gateway_checksum_mismatches_total{protocol=\"gt06\"}"))
                .isEqualTo(1.0);
        assertThat(sample("anxin_gateway_frames_received_total{protocol=\"gt06\"}"))
                .isEqualTo(1.0);
        assertThat(sample("anxin_gateway_decode_errors_total{protocol=\"gt06\"}"))
                .isZero();
        assertThat(channel.isActive()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void countsGarbageBetweenGt06PacketsAsADecodeErrorAndKeepsTheConnection() {
        EmbeddedChannel channel = gt06Channel();
        channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(GT06_LOGIN)));

        channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex("00ff" + GT06_LOGIN)));

        assertThat(sample("anxin_gateway_decode_errors_total{protocol=\"gt06\"}"))
                .isEqualTo(1.0);
        assertThat(sample("anxin_gateway_frames_received_total{protocol=\"gt06\"}"))
                .isEqualTo(2.0);
        assertThat(channel.isActive()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void countsAnMqttPacketOfAReservedTypeAsADecodeError() {
        EmbeddedChannel channel =
                new EmbeddedChannel(new MqttDecoder(), metrics.frameMeter("mqtt"), ExceptionHandler.INSTANCE);

        // packet type 0 is reserved: the decoder passes on a packet whose decoder result failed
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x00, 0x00}));

        assertThat(sample("anxin_gateway_decode_errors_total{protocol=\"mqtt\"}"))
                .isEqualTo(1.0);
        assertThat(sample("anxin_gateway_frames_received_total{protocol=\"mqtt\"}"))
                .isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void countsRefusalsByProtocolAndReason() {
        metrics.refused("watch", "unregistered");
        metrics.refused("watch", "unregistered");
        metrics.refused("mqtt", "bad_credentials");

        assertThat(sample("anxin_gateway_refused_total{protocol=\"watch\",reason=\"unregistered\"}"))
                .isEqualTo(2.0);
        assertThat(sample("anxin_gateway_refused_total{protocol=\"mqtt\",reason=\"bad_credentials\"}"))
                .isEqualTo(1.0);
    }

    @Test
    void readsTheConnectionGaugeAtEachScrape() {
        int[] open = {3};
        metrics.connections("watch", () -> open[0]);
        assertThat(sample("anxin_gateway_connections{protocol=\"watch\"}")).isEqualTo(3.0);

        open[0] = 1;

        assertThat(sample("anxin_gateway_connections{protocol=\"watch\"}")).isEqualTo(1.0);
    }

    private EmbeddedChannel gt06Channel() {
        return new EmbeddedChannel(new Gt06FrameDecoder(), metrics.frameMeter("gt06"), ExceptionHandler.INSTANCE);
    }

    private double sample(String series) {
        Map<String, Double> samples = PrometheusText.parse(metrics.scrape());
        assertThat(samples).as("series %s in the scrape", series).containsKey(series);
        return samples.get(series);
    }
}

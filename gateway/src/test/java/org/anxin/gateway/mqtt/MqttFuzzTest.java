package org.anxin.gateway.mqtt;

import static org.anxin.gateway.mqtt.MqttPipelineTest.CONNECT_V5;
import static org.anxin.gateway.mqtt.MqttPipelineTest.publish;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.anxin.gateway.FuzzProbe;
import org.anxin.gateway.LeakCheck;
import org.anxin.gateway.device.MqttPayloadParser;
import org.anxin.gateway.device.RejectedPayload;
import org.anxin.gateway.server.ExceptionHandler;
import org.anxin.gateway.server.FrameLogger;
import org.anxin.gateway.server.GatewayMetrics;

/**
 * The MQTT decoder (with the gateway's packet limit), the frame meter and the payload contract fed
 * generated and mutated packets under the paranoid leak detector: random bytes, truncations, length
 * lies, real CONNECT and PUBLISH packets with flipped bytes, PUBLISHes carrying random JSON. Only a
 * decoder error may end a connection, nothing leaks. Tries: {@code -Dfuzz.tries}.
 */
class MqttFuzzTest {
    private static final List<byte[]> PACKETS = List.of(
                    CONNECT_V5,
                    MqttPipelineTest.CONNECT,
                    publish(1, "{\"type\":\"SOS\",\"lat\":41.55,\"lon\":121.24}"),
                    publish(2, "{\"type\":\"VITALS\",\"heartRate\":72,\"spo2\":97}"),
                    "c000",
                    "82 27 0005 0022" + MqttPipelineTest.ascii("anxin/v1/devices/btn-0001/commands") + "01")
            .stream()
            .map(hex -> HexFormat.of().parseHex(hex.replace(" ", "")))
            .toList();

    private static final LeakCheck leaks = new LeakCheck();
    private static final GatewayMetrics metrics = new GatewayMetrics();

    @BeforeContainer
    static void watchForLeaks() {
        FuzzProbe.quiet(ExceptionHandler.class.getName());
        leaks.beforeEach(null);
    }

    @AfterContainer
    static void noLeaks() throws InterruptedException {
        leaks.afterEach(null);
    }

    @Property
    void noInputEscapesThePipeline(@ForAll("input") byte[] input, @ForAll @IntRange(min = 1, max = 4) int reads) {
        FuzzProbe probe = new FuzzProbe(MqttFuzzTest::handle);
        EmbeddedChannel channel = new EmbeddedChannel(
                new MqttDecoder(16_384), metrics.frameMeter("mqtt"), probe, ExceptionHandler.INSTANCE);

        FuzzProbe.writeInPieces(channel, input, reads);

        probe.assertNothingEscaped();
        channel.finishAndReleaseAll();
    }

    /** What the handlers run on a packet's content: the payload contract, and the frame log's masking. */
    private static void handle(Object msg) {
        if (msg instanceof MqttPublishMessage publish && publish.decoderResult().isSuccess()) {
            try {
                MqttPayloadParser.parse("btn-0001", publish.payload().toString(StandardCharsets.UTF_8), Instant.now());
            } catch (RejectedPayload e) {
                // answered and recorded by the publish handler
            }
        }
    }

    @Property
    void theFrameLogNeverFailsOnAConnect(@ForAll("input") byte[] input) {
        io.netty.buffer.ByteBuf bytes = io.netty.buffer.Unpooled.wrappedBuffer(input);
        if (input.length > 0) {
            input[0] = 0x10; // every input as a CONNECT, cut or whole
        }
        FrameLogger.MQTT.hex(bytes);
    }

    @Provide
    Arbitrary<byte[]> input() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> packet = Arbitraries.of(PACKETS);
        Arbitrary<byte[]> flipped = Combinators.combine(
                        packet, Arbitraries.integers().between(0, 200), Arbitraries.bytes())
                .as((p, at, value) -> {
                    byte[] copy = p.clone();
                    copy[at % copy.length] = value;
                    return copy;
                });
        Arbitrary<byte[]> truncated = Combinators.combine(
                        packet, Arbitraries.integers().between(0, 200))
                .as((p, cut) -> java.util.Arrays.copyOf(p, cut % p.length));
        Arbitrary<byte[]> json = Arbitraries.strings()
                .withChars("{}[]\":,.-0123456789 typeSOSVITALSlatonheartRatebattery")
                .ofMaxLength(150)
                .map(text -> HexFormat.of().parseHex(publish(7, text)));
        return Arbitraries.oneOf(random, flipped, truncated, json);
    }
}

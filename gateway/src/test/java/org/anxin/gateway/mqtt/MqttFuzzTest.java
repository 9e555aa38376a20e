package org.anxin.gateway.mqtt;

import static org.anxin.gateway.mqtt.MqttPipelineTest.CONNECT;
import static org.anxin.gateway.mqtt.MqttPipelineTest.CONNECT_V5;
import static org.anxin.gateway.mqtt.MqttPipelineTest.publish;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.anxin.gateway.Fuzz;
import org.anxin.gateway.FuzzProbe;
import org.anxin.gateway.LeakCheck;
import org.anxin.gateway.device.MqttPayloadParser;
import org.anxin.gateway.device.RejectedPayload;
import org.anxin.gateway.server.ExceptionHandler;
import org.anxin.gateway.server.FrameLogger;
import org.anxin.gateway.server.GatewayMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MQTT decoder (with the gateway's packet limit), the frame meter and the payload contract fed
 * generated and mutated packets under the paranoid leak detector: random bytes, real CONNECT,
 * PUBLISH, PINGREQ and SUBSCRIBE packets with a flipped byte, cut short, with a lying length or
 * garbage spliced in, PUBLISHes carrying random JSON. Only a decoder error may end a connection,
 * nothing leaks; the frame log's password masking never fails. Tries per test: {@code -Dfuzz.tries}.
 */
@ExtendWith(LeakCheck.class)
class MqttFuzzTest {
    private static final List<byte[]> PACKETS = List.of(
                    CONNECT_V5,
                    CONNECT,
                    publish(1, "{\"type\":\"SOS\",\"lat\":41.55,\"lon\":121.24}"),
                    publish(2, "{\"type\":\"VITALS\",\"heartRate\":72,\"spo2\":97}"),
                    "c000",
                    "82 27 0005 0022" + MqttPipelineTest.ascii("anxin/v1/devices/btn-0001/commands") + "01")
            .stream()
            .map(MqttFuzzTest::bytes)
            .toList();
    private static final String JSON_CHARS = "{}[]\":,.-0123456789 typeSOSVITALSlatonheartRatebattery";

    private static final GatewayMetrics metrics = new GatewayMetrics();
    private Runnable loud;

    @BeforeEach
    void quiet() {
        loud = FuzzProbe.quiet(ExceptionHandler.class.getName());
    }

    @AfterEach
    void loud() {
        loud.run();
    }

    @Test
    void noInputEscapesThePipeline() {
        Fuzz.run(Fuzz.Case.of(MqttFuzzTest::input), input -> {
            FuzzProbe probe = new FuzzProbe(MqttFuzzTest::handle);
            EmbeddedChannel channel = new EmbeddedChannel(
                    new MqttDecoder(16_384), metrics.frameMeter("mqtt"), probe, ExceptionHandler.INSTANCE);
            if (input.afterLogin()) {
                channel.writeInbound(Unpooled.wrappedBuffer(PACKETS.get(1)));
            }

            FuzzProbe.writeInPieces(channel, input.bytes(), input.reads());

            probe.assertNothingEscaped();
            channel.finishAndReleaseAll();
        });
    }

    @Test
    void theFrameLogMasksEveryConnectWithoutFailing() {
        Fuzz.run(MqttFuzzTest::input, input -> {
            if (input.length > 0) {
                input[0] = 0x10; // every input read as a CONNECT, whole or cut
            }
            FrameLogger.MQTT.hex(Unpooled.wrappedBuffer(input));
        });
    }

    /** What the publish handler runs on a PUBLISH: the payload contract. */
    private static void handle(Object msg) {
        if (msg instanceof MqttPublishMessage publish && publish.decoderResult().isSuccess()) {
            try {
                MqttPayloadParser.parse("btn-0001", publish.payload().toString(StandardCharsets.UTF_8), Instant.now());
            } catch (RejectedPayload e) {
                // answered and recorded by the publish handler
            }
        }
    }

    private static byte[] input(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Fuzz.randomBytes(random, 300);
            case 1 -> Fuzz.mutated(random, PACKETS, 1);
            default -> {
                StringBuilder json = new StringBuilder();
                for (int n = random.nextInt(150); n > 0; n--) {
                    json.append(JSON_CHARS.charAt(random.nextInt(JSON_CHARS.length())));
                }
                yield bytes(publish(7, json.toString()));
            }
        };
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}

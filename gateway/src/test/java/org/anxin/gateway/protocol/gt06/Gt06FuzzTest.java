package org.anxin.gateway.protocol.gt06;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.anxin.gateway.Fuzz;
import org.anxin.gateway.FuzzProbe;
import org.anxin.gateway.LeakCheck;
import org.anxin.gateway.server.ExceptionHandler;
import org.anxin.gateway.server.GatewayMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The GT06 pipeline (frame decoder, frame meter, what the handler runs on each packet, exception
 * handler) fed generated and mutated input under the paranoid leak detector: random bytes, real
 * packets with a flipped byte, cut short, with a lying length or garbage spliced in, runs that start
 * like a packet, in up to four reads, before and after a login. Nothing but a decoder error may end a
 * connection, nothing may leak, and real packets between garbage are still read. Tries per test:
 * {@code -Dfuzz.tries} ({@link Fuzz}).
 */
@ExtendWith(LeakCheck.class)
class Gt06FuzzTest {
    /** Real packets: the manual's and Traccar's corpus (see Gt06PacketsTest), login first. */
    private static final List<byte[]> PACKETS = List.of(
                    Gt06Line.LOGIN,
                    "78780a134b040300010011634f0d0a",
                    "78781f120b081d112e10cc027ac7eb0c46584900148f01cc00287d001fb8000373770d0a",
                    "787825160b0b0f0e241dcf027ac8870c4657e60014020901cc00287d001f726506040101003656a40d0a",
                    "787826161709130f3a2dcc02c55f2a089f9af9005c210901360481fe066d9b03413e420102035f92fe0d0a",
                    "78782727110c0b0e170f850450059107f461ae001c7e0a81360104cb8a00bef32806030c02ff000316b10d0a",
                    "78781219028f0a29e10036f12003040102000875dc0d0a",
                    "78782E2A0F0C1D071139CA027AC8000C4658000014D83132353230313335333231373730373900000000000001002A6ECE0D0A",
                    "7878058A000688290D0A",
                    "78780B23C00122040001000818720D0A")
            .stream()
            .map(hex -> HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)))
            .toList();

    private static final GatewayMetrics metrics = new GatewayMetrics();
    private Runnable loud;

    @BeforeEach
    void quiet() {
        loud = FuzzProbe.quiet(ExceptionHandler.class.getName(), Gt06FrameDecoder.class.getName());
    }

    @AfterEach
    void loud() {
        loud.run();
    }

    @Test
    void noInputEscapesThePipeline() {
        Fuzz.run(Fuzz.Case.of(Gt06FuzzTest::input), input -> {
            FuzzProbe probe = new FuzzProbe(Gt06FuzzTest::handle);
            EmbeddedChannel channel = channel(probe);
            if (input.afterLogin()) {
                channel.writeInbound(Unpooled.wrappedBuffer(PACKETS.get(0)));
            }

            FuzzProbe.writeInPieces(channel, input.bytes(), input.reads());

            probe.assertNothingEscaped();
            channel.finishAndReleaseAll();
        });
    }

    @Test
    void packetsBetweenGarbageAreStillRead() {
        Fuzz.run(Gt06FuzzTest::garbage, garbage -> {
            FuzzProbe probe = new FuzzProbe(Gt06FuzzTest::handle);
            EmbeddedChannel channel = channel(probe);
            channel.writeInbound(Unpooled.wrappedBuffer(PACKETS.get(0)));
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            for (int i = 0; i < garbage.size(); i++) {
                stream.writeBytes(garbage.get(i));
                stream.writeBytes(PACKETS.get(1 + i % (PACKETS.size() - 1)));
            }

            channel.writeInbound(Unpooled.wrappedBuffer(stream.toByteArray()));

            probe.assertNothingEscaped();
            assertThat(channel.isActive()).isTrue();
            assertThat(probe.handled().stream().filter("Gt06Frame"::equals)).hasSize(1 + garbage.size());
            channel.finishAndReleaseAll();
        });
    }

    /** What Gt06Handler runs on a packet once the tracker is known. */
    private static void handle(Object msg) {
        if (msg instanceof Gt06Frame frame) {
            try {
                Gt06Events.of(frame, Gt06Line.IMEI, Instant.now());
            } catch (IllegalArgumentException e) {
                // logged and answered by the handler
            }
            Gt06Commands.answeredFlag(frame);
            Gt06Encoder.replyTo(frame, Instant.now());
        }
    }

    private static EmbeddedChannel channel(FuzzProbe probe) {
        return new EmbeddedChannel(
                new Gt06FrameDecoder(), metrics.frameMeter("gt06"), probe, ExceptionHandler.INSTANCE);
    }

    private static byte[] input(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Fuzz.randomBytes(random, 300);
            case 1 -> Fuzz.mutated(random, PACKETS, 2);
            default -> { // starts like a packet, then anything
                byte[] bytes = Fuzz.randomBytes(random, 120);
                byte start = random.nextBoolean() ? (byte) 0x78 : (byte) 0x79;
                byte[] out = new byte[bytes.length + 2];
                out[0] = start;
                out[1] = start;
                System.arraycopy(bytes, 0, out, 2, bytes.length);
                yield out;
            }
        };
    }

    /** One to eight runs of garbage that does not itself start a packet: no 78 or 79 bytes. */
    private static List<byte[]> garbage(Random random) {
        List<byte[]> runs = new ArrayList<>();
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            byte[] run = Fuzz.randomBytes(random, 40);
            for (int i = 0; i < run.length; i++) {
                while (run[i] == 0x78 || run[i] == 0x79) {
                    run[i] = (byte) random.nextInt(256);
                }
            }
            runs.add(run);
        }
        return runs;
    }
}

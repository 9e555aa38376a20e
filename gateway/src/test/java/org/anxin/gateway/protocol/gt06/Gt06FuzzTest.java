package org.anxin.gateway.protocol.gt06;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
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
import org.anxin.gateway.server.ExceptionHandler;
import org.anxin.gateway.server.GatewayMetrics;

/**
 * The GT06 pipeline (frame decoder, frame meter, what the handler runs on each packet, exception
 * handler) fed generated and mutated input, with Netty's paranoid leak detector: random bytes,
 * truncations, length lies and real packets with flipped bytes. Nothing but a decoder error may end
 * a connection, nothing may leak, and real packets between garbage are still read. Tries per
 * property: {@code -Dfuzz.tries} (2,000 in the normal build).
 */
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
            .map(hex -> HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT)))
            .toList();

    private static final LeakCheck leaks = new LeakCheck();
    private static final GatewayMetrics metrics = new GatewayMetrics();

    @BeforeContainer
    static void watchForLeaks() {
        FuzzProbe.quiet(ExceptionHandler.class.getName(), Gt06FrameDecoder.class.getName());
        leaks.beforeEach(null);
    }

    @AfterContainer
    static void noLeaks() throws InterruptedException {
        leaks.afterEach(null);
    }

    @Property
    void noInputEscapesThePipeline(
            @ForAll("input") byte[] input, @ForAll boolean afterLogin, @ForAll @IntRange(min = 1, max = 4) int reads) {
        FuzzProbe probe = new FuzzProbe(Gt06FuzzTest::handle);
        EmbeddedChannel channel = channel(probe);
        if (afterLogin) {
            channel.writeInbound(Unpooled.wrappedBuffer(PACKETS.get(0)));
        }

        FuzzProbe.writeInPieces(channel, input, reads);

        probe.assertNothingEscaped();
        channel.finishAndReleaseAll();
    }

    @Property
    void packetsBetweenGarbageAreStillRead(@ForAll("garbage") List<byte[]> garbage) {
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
        Arbitrary<byte[]> lyingLength = Combinators.combine(
                        packet, Arbitraries.integers().between(0, 255))
                .as((p, length) -> {
                    byte[] copy = p.clone();
                    copy[2] = length.byteValue();
                    return copy;
                });
        Arbitrary<byte[]> withHeader = Combinators.combine(
                        Arbitraries.of((byte) 0x78, (byte) 0x79),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(120))
                .as((start, rest) -> {
                    byte[] out = new byte[rest.length + 2];
                    out[0] = start;
                    out[1] = start;
                    System.arraycopy(rest, 0, out, 2, rest.length);
                    return out;
                });
        return Arbitraries.oneOf(random, flipped, truncated, lyingLength, withHeader);
    }

    /** Garbage that does not itself start a packet: no 78 or 79 bytes. */
    @Provide
    Arbitrary<List<byte[]>> garbage() {
        return Arbitraries.bytes()
                .filter(b -> b != 0x78 && b != 0x79)
                .array(byte[].class)
                .ofMaxSize(40)
                .list()
                .ofMinSize(1)
                .ofMaxSize(8);
    }
}

package org.anxin.gateway.protocol.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * The "3G" watch pipeline fed generated and mutated frames (random bytes, truncations, length
 * lies, real frames with flipped characters, frames of random fields) under the paranoid leak
 * detector: only a decoder error may close a connection, nothing leaks. Tries: {@code -Dfuzz.tries}.
 */
class WatchFuzzTest {
    /** Real frames from Traccar's watch corpus (see WatchPipelineTest). */
    private static final List<String> FRAMES = List.of(
            "[3G*4700186508*000B*LK,0,10,100]",
            "[SG*8800000015*0002*LK]",
            "[3G*4700609403*0013*bphrt,120,79,73,,,,]",
            "[3G*9705141740*000B*oxygen,0,98]",
            "[ZJ*5678901234*0001*0009*TEMP,36.5]",
            "[3G*8800000015*0003*TKQ]",
            "[3G*6907919734*003e*AL_LTE,170525,214118,V,0,N,0,E,0,0,0,0,0,22,0,0,00010000,0,0,0]",
            "[SG*9059011020*0067*AL,240123,181628,V,54.427538,N,6.409275,W,0.00,0,0,0,19,90,0,0,00000000,1,1,234,"
                    + "10,55C0,3B882A2,132,,10]",
            "[SG*9059011020*006b*UD2,240123,162011,A,54.427621,N,6.409190,W,0.00,0,0,8,19,88,0,0,00000000,1,1,"
                    + "FFFF,FFFF,FFFE,3B882A2,132,,00]");

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
        FuzzProbe probe = new FuzzProbe(WatchFuzzTest::handle);
        EmbeddedChannel channel = channel(probe);

        FuzzProbe.writeInPieces(channel, input, reads);

        probe.assertNothingEscaped();
        channel.finishAndReleaseAll();
    }

    @Property
    void realFramesInOneReadAreAllRead(@ForAll("frames") List<String> frames) {
        FuzzProbe probe = new FuzzProbe(WatchFuzzTest::handle);
        EmbeddedChannel channel = channel(probe);

        channel.writeInbound(Unpooled.copiedBuffer(String.join("", frames), StandardCharsets.ISO_8859_1));

        probe.assertNothingEscaped();
        assertThat(probe.handled().stream().filter("WatchFrame"::equals)).hasSize(frames.size());
        channel.finishAndReleaseAll();
    }

    /** What WatchHandler runs on a frame once the watch is known. */
    private static void handle(Object msg) {
        if (msg instanceof WatchFrame frame) {
            try {
                WatchEvents.of(frame, Instant.now());
            } catch (IllegalArgumentException e) {
                // logged by the handler, the connection goes on
            }
            ByteBuf reply = WatchEncoder.replyBytes(frame, frame.type());
            reply.release();
        }
    }

    private static EmbeddedChannel channel(FuzzProbe probe) {
        return new EmbeddedChannel(
                new WatchFrameDecoder(WatchChannelInitializer.MAX_FRAME_BYTES),
                metrics.frameMeter("watch"),
                probe,
                ExceptionHandler.INSTANCE);
    }

    @Provide
    Arbitrary<List<String>> frames() {
        return Arbitraries.of(FRAMES).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<byte[]> input() {
        Arbitrary<String> frame = Arbitraries.of(FRAMES);
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> flipped = Combinators.combine(
                        frame, Arbitraries.integers().between(0, 400), Arbitraries.chars())
                .as((f, at, c) -> {
                    StringBuilder s = new StringBuilder(f);
                    s.setCharAt(at % s.length(), c);
                    return latin1(s.toString());
                });
        Arbitrary<byte[]> truncated = Combinators.combine(
                        frame, Arbitraries.integers().between(0, 400))
                .as((f, cut) -> latin1(f.substring(0, cut % f.length())));
        Arbitrary<byte[]> fields = Combinators.combine(
                        Arbitraries.of(
                                "LK", "UD", "AL", "UD2", "WT", "bphrt", "heart", "oxygen", "btemp2", "TEMP", "TKQ"),
                        Arbitraries.strings().withChars("0123456789.,-ANSEWV ").ofMaxLength(120),
                        Arbitraries.integers().between(0, 0xFFFF))
                .as((type, body, length) ->
                        latin1(String.format(java.util.Locale.ROOT, "[3G*1234567890*%04X*%s,%s]", length, type, body)));
        return Arbitraries.oneOf(random, flipped, truncated, fields);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

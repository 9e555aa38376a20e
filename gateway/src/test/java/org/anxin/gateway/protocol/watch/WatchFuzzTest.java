package org.anxin.gateway.protocol.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
 * The "3G" watch pipeline fed generated and mutated frames (random bytes, real frames with a flipped
 * byte, cut short or with garbage spliced in, frames of random fields) under the paranoid leak
 * detector: only a decoder error may close a connection, nothing leaks, real frames in one read are
 * all read. Tries per test: {@code -Dfuzz.tries} ({@link Fuzz}).
 */
@ExtendWith(LeakCheck.class)
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

    private static final List<byte[]> BYTES =
            FRAMES.stream().map(WatchFuzzTest::latin1).toList();
    private static final List<String> TYPES =
            List.of("LK", "UD", "AL", "UD2", "WT", "bphrt", "heart", "oxygen", "btemp2", "TEMP", "TKQ", "INIT");
    private static final String FIELD_CHARS = "0123456789.,-ANSEWV ";

    private static final GatewayMetrics metrics = new GatewayMetrics();
    private Runnable loud;

    @BeforeEach
    void quiet() {
        loud = FuzzProbe.quiet(ExceptionHandler.class.getName(), WatchHandler.class.getName());
    }

    @AfterEach
    void loud() {
        loud.run();
    }

    @Test
    void noInputEscapesThePipeline() {
        Fuzz.run(Fuzz.Case.of(WatchFuzzTest::input), input -> {
            FuzzProbe probe = new FuzzProbe(WatchFuzzTest::handle);
            EmbeddedChannel channel = channel(probe);
            if (input.afterLogin()) {
                channel.writeInbound(Unpooled.wrappedBuffer(BYTES.get(0)));
            }

            FuzzProbe.writeInPieces(channel, input.bytes(), input.reads());

            probe.assertNothingEscaped();
            channel.finishAndReleaseAll();
        });
    }

    @Test
    void realFramesInOneReadAreAllRead() {
        Fuzz.run(WatchFuzzTest::frames, frames -> {
            FuzzProbe probe = new FuzzProbe(WatchFuzzTest::handle);
            EmbeddedChannel channel = channel(probe);

            channel.writeInbound(Unpooled.copiedBuffer(String.join("", frames), StandardCharsets.ISO_8859_1));

            probe.assertNothingEscaped();
            assertThat(probe.handled().stream().filter("WatchFrame"::equals)).hasSize(frames.size());
            channel.finishAndReleaseAll();
        });
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

    private static List<String> frames(Random random) {
        List<String> frames = new ArrayList<>();
        for (int n = 1 + random.nextInt(6); n > 0; n--) {
            frames.add(FRAMES.get(random.nextInt(FRAMES.size())));
        }
        return frames;
    }

    private static byte[] input(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Fuzz.randomBytes(random, 300);
            case 1 -> Fuzz.mutated(random, BYTES, 15);
            default -> { // a well-framed frame of random fields
                StringBuilder body = new StringBuilder();
                for (int n = random.nextInt(120); n > 0; n--) {
                    body.append(FIELD_CHARS.charAt(random.nextInt(FIELD_CHARS.length())));
                }
                String type = TYPES.get(random.nextInt(TYPES.size()));
                yield latin1(
                        String.format(Locale.ROOT, "[3G*1234567890*%04X*%s,%s]", random.nextInt(0x10000), type, body));
            }
        };
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

package org.anxin.gateway.server;

import io.micrometer.core.instrument.Counter;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.mqtt.MqttMessage;

/**
 * Right behind a protocol's decoder: counts each frame it decodes, and each input it rejects as
 * malformed. The TCP decoders reject by throwing a {@link DecoderException} (corrupt frame, bad
 * stop bytes, too long), which passes here on its way to the {@link ExceptionHandler}, or, once the
 * connection has sent a good frame, by passing on a {@link SkippedInput}, counted and dropped here;
 * the MQTT decoder passes on a packet whose decoder result failed. A {@link CheckedFrame} with a
 * wrong checksum is a frame, and also counted as a checksum mismatch. One instance per protocol.
 */
@Sharable
public final class FrameMeter extends ChannelInboundHandlerAdapter {
    private final Counter frames;
    private final Counter decodeErrors;
    private final Counter checksumMismatches;

    FrameMeter(Counter frames, Counter decodeErrors, Counter checksumMismatches) {
        this.frames = frames;
        this.decodeErrors = decodeErrors;
        this.checksumMismatches = checksumMismatches;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof SkippedInput) {
            decodeErrors.increment();
            return;
        }
        if (msg instanceof MqttMessage mqtt && mqtt.decoderResult().isFailure()) {
            decodeErrors.increment();
        } else {
            frames.increment();
        }
        if (msg instanceof CheckedFrame checked && !checked.checksumValid()) {
            checksumMismatches.increment();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            decodeErrors.increment();
        }
        ctx.fireExceptionCaught(cause);
    }
}

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
 * CRC, too long), which passes here on its way to the {@link ExceptionHandler}; the MQTT decoder
 * instead passes on a packet whose decoder result failed. One instance per protocol.
 */
@Sharable
public final class FrameMeter extends ChannelInboundHandlerAdapter {
    private final Counter frames;
    private final Counter decodeErrors;

    FrameMeter(Counter frames, Counter decodeErrors) {
        this.frames = frames;
        this.decodeErrors = decodeErrors;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage mqtt && mqtt.decoderResult().isFailure()) {
            decodeErrors.increment();
        } else {
            frames.increment();
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

package org.anxin.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every frame in and out as hex at DEBUG, with the device id, so a field capture pastes into a test. */
@Sharable
public final class FrameLogger extends ChannelDuplexHandler {
    public static final FrameLogger INSTANCE = new FrameLogger();
    private static final Logger log = LoggerFactory.getLogger("org.anxin.gateway.frames");

    private FrameLogger() {}

    public static boolean enabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            log.debug("{} <- {}", ConnectionLabel.of(ctx.channel()), ByteBufUtil.hexDump(bytes));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes) {
            log.debug("{} -> {}", ConnectionLabel.of(ctx.channel()), ByteBufUtil.hexDump(bytes));
        }
        ctx.write(msg, promise);
    }
}

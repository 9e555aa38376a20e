package org.anxin.gateway.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Last in every pipeline: one log line per failure, then the connection is closed. */
@Sharable
public final class ExceptionHandler extends ChannelInboundHandlerAdapter {
    public static final ExceptionHandler INSTANCE = new ExceptionHandler();
    private static final Logger log = LoggerFactory.getLogger(ExceptionHandler.class);

    private ExceptionHandler() {}

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("connection {} reset: {}", ConnectionLabel.of(ctx.channel()), cause.toString());
        } else {
            log.warn("closing connection {}: {}", ConnectionLabel.of(ctx.channel()), cause.toString());
        }
        ctx.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // nothing should reach this far; never let an unhandled message leak
        ReferenceCountUtil.release(msg);
        log.debug("dropped unhandled {} from {}", msg.getClass().getSimpleName(), ConnectionLabel.of(ctx.channel()));
    }
}

package org.anxin.gateway.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.anxin.gateway.server.ConnectionLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between the WebSocket protocol handler and the MQTT codec: the bytes of binary frames go up as
 * a stream (a packet may span frames, a frame may hold several packets: the MQTT decoder frames
 * them), and each encoded MQTT packet goes down as one binary frame. MQTT over WebSocket allows
 * binary frames only, so a text frame closes the connection (1003); an HTTP request for a path
 * other than the WebSocket's gets a 404.
 */
@Sharable
public final class MqttWebSocketFrames extends ChannelDuplexHandler {
    public static final MqttWebSocketFrames INSTANCE = new MqttWebSocketFrames();
    private static final Logger log = LoggerFactory.getLogger(MqttWebSocketFrames.class);

    private MqttWebSocketFrames() {}

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof BinaryWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
            // the frame's content is the frame's buffer: passing it on passes the reference
            ctx.fireChannelRead(((WebSocketFrame) msg).content());
        } else if (msg instanceof WebSocketFrame frame) {
            ReferenceCountUtil.release(frame);
            log.warn(
                    "{} sent a {} frame; MQTT travels in binary frames only; closing",
                    ConnectionLabel.of(ctx.channel()),
                    frame.getClass().getSimpleName());
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE))
                    .addListener(ChannelFutureListener.CLOSE);
        } else if (msg instanceof HttpRequest request) {
            ReferenceCountUtil.release(msg);
            log.debug("{} asked for {}, not the MQTT WebSocket; 404", ConnectionLabel.of(ctx.channel()), request.uri());
            FullHttpResponse notFound =
                    new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.NOT_FOUND);
            notFound.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            ctx.writeAndFlush(notFound).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes) {
            ctx.write(new BinaryWebSocketFrame(bytes), promise);
        } else {
            ctx.write(msg, promise);
        }
    }
}

package org.anxin.gateway.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Right behind the SslHandler: a failed TLS handshake (plain MQTT on the TLS port, a client that
 * does not trust the certificate, no common protocol) is one log line and a closed connection.
 * Netty reports such a failure twice, as a handshake event and as an exception, in an order that
 * has changed between versions; whichever comes first is logged, the other only closes.
 */
@Sharable
public final class TlsHandshakeFailures extends ChannelInboundHandlerAdapter {
    public static final TlsHandshakeFailures INSTANCE = new TlsHandshakeFailures();
    private static final Logger log = LoggerFactory.getLogger(TlsHandshakeFailures.class);
    private static final AttributeKey<Boolean> LOGGED = AttributeKey.valueOf("anxin.tlsHandshakeFailureLogged");

    private TlsHandshakeFailures() {}

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                log.debug("TLS handshake with {} done", ConnectionLabel.of(ctx.channel()));
            } else {
                failed(ctx, done.cause());
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        if (tls != null && !tls.handshakeFuture().isSuccess()) {
            failed(ctx, cause);
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    private static void failed(ChannelHandlerContext ctx, Throwable cause) {
        if (ctx.channel().attr(LOGGED).setIfAbsent(Boolean.TRUE) == null) {
            Throwable reason = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
            if (!ctx.channel().isActive() || (reason instanceof IOException && !(reason instanceof SSLException))) {
                // the peer went away mid-handshake: a port probe or a reset, not a device to look into
                log.debug("TLS handshake with {} ended: {}", ConnectionLabel.of(ctx.channel()), describe(reason));
            } else {
                log.warn("TLS handshake with {} failed: {}", ConnectionLabel.of(ctx.channel()), describe(reason));
            }
        }
        ctx.close();
    }

    /** Netty's message for bytes that are not TLS is a hex dump of all of them, a plain CONNECT's password too. */
    private static String describe(Throwable reason) {
        if (reason instanceof NotSslRecordException) {
            return "not a TLS record (plain MQTT, or other bytes, on the TLS port)";
        }
        return reason.getClass().getSimpleName() + ": " + reason.getMessage();
    }
}

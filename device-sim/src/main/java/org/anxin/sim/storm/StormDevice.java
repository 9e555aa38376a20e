package org.anxin.sim.storm;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One device that stays connected the way real devices do: on a lost connection, a refused or
 * unanswered CONNECT, or a failed TCP connect it tries again after an exponential backoff with
 * jitter ({@link Backoff}); the backoff starts over once a CONNECT is accepted. A "server busy"
 * (MQTT 5 0x89) or "server unavailable" (0x03 / 0x88) answer is one more failed attempt: the device
 * backs off before the next. Everything runs on the device's own event loop.
 */
final class StormDevice {
    private final int index;
    private final String deviceId;
    private final EventLoop loop;
    private final byte[] connectPacket;
    private final StormRun run;
    private int failures;
    private Channel connection;
    private boolean retryScheduled;
    private boolean stopping;
    private int attemptsSinceLoss;

    StormDevice(int index, String deviceId, EventLoop loop, byte[] connectPacket, StormRun run) {
        this.index = index;
        this.deviceId = deviceId;
        this.loop = loop;
        this.connectPacket = connectPacket;
        this.run = run;
    }

    String deviceId() {
        return deviceId;
    }

    EventLoop loop() {
        return loop;
    }

    int attemptsSinceLoss() {
        return attemptsSinceLoss;
    }

    /** One connect attempt now. */
    void attempt() {
        retryScheduled = false;
        if (stopping) {
            return;
        }
        attemptsSinceLoss++;
        run.counters().attempts.increment();
        Bootstrap bootstrap = run.bootstrap().clone().group(loop).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                int keepAlive = run.options().keepAliveSeconds();
                channel.pipeline()
                        .addLast(
                                new IdleStateHandler(keepAlive * 3 / 2, keepAlive / 2, 0, TimeUnit.SECONDS),
                                new StormPackets.Decoder(),
                                new Attempt());
            }
        });
        ChannelFuture connect = bootstrap.connect(
                run.broker(), new InetSocketAddress(run.options().sourceFor(index), 0));
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                run.counters().connectFailed(done.cause());
                failed();
            }
        });
    }

    /** An attempt ended without an accepted CONNECT: the next one after the backoff. */
    private void failed() {
        if (retryScheduled || stopping) {
            return;
        }
        retryScheduled = true;
        long delay = run.options().backoff().delayNanos(failures++);
        loop.schedule(this::attempt, delay, TimeUnit.NANOSECONDS);
    }

    private void accepted(Channel channel) {
        failures = 0;
        connection = channel;
        run.accepted(index, attemptsSinceLoss);
    }

    private void lost() {
        connection = null;
        attemptsSinceLoss = 0;
        run.lost(index);
        failed();
    }

    /** DISCONNECT if connected, and no more attempts; on the device's loop. */
    void stop() {
        stopping = true;
        if (connection != null && connection.isActive()) {
            connection
                    .writeAndFlush(Unpooled.wrappedBuffer(StormPackets.DISCONNECT))
                    .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
        }
    }

    /** The handler of one connection attempt, and of the connection once accepted. */
    private final class Attempt extends ChannelInboundHandlerAdapter {
        private boolean resolved;
        private boolean isConnection;
        private ScheduledFuture<?> connAckTimeout;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(connectPacket));
            connAckTimeout = ctx.executor()
                    .schedule(
                            () -> {
                                if (!resolved) {
                                    resolved = true;
                                    run.counters().connAckTimeouts.increment();
                                    ctx.close();
                                    failed();
                                }
                            },
                            run.options().connAckTimeoutSeconds(),
                            TimeUnit.SECONDS);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof StormPackets.ConnAck connAck) || resolved) {
                return;
            }
            resolved = true;
            connAckTimeout.cancel(false);
            if (connAck.code() == 0 && !stopping) {
                isConnection = true;
                accepted(ctx.channel());
            } else {
                run.counters().refused(connAck.code());
                ctx.close();
                failed();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent idle && isConnection) {
                if (idle.state() == IdleState.WRITER_IDLE) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(StormPackets.PINGREQ));
                } else if (idle.state() == IdleState.READER_IDLE) {
                    ctx.close();
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (connAckTimeout != null) {
                connAckTimeout.cancel(false);
            }
            if (!resolved) {
                resolved = true;
                run.counters().closedBeforeConnAck.increment();
                failed();
            } else if (isConnection && !stopping) {
                lost();
            }
        }
    }
}

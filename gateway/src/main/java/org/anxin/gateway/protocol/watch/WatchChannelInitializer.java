package org.anxin.gateway.protocol.watch;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.anxin.gateway.protocol.TcpDevices;
import org.anxin.gateway.server.ExceptionHandler;
import org.anxin.gateway.server.FrameLogger;
import org.anxin.gateway.server.FrameMeter;
import org.anxin.gateway.server.PipelineStages;

/** The "3G" watch pipeline (TCP 5093): framing, frame handling, errors. */
public final class WatchChannelInitializer extends ChannelInitializer<SocketChannel> {
    /** Watches send LK every few minutes; three missed heartbeats end the connection. */
    static final int IDLE_SECONDS = TcpDevices.DEFAULT_SILENCE_SECONDS;

    static final int MAX_FRAME_BYTES = 64 * 1024;

    private final TcpDevices devices;
    private final FrameMeter frameMeter;

    public WatchChannelInitializer(TcpDevices devices) {
        this.devices = devices;
        this.frameMeter = devices.metrics().frameMeter("watch");
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        configure(channel.pipeline());
    }

    /** Also used by tests on an EmbeddedChannel. */
    public void configure(ChannelPipeline pipeline) {
        if (FrameLogger.enabled()) {
            pipeline.addLast(PipelineStages.FRAME_LOG, FrameLogger.WATCH);
        }
        pipeline.addLast(PipelineStages.IDLE, new IdleStateHandler(devices.silenceSeconds(), 0, 0, TimeUnit.SECONDS));
        pipeline.addLast(PipelineStages.WATCH_FRAMES, new WatchFrameDecoder(MAX_FRAME_BYTES));
        pipeline.addLast(PipelineStages.FRAME_METER, frameMeter);
        pipeline.addLast(PipelineStages.WATCH_HANDLER, new WatchHandler(devices));
        pipeline.addLast(PipelineStages.EXCEPTIONS, ExceptionHandler.INSTANCE);
    }
}

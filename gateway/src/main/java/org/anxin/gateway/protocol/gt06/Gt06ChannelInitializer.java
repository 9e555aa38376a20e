package org.anxin.gateway.protocol.gt06;

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

/** The GT06 pipeline (TCP 5023): framing with CRC check, packet handling, errors. */
public final class Gt06ChannelInitializer extends ChannelInitializer<SocketChannel> {
    /** Trackers send a status packet every few minutes; silence this long ends the connection. */
    static final int IDLE_SECONDS = TcpDevices.DEFAULT_SILENCE_SECONDS;

    private final TcpDevices devices;
    private final FrameMeter frameMeter;

    public Gt06ChannelInitializer(TcpDevices devices) {
        this.devices = devices;
        this.frameMeter = devices.metrics().frameMeter("gt06");
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        configure(channel.pipeline());
    }

    /** Also used by tests on an EmbeddedChannel. */
    public void configure(ChannelPipeline pipeline) {
        if (FrameLogger.enabled()) {
            pipeline.addLast(PipelineStages.FRAME_LOG, FrameLogger.INSTANCE);
        }
        pipeline.addLast(PipelineStages.IDLE, new IdleStateHandler(devices.silenceSeconds(), 0, 0, TimeUnit.SECONDS));
        pipeline.addLast(PipelineStages.GT06_FRAMES, new Gt06FrameDecoder());
        pipeline.addLast(PipelineStages.FRAME_METER, frameMeter);
        pipeline.addLast(PipelineStages.GT06_HANDLER, new Gt06Handler(devices));
        pipeline.addLast(PipelineStages.EXCEPTIONS, ExceptionHandler.INSTANCE);
    }
}

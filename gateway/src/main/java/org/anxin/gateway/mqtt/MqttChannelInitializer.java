package org.anxin.gateway.mqtt;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.anxin.gateway.server.ExceptionHandler;
import org.anxin.gateway.server.FrameLogger;
import org.anxin.gateway.server.FrameMeter;
import org.anxin.gateway.server.PipelineStages;
import org.anxin.gateway.server.TlsHandshakeFailures;

/** The MQTT pipeline: framing and codec, the CONNECT gate, one handler per packet type, errors. */
public final class MqttChannelInitializer extends ChannelInitializer<SocketChannel> {
    /** A socket that sends no CONNECT within this time is dropped. */
    static final int CONNECT_TIMEOUT_SECONDS = 20;

    private final MqttContext context;
    private final int maxPacketBytes;
    private final MqttPublishHandler publish;
    private final MqttDisconnectHandler disconnect;
    private final FrameMeter frameMeter;

    public MqttChannelInitializer(MqttContext context, int maxPacketBytes) {
        this.context = context;
        this.maxPacketBytes = maxPacketBytes;
        this.publish = new MqttPublishHandler(context);
        this.disconnect = new MqttDisconnectHandler(context);
        this.frameMeter = context.metrics.frameMeter("mqtt");
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        configure(channel.pipeline());
    }

    /**
     * The same pipeline behind TLS, for the MQTT-over-TLS port: the same context and handler
     * instances, so a device is treated alike on either port.
     */
    public ChannelInitializer<SocketChannel> overTls(SslContext tls) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(PipelineStages.TLS, tls.newHandler(channel.alloc()));
                channel.pipeline().addLast(PipelineStages.TLS_HANDSHAKE, TlsHandshakeFailures.INSTANCE);
                configure(channel.pipeline());
            }
        };
    }

    /** Also used by tests on an EmbeddedChannel. */
    public void configure(ChannelPipeline pipeline) {
        if (FrameLogger.enabled()) {
            pipeline.addLast(PipelineStages.FRAME_LOG, FrameLogger.MQTT);
        }
        pipeline.addLast(PipelineStages.IDLE, new IdleStateHandler(CONNECT_TIMEOUT_SECONDS, 0, 0, TimeUnit.SECONDS));
        pipeline.addLast(PipelineStages.MQTT_DECODER, new MqttDecoder(maxPacketBytes));
        pipeline.addLast(PipelineStages.FRAME_METER, frameMeter);
        pipeline.addLast(PipelineStages.MQTT_ENCODER, MqttEncoder.INSTANCE);
        pipeline.addLast(PipelineStages.MQTT_CONNECT, new MqttConnectHandler(context));
        pipeline.addLast(PipelineStages.MQTT_PUBLISH, publish);
        pipeline.addLast(PipelineStages.MQTT_SUBSCRIBE, MqttSubscribeHandler.INSTANCE);
        pipeline.addLast(PipelineStages.MQTT_PING, MqttPingHandler.INSTANCE);
        pipeline.addLast(PipelineStages.MQTT_DISCONNECT, disconnect);
        pipeline.addLast(PipelineStages.EXCEPTIONS, ExceptionHandler.INSTANCE);
    }
}

package org.anxin.gateway.mqtt;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import org.anxin.gateway.server.PipelineStages;

/**
 * MQTT over WebSocket (phones and browsers as devices): the HTTP upgrade on {@code path} with
 * subprotocol {@code mqtt}, then binary frames as a byte stream into the very pipeline of the TCP
 * listener ({@link MqttChannelInitializer#configure}), so authentication, ack after the durable
 * hand-off and the topic rules are the same handlers, not copies.
 */
public final class MqttWebSocketInitializer extends ChannelInitializer<SocketChannel> {
    /** What MQTT-over-WebSocket clients ask for: "mqtt" (3.1.1 and 5), "mqttv3.1" (3.1). */
    static final String SUBPROTOCOLS = "mqtt,mqttv3.1";

    /** The handshake is a GET with headers only; anything longer is not a WebSocket client. */
    private static final int MAX_HANDSHAKE_BYTES = 8_192;

    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final MqttChannelInitializer mqtt;
    private final WebSocketServerProtocolConfig webSocket;

    public MqttWebSocketInitializer(MqttChannelInitializer mqtt, String path, int maxMqttPacketBytes) {
        this.mqtt = mqtt;
        this.webSocket = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(path)
                .subprotocols(SUBPROTOCOLS)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        // one packet per frame is what clients send; the MQTT decoder still bounds packets
                        .maxFramePayloadLength(maxMqttPacketBytes + 5)
                        .allowExtensions(false)
                        .build())
                .build();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        configure(channel.pipeline());
    }

    /** Also used by tests on an EmbeddedChannel. */
    public void configure(ChannelPipeline pipeline) {
        pipeline.addLast(PipelineStages.HTTP_CODEC, new HttpServerCodec());
        pipeline.addLast(PipelineStages.HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_HANDSHAKE_BYTES));
        pipeline.addLast(PipelineStages.WEBSOCKET, new WebSocketServerProtocolHandler(webSocket));
        pipeline.addLast(PipelineStages.WEBSOCKET_FRAMES, MqttWebSocketFrames.INSTANCE);
        mqtt.configure(pipeline);
    }
}

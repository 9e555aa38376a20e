package org.anxin.gateway.server;

/** Names of the pipeline stages, in pipeline order. */
public final class PipelineStages {
    /**
     * A trusted balancer's PROXY protocol header, before anything else (before TLS too): its
     * detector, Netty's decoder, and the handler that keeps the source address ({@link ProxyProtocol}).
     */
    public static final String PROXY_DETECT = "proxyDetect";

    public static final String PROXY_DECODER = "proxyDecoder";
    public static final String PROXY_HEADER = "proxyHeader";

    /** The SslHandler, first on the MQTT-over-TLS port, and the handler that reports its failed handshakes. */
    public static final String TLS = "tls";

    public static final String TLS_HANDSHAKE = "tlsHandshake";

    /** MQTT over WebSocket: the HTTP upgrade, WebSocket frames, and frames to and from MQTT bytes. */
    public static final String HTTP_CODEC = "httpCodec";

    public static final String HTTP_AGGREGATOR = "httpAggregator";
    public static final String WEBSOCKET = "webSocket";
    public static final String WEBSOCKET_FRAMES = "webSocketFrames";
    public static final String FRAME_LOG = "frameLog";
    public static final String IDLE = "idle";
    public static final String MQTT_DECODER = "mqttDecoder";
    /** Right behind each protocol's decoder: counts frames and malformed input. */
    public static final String FRAME_METER = "frameMeter";

    public static final String MQTT_ENCODER = "mqttEncoder";
    public static final String MQTT_CONNECT = "mqttConnect";
    public static final String MQTT_PUBLISH = "mqttPublish";
    public static final String MQTT_SUBSCRIBE = "mqttSubscribe";
    public static final String MQTT_PING = "mqttPing";
    public static final String MQTT_DISCONNECT = "mqttDisconnect";
    public static final String WATCH_FRAMES = "watchFrames";
    public static final String WATCH_HANDLER = "watchHandler";
    public static final String GT06_FRAMES = "gt06Frames";
    public static final String GT06_HANDLER = "gt06Handler";
    public static final String EXCEPTIONS = "exceptions";

    private PipelineStages() {}
}

package org.anxin.gateway.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.NettyRuntime;
import io.netty.util.internal.SystemPropertyUtil;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.anxin.gateway.command.CommandConsumer;
import org.anxin.gateway.command.CommandResults;
import org.anxin.gateway.command.DirectoryChanges;
import org.anxin.gateway.command.Downlinks;
import org.anxin.gateway.forward.DeviceDirectory;
import org.anxin.gateway.forward.EventForwarder;
import org.anxin.gateway.forward.EventStreams;
import org.anxin.gateway.forward.HandOff;
import org.anxin.gateway.forward.RejectedPayloads;
import org.anxin.gateway.forward.SessionRegistry;
import org.anxin.gateway.mqtt.ConnectAdmission;
import org.anxin.gateway.mqtt.MqttChannelInitializer;
import org.anxin.gateway.mqtt.MqttContext;
import org.anxin.gateway.mqtt.MqttDownlink;
import org.anxin.gateway.mqtt.MqttWebSocketInitializer;
import org.anxin.gateway.protocol.TcpDevices;
import org.anxin.gateway.protocol.gt06.Gt06ChannelInitializer;
import org.anxin.gateway.protocol.gt06.Gt06Downlink;
import org.anxin.gateway.protocol.watch.WatchChannelInitializer;
import org.anxin.gateway.protocol.watch.WatchDownlink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/** One gateway node: the device listeners and their hand-off to Redis. */
public final class GatewayServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);

    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    private final MetricsEndpoint metricsEndpoint;
    private final UnifiedJedis redis;
    private final EventForwarder forwarder;
    private final ExecutorService workers;
    private final MqttContext mqtt;
    private final ConnectAdmission admission;
    private final EventLoopGroup boss;
    private final EventLoopGroup io;
    private final Channel mqttListener;
    private final Channel mqttTlsListener;
    private final Channel mqttWsListener;
    private final Channel watchListener;
    private final Channel gt06Listener;
    private final CommandConsumer commands;

    private GatewayServer(GatewayConfig config, MqttWebSocketConfig webSocket, ProxyProtocol proxy)
            throws InterruptedException {
        this.config = config;
        // first: an unreadable keystore or a busy metrics port stops the start before anything else runs
        TlsIdentity tls = config.tls() ? TlsIdentity.load(config.tlsKeystore(), config.tlsKeystorePassword()) : null;
        this.metrics = new GatewayMetrics();
        this.metricsEndpoint = config.metricsPort() < 0
                ? null
                : MetricsEndpoint.start(config.metricsHost(), config.metricsPort(), metrics);
        try {
            this.redis = redis(config.redisUrl(), config.redisCaFile());
        } catch (RuntimeException e) {
            // a malformed URL, a refused password, a certificate that does not verify: nothing left behind
            if (metricsEndpoint != null) {
                metricsEndpoint.close();
            }
            metrics.close();
            throw e;
        }
        this.workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "gateway-redis");
            thread.setDaemon(true);
            return thread;
        });
        this.forwarder = new EventForwarder(
                redis, new EventStreams(config.partitions()), config.node(), 65_536, Duration.ofSeconds(10));
        HandOff handOff = metrics.metered(forwarder, forwarder::queued);
        LoginFailures loginFailures = new LoginFailures(); // one count per address for every listener
        DeviceDirectory registry = new DeviceDirectory(redis, Duration.ofSeconds(10));
        this.admission = config.admission().enabled()
                ? ConnectAdmission.start(
                        registry,
                        config.admission().maxPending(),
                        config.admission().batchSize())
                : null;
        if (admission != null) {
            metrics.pendingConnects(admission::pending);
        }
        this.mqtt = new MqttContext(
                registry,
                new SessionRegistry(redis, workers, config.node()),
                handOff,
                workers,
                config.maxKeepAliveSeconds(),
                metrics,
                new RejectedPayloads(redis, workers),
                loginFailures,
                admission);
        boolean epoll = Epoll.isAvailable();
        this.boss = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.io = new MultiThreadIoEventLoopGroup(
                ioThreads(), epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        MqttChannelInitializer mqttPipeline = new MqttChannelInitializer(mqtt, config.maxMqttPacketBytes());
        this.mqttListener = listen(epoll, config.mqttPort(), proxy.wrap(mqttPipeline));
        this.mqttTlsListener = tls == null
                ? null
                : listen(epoll, config.mqttTlsPort(), proxy.wrap(mqttPipeline.overTls(tls.context())));
        this.mqttWsListener = webSocket.enabled()
                ? listen(
                        epoll,
                        webSocket.port(),
                        proxy.wrap(new MqttWebSocketInitializer(
                                mqttPipeline, webSocket.path(), config.maxMqttPacketBytes())))
                : null;
        TcpDevices tcpDevices = new TcpDevices(
                mqtt.directory(),
                mqtt.sessions(),
                handOff,
                workers,
                metrics,
                config.tcpSilenceSeconds(),
                loginFailures);
        metrics.connections("mqtt", mqtt::connectionCount);
        metrics.connections("watch", () -> tcpDevices.connectionCount("watch"));
        metrics.connections("gt06", () -> tcpDevices.connectionCount("gt06"));
        this.watchListener = listen(epoll, config.watchPort(), proxy.wrap(new WatchChannelInitializer(tcpDevices)));
        this.gt06Listener = listen(epoll, config.gt06Port(), proxy.wrap(new Gt06ChannelInitializer(tcpDevices)));
        Downlinks downlinks = new Downlinks(
                Map.of(
                        "mqtt", new MqttDownlink(mqtt),
                        "app", new MqttDownlink(mqtt),
                        "watch", new WatchDownlink(tcpDevices),
                        "gt06", new Gt06Downlink(tcpDevices)),
                new CommandResults(redis, workers, config.node()));
        DeviceDirectory directory = mqtt.directory();
        this.commands = new CommandConsumer(
                redis,
                config.node(),
                downlinks::deliver,
                deviceId -> {
                    // forget first: a reconnect racing the close must find the device gone
                    directory.forget(deviceId);
                    int closed = downlinks.closeConnections(deviceId);
                    log.info("device {} revoked: {} connection(s) closed on {}", deviceId, closed, config.node());
                },
                new DirectoryChanges(directory, downlinks, workers, config.node()));
        log.info(
                "gateway {} listening on {} for MQTT on port {}, {}, \"3G\" watches on port {}, GT06 on port {}"
                        + " ({} transport), metrics on {}, events to {} in {} partitions",
                config.node(),
                config.host(),
                mqttPort(),
                tlsListener(tls),
                watchPort(),
                gt06Port(),
                epoll ? "epoll" : "nio",
                metricsEndpoint == null ? "no port" : "port " + metricsPort() + " (GET /metrics)",
                redactedRedis(config.redisUrl()),
                config.partitions());
        log.info(
                "gateway {}: MQTT admission control {}",
                config.node(),
                admission == null
                        ? "off (ANXIN_MQTT_ADMISSION off): every CONNECT looked up on its own"
                        : "on: at most " + config.admission().maxPending() + " CONNECTs wait, looked up "
                                + config.admission().batchSize() + " per Redis pipeline");
        log.info(
                "gateway {}: {}; {}",
                config.node(),
                proxy.enabled()
                        ? proxy + " on the MQTT, watch and GT06 ports (ANXIN_PROXY_TRUSTED)"
                        : "no PROXY protocol (ANXIN_PROXY_TRUSTED unset)",
                webSocket.enabled()
                        ? "MQTT over WebSocket on port " + mqttWsPort() + " path " + webSocket.path()
                        : "no MQTT-over-WebSocket listener (ANXIN_MQTT_WS_PORT -1)");
    }

    private String tlsListener(TlsIdentity tls) {
        if (tls != null) {
            return "MQTT over TLS on port " + mqttTlsPort() + " (" + tls.certificate() + ")";
        }
        return config.tlsKeystore() == null
                ? "no TLS listener (ANXIN_TLS_KEYSTORE unset)"
                : "no TLS listener (ANXIN_MQTT_TLS_PORT -1)";
    }

    private Channel listen(boolean epoll, int port, ChannelHandler initializer) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, io)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(initializer);
        if (epoll) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        return bootstrap.bind(new InetSocketAddress(config.host(), port)).sync().channel();
    }

    /** Binds the listeners (no MQTT-over-WebSocket one) and returns once they accept connections. */
    public static GatewayServer start(GatewayConfig config) throws InterruptedException {
        return new GatewayServer(config, MqttWebSocketConfig.NONE, ProxyProtocol.NONE);
    }

    /** Binds the listeners, MQTT over WebSocket too unless it is {@link MqttWebSocketConfig#NONE}. */
    public static GatewayServer start(GatewayConfig config, MqttWebSocketConfig webSocket) throws InterruptedException {
        return new GatewayServer(config, webSocket, ProxyProtocol.NONE);
    }

    /** As {@link #start(GatewayConfig, MqttWebSocketConfig)}, reading PROXY headers from trusted balancers. */
    public static GatewayServer start(GatewayConfig config, MqttWebSocketConfig webSocket, ProxyProtocol proxy)
            throws InterruptedException {
        return new GatewayServer(config, webSocket, proxy);
    }

    /** The MQTT-over-WebSocket port, or -1 when there is no such listener. */
    public int mqttWsPort() {
        return mqttWsListener == null ? -1 : ((InetSocketAddress) mqttWsListener.localAddress()).getPort();
    }

    public int mqttPort() {
        return ((InetSocketAddress) mqttListener.localAddress()).getPort();
    }

    /** The MQTT-over-TLS port, or -1 when there is no TLS listener. */
    public int mqttTlsPort() {
        return mqttTlsListener == null ? -1 : ((InetSocketAddress) mqttTlsListener.localAddress()).getPort();
    }

    public int watchPort() {
        return ((InetSocketAddress) watchListener.localAddress()).getPort();
    }

    public int gt06Port() {
        return ((InetSocketAddress) gt06Listener.localAddress()).getPort();
    }

    /** The port serving {@code GET /metrics}, or -1 when metrics are not served. */
    public int metricsPort() {
        return metricsEndpoint == null ? -1 : metricsEndpoint.port();
    }

    public int mqttConnections() {
        return mqtt.connectionCount();
    }

    @Override
    public void close() throws InterruptedException {
        log.info("gateway {} stopping", config.node());
        commands.close();
        mqttListener.close().sync();
        if (mqttTlsListener != null) {
            mqttTlsListener.close().sync();
        }
        if (mqttWsListener != null) {
            mqttWsListener.close().sync();
        }
        watchListener.close().sync();
        gt06Listener.close().sync();
        io.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        if (admission != null) {
            admission.close();
        }
        forwarder.close();
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        redis.close();
        if (metricsEndpoint != null) {
            metricsEndpoint.close();
        }
        metrics.close();
    }

    /**
     * One event loop per core, not Netty's two: the loops only decode, parse and hand off (Redis is
     * written on the forwarder thread), and every extra loop is one more thread to wake for each
     * batch of acks and one more to share the cores with the forwarder and Redis (issue 15's CPU per
     * message, docs/benchmarks.md). Netty's own {@code -Dio.netty.eventLoopThreads} still decides when set.
     */
    static int ioThreads() {
        return SystemPropertyUtil.getInt("io.netty.eventLoopThreads", NettyRuntime.availableProcessors());
    }

    /** One server ({@code JedisPooled}) or a Redis Cluster ({@code JedisCluster}), checked at start. */
    private static UnifiedJedis redis(String url, Path caFile) {
        RedisUrl parsed = RedisUrl.parse(url);
        return RedisStartCheck.connect(() -> parsed.client(5_000, caFile), redactedRedis(url));
    }

    /** The Redis URL without its password, for logs. */
    static String redactedRedis(String url) {
        return RedisUrl.redacted(url);
    }
}

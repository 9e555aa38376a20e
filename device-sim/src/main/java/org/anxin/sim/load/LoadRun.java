package org.anxin.sim.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One load run: ramp the connections, publish for the set time, wait for outstanding acks, then
 * DISCONNECT everything. It always ends by itself: after the ramp (bounded by the connect and
 * CONNACK timeouts), the publish phase, and at most {@link LoadOptions#ackWait()} more.
 */
public final class LoadRun {
    static final byte[] PAYLOAD =
            "{\"type\":\"LOCATION\",\"lat\":30.27,\"lon\":120.15,\"battery\":80}".getBytes(StandardCharsets.UTF_8);

    private static final Logger log = LoggerFactory.getLogger("device-sim.load");
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** TCP connect timeout plus CONNACK timeout, and a little. */
    private static final Duration RESOLVE_AFTER_LAST_ATTEMPT = Duration.ofSeconds(21);

    private final LoadOptions options;
    private final LoadCounters counters = new LoadCounters();
    private final PublishWindow window = new PublishWindow();
    private final LatencyRecorder latency = new LatencyRecorder();
    private final LatencyRecorder sendLag = new LatencyRecorder();
    private final LoaderCpu cpu = new LoaderCpu();
    private final ProgressLog progressLog;
    private final LoadDevice[] connections;
    private final Channel[] channels;
    private final LoadConnection.Shared shared;
    private volatile String phase = "ramp";
    /** Per-device MQTT secrets when the devices were registered through the API. */
    private String[] secrets;

    private Double registrationSeconds;
    private SosProbe sosProbe;

    public LoadRun(LoadOptions options) {
        this.options = options;
        this.progressLog = new ProgressLog(log, counters, options.devices());
        this.connections = new LoadDevice[options.devices()];
        this.channels = new Channel[options.devices()];
        this.shared = new LoadConnection.Shared(
                options.qos(),
                options.rate() > 0,
                window,
                counters,
                latency,
                options.inFlight(),
                options.openLoop(),
                sendLag);
    }

    public LoadReport run() throws InterruptedException {
        InetSocketAddress broker = brokerAddress();
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                options.threads(),
                new DefaultThreadFactory("load"),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "load-progress");
            thread.setDaemon(true);
            return thread;
        });
        log.info(
                "load: {} devices → {} ({}, QoS {}, {}), ramp {}/s from {}, then {} s; {} event loops ({})",
                options.devices(),
                broker,
                options.protocol().wireName(),
                options.qos(),
                options.idle()
                        ? "idle"
                        : options.rate() == 0 ? "as fast as acks allow" : options.rate() + " msg/s in total",
                options.connectsPerSecond(),
                options.sourceAddresses(),
                options.duration().toSeconds(),
                options.threads(),
                epoll ? "epoll" : "nio");
        long[] phaseNanos = new long[3];
        long rampStart = 0;
        SosResult sos = null;
        try {
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS);
            preparePlatform(bootstrap, broker);
            rampStart = System.nanoTime();
            long start = rampStart;
            progress.scheduleAtFixedRate(() -> progressLog.line(start, phase), 1, 1, TimeUnit.SECONDS);
            ramp(bootstrap, broker, rampStart);
            awaitConnects();
            phaseNanos[0] = System.nanoTime();
            phase = options.idle() ? "idle" : "publish";
            cpu.publishStarts();
            publish(progress);
            cpu.publishEnds();
            phaseNanos[1] = System.nanoTime();
            phase = "wait for acks";
            awaitAcks();
            phaseNanos[2] = System.nanoTime();
            if (sosProbe != null) {
                sos = sosProbe.finish();
            }
            phase = "disconnect";
            disconnectAll();
        } finally {
            progress.shutdownNow();
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
        long unacked = options.qos() == 1 ? counters.sent.sum() - counters.acked.sum() : 0;
        if (unacked > 0) {
            counters.error(LoadError.ACK_TIMEOUT, unacked, unacked + " QoS 1 messages never acked");
        }
        return report(rampStart, phaseNanos[0], unacked, epoll, sos);
    }

    /** Signs in to the platform, registers the devices and readies the SOS probe, as asked. */
    private void preparePlatform(Bootstrap bootstrap, InetSocketAddress broker) throws InterruptedException {
        if (options.platform() == null) {
            return;
        }
        try {
            ApiSession session = ApiSession.signIn(options.platform());
            if (options.registerWithApi()) {
                long start = System.nanoTime();
                secrets = new ApiRegistrar(session)
                        .register(options.devices(), options::deviceId, options.protocol(), "load senior");
                registrationSeconds = (System.nanoTime() - start) / 1e9;
                log.info(
                        "registered {} seniors and {} devices through {} in {} s",
                        options.devices(),
                        options.devices(),
                        options.platform().baseUrl(),
                        String.format(java.util.Locale.ROOT, "%.1f", registrationSeconds));
            }
            if (!options.sosEvery().isZero()) {
                sosProbe = new SosProbe(options, session);
                sosProbe.prepare(bootstrap, broker);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("platform " + options.platform().baseUrl() + ": " + e);
        }
    }

    private InetSocketAddress brokerAddress() {
        try {
            return new InetSocketAddress(InetAddress.getByName(options.host()), options.port());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + options.host() + " does not resolve");
        }
    }

    private void ramp(Bootstrap bootstrap, InetSocketAddress broker, long rampStart) {
        double nanosPerConnect = 1e9 / options.connectsPerSecond();
        List<InetAddress> sources = options.sourceAddresses();
        for (int i = 0; i < connections.length; i++) {
            long wait = rampStart + (long) (i * nanosPerConnect) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            connect(i, bootstrap, broker, sources.get(i % sources.size()));
        }
    }

    private void connect(int index, Bootstrap bootstrap, InetSocketAddress broker, InetAddress source) {
        String deviceId = options.deviceId(index + 1);
        int keepAlive = options.keepAliveSeconds();
        ChannelInboundHandlerAdapter device;
        if (options.protocol() == LoadProtocol.MQTT) {
            byte[] password = secrets != null && secrets[index] != null
                    ? secrets[index].getBytes(StandardCharsets.UTF_8)
                    : options.password();
            device = new LoadConnection(
                    deviceId,
                    MqttPackets.connect(deviceId, password, keepAlive),
                    MqttPackets.publish("anxin/v1/devices/" + deviceId + "/events", PAYLOAD, options.qos()),
                    shared);
        } else {
            device = new TcpLoadConnection(options.protocol(), deviceId, shared);
        }
        connections[index] = (LoadDevice) device;
        counters.attempted.increment();
        ChannelFuture connect = bootstrap
                .clone()
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline()
                                .addLast(
                                        new IdleStateHandler(keepAlive * 3 / 2, keepAlive / 2, 0, TimeUnit.SECONDS),
                                        options.protocol().replyDecoder(),
                                        device);
                    }
                })
                .connect(broker, new InetSocketAddress(source, 0));
        channels[index] = connect.channel();
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                Throwable cause = done.cause();
                counters.connectFailures.increment();
                counters.error(connectError(cause), deviceId + " from " + source.getHostAddress() + ": " + cause);
            }
        });
    }

    private static LoadError connectError(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return LoadError.CONNECT_TIMEOUT;
        }
        if (cause instanceof ConnectException
                && String.valueOf(cause.getMessage()).contains("refused")) {
            return LoadError.CONNECT_REFUSED;
        }
        return LoadError.CONNECT_FAILED;
    }

    private void awaitConnects() throws InterruptedException {
        long deadline = System.nanoTime() + RESOLVE_AFTER_LAST_ATTEMPT.toNanos();
        while (counters.connected.sum() + counters.connectFailures.sum() < counters.attempted.sum()
                && System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private void publish(ScheduledExecutorService timer) throws InterruptedException {
        if (options.idle()) {
            log.info(
                    "holding {} connections idle for {} s (keep-alive {} s)",
                    counters.connected.sum(),
                    options.duration().toSeconds(),
                    options.keepAliveSeconds());
            TimeUnit.NANOSECONDS.sleep(options.duration().toNanos());
            return;
        }
        List<LoadDevice> connected = new ArrayList<>();
        Map<EventLoop, List<LoadDevice>> byLoop = new HashMap<>();
        for (int i = 0; i < connections.length; i++) {
            if (connections[i] != null && connections[i].connected()) {
                connected.add(connections[i]);
                byLoop.computeIfAbsent(channels[i].eventLoop(), loop -> new ArrayList<>())
                        .add(connections[i]);
            }
        }
        if (connected.isEmpty()) {
            log.warn("no device connected; nothing to publish");
            return;
        }
        log.info(
                "publishing for {} s from {} connected devices",
                options.duration().toSeconds(),
                connected.size());
        window.open(System.nanoTime(), options.duration());
        if (sosProbe != null) {
            sosProbe.start(timer);
        }
        List<Future<?>> pacers = new ArrayList<>();
        if (options.rate() > 0) {
            byLoop.forEach((loop, devices) -> {
                double share = (double) options.rate() * devices.size() / connected.size();
                // open loop: a finer tick, so the schedule itself adds little to the latency it measures
                long tickMicros = options.openLoop() ? 250 : 1_000;
                pacers.add(loop.scheduleAtFixedRate(
                        new Pacer(devices, share, window), 0, tickMicros, TimeUnit.MICROSECONDS));
            });
        } else {
            byLoop.forEach((loop, devices) -> devices.forEach(device -> loop.execute(device::startPublishing)));
        }
        long left = window.endNanos() - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        pacers.forEach(pacer -> pacer.cancel(false));
    }

    private void awaitAcks() throws InterruptedException {
        if (options.qos() == 0 || options.idle()) {
            return;
        }
        long deadline = System.nanoTime() + options.ackWait().toNanos();
        while (counters.inFlight() > 0 && System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private void disconnectAll() {
        for (int i = 0; i < connections.length; i++) {
            Channel channel = channels[i];
            LoadDevice connection = connections[i];
            if (channel != null && channel.isOpen()) {
                channel.eventLoop().execute(connection::disconnect);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Channel channel : channels) {
            long left = deadline - System.nanoTime();
            if (channel != null && left > 0) {
                channel.closeFuture().awaitUninterruptibly(left, TimeUnit.NANOSECONDS);
            }
        }
    }

    private LoadReport report(long rampStart, long rampEnd, long unacked, boolean epoll, SosResult sos) {
        Histogram acks = latency.merged();
        long connected = counters.connected.sum();
        long lastConnAck = counters.lastConnAckNanos.get();
        double connectSeconds = connected == 0 ? 0 : Math.max(1e-3, (lastConnAck - rampStart) / 1e9);
        double windowSeconds = options.duration().toNanos() / 1e9;
        long inWindow = options.qos() == 1 ? counters.ackedInWindow.sum() : counters.sent.sum();
        boolean hasAcks = acks.getTotalCount() > 0;
        Histogram lag = sendLag.merged();
        return new LoadReport(
                options.label(),
                options.devices(),
                options.qos(),
                options.rate(),
                options.duration().toSeconds(),
                connectSeconds == 0 ? 0 : connected / connectSeconds,
                connected,
                counters.connectFailures.sum(),
                counters.sent.sum(),
                counters.acked.sum(),
                inWindow / windowSeconds,
                hasAcks ? acks.getValueAtPercentile(50) : null,
                hasAcks ? acks.getValueAtPercentile(90) : null,
                hasAcks ? acks.getValueAtPercentile(99) : null,
                hasAcks ? acks.getValueAtPercentile(99.9) : null,
                hasAcks ? acks.getMaxValue() : null,
                counters.errorTotal(),
                counters.errorsByKind(),
                unacked,
                (rampEnd - rampStart) / 1e9,
                options.threads(),
                epoll ? "epoll" : "nio",
                options.sourceAddresses().stream()
                        .map(InetAddress::getHostAddress)
                        .toList(),
                options.protocol().wireName(),
                registrationSeconds,
                sos,
                options.inFlight(),
                options.openLoop(),
                options.openLoop() && lag.getTotalCount() > 0 ? lag.getValueAtPercentile(99) : null,
                cpu.totalSeconds(),
                cpu.publishSeconds(),
                LatencyRecorder.encode(acks));
    }
}

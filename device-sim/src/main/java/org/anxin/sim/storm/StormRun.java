package org.anxin.sim.storm;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One storm run: connect every device (each retrying with backoff until accepted), say so in the
 * ready file, wait for the connections to drop (the bench kills the gateway), then wait until
 * every device is back or {@code --max-wait} has passed, and record per device when it was lost
 * and when it was back. Ends by itself.
 */
final class StormRun {
    private static final Logger log = LoggerFactory.getLogger("device-sim.storm");

    private final StormOptions options;
    private final StormCounters counters = new StormCounters();
    private final StormDevice[] devices;
    private final AtomicLongArray lostAt;
    private final AtomicLongArray backAt;
    private final int[] attemptsToBack;
    private final AtomicInteger connected = new AtomicInteger();
    private final LongAdder lostAfterReady = new LongAdder();
    private final LongAdder back = new LongAdder();
    private final AtomicLong stormStart = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final long startEpochMillis = System.currentTimeMillis();
    private volatile boolean ready;
    private Bootstrap bootstrap;
    private InetSocketAddress broker;

    StormRun(StormOptions options) {
        this.options = options;
        this.devices = new StormDevice[options.devices()];
        this.lostAt = new AtomicLongArray(options.devices());
        this.backAt = new AtomicLongArray(options.devices());
        this.attemptsToBack = new int[options.devices()];
    }

    StormOptions options() {
        return options;
    }

    StormCounters counters() {
        return counters;
    }

    Bootstrap bootstrap() {
        return bootstrap;
    }

    InetSocketAddress broker() {
        return broker;
    }

    /** A CONNECT accepted (on the device's loop). */
    void accepted(int index, int attempts) {
        counters.accepted.increment();
        connected.incrementAndGet();
        if (stormStart.get() != 0 && backAt.compareAndSet(index, 0, System.nanoTime())) {
            attemptsToBack[index] = attempts;
            back.increment();
        }
    }

    /** An accepted connection closed (on the device's loop). */
    void lost(int index) {
        long now = System.nanoTime();
        connected.decrementAndGet();
        if (!ready) {
            return;
        }
        stormStart.compareAndSet(0, now);
        if (lostAt.compareAndSet(index, 0, now)) {
            lostAfterReady.increment();
        }
    }

    StormReport run() throws InterruptedException {
        broker = brokerAddress();
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                options.threads(),
                new DefaultThreadFactory("storm"),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        bootstrap = new Bootstrap()
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        for (int i = 0; i < devices.length; i++) {
            String id = options.deviceId(i);
            devices[i] = new StormDevice(
                    i,
                    id,
                    group.next(),
                    StormPackets.connect(id, options.password(), options.keepAliveSeconds(), options.mqtt5(i)),
                    this);
        }
        log.info(
                "storm: {} devices → {} ({} % MQTT 5), ramp {}/s from {}, backoff {}–{} s, CONNACK timeout {} s",
                devices.length,
                broker,
                options.mqtt5Percent(),
                options.connectsPerSecond(),
                options.sourceAddresses(),
                options.backoff().baseSeconds(),
                options.backoff().capSeconds(),
                options.connAckTimeoutSeconds());
        try {
            long rampStart = System.nanoTime();
            ramp(rampStart);
            double rampSeconds = awaitAll(rampStart);
            Map<String, Long> atReady = counters.snapshot();
            int connectedAtReady = connected.get();
            ready = true;
            writeReady(connectedAtReady);
            boolean outage = awaitOutage();
            Map<String, Long> atStorm = counters.snapshot();
            long cpuAtStorm = processCpuNanos();
            if (outage) {
                awaitBack();
            }
            long end = System.nanoTime();
            long cpu = processCpuNanos() - cpuAtStorm;
            return new StormReport(
                    options,
                    connectedAtReady,
                    rampSeconds,
                    outage ? epochMillis(stormStart.get()) : -1,
                    lostAfterReady.sum(),
                    back.sum(),
                    outage ? backSeconds() : new double[0],
                    atReady,
                    StormCounters.since(atReady, atStorm),
                    StormCounters.since(atStorm, counters.snapshot()),
                    outage ? (end - stormStart.get()) / 1e9 : 0,
                    cpu / 1e9);
        } finally {
            writePerDevice();
            for (StormDevice device : devices) {
                device.loop().execute(device::stop);
            }
            TimeUnit.SECONDS.sleep(2);
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    private void ramp(long rampStart) {
        double nanosPerConnect = 1e9 / options.connectsPerSecond();
        for (int i = 0; i < devices.length; i++) {
            long wait = rampStart + (long) (i * nanosPerConnect) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            StormDevice device = devices[i];
            device.loop().execute(device::attempt);
            if (i % options.connectsPerSecond() == 0 && i > 0) {
                progress("ramp");
            }
        }
    }

    /** Until every device is connected, or the ramp's time plus --max-wait; the seconds it took. */
    private double awaitAll(long rampStart) throws InterruptedException {
        long deadline = rampStart
                + TimeUnit.SECONDS.toNanos(devices.length / options.connectsPerSecond() + options.maxWaitSeconds());
        long lastLog = System.nanoTime();
        while (connected.get() < devices.length && System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(20);
            if (System.nanoTime() - lastLog > 1_000_000_000L) {
                lastLog = System.nanoTime();
                progress("ramp");
            }
        }
        double seconds = (System.nanoTime() - rampStart) / 1e9;
        log.info("ready: {} of {} devices connected after {} s", connected.get(), devices.length, round(seconds));
        return seconds;
    }

    private boolean awaitOutage() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.outageWaitSeconds());
        while (stormStart.get() == 0 && System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        if (stormStart.get() == 0) {
            log.error("no connection dropped within {} s of being ready", options.outageWaitSeconds());
            return false;
        }
        log.info("connections dropping: the storm starts");
        return true;
    }

    private void awaitBack() throws InterruptedException {
        long deadline = stormStart.get() + TimeUnit.SECONDS.toNanos(options.maxWaitSeconds());
        long lastLog = System.nanoTime();
        while (back.sum() < devices.length && System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(20);
            if (System.nanoTime() - lastLog > 1_000_000_000L) {
                lastLog = System.nanoTime();
                progress("storm");
            }
        }
        progress("storm end");
    }

    private void progress(String phase) {
        Map<String, Long> now = counters.snapshot();
        log.info(
                "{} t={}s: connected {}/{}, back {}, lost {}, attempts {}, busy {}, unavailable {}+{}, CONNACK timeouts {},"
                        + " TCP refused {}, TCP timeouts {}",
                phase,
                (System.nanoTime() - startNanos) / 1_000_000_000L,
                connected.get(),
                devices.length,
                back.sum(),
                lostAfterReady.sum(),
                now.get("attempts"),
                now.get("connAckBusy"),
                now.get("connAckUnavailable"),
                now.get("connAckUnavailable5"),
                now.get("connAckTimeouts"),
                now.get("connectRefused"),
                now.get("connectTimeouts"));
    }

    /** Seconds from the storm's start to each device's return, sorted; devices not back left out. */
    private double[] backSeconds() {
        long start = stormStart.get();
        return java.util.stream.IntStream.range(0, devices.length)
                .mapToLong(backAt::get)
                .filter(at -> at != 0)
                .mapToDouble(at -> (at - start) / 1e9)
                .sorted()
                .toArray();
    }

    private void writeReady(int connectedNow) {
        if (options.readyFile() == null) {
            return;
        }
        try {
            Files.writeString(options.readyFile(), connectedNow + " " + devices.length + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writePerDevice() {
        if (options.perDeviceOut() == null) {
            return;
        }
        StringBuilder lines = new StringBuilder(devices.length * 40);
        for (int i = 0; i < devices.length; i++) {
            long lost = lostAt.get(i);
            long returned = backAt.get(i);
            lines.append(devices[i].deviceId())
                    .append(' ')
                    .append(lost == 0 ? -1 : epochMillis(lost))
                    .append(' ')
                    .append(returned == 0 ? -1 : epochMillis(returned))
                    .append(' ')
                    .append(attemptsToBack[i])
                    .append('\n');
        }
        try {
            Files.writeString(options.perDeviceOut(), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.error("cannot write {}: {}", options.perDeviceOut(), e.toString());
        }
    }

    private long epochMillis(long nanos) {
        return startEpochMillis + (nanos - startNanos) / 1_000_000L;
    }

    private InetSocketAddress brokerAddress() {
        try {
            return new InetSocketAddress(InetAddress.getByName(options.host()), options.port());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + options.host() + " does not resolve");
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** For the tests: how many of the devices have been back since the storm started. */
    long backCount() {
        return back.sum();
    }

    @Override
    public String toString() {
        return "StormRun" + Arrays.asList(options.label(), devices.length);
    }
}

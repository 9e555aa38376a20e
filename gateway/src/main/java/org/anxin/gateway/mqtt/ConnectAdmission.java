package org.anxin.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.anxin.gateway.forward.DeviceDirectory;
import org.anxin.gateway.forward.DeviceDirectory.Registration;
import org.anxin.gateway.server.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission control for MQTT CONNECTs (a reconnect storm after a gateway restart): at most
 * {@code maxPending} CONNECTs wait for the device registry at once; one more is refused at once
 * ({@link #offer} returns false and the caller answers "server busy"), so the device hears within a
 * round trip and backs off, instead of waiting for a CONNACK that comes after it gave up. The
 * waiting ones are decided in batches of up to {@code batchSize} on one thread: the registrations
 * not cached are asked in one Redis pipeline per batch ({@link DeviceDirectory#findAll}), so the
 * rate admitted is the rate Redis answers look-ups, not one round trip per CONNECT per worker. A
 * CONNECT whose client hung up while it waited is dropped before its look-up. A device group's
 * allowed networks are checked against {@link ClientAddress} (a trusted balancer's PROXY header).
 *
 * <p>Why a bounded count and no token bucket (Bucket4j): the rate Redis sustains is not known in
 * advance and changes with the machine's load; a bucket would need that figure configured, while a
 * bounded queue drained as fast as the pipelines come back adapts to it by itself.
 */
public final class ConnectAdmission implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectAdmission.class);

    /** A CONNECT waiting for its decision; {@code answer} runs on the batch thread. */
    record Request(MqttConnectMessage connect, Channel channel, Consumer<ConnectDecision> answer) {
        String deviceId() {
            return connect.payload().clientIdentifier();
        }
    }

    private final DeviceDirectory directory;
    private final int maxPending;
    private final int batchSize;
    private final AtomicInteger pending = new AtomicInteger();
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread batcher;
    private volatile boolean closed;

    ConnectAdmission(DeviceDirectory directory, int maxPending, int batchSize) {
        if (maxPending < 1 || batchSize < 1) {
            throw new IllegalArgumentException("maxPending and batchSize must be at least 1");
        }
        this.directory = directory;
        this.maxPending = maxPending;
        this.batchSize = batchSize;
        this.batcher = new Thread(this::run, "gateway-connect-admission");
        this.batcher.setDaemon(true);
    }

    /** Admission control on {@code directory}, its batch thread running. */
    public static ConnectAdmission start(DeviceDirectory directory, int maxPending, int batchSize) {
        ConnectAdmission admission = new ConnectAdmission(directory, maxPending, batchSize);
        admission.batcher.start();
        return admission;
    }

    /**
     * Queues the CONNECT for a decision if fewer than {@code maxPending} wait; false when the
     * bound is reached (the caller answers busy). Called on event loops; never blocks.
     */
    boolean offer(Request request) {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            return false;
        }
        queue.add(request);
        return true;
    }

    /** CONNECTs admitted and not yet answered (queued, or in the batch being decided). */
    public int pending() {
        return pending.get();
    }

    private void run() {
        List<Request> batch = new ArrayList<>(batchSize);
        while (!closed) {
            try {
                Request first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                decide(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("CONNECT batch failed; its clients are closed", e);
                batch.forEach(request -> request.channel().close());
            } finally {
                pending.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    /** Decides whatever is queued, up to one batch, on the calling thread (tests). */
    int decideQueued() {
        List<Request> batch = new ArrayList<>(batchSize);
        queue.drainTo(batch, batchSize);
        try {
            decide(batch);
        } finally {
            pending.addAndGet(-batch.size());
        }
        return batch.size();
    }

    /**
     * One batch: drops the requests whose client is gone, answers malformed logins without Redis,
     * looks the rest up in one pipeline and answers each. A Redis failure answers every one of them
     * "registry unavailable" (the device retries; nothing is cached).
     */
    private void decide(List<Request> batch) {
        List<Request> live = new ArrayList<>(batch.size());
        Set<String> deviceIds = new LinkedHashSet<>();
        for (Request request : batch) {
            if (!request.channel().isActive()) {
                continue;
            }
            ConnectDecision malformed = ConnectDecision.malformed(request.connect());
            if (malformed != null) {
                request.answer().accept(malformed);
                continue;
            }
            live.add(request);
            deviceIds.add(request.deviceId());
        }
        if (live.isEmpty()) {
            return;
        }
        Map<String, Optional<Registration>> found;
        try {
            found = directory.findAll(deviceIds);
        } catch (RuntimeException e) {
            for (Request request : live) {
                request.answer()
                        .accept(ConnectDecision.registryUnavailable(ConnectDecision.isMqtt5(request.connect()), e));
            }
            return;
        }
        for (Request request : live) {
            request.answer()
                    .accept(ConnectDecision.decide(
                            request.connect(),
                            found.get(request.deviceId()),
                            directory,
                            ClientAddress.of(request.channel())));
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        batcher.interrupt();
        batcher.join(5_000);
    }
}

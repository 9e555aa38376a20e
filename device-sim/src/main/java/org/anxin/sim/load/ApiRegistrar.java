package org.anxin.sim.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/**
 * Registers devices as an operator would: a senior for each ({@code POST /api/seniors}), then the
 * device ({@code POST /api/devices}), {@value #CONCURRENT} at a time. Returns each device's secret
 * (MQTT only; null for watches and GT06, which have none).
 */
public final class ApiRegistrar {
    static final int CONCURRENT = 8;

    private final ApiSession session;

    public ApiRegistrar(ApiSession session) {
        this.session = session;
    }

    public String[] register(int count, IntFunction<String> deviceId, LoadProtocol protocol, String seniorName)
            throws InterruptedException {
        String[] secrets = new String[count];
        Semaphore slots = new Semaphore(CONCURRENT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < count && failure.get() == null; i++) {
            slots.acquire();
            int index = i;
            String id = deviceId.apply(i + 1);
            Map<String, Object> senior = Map.of(
                    "name",
                    seniorName + " " + (i + 1),
                    "phone",
                    String.format(java.util.Locale.ROOT, "139%08d", i + 1),
                    "address",
                    "load test, device " + id,
                    "lat",
                    30.27,
                    "lon",
                    120.15);
            pending.add(session.post("/api/seniors", senior, 201)
                    .thenCompose(made -> session.post(
                            "/api/devices",
                            Map.of(
                                    "id",
                                    id,
                                    "protocol",
                                    protocol.wireName(),
                                    "seniorId",
                                    made.get("id").asLong()),
                            201))
                    .thenAccept(device -> {
                        JsonNode secret = device.get("secret");
                        secrets[index] = secret == null || secret.isNull() ? null : secret.asString();
                    })
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                        slots.release();
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        if (failure.get() != null) {
            Throwable cause = failure.get();
            throw new IllegalStateException("registering devices through the API failed: "
                    + (cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage()));
        }
        return secrets;
    }
}

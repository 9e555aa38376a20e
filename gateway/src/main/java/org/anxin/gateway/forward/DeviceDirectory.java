package org.anxin.gateway.forward;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.UnifiedJedis;

/**
 * The device registry the platform keeps in Redis ({@code anxin:device:{id}}, docs/events.md).
 * Blocking: call it from a worker thread, never from an event loop. Answers are cached briefly
 * so that a reconnect storm does not become a Redis storm; a revoked secret stops working
 * within {@code cacheFor}.
 */
public final class DeviceDirectory {
    private final UnifiedJedis redis;
    private final Duration cacheFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public DeviceDirectory(UnifiedJedis redis, Duration cacheFor) {
        this.redis = redis;
        this.cacheFor = cacheFor;
    }

    /** A registered device: its protocol and, for MQTT, the SHA-256 of its secret. */
    public record Registration(String protocol, String secretSha256) {}

    public Optional<Registration> find(String deviceId) {
        long now = System.nanoTime();
        Cached cached = cache.get(deviceId);
        if (cached != null && cached.expiresAt - now > 0) {
            return cached.registration;
        }
        Map<String, String> hash = redis.hgetAll("anxin:device:" + deviceId);
        Optional<Registration> found = hash == null || hash.isEmpty()
                ? Optional.empty()
                : Optional.of(new Registration(hash.get("protocol"), hash.get("secretSha256")));
        if (cache.size() > 100_000) {
            cache.clear();
        }
        cache.put(deviceId, new Cached(found, now + cacheFor.toNanos()));
        return found;
    }

    /** Constant-time check of an MQTT password against the registered hash. */
    public static boolean secretMatches(Registration registration, byte[] password) {
        if (registration.secretSha256() == null || password == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(registration.secretSha256());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(password));
    }

    public static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record Cached(Optional<Registration> registration, long expiresAt) {}
}

package org.anxin.gateway.forward;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * The device registry the platform keeps in Redis ({@code anxin:device:{id}}, docs/events.md).
 * Blocking: call it from a worker thread, never from an event loop. Answers are cached briefly
 * so that a reconnect storm does not become a Redis storm; a revoked secret stops working
 * within {@code cacheFor}. The cache is a bounded Caffeine cache (size-based eviction keeps the
 * frequently used entries): a flood of random client ids evicts only the rarely used ones, where
 * the old map was wiped whole at 100,000 entries, sending every device's look-up back to Redis.
 */
public final class DeviceDirectory {
    private final UnifiedJedis redis;
    static final int MAX_CACHED = 100_000;

    private final Cache<String, Optional<Registration>> cache;
    // groups are few and shared by many devices: their parsed allow-lists are cached apart
    private final Cache<String, Optional<SourceNetworks>> groups;

    public DeviceDirectory(UnifiedJedis redis, Duration cacheFor) {
        this(redis, cacheFor, MAX_CACHED);
    }

    DeviceDirectory(UnifiedJedis redis, Duration cacheFor, int maxCached) {
        this.redis = redis;
        this.cache = cacheFor.isZero()
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(maxCached)
                        .expireAfterWrite(cacheFor)
                        .build();
        this.groups = cacheFor.isZero()
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(10_000)
                        .expireAfterWrite(cacheFor)
                        .build();
    }

    /**
     * A registered device: its protocol, for MQTT the SHA-256 of its secret, and the device group
     * it belongs to (null: none), whose source-network allow-list applies to its logins.
     */
    public record Registration(String protocol, String secretSha256, String group) {
        public Registration(String protocol, String secretSha256) {
            this(protocol, secretSha256, null);
        }
    }

    public Optional<Registration> find(String deviceId) {
        if (cache == null) {
            return lookUp(deviceId);
        }
        Optional<Registration> cached = cache.getIfPresent(deviceId);
        if (cached != null) {
            return cached;
        }
        Optional<Registration> found = lookUp(deviceId);
        cache.put(deviceId, found); // a Redis failure throws before this: failures are not cached
        return found;
    }

    /**
     * Blocking (Redis): {@link #find} for many devices at once, the ones not cached asked in one
     * pipeline (one round trip, not one per device): what a batch of CONNECTs in a reconnect storm
     * needs. Every id given is in the answer. A Redis failure throws and caches nothing.
     */
    public Map<String, Optional<Registration>> findAll(Collection<String> deviceIds) {
        Map<String, Optional<Registration>> found = new HashMap<>();
        Map<String, Response<Map<String, String>>> asked = new LinkedHashMap<>();
        for (String deviceId : deviceIds) {
            Optional<Registration> cached = cache == null ? null : cache.getIfPresent(deviceId);
            if (cached != null) {
                found.put(deviceId, cached);
            } else {
                asked.put(deviceId, null);
            }
        }
        if (asked.isEmpty()) {
            return found;
        }
        try (AbstractPipeline pipeline = redis.pipelined()) {
            asked.replaceAll((deviceId, none) -> pipeline.hgetAll(DEVICE_PREFIX + deviceId));
            pipeline.sync();
        }
        asked.forEach((deviceId, reply) -> {
            Optional<Registration> registration = registration(reply.get());
            found.put(deviceId, registration);
            if (cache != null) {
                cache.put(deviceId, registration);
            }
        });
        return found;
    }

    /** Drops a cached answer (a revoked device): its next login asks Redis, where it is gone. */
    public void forget(String deviceId) {
        if (cache != null) {
            cache.invalidate(deviceId);
        }
    }

    /** Drops a group's cached allow-list (it changed): the next login of its devices asks Redis. */
    public void forgetGroup(String group) {
        if (groups != null) {
            groups.invalidate(group);
        }
    }

    /**
     * Blocking (Redis): null if the device may log in from {@code remote}, else why not. A device
     * with no group, or in a group with an empty list, may log in from anywhere; a group missing
     * from Redis (an inconsistent registry) refuses: the list could not be checked.
     */
    public String networkRefusal(Registration registration, java.net.SocketAddress remote) {
        String group = registration.group();
        if (group == null || group.isEmpty()) {
            return null;
        }
        Optional<SourceNetworks> networks = groups == null ? networksOf(group) : groups.getIfPresent(group);
        if (networks == null) {
            networks = networksOf(group);
            groups.put(group, networks);
        }
        if (networks.isEmpty()) {
            return "device group " + group + " is not in the registry";
        }
        return networks.get().allows(remote) ? null : "source address outside device group " + group + "'s networks";
    }

    private Optional<SourceNetworks> networksOf(String group) {
        Map<String, String> hash = redis.hgetAll(GROUP_PREFIX + group);
        return hash == null || hash.isEmpty()
                ? Optional.empty()
                : Optional.of(SourceNetworks.parse(group, hash.get("networks")));
    }

    /** {@code anxin:device-group:{id}}: hash with {@code networks}, written by the platform. */
    public static final String GROUP_PREFIX = "anxin:device-group:";

    /** {@code anxin:device:{id}}: the device's registration hash, written by the platform. */
    static final String DEVICE_PREFIX = "anxin:device:";

    private Optional<Registration> lookUp(String deviceId) {
        return registration(redis.hgetAll(DEVICE_PREFIX + deviceId));
    }

    private static Optional<Registration> registration(Map<String, String> hash) {
        return hash == null || hash.isEmpty()
                ? Optional.empty()
                : Optional.of(new Registration(hash.get("protocol"), hash.get("secretSha256"), hash.get("group")));
    }

    /** Entries held now (after pending evictions), for tests. */
    long cachedEntries() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
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
}

package org.anxin.platform.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted per user name and per address (Caffeine caches that forget a key when
 * its window ends and hold at most 100,000 keys, so a flood of made-up names cannot exhaust
 * memory). A user name over its limit is locked until {@code lockout} has passed or an
 * administrator unlocks it; an address over its limit is refused until its window ends. The
 * counts live in this node's memory: each platform node throttles what it sees.
 */
@Component
class LoginThrottle {
    private static final int MAX_KEYS = 100_000;

    private final LoginProperties properties;
    private final Clock clock;
    private final Cache<String, AtomicInteger> userFailures;
    private final Cache<String, AtomicInteger> addressFailures;
    private final Cache<String, Instant> lockedUsers;

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        // windows run on the system ticker: a test clock moved by days must not unlock anyone early or late
        Ticker ticker = Ticker.systemTicker();
        this.userFailures = window(properties.window(), ticker);
        this.addressFailures = window(properties.window(), ticker);
        this.lockedUsers = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterWrite(properties.lockout())
                .ticker(ticker)
                .build();
    }

    private static Cache<String, AtomicInteger> window(Duration window, Ticker ticker) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterWrite(window)
                .ticker(ticker)
                .build();
    }

    /** Why a sign-in is refused before its password is checked, if it is. */
    Optional<String> refusal(String username, String address) {
        if (username != null && lockedUsers.getIfPresent(key(username)) != null) {
            return Optional.of(
                    "this user is locked after too many failed sign-ins; an administrator can unlock it, or try again later");
        }
        AtomicInteger fromAddress = address == null ? null : addressFailures.getIfPresent(address);
        if (fromAddress != null && fromAddress.get() >= properties.maxFailuresPerAddress()) {
            return Optional.of("too many failed sign-ins from this address; try again later");
        }
        return Optional.empty();
    }

    /** Counts a failure; true when it locked the user name. */
    boolean failed(String username, String address) {
        if (address != null) {
            addressFailures.get(address, a -> new AtomicInteger()).incrementAndGet();
        }
        if (username == null || username.isBlank()) {
            return false;
        }
        String key = key(username);
        int failures = userFailures.get(key, u -> new AtomicInteger()).incrementAndGet();
        if (failures >= properties.maxFailuresPerUser() && lockedUsers.getIfPresent(key) == null) {
            lockedUsers.put(key, clock.instant());
            return true;
        }
        return false;
    }

    /** A good sign-in clears the user name's count (not the address's: a guesser may own one account). */
    void succeeded(String username) {
        userFailures.invalidate(key(username));
    }

    /** An administrator unlocks a user name; true if it was locked. */
    boolean unlock(String username) {
        String key = key(username);
        boolean wasLocked = lockedUsers.getIfPresent(key) != null;
        lockedUsers.invalidate(key);
        userFailures.invalidate(key);
        return wasLocked;
    }

    record Locked(String username, Instant since) {}

    List<Locked> locked() {
        return lockedUsers.asMap().entrySet().stream()
                .map(e -> new Locked(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(Locked::since))
                .toList();
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}

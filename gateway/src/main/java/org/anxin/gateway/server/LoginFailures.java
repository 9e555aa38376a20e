package org.anxin.gateway.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed logins per source address (unknown or wrong device, data before the login, an unreadable
 * login), against IMEI scanning: an address with {@code limit} failures within {@code window} of its
 * first is refused without a look-up until the window ends, with the same answer an unknown device
 * gets, so the refusal reveals nothing. Successful logins are not counted, so a carrier NAT with
 * thousands of trackers behind one address, or a reconnect storm, is never throttled; the cost is
 * that a scanner behind such a NAT blocks its neighbours' logins for the rest of the window.
 *
 * <p>A fixed window per address on a size-bounded Caffeine cache (the cache the gateway already
 * uses): a token bucket (Bucket4j) would add a dependency for no gain at this one counter.
 */
public final class LoginFailures {
    public static final int DEFAULT_LIMIT = 20;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private final int limit;
    private final Cache<String, AtomicInteger> failures;

    public LoginFailures() {
        this(DEFAULT_LIMIT, DEFAULT_WINDOW);
    }

    public LoginFailures(int limit, Duration window) {
        this.limit = limit;
        this.failures = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(window) // from the first failure: the count is changed in place
                .build();
    }

    /** The host part of a connection's remote address: all ports of one address count together. */
    public static String addressOf(Channel channel) {
        SocketAddress remote = ClientAddress.of(channel);
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(remote);
    }

    public boolean blocked(Channel channel) {
        AtomicInteger count = failures.getIfPresent(addressOf(channel));
        return count != null && count.get() >= limit;
    }

    /** Counts a failure; true when it is the one that reaches the limit (log that once). */
    public boolean failed(Channel channel) {
        return failures.get(addressOf(channel), address -> new AtomicInteger()).incrementAndGet() == limit;
    }
}

package org.anxin.platform.system;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;

/**
 * The first word with Redis, at start: a wrong or missing password, or a certificate that does not
 * verify, stops the start with a sentence saying so, rather than a stack of retries later.
 */
final class RedisStartCheck {
    private static final Logger log = LoggerFactory.getLogger(RedisStartCheck.class);

    private RedisStartCheck() {}

    static UnifiedJedis connect(Supplier<UnifiedJedis> make, String where) {
        UnifiedJedis client;
        try {
            client = make.get(); // a cluster client reads the slot map here
        } catch (RuntimeException e) {
            throw explained(e, where);
        }
        try {
            client.ping();
            log.info(
                    "Redis at {} answers{}",
                    where,
                    client instanceof redis.clients.jedis.JedisCluster ? " (cluster)" : "");
        } catch (RuntimeException e) {
            client.close();
            throw explained(e, where);
        }
        return client;
    }

    static IllegalStateException explained(RuntimeException e, String where) {
        Throwable auth = find(e, t -> t instanceof JedisAccessControlException || authMessage(t.getMessage()));
        if (auth != null) {
            return new IllegalStateException(
                    "Redis at " + where + " refused the credentials of ANXIN_REDIS_URL (" + auth.getMessage()
                            + "): give the server's password as redis://:PASSWORD@host:port",
                    e);
        }
        Throwable tls = find(e, t -> t instanceof SSLException);
        if (tls != null) {
            return new IllegalStateException(
                    "TLS with Redis at " + where + " failed (" + tls.getMessage()
                            + "): check ANXIN_REDIS_CA_FILE and that the URL's host name is in the server's certificate",
                    e);
        }
        return new IllegalStateException("cannot reach Redis at " + where + ": " + e.getMessage(), e);
    }

    private static boolean authMessage(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toUpperCase(Locale.ROOT);
        return m.contains("NOAUTH")
                || m.contains("WRONGPASS")
                || m.contains("INVALID PASSWORD")
                || m.contains("INVALID USERNAME-PASSWORD");
    }

    /** The first throwable in the cause and suppressed chains that matches. */
    private static Throwable find(Throwable top, java.util.function.Predicate<Throwable> match) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        todo.add(top);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (match.test(t)) {
                return t;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(java.util.List.of(t.getSuppressed()));
        }
        return null;
    }
}

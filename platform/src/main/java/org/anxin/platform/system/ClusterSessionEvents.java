package org.anxin.platform.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.stereotype.Component;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * On a Redis Cluster, the session deletions and expiries of every node. Spring Session learns that
 * a session ended from keyspace notifications ({@code __keyevent@0__:del} / {@code :expired}),
 * which a cluster node publishes only to its own subscribers, while Spring's listener container
 * subscribes on one node: the sessions whose keys live elsewhere would end without an event, and
 * their live streams on this node would stay open after a logout. So each node of the cluster gets
 * a subscriber of its own here, handing what it hears to the repository, which turns it into the
 * usual session events (a second copy of an event from the node Spring listens to is harmless: the
 * session's streams are already closed). One server: nothing to do, Spring hears it all.
 */
@Component
class ClusterSessionEvents implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ClusterSessionEvents.class);

    private final UnifiedJedis redis;
    private final RedisEndpoint endpoint;
    private final RedisIndexedSessionRepository sessions;
    private final List<JedisPubSub> subscriptions = new ArrayList<>();
    private volatile boolean running;

    ClusterSessionEvents(UnifiedJedis redis, RedisEndpoint endpoint, RedisIndexedSessionRepository sessions) {
        this.redis = redis;
        this.endpoint = endpoint;
        this.sessions = sessions;
    }

    @Override
    public void start() {
        running = true;
        if (!(redis instanceof JedisCluster cluster)) {
            return;
        }
        for (String node : cluster.getClusterNodes().keySet()) {
            Thread thread = new Thread(() -> listen(HostAndPort.from(node)), "session-events-" + node);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void listen(HostAndPort node) {
        JedisPubSub relay = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String key) {
                sessions.onMessage(
                        new DefaultMessage(
                                channel.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8)),
                        null);
            }
        };
        synchronized (subscriptions) {
            subscriptions.add(relay);
        }
        while (running) {
            // a subscriber waits for messages indefinitely: no socket timeout
            try (Jedis jedis = new Jedis(node, endpoint.clientConfig(0))) {
                jedis.subscribe(relay, sessions.getSessionDeletedChannel(), sessions.getSessionExpiredChannel());
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("session events of Redis node {} lost ({}); resubscribing in 1 s", node, e.toString());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        synchronized (subscriptions) {
            for (JedisPubSub subscription : subscriptions) {
                try {
                    if (subscription.isSubscribed()) {
                        subscription.unsubscribe();
                    }
                } catch (RuntimeException e) {
                    log.debug("unsubscribing session events: {}", e.toString());
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package org.anxin.platform.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.anxin.platform.callcenter.CallFeed;
import org.anxin.platform.system.RedisEndpoint;
import org.anxin.platform.system.UserSessionsEnded;
import org.anxin.platform.system.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live feed: every platform node subscribes to {@code anxin:feed:alarms} and
 * {@code anxin:feed:devices} and forwards each message to its own Server-Sent-Events clients, so a
 * change made on any node reaches every console. Every message names its senior, and a client is
 * sent only what its viewer may see: a FAMILY user's stream carries only their own seniors. Device
 * updates (positions, battery, heartbeats) go only to the clients that asked for them (the family
 * page), optionally for one senior. The 12349 line's screen pops ({@code anxin:feed:calls}) go to
 * the desk's streams only, as {@code call} events. Alarms and screen pops come on one subscription,
 * device updates on another (each a connection and a thread of its own), so an alarm never waits
 * behind a reconnect wave's device updates; those are not even read while no client wants them.
 */
@Component
class LiveFeed implements SmartLifecycle {
    static final String CHANNEL = "anxin:feed:alarms";
    static final String DEVICES = "anxin:feed:devices";
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final RedisEndpoint endpoint;
    private final JsonMapper json;
    private final CopyOnWriteArrayList<Client> clients = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile List<Subscriber> subscribers = List.of();

    private final int maxStreamsPerUser;

    LiveFeed(RedisEndpoint endpoint, JsonMapper json, LiveFeedProperties properties) {
        this.endpoint = endpoint;
        this.json = json;
        this.maxStreamsPerUser = properties.maxStreamsPerUser();
    }

    /**
     * @param devices whether device updates are wanted too
     * @param seniorId only this senior's messages, or null for every senior the viewer may see
     */
    private record Client(SseEmitter emitter, Viewer viewer, String sessionId, boolean devices, Long seniorId) {
        boolean wants(long senior, boolean deviceUpdate) {
            return viewer.maySee(senior) && (seniorId == null || seniorId == senior) && (devices || !deviceUpdate);
        }
    }

    SseEmitter open(Viewer viewer, String sessionId) {
        return open(viewer, sessionId, false, null);
    }

    /**
     * A feed of alarms and device updates; {@code seniorId} (or null for all) must be one the viewer
     * may see. {@code sessionId}: the portal session it belongs to (null for HTTP Basic), whose end
     * ends the stream. A user over the cap loses their oldest stream.
     */
    SseEmitter open(Viewer viewer, String sessionId, boolean devices, Long seniorId) {
        SseEmitter emitter = new SseEmitter(0L);
        Client client = new Client(emitter, viewer, sessionId, devices, seniorId);
        synchronized (clients) {
            List<Client> own = clients.stream()
                    .filter(c -> c.viewer().username().equals(viewer.username()))
                    .toList();
            for (int i = 0; i <= own.size() - maxStreamsPerUser; i++) {
                end(own.get(i));
            }
            clients.add(client);
        }
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> clients.remove(client));
        emitter.onError(e -> clients.remove(client));
        send(client, SseEmitter.event().name("hello").data("{\"feed\":\"alarms\"}"));
        return emitter;
    }

    static String sessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }

    int clientCount() {
        return clients.size();
    }

    /** Logout (or a session's time-out) ends the streams that session opened. */
    @EventListener
    void sessionEnded(SessionDestroyedEvent event) {
        String id = event.getId();
        clients.stream().filter(c -> id.equals(c.sessionId())).forEach(this::end);
    }

    /** A password reset ends the user's streams, but those of the session that changed it itself. */
    @EventListener
    void userSessionsEnded(UserSessionsEnded event) {
        clients.stream()
                .filter(c -> c.viewer().username().equals(event.username()))
                .filter(c -> c.sessionId() == null || !c.sessionId().equals(event.keptSessionId()))
                .forEach(this::end);
    }

    private void end(Client client) {
        clients.remove(client);
        try {
            client.emitter().complete();
        } catch (RuntimeException e) {
            log.debug("ending a live stream: {}", e.toString());
        }
    }

    private void deliver(String channel, String message) {
        boolean deviceUpdate = DEVICES.equals(channel);
        if (deviceUpdate && clients.stream().noneMatch(Client::devices)) {
            return; // no family page open on this node: nothing to read
        }
        long seniorId;
        try {
            JsonNode alarm = json.readTree(message);
            seniorId = alarm.get("seniorId").asLong();
        } catch (RuntimeException e) {
            log.warn("ignored a malformed live-feed message: {}", e.toString());
            return;
        }
        for (Client client : clients) {
            if (client.wants(seniorId, deviceUpdate)) {
                send(
                        client,
                        SseEmitter.event()
                                .name(deviceUpdate ? "device" : "alarm")
                                .data(message));
            }
        }
    }

    /** A call's screen pop (callcenter): desk staff only, whoever the caller is. */
    private void deliverCall(String message) {
        for (Client client : clients) {
            if (client.viewer().isDesk()) {
                send(client, SseEmitter.event().name("call").data(message));
            }
        }
    }

    /** Keeps idle connections (and proxies) open and finds dead clients. */
    @Scheduled(fixedRate = 15_000)
    void heartbeat() {
        for (Client client : clients) {
            send(client, SseEmitter.event().comment("keep-alive"));
        }
    }

    private void send(Client client, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (client) {
                client.emitter().send(event);
            }
        } catch (IOException | IllegalStateException e) {
            clients.remove(client);
            client.emitter().completeWithError(e);
        }
    }

    @Override
    public void start() {
        running = true;
        subscribers = List.of(
                new Subscriber("live-feed-alarms", CHANNEL, CallFeed.CHANNEL),
                new Subscriber("live-feed-devices", DEVICES));
        subscribers.forEach(Subscriber::start);
    }

    /**
     * One subscription on a connection and a thread of its own. Alarms (and the line's screen pops)
     * and device updates have one each: an SOS never waits behind the positions of a reconnect
     * wave in one socket's buffer or on one thread.
     */
    private final class Subscriber {
        private final String threadName;
        private final String[] channels;
        private volatile JedisPubSub subscription;

        Subscriber(String threadName, String... channels) {
            this.threadName = threadName;
            this.channels = channels;
        }

        void start() {
            Thread thread = new Thread(this::subscribeLoop, threadName);
            thread.setDaemon(true);
            thread.start();
        }

        private void subscribeLoop() {
            int attempt = 0;
            while (running) {
                // a subscriber waits for messages indefinitely: no socket timeout. On a Redis Cluster
                // every node hears every PUBLISH (the cluster bus relays it): any node will do, the
                // next on failure
                List<HostAndPort> nodes = endpoint.nodes();
                HostAndPort node = nodes.get(Math.floorMod(attempt++, nodes.size()));
                try (Jedis jedis = new Jedis(node, endpoint.clientConfig(0))) {
                    JedisPubSub pubSub = new JedisPubSub() {
                        @Override
                        public void onMessage(String channel, String message) {
                            if (CallFeed.CHANNEL.equals(channel)) {
                                deliverCall(message);
                            } else {
                                deliver(channel, message);
                            }
                        }
                    };
                    subscription = pubSub;
                    jedis.subscribe(pubSub, channels);
                } catch (RuntimeException e) {
                    if (running) {
                        log.warn("{} lost Redis ({}); resubscribing in 1 s", threadName, e.toString());
                        try {
                            Thread.sleep(1_000);
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }
        }

        void stop() {
            JedisPubSub pubSub = subscription;
            if (pubSub != null && pubSub.isSubscribed()) {
                pubSub.unsubscribe();
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        subscribers.forEach(Subscriber::stop);
        for (Client client : clients) {
            client.emitter().complete();
        }
        clients.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package org.anxin.platform.callcenter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a call's change commits, sends its screen pop to every platform node's live feed
 * through Redis pub/sub ({@link #CHANNEL}); the portal forwards it to the desk's consoles as a
 * {@code call} event. The database stays the record: a console that missed one reloads
 * {@code /api/calls/live}.
 */
@Component
public class CallFeed {
    /** The Redis channel the screen pops go out on (JSON of a call card). */
    public static final String CHANNEL = "anxin:feed:calls";

    private static final Logger log = LoggerFactory.getLogger(CallFeed.class);

    private final CallLog calls;
    private final ScreenPop pop;
    private final UnifiedJedis redis;
    private final JsonMapper json;

    CallFeed(CallLog calls, ScreenPop pop, UnifiedJedis redis, JsonMapper json) {
        this.calls = calls;
        this.pop = pop;
        this.redis = redis;
        this.json = json;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(CallChanged changed) {
        calls.find(changed.callId()).ifPresent(call -> {
            try {
                redis.publish(CHANNEL, json.writeValueAsString(pop.of(call)));
            } catch (RuntimeException e) {
                log.warn("call {} not pushed to the live feed: {}", call.id(), e.toString());
            }
        });
    }
}

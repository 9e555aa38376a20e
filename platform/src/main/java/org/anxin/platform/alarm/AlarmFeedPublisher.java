package org.anxin.platform.alarm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * After an alarm change commits, sends the alarm to every platform node's live feed through
 * Redis pub/sub ({@code anxin:feed:alarms}). The database stays the record: a console that
 * missed a message reloads the queue when its feed reconnects.
 */
@Component
class AlarmFeedPublisher {
    static final String CHANNEL = "anxin:feed:alarms";
    private static final Logger log = LoggerFactory.getLogger(AlarmFeedPublisher.class);

    private final AlarmRepository alarms;
    private final UnifiedJedis redis;
    private final JsonMapper json;

    AlarmFeedPublisher(AlarmRepository alarms, UnifiedJedis redis, JsonMapper json) {
        this.alarms = alarms;
        this.redis = redis;
        this.json = json;
    }

    // first of what runs after the commit: the operator's screen does not wait for the family
    // map's device updates, the SOS page's reply or the notifications of the same transaction
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @TransactionalEventListener
    void afterCommit(AlarmChanged changed) {
        alarms.find(changed.alarmId()).ifPresent(alarm -> {
            try {
                redis.publish(CHANNEL, json.writeValueAsString(alarm));
            } catch (RuntimeException e) {
                log.warn("alarm {} not pushed to the live feed: {}", alarm.id(), e.toString());
            }
        });
    }
}

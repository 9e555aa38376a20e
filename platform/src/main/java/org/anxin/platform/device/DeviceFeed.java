package org.anxin.platform.device;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a batch of device events commits, sends what each says of its device (position, battery,
 * heartbeat, online) to every platform node's live feed through Redis pub/sub
 * ({@value #CHANNEL}), one pipelined round trip per batch. The feed passes each one only to the
 * clients that may see the senior and asked for positions (the family page), never to the desk's
 * alarm consoles, so the busy position traffic costs them nothing.
 */
@Component
class DeviceFeed {
    static final String CHANNEL = "anxin:feed:devices";
    private static final Logger log = LoggerFactory.getLogger(DeviceFeed.class);

    private final UnifiedJedis redis;
    private final JsonMapper json;

    DeviceFeed(UnifiedJedis redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** What the feed carries (event name {@code device}); also the family page's JSON. */
    record DeviceUpdate(
            long seniorId,
            String deviceId,
            String type,
            Instant at,
            boolean online,
            Integer battery,
            Double lat,
            Double lon,
            FixSource source) {}

    @TransactionalEventListener
    void afterCommit(DeviceEventsStored batch) {
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (DeviceEventStored stored : batch.stored()) {
                DeviceEvent e = stored.event();
                DeviceUpdate update = new DeviceUpdate(
                        stored.seniorId(),
                        e.deviceId(),
                        e.type(),
                        e.deviceTime() != null ? e.deviceTime() : e.receivedAt(),
                        !"OFFLINE".equals(e.type()),
                        e.battery(),
                        e.lat(),
                        e.lon(),
                        FixSource.of(e.lat(), e.attrs()));
                pipeline.publish(CHANNEL, json.writeValueAsString(update));
            }
            pipeline.sync();
        } catch (RuntimeException e) {
            log.warn(
                    "{} device updates not pushed to the live feed: {}",
                    batch.stored().size(),
                    e.toString());
        }
    }
}

package org.anxin.platform.dispatch;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * First accept wins, across platform nodes: a Redis key per dispatch, set only if absent. Held
 * for a day (the dispatch is over long before); released only if the winner's transaction fails.
 */
@Component
class AcceptanceLock {
    private static final long HOLD_SECONDS = 86_400L;

    private final UnifiedJedis redis;

    AcceptanceLock(UnifiedJedis redis) {
        this.redis = redis;
    }

    private static String key(long dispatchId) {
        return "anxin:dispatch:lock:" + dispatchId;
    }

    /** Whether this responder is the first to take the dispatch. */
    boolean take(long dispatchId, long responderId) {
        return "OK"
                .equals(redis.set(
                        key(dispatchId),
                        Long.toString(responderId),
                        SetParams.setParams().nx().ex(HOLD_SECONDS)));
    }

    void release(long dispatchId) {
        redis.del(key(dispatchId));
    }
}

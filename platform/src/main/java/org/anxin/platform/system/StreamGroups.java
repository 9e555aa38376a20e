package org.anxin.platform.system;

import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** Redis stream consumer groups, made once and found again after Redis lost its data. */
public final class StreamGroups {
    private StreamGroups() {}

    /** Creates the group (and the stream) from the beginning unless it exists already. */
    public static void ensure(UnifiedJedis redis, String stream, String group) {
        try {
            redis.xgroupCreate(stream, group, new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Whether a failure says the group is gone (Redis restarted empty): make it again. */
    public static boolean lost(RuntimeException e) {
        return e instanceof JedisDataException
                && e.getMessage() != null
                && e.getMessage().startsWith("NOGROUP");
    }
}

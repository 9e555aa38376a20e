package org.anxin.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events in a stream as the platform reads them (docs/events.md), written here from the
 * contract and not from the gateway's encoder: a single entry (v1) as it is; a batch entry (v2) as
 * one entry per event of its {@code events} array, each with the batch entry's id, {@code v} 1 and
 * the entry's {@code gatewayNode}, in their order.
 */
public final class StoredEvents {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredEvents() {}

    /** Every event in the stream {@code key}, oldest first. */
    public static List<StreamEntry> in(UnifiedJedis redis, String key) {
        List<StreamEntry> events = new ArrayList<>();
        for (StreamEntry entry : redis.xrange(key, (StreamEntryID) null, (StreamEntryID) null)) {
            Map<String, String> fields = entry.getFields();
            if (!"2".equals(fields.get("v"))) {
                events.add(entry);
                continue;
            }
            for (JsonNode event : JSON.readTree(fields.get("events"))) {
                Map<String, String> one = new HashMap<>();
                one.put("v", "1");
                event.properties()
                        .forEach(field ->
                                one.put(field.getKey(), field.getValue().asString()));
                one.put("gatewayNode", fields.get("gatewayNode"));
                events.add(new StreamEntry(entry.getID(), one));
            }
        }
        return events;
    }
}

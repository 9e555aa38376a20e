package org.anxin.platform.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.GeoCoordinate;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.params.GeoSearchParam;
import redis.clients.jedis.resps.GeoRadiusResponse;

/**
 * Live positions of the responders who can take a job now: one GEO set per travel mode
 * ({@code anxin:responders:geo:{MODE}}), holding only AVAILABLE responders with a position, and
 * their matching state in one hash ({@code anxin:responders:state}). Shared by every platform
 * node; PostgreSQL stays the record and refills it at start.
 */
@Component
final class ResponderIndex {
    static final String STATE = "anxin:responders:state";

    private final UnifiedJedis redis;

    ResponderIndex(UnifiedJedis redis) {
        this.redis = redis;
    }

    static String geoKey(TravelMode mode) {
        return "anxin:responders:geo:" + mode;
    }

    /** Puts the responder in the index (available with a position) or takes them out. */
    void update(ResponderState state, boolean available, Double lat, Double lon) {
        redis.hset(STATE, Long.toString(state.id()), state.encode());
        for (TravelMode mode : TravelMode.values()) {
            if (mode != state.mode() || !available || lat == null) {
                redis.zrem(geoKey(mode), Long.toString(state.id()));
            }
        }
        if (available && lat != null) {
            redis.geoadd(geoKey(state.mode()), lon, lat, Long.toString(state.id()));
        }
    }

    record Hit(long id, double meters) {}

    /** Available responders of one mode within {@code meters}, nearest first. */
    List<Hit> search(TravelMode mode, double lat, double lon, double meters) {
        List<GeoRadiusResponse> found = redis.geosearch(
                geoKey(mode),
                new GeoSearchParam()
                        .fromLonLat(new GeoCoordinate(lon, lat))
                        .byRadius(meters, GeoUnit.M)
                        .asc()
                        .withDist());
        List<Hit> hits = new ArrayList<>(found.size());
        for (GeoRadiusResponse r : found) {
            hits.add(new Hit(Long.parseLong(r.getMemberByString()), r.getDistance()));
        }
        return hits;
    }

    List<ResponderState> states(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> values =
                redis.hmget(STATE, ids.stream().map(String::valueOf).toArray(String[]::new));
        List<ResponderState> states = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            states.add(values.get(i) == null ? null : ResponderState.decode(ids.get(i), values.get(i)));
        }
        return states;
    }
}

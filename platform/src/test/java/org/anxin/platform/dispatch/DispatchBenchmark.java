package org.anxin.platform.dispatch;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/**
 * Dispatch decision latency: 50,000 responders over a city-sized area (a 30 km × 30 km square
 * around Hangzhou), the real {@link Matcher} against a real Redis, one decision after another
 * from random places. Not a test; run by {@code bench/dispatch.sh}, results in
 * docs/benchmarks.md. Writes one JSON line to the file named by the third argument.
 */
public final class DispatchBenchmark {
    private static final double LAT0 = 30.13;
    private static final double LON0 = 120.00;
    private static final double SPAN_LAT = 30_000 / 111_195.0;
    private static final double SPAN_LON = 30_000 / (111_195.0 * Math.cos(Math.toRadians(30.27)));

    private DispatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int responders = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int decisions = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path out = Path.of(args.length > 2 ? args[2] : "dispatch-benchmark.json");
        int warmup = decisions / 4;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("anxin-dispatch-bench");
        RedisServer redis = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("dir " + dir)
                .build();
        redis.start();
        try (JedisPooled jedis = new JedisPooled("127.0.0.1", port)) {
            Files.writeString(out, run(jedis, responders, decisions, warmup) + "\n");
        } finally {
            redis.stop();
        }
    }

    private static String run(JedisPooled jedis, int responders, int decisions, int warmup) {
        Random random = new Random(42);
        ResponderIndex index = new ResponderIndex(jedis);
        TravelMode[] modes = {TravelMode.WALK, TravelMode.EBIKE, TravelMode.EBIKE, TravelMode.CAR};
        List<Set<String>> skills =
                List.of(Set.of("FIRST_AID"), Set.of("FIRST_AID", "NURSING"), Set.of("CLEANING", "MEAL"));
        long loadStart = System.nanoTime();
        try (AbstractPipeline pipe = jedis.pipelined()) {
            for (int i = 1; i <= responders; i++) {
                TravelMode mode = modes[random.nextInt(modes.length)];
                ResponderState state = new ResponderState(
                        i,
                        "r" + i,
                        mode,
                        skills.get(random.nextInt(skills.size())),
                        random.nextInt(5) == 0 ? LocalTime.of(22, 0) : null,
                        random.nextInt(5) == 0 ? LocalTime.of(6, 0) : null,
                        random.nextInt(3) == 0 ? 1 : 0,
                        2,
                        4 + random.nextDouble());
                pipe.hset(ResponderIndex.STATE, Long.toString(i), state.encode());
                if (random.nextInt(10) < 7) { // 70 % on duty and available
                    pipe.geoadd(ResponderIndex.geoKey(mode), lon(random), lat(random), Long.toString(i));
                }
            }
            pipe.sync();
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        Matcher matcher = new Matcher(
                index, new StraightLineTravel(1.3, 1.2, 4.2, 6.9), Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
        Histogram decision = new Histogram(3_600_000_000L, 3);
        Histogram geo = new Histogram(3_600_000_000L, 3);
        StraightLineTravel travel = new StraightLineTravel(1.3, 1.2, 4.2, 6.9);
        long candidatesSeen = 0;
        for (int i = 0; i < warmup + decisions; i++) {
            double lat = lat(random);
            double lon = lon(random);
            long t0 = System.nanoTime();
            List<Matcher.Candidate> found = matcher.candidates(lat, lon, 600, "FIRST_AID", Set.of());
            long t1 = System.nanoTime();
            for (TravelMode mode : TravelMode.values()) {
                index.search(mode, lat, lon, travel.reachMeters(mode, 600));
            }
            long t2 = System.nanoTime();
            if (i >= warmup) {
                decision.recordValue(t1 - t0);
                geo.recordValue(t2 - t1);
                candidatesSeen += found.size();
            }
        }
        double geoShare = geo.getMean() / decision.getMean();
        return String.format(
                Locale.ROOT,
                "{\"benchmark\":\"dispatch-decision\",\"responders\":%d,\"decisions\":%d,\"loadSeconds\":%.2f,"
                        + "\"meanCandidates\":%.1f,\"p50Micros\":%.0f,\"p90Micros\":%.0f,\"p99Micros\":%.0f,"
                        + "\"maxMicros\":%.0f,\"geosearchP50Micros\":%.0f,\"geosearchP99Micros\":%.0f,\"geosearchShare\":%.2f}",
                responders,
                decisions,
                loadSeconds,
                candidatesSeen / (double) decisions,
                decision.getValueAtPercentile(50) / 1e3,
                decision.getValueAtPercentile(90) / 1e3,
                decision.getValueAtPercentile(99) / 1e3,
                decision.getMaxValue() / 1e3,
                geo.getValueAtPercentile(50) / 1e3,
                geo.getValueAtPercentile(99) / 1e3,
                geoShare);
    }

    private static double lat(Random random) {
        return LAT0 + random.nextDouble() * SPAN_LAT;
    }

    private static double lon(Random random) {
        return LON0 + random.nextDouble() * SPAN_LON;
    }
}

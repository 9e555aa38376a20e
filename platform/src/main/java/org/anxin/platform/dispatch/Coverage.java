package org.anxin.platform.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.Viewer;
import org.springframework.stereotype.Component;

/**
 * For each senior with a home position: can an available responder with the skill reach them
 * inside the circle now? Shares per community and the uncovered seniors.
 */
@Component
class Coverage {
    private final Dispatcher dispatcher;
    private final SeniorService seniors;

    Coverage(Dispatcher dispatcher, SeniorService seniors) {
        this.dispatcher = dispatcher;
        this.seniors = seniors;
    }

    record Report(
            String kind,
            String skill,
            int circleSeconds,
            int seniors,
            int covered,
            double sharePercent,
            List<Community> perCommunity,
            List<SeniorSpot> uncovered,
            List<SeniorSpot> perSenior) {}

    record Community(String community, int seniors, int covered, double sharePercent) {}

    /** One senior on the map; {@code covered}: someone able can reach them in time now. */
    record SeniorSpot(long seniorId, String name, String community, double lat, double lon, boolean covered) {}

    Report report(String kind, String skill, Viewer viewer) {
        int circle = dispatcher.circleSeconds(kind);
        Map<String, int[]> perCommunity = new TreeMap<>();
        List<SeniorSpot> each = new ArrayList<>();
        for (Senior s : seniors.list(viewer)) {
            if (s.lat() == null) {
                continue;
            }
            boolean ok = dispatcher.covered(s.lat(), s.lon(), kind, skill);
            int[] counts = perCommunity.computeIfAbsent(s.community() == null ? "—" : s.community(), k -> new int[2]);
            counts[0]++;
            counts[1] += ok ? 1 : 0;
            each.add(new SeniorSpot(s.id(), s.name(), s.community(), s.lat(), s.lon(), ok));
        }
        int covered = (int) each.stream().filter(SeniorSpot::covered).count();
        List<Community> communities = new ArrayList<>();
        perCommunity.forEach((name, counts) ->
                communities.add(new Community(name, counts[0], counts[1], share(counts[1], counts[0]))));
        return new Report(
                kind,
                skill,
                circle,
                each.size(),
                covered,
                share(covered, each.size()),
                communities,
                each.stream().filter(s -> !s.covered()).toList(),
                each);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 100.0;
    }
}

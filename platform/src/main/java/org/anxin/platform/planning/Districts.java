package org.anxin.platform.planning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Workers grouped by where their day starts: districts of about {@code size} workers whose bases
 * lie close together (a few rounds of k-means from bases drawn at random). Each call draws other
 * districts, so a visit that cannot go to a worker of one district this round can next round.
 */
final class Districts {
    private static final int ROUNDS = 5;

    private Districts() {}

    static List<List<WorkerDay>> of(List<WorkerDay> workers, int size, Random random) {
        int k = Math.max(1, (workers.size() + size - 1) / size);
        if (k == 1) {
            return List.of(List.copyOf(workers));
        }
        List<WorkerDay> drawn = new ArrayList<>(workers);
        Collections.shuffle(drawn, random);
        double[][] centres = new double[k][];
        for (int j = 0; j < k; j++) {
            centres[j] =
                    new double[] {drawn.get(j).base().lat(), drawn.get(j).base().lon()};
        }
        int[] district = new int[workers.size()];
        for (int round = 0; round < ROUNDS; round++) {
            double[][] sums = new double[k][3];
            for (int i = 0; i < workers.size(); i++) {
                Place p = workers.get(i).base();
                district[i] = nearest(centres, p);
                sums[district[i]][0] += p.lat();
                sums[district[i]][1] += p.lon();
                sums[district[i]][2]++;
            }
            for (int j = 0; j < k; j++) {
                if (sums[j][2] > 0) {
                    centres[j] = new double[] {sums[j][0] / sums[j][2], sums[j][1] / sums[j][2]};
                }
            }
        }
        List<List<WorkerDay>> districts = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            districts.add(new ArrayList<>());
        }
        for (int i = 0; i < workers.size(); i++) {
            districts.get(district[i]).add(workers.get(i));
        }
        districts.removeIf(List::isEmpty);
        return districts;
    }

    private static int nearest(double[][] centres, Place p) {
        // a degree of longitude is shorter than one of latitude by cos(latitude)
        double squeeze = Math.cos(Math.toRadians(p.lat()));
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int j = 0; j < centres.length; j++) {
            double dLat = p.lat() - centres[j][0];
            double dLon = (p.lon() - centres[j][1]) * squeeze;
            double d = dLat * dLat + dLon * dLon;
            if (d < bestDistance) {
                bestDistance = d;
                best = j;
            }
        }
        return best;
    }
}

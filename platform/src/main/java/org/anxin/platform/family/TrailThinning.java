package org.anxin.platform.family;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Thins a trail for the map: Ramer–Douglas–Peucker with a tolerance in metres (points closer than
 * that to the line through their neighbours add nothing a person sees on a street map), then, if
 * still too many, an even pick. The first and the last point are always kept, and the order never
 * changes.
 */
final class TrailThinning {
    private static final double METERS_PER_DEGREE = 111_320;

    private TrailThinning() {}

    static <T> List<T> thin(
            List<T> points, ToDoubleFunction<T> lat, ToDoubleFunction<T> lon, double toleranceMeters, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2");
        }
        int n = points.size();
        if (n <= 2) {
            return List.copyOf(points);
        }
        // a local flat projection in metres: fine at the scale of one person's day
        double cos = Math.cos(Math.toRadians(lat.applyAsDouble(points.get(0))));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lon.applyAsDouble(points.get(i)) * METERS_PER_DEGREE * cos;
            y[i] = lat.applyAsDouble(points.get(i)) * METERS_PER_DEGREE;
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        // iterative, so a trail of thousands of points cannot overflow the stack
        List<int[]> spans = new ArrayList<>();
        spans.add(new int[] {0, n - 1});
        while (!spans.isEmpty()) {
            int[] span = spans.remove(spans.size() - 1);
            int first = span[0];
            int last = span[1];
            double farthest = -1;
            int index = -1;
            for (int i = first + 1; i < last; i++) {
                double d = distanceToSegment(x[i], y[i], x[first], y[first], x[last], y[last]);
                if (d > farthest) {
                    farthest = d;
                    index = i;
                }
            }
            if (index >= 0 && farthest > toleranceMeters) {
                keep[index] = true;
                spans.add(new int[] {first, index});
                spans.add(new int[] {index, last});
            }
        }
        List<T> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                kept.add(points.get(i));
            }
        }
        return kept.size() <= maxPoints ? kept : evenPick(kept, maxPoints);
    }

    private static <T> List<T> evenPick(List<T> points, int maxPoints) {
        List<T> picked = new ArrayList<>(maxPoints);
        double step = (points.size() - 1) / (double) (maxPoints - 1);
        for (int i = 0; i < maxPoints; i++) {
            picked.add(points.get((int) Math.round(i * step)));
        }
        return picked;
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }
}

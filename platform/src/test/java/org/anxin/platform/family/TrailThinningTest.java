package org.anxin.platform.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrailThinningTest {
    private record P(int seq, double lat, double lon) {}

    private static List<P> thin(List<P> points, double tolerance, int max) {
        return TrailThinning.thin(points, P::lat, P::lon, tolerance, max);
    }

    /** A walk north along a street, ~1 m steps, turning east at the corner (point 100). */
    private static List<P> corner() {
        List<P> points = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            points.add(new P(i, 30.27 + i * 0.00001, 120.15));
        }
        for (int i = 1; i <= 100; i++) {
            points.add(new P(100 + i, 30.27 + 100 * 0.00001, 120.15 + i * 0.00001));
        }
        return points;
    }

    @Test
    void keepsTheFirstTheLastAndTheCornerOfAnLShapedWalk() {
        List<P> thinned = thin(corner(), 10, 1000);
        assertThat(thinned).extracting(P::seq).containsExactly(0, 100, 200);
    }

    @Test
    void keepsTheOrderAndTheEndsWhenCappedToFewerPoints() {
        List<P> zigzag = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            zigzag.add(new P(i, 30.27 + i * 0.001, 120.15 + (i % 2) * 0.001)); // ~100 m swings: all significant
        }
        List<P> thinned = thin(zigzag, 10, 50);
        assertThat(thinned).hasSize(50);
        assertThat(thinned.get(0).seq()).isZero();
        assertThat(thinned.get(49).seq()).isEqualTo(499);
        assertThat(thinned).extracting(P::seq).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void keepsAPointThatStrays() {
        List<P> points = List.of(
                new P(0, 30.27, 120.15),
                new P(1, 30.2701, 120.1501),
                new P(2, 30.2702, 120.1520), // ~190 m off the line
                new P(3, 30.2703, 120.1503),
                new P(4, 30.2704, 120.1504));
        assertThat(thin(points, 10, 100)).extracting(P::seq).contains(0, 2, 4).isSorted();
    }

    @Test
    void leavesShortTrailsAlone() {
        List<P> two = List.of(new P(0, 30.27, 120.15), new P(1, 30.27, 120.15));
        assertThat(thin(two, 10, 2)).isEqualTo(two);
        assertThat(thin(List.of(), 10, 2)).isEmpty();
    }

    @Test
    void refusesACapBelowTwo() {
        assertThatThrownBy(() -> thin(corner(), 10, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

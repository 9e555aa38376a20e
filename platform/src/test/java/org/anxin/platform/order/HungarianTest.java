package org.anxin.platform.order;

import static org.anxin.platform.order.Hungarian.INFEASIBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianTest {
    private static final long X = INFEASIBLE;

    @Test
    void solvesASquareMatrixToItsKnownOptimum() {
        long[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};

        int[] chosen = Hungarian.assign(cost);

        assertThat(chosen).containsExactly(1, 0, 2);
        assertThat(total(cost, chosen)).isEqualTo(5);
    }

    @Test
    void solvesTheTextbookFourByFour() {
        // of the 24 permutations only one costs 140 (69 + 37 + 11 + 23); the next best costs 142
        long[][] cost = {{82, 83, 69, 92}, {77, 37, 49, 92}, {11, 69, 5, 86}, {8, 9, 98, 23}};

        int[] chosen = Hungarian.assign(cost);

        assertThat(chosen).containsExactly(2, 1, 0, 3);
        assertThat(total(cost, chosen)).isEqualTo(140);
    }

    @Test
    void moreColumnsThanRowsLeavesColumnsFree() {
        long[][] cost = {{7, 3, 9, 1}, {2, 8, 1, 6}};

        assertThat(Hungarian.assign(cost)).containsExactly(3, 2);
    }

    @Test
    void moreRowsThanColumnsLeavesTheCostliestRowsOut() {
        long[][] cost = {{5, 9}, {1, 4}, {6, 2}};

        int[] chosen = Hungarian.assign(cost);

        assertThat(chosen).containsExactly(-1, 0, 1);
        assertThat(total(cost, chosen)).isEqualTo(3);
    }

    @Test
    void neverReturnsAnInfeasiblePair() {
        long[][] cost = {{X, 5}, {X, X}, {X, 3}};

        int[] chosen = Hungarian.assign(cost);

        assertThat(chosen).containsExactly(-1, -1, 1);
    }

    @Test
    void servesAsManyRowsAsPossibleBeforeLoweringTheCost() {
        // row 0 alone would take column 0 (cost 1) and leave row 1 with nothing feasible
        long[][] cost = {{1, 100}, {2, X}};

        assertThat(Hungarian.assign(cost)).containsExactly(1, 0);
    }

    @Test
    void handlesEmptyAndAllInfeasibleMatrices() {
        assertThat(Hungarian.assign(new long[0][0])).isEmpty();
        assertThat(Hungarian.assign(new long[2][0])).containsExactly(-1, -1);
        assertThat(Hungarian.assign(new long[][] {{X, X}, {X, X}})).containsExactly(-1, -1);
        assertThatThrownBy(() -> Hungarian.assign(new long[][] {{1, -2}})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesBruteForceOnRandomSmallMatrices() {
        Random random = new Random(43153);
        for (int round = 0; round < 3000; round++) {
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(6);
            long[][] cost = new long[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    cost[i][j] = random.nextInt(4) == 0 ? X : random.nextInt(900);
                }
            }
            int[] chosen = Hungarian.assign(cost);
            long[] best = bruteForce(cost, 0, new boolean[cols]);

            assertThat(distinctColumns(chosen)).as("round %d", round).isTrue();
            assertThat(new long[] {feasible(cost, chosen), total(cost, chosen)})
                    .as("round %d: (pairs, total cost)", round)
                    .containsExactly(best[0], best[1]);
        }
    }

    /** The best over every partial assignment: most feasible pairs, then least total cost. */
    private static long[] bruteForce(long[][] cost, int row, boolean[] used) {
        if (row == cost.length) {
            return new long[] {0, 0};
        }
        long[] best = bruteForce(cost, row + 1, used); // this row unassigned
        for (int j = 0; j < used.length; j++) {
            if (!used[j] && cost[row][j] != X) {
                used[j] = true;
                long[] rest = bruteForce(cost, row + 1, used);
                used[j] = false;
                long[] option = {rest[0] + 1, rest[1] + cost[row][j]};
                if (option[0] > best[0] || (option[0] == best[0] && option[1] < best[1])) {
                    best = option;
                }
            }
        }
        return best;
    }

    private static long total(long[][] cost, int[] chosen) {
        long sum = 0;
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] >= 0) {
                assertThat(cost[i][chosen[i]]).isNotEqualTo(X);
                sum += cost[i][chosen[i]];
            }
        }
        return sum;
    }

    private static long feasible(long[][] cost, int[] chosen) {
        long n = 0;
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] >= 0 && cost[i][chosen[i]] != X) {
                n++;
            }
        }
        return n;
    }

    private static boolean distinctColumns(int[] chosen) {
        return java.util.Arrays.stream(chosen).filter(c -> c >= 0).distinct().count()
                == java.util.Arrays.stream(chosen).filter(c -> c >= 0).count();
    }
}

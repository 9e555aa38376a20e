package org.anxin.platform.order;

import java.util.Arrays;

/**
 * Minimum-cost assignment by the Hungarian method (Kuhn–Munkres with row and column potentials,
 * O(n²·m) for n ≤ m, so O(n³) on a square matrix). Rows and columns may differ in number.
 * Infeasible pairs are priced above the sum of every feasible cost, so the solution first takes
 * as many feasible pairs as there can be and only then the least total cost; the infeasible
 * pairs it had to make are left out of the answer (those rows stay unassigned).
 */
final class Hungarian {
    /** A pair that must never be chosen. */
    static final long INFEASIBLE = Long.MAX_VALUE;

    private Hungarian() {}

    /** For each row, the column it is assigned, or -1. Costs are ≥ 0 or {@link #INFEASIBLE}. */
    static int[] assign(long[][] cost) {
        int rows = cost.length;
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        if (rows == 0 || cost[0].length == 0) {
            return result;
        }
        int cols = cost[0].length;
        long finite = 0;
        for (long[] row : cost) {
            if (row.length != cols) {
                throw new IllegalArgumentException("the cost matrix is not rectangular");
            }
            for (long c : row) {
                if (c < 0) {
                    throw new IllegalArgumentException("costs must not be negative: " + c);
                }
                if (c != INFEASIBLE) {
                    finite = Math.addExact(finite, c);
                }
            }
        }
        long big = finite + 1; // one infeasible pair costs more than all feasible ones together
        if (big > Long.MAX_VALUE / (4L * (Math.max(rows, cols) + 1))) {
            throw new IllegalArgumentException("costs too large to solve without overflow");
        }
        boolean transpose = rows > cols; // the method below needs no more rows than columns
        int n = transpose ? cols : rows;
        int m = transpose ? rows : cols;
        long[][] a = new long[n + 1][m + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                long c = transpose ? cost[j][i] : cost[i][j];
                a[i + 1][j + 1] = c == INFEASIBLE ? big : c;
            }
        }
        int[] rowOfColumn = solve(a, n, m);
        for (int j = 1; j <= m; j++) {
            if (rowOfColumn[j] == 0) {
                continue;
            }
            int row = transpose ? j - 1 : rowOfColumn[j] - 1;
            int col = transpose ? rowOfColumn[j] - 1 : j - 1;
            if (cost[row][col] != INFEASIBLE) {
                result[row] = col;
            }
        }
        return result;
    }

    /**
     * The classic formulation on a 1-based matrix {@code a[1..n][1..m]}, n ≤ m: adds one row at a
     * time along a shortest augmenting path, keeping reduced costs non-negative through the
     * potentials {@code u}, {@code v}. Returns, per column, its row (0: none).
     */
    private static int[] solve(long[][] a, int n, int m) {
        long inf = Long.MAX_VALUE / 2;
        long[] u = new long[n + 1];
        long[] v = new long[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            long[] minv = new long[m + 1];
            Arrays.fill(minv, inf);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                long delta = inf;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        long cur = a[i0][j] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        return p;
    }
}

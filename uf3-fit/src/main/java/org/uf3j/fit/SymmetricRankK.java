package org.uf3j.fit;

/**
 * The symmetric rank-k update G += XᵀX (lower triangle) of a dense block X (k rows of n columns),
 * the cost centre of the normal equations. Rows of X and of G are separate arrays and four rows
 * of X are folded into every pass over a row of G, with a plain 0-based inner loop: the form the
 * HotSpot C2 compiler vectorises (measured here: about 6 GMAC/s on one core with AVX2, against
 * about 1.5 for the same loop over offsets into flat arrays, and 0.5 for EJML's multInner).
 * Groups of four all-zero entries are skipped.
 */
final class SymmetricRankK {

    private SymmetricRankK() {
    }

    /**
     * Adds XᵀX to the lower triangle of g: g[a][b] for b ≤ a < n.
     *
     * @param x rows of X, x[r][c] for r < rows, c < n
     * @param g rows of G, row a at least a + 1 long
     */
    static void addLower(double[][] x, int rows, int n, double[][] g) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            double[] r0 = x[r], r1 = x[r + 1], r2 = x[r + 2], r3 = x[r + 3];
            for (int a = 0; a < n; a++) {
                double x0 = r0[a], x1 = r1[a], x2 = r2[a], x3 = r3[a];
                if (x0 == 0.0 && x1 == 0.0 && x2 == 0.0 && x3 == 0.0) {
                    continue;
                }
                double[] ga = g[a];
                for (int b = 0; b <= a; b++) {
                    ga[b] += x0 * r0[b] + x1 * r1[b] + x2 * r2[b] + x3 * r3[b];
                }
            }
        }
        for (; r < rows; r++) {
            double[] r0 = x[r];
            for (int a = 0; a < n; a++) {
                double x0 = r0[a];
                if (x0 == 0.0) {
                    continue;
                }
                double[] ga = g[a];
                for (int b = 0; b <= a; b++) {
                    ga[b] += x0 * r0[b];
                }
            }
        }
    }

    /** Adds Xᵀy to h[0 .. n). */
    static void addTransposeTimes(double[][] x, int rows, int n, double[] y, double[] h) {
        for (int r = 0; r < rows; r++) {
            double yr = y[r];
            if (yr == 0.0) {
                continue;
            }
            double[] xr = x[r];
            for (int a = 0; a < n; a++) {
                h[a] += xr[a] * yr;
            }
        }
    }
}

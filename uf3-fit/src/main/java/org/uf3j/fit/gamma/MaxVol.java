package org.uf3j.fit.gamma;

import java.util.Arrays;

/**
 * The maxvol algorithm (Goreinov, Oseledets et al.): from the n rows of a tall n × d matrix M of
 * full column rank, d rows whose square submatrix A has (locally) maximal |det A|, so that every
 * row of M A⁻¹ has entries of magnitude ≤ {@code tolerance}. Starts from the rows of a pivoted
 * Gaussian elimination, then swaps the row and position of the largest |(M A⁻¹)_ij| while it
 * exceeds the tolerance, updating B = M A⁻¹ by a rank-one correction (O(n d) per swap).
 * Stateless.
 */
public final class MaxVol {
    private MaxVol() {
    }

    /**
     * Rows of {@code m} (n × d row-major, n ≥ d) selected by pivoted elimination; null when the
     * matrix is rank deficient (a pivot below {@code relTol} times the largest entry).
     */
    public static int[] pivotRows(double[] m, int n, int d, double relTol) {
        double[] w = m.clone();
        double scale = 0;
        for (double v : w) {
            scale = Math.max(scale, Math.abs(v));
        }
        boolean[] used = new boolean[n];
        int[] rows = new int[d];
        for (int k = 0; k < d; k++) {
            int best = -1;
            double bv = 0;
            for (int i = 0; i < n; i++) {
                double v = Math.abs(w[i * d + k]);
                if (!used[i] && v > bv) {
                    bv = v;
                    best = i;
                }
            }
            if (best < 0 || bv <= relTol * scale) {
                return null;
            }
            used[best] = true;
            rows[k] = best;
            double p = w[best * d + k];
            for (int i = 0; i < n; i++) {
                if (used[i]) {
                    continue;
                }
                double f = w[i * d + k] / p;
                if (f == 0.0) {
                    continue;
                }
                for (int j = k; j < d; j++) {
                    w[i * d + j] -= f * w[best * d + j];
                }
            }
        }
        return rows;
    }

    /**
     * The maxvol rows of {@code m} starting from {@code start} (d distinct rows with an
     * invertible submatrix), swapping while max |B_ij| &gt; tolerance (≥ 1).
     */
    public static int[] select(double[] m, int n, int d, int[] start, double tolerance, int maxSwaps) {
        int[] rows = start.clone();
        double[] inv = Inverse.of(gather(m, d, rows), d);
        double[] b = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                double mik = m[i * d + k];
                if (mik == 0.0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    b[i * d + j] += mik * inv[k * d + j];
                }
            }
        }
        double[] rowI = new double[d];
        double[] colJ = new double[n];
        for (int swap = 0; swap < maxSwaps; swap++) {
            int bi = -1, bj = -1;
            double bv = tolerance;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    double v = Math.abs(b[i * d + j]);
                    if (v > bv) {
                        bv = v;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                break;
            }
            // B' = B − B[:, j] (B[i, :] − e_j) / B[i, j]
            double pivot = b[bi * d + bj];
            System.arraycopy(b, bi * d, rowI, 0, d);
            rowI[bj] -= 1.0;
            for (int r = 0; r < n; r++) {
                colJ[r] = b[r * d + bj] / pivot;
            }
            for (int r = 0; r < n; r++) {
                double f = colJ[r];
                if (f == 0.0) {
                    continue;
                }
                int o = r * d;
                for (int j = 0; j < d; j++) {
                    b[o + j] -= f * rowI[j];
                }
            }
            rows[bj] = bi;
        }
        return rows;
    }

    /** The d × d submatrix of the given rows. */
    public static double[] gather(double[] m, int d, int[] rows) {
        double[] a = new double[d * d];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(m, rows[k] * d, a, k * d, d);
        }
        return a;
    }

    /** Whether rows are distinct (a sanity check for callers' tests). */
    static boolean distinct(int[] rows) {
        int[] s = rows.clone();
        Arrays.sort(s);
        for (int k = 1; k < s.length; k++) {
            if (s[k] == s[k - 1]) {
                return false;
            }
        }
        return true;
    }
}

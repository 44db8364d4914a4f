package org.uf3j.core.io.potential;

import org.uf3j.core.basis.KnotSequence;

/**
 * Expands a 3-body coefficient vector stored in the uf3 package's compressed (fitting) layout into
 * the full L×M×N grid [ij][ik][jk]. The compressed vector lists, in row-major (l, m, n) order, the
 * coefficients that uf3 keeps: not trimmed (l, m, n ≥ lead and < size − trail), not excluded by
 * the triangle inequality (a basis triple whose supports cannot form a triangle), and — with the
 * ij↔ik mirror symmetry ("symmetry 2", used when the ij and ik knots are equal) — only l ≤ m, the
 * value then standing for both c[l][m][n] and c[m][l][n]. Every other coefficient is 0.
 */
final class CompressedTriplet {
    private CompressedTriplet() {
    }

    /** Whether (l, m, n) is kept by uf3's template for the given symmetry and trims. */
    static boolean kept(int l, int m, int n, KnotSequence ij, KnotSequence ik, KnotSequence jk, boolean mirror,
                        int lead, int trail) {
        int nl = ij.basisCount();
        int nm = ik.basisCount();
        int nn = jk.basisCount();
        if (mirror && l > m) {
            return false;
        }
        if (l < lead || m < lead || n < lead || l >= nl - trail || m >= nm - trail || n >= nn - trail) {
            return false;
        }
        // support of basis p is [t_p, t_{p+4}]: drop triples that violate the triangle inequality
        if (ij.knot(l + 4) + ik.knot(m + 4) <= jk.knot(n)) {
            return false;
        }
        if (ij.knot(l + 4) + jk.knot(n + 4) <= ik.knot(m)) {
            return false;
        }
        return !(ik.knot(m + 4) + jk.knot(n + 4) <= ij.knot(l));
    }

    /** Number of coefficients uf3 keeps for this layout. */
    static int keptCount(KnotSequence ij, KnotSequence ik, KnotSequence jk, boolean mirror, int lead, int trail) {
        int count = 0;
        for (int l = 0; l < ij.basisCount(); l++) {
            for (int m = 0; m < ik.basisCount(); m++) {
                for (int n = 0; n < jk.basisCount(); n++) {
                    if (kept(l, m, n, ij, ik, jk, mirror, lead, trail)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** The full grid, flat [l][m][n] row-major, from a compressed vector of exactly keptCount(...) values. */
    static double[] expand(double[] vector, KnotSequence ij, KnotSequence ik, KnotSequence jk, boolean mirror,
                           int lead, int trail) {
        int nl = ij.basisCount();
        int nm = ik.basisCount();
        int nn = jk.basisCount();
        double[] grid = new double[nl * nm * nn];
        int k = 0;
        for (int l = 0; l < nl; l++) {
            for (int m = 0; m < nm; m++) {
                for (int n = 0; n < nn; n++) {
                    if (kept(l, m, n, ij, ik, jk, mirror, lead, trail)) {
                        grid[(l * nm + m) * nn + n] = vector[k];
                        if (mirror) {
                            grid[(m * nm + l) * nn + n] = vector[k];
                        }
                        k++;
                    }
                }
            }
        }
        if (k != vector.length) {
            throw new IllegalStateException("compressed vector has " + vector.length + " values, layout keeps " + k);
        }
        return grid;
    }
}

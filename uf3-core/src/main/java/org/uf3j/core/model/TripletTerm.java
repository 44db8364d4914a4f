package org.uf3j.core.model;

import java.util.Arrays;
import org.uf3j.core.basis.CubicBSpline;
import org.uf3j.core.basis.KnotSequence;

/**
 * The three-body term V3(r_ij, r_ik, r_jk) = Σ c_lmn B_l(r_ij) B_m(r_ik) B_n(r_jk) for a centre
 * element i and neighbour elements j, k with Z(j) <= Z(k). Coefficients are stored flat in the
 * ML-UF3 file order [l][m][n], index (l*M + m)*N + n. Each leg has its own knots and cutoff.
 */
public final class TripletTerm {
    private final TripletGeometry geometry;
    private final double[] coefficients;

    /** A term over centre, neighbours first (leg ij) and second (leg ik), leg knots and flat coefficients [l][m][n]. */
    public TripletTerm(String centre, String first, String second, KnotSequence ij, KnotSequence ik, KnotSequence jk,
                       double[] coefficients) {
        this(new TripletGeometry(centre, first, second, ij, ik, jk), coefficients);
    }

    /**
     * A term of the given geometry with flat coefficients [l][m][n]. Fails unless there are L·M·N
     * finite coefficients, and, when both neighbours are the same element, the ij and ik knots are
     * equal and c_lmn = c_mln.
     */
    public TripletTerm(TripletGeometry geometry, double[] coefficients) {
        String name = geometry.name();
        int[] shape = geometry.shape();
        if (coefficients.length != geometry.size()) {
            throw new IllegalArgumentException("triplet " + name + ": " + coefficients.length
                    + " coefficients, expected " + shape[0] + "x" + shape[1] + "x" + shape[2]);
        }
        for (int i = 0; i < coefficients.length; i++) {
            if (!Double.isFinite(coefficients[i])) {
                throw new IllegalArgumentException("triplet " + name + ": coefficient " + i + " is " + coefficients[i]);
            }
        }
        this.geometry = geometry;
        this.coefficients = coefficients.clone();
        if (geometry.first().equals(geometry.second()) && !isSymmetric()) {
            throw new IllegalArgumentException("triplet " + name + ": both neighbours are " + geometry.first()
                    + ", so legs ij and ik must share knots and c[l][m][n] must equal"
                    + " c[m][l][n] (otherwise the energy would depend on neighbour order)");
        }
    }

    /** Elements and leg knots of this term. */
    public TripletGeometry geometry() {
        return geometry;
    }

    /** Element of the centre atom. */
    public String centre() {
        return geometry.centre();
    }

    /** Element at the end of leg ij. */
    public String first() {
        return geometry.first();
    }

    /** Element at the end of leg ik. */
    public String second() {
        return geometry.second();
    }

    /** Knots along r_ij. */
    public KnotSequence knotsIJ() {
        return geometry.knotsIJ();
    }

    /** Knots along r_ik. */
    public KnotSequence knotsIK() {
        return geometry.knotsIK();
    }

    /** Knots along r_jk. */
    public KnotSequence knotsJK() {
        return geometry.knotsJK();
    }

    /** Basis counts along ij, ik, jk: {L, M, N}. */
    public int[] shape() {
        return geometry.shape();
    }

    /** Coefficient c_lmn. */
    public double coefficient(int l, int m, int n) {
        return coefficients[geometry.flat(l, m, n)];
    }

    /**
     * V3(r_ij, r_ik, r_jk) = Σ c_lmn B_l(r_ij) B_m(r_ik) B_n(r_jk) in eV: 0 when any leg is at or
     * beyond its cutoff, NaN when a leg lies below its first knot (undefined there). The same basis
     * ({@link CubicBSpline}) as the evaluators; allocates, so not for hot loops.
     */
    public double value(double rij, double rik, double rjk) {
        KnotSequence kij = geometry.knotsIJ();
        KnotSequence kik = geometry.knotsIK();
        KnotSequence kjk = geometry.knotsJK();
        if (rij >= kij.max() || rik >= kik.max() || rjk >= kjk.max()) {
            return 0;
        }
        double[] bij = new double[CubicBSpline.OUT_LENGTH];
        double[] bik = new double[CubicBSpline.OUT_LENGTH];
        double[] bjk = new double[CubicBSpline.OUT_LENGTH];
        int l0 = CubicBSpline.evaluate(kij, rij, bij);
        int m0 = CubicBSpline.evaluate(kik, rik, bik);
        int n0 = CubicBSpline.evaluate(kjk, rjk, bjk);
        if (l0 < 0 || m0 < 0 || n0 < 0) {
            return Double.NaN;
        }
        double v = 0;
        for (int l = 0; l < 4; l++) {
            for (int m = 0; m < 4; m++) {
                for (int n = 0; n < 4; n++) {
                    v += coefficients[geometry.flat(l0 + l, m0 + m, n0 + n)] * bij[l] * bik[m] * bjk[n];
                }
            }
        }
        return v;
    }

    /** A copy of the flat coefficients, [l][m][n] row-major. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Whether c_lmn = c_mln everywhere (legs ij and ik interchangeable). */
    public boolean isSymmetric() {
        if (!geometry.knotsIJ().equals(geometry.knotsIK())) {
            return false;
        }
        int m = geometry.knotsIK().basisCount();
        int n = geometry.knotsJK().basisCount();
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < a; b++) {
                for (int c = 0; c < n; c++) {
                    if (coefficients[(a * m + b) * n + c] != coefficients[(b * m + a) * n + c]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TripletTerm t && geometry.equals(t.geometry) && Arrays.equals(coefficients, t.coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "TripletTerm[" + geometry.centre() + "; " + geometry.first() + ", " + geometry.second() + "]";
    }
}

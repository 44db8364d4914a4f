package org.uf3j.core.model;

import java.util.Arrays;
import org.uf3j.core.basis.KnotSequence;

/**
 * The three-body term V3(r_ij, r_ik, r_jk) = Σ c_lmn B_l(r_ij) B_m(r_ik) B_n(r_jk) for a centre
 * element i and neighbour elements j, k with Z(j) <= Z(k). Coefficients are stored flat in the
 * ML-UF3 file order [l][m][n], index (l*M + m)*N + n. Each leg has its own knots and cutoff.
 */
public final class TripletTerm {
    private final String centre;
    private final String first;
    private final String second;
    private final KnotSequence ij;
    private final KnotSequence ik;
    private final KnotSequence jk;
    private final double[] coefficients;

    public TripletTerm(String centre, String first, String second, KnotSequence ij, KnotSequence ik, KnotSequence jk,
                       double[] coefficients) {
        Elements.atomicNumber(centre);
        if (Elements.atomicNumber(first) > Elements.atomicNumber(second)) {
            throw new IllegalArgumentException("triplet " + centre + "-" + first + "-" + second
                    + ": neighbour elements must be ordered by atomic number (" + second + " before " + first + ")");
        }
        int expected = ij.basisCount() * ik.basisCount() * jk.basisCount();
        if (coefficients.length != expected) {
            throw new IllegalArgumentException("triplet " + centre + "-" + first + "-" + second + ": " + coefficients.length
                    + " coefficients, expected " + ij.basisCount() + "x" + ik.basisCount() + "x" + jk.basisCount());
        }
        for (int i = 0; i < coefficients.length; i++) {
            if (!Double.isFinite(coefficients[i])) {
                throw new IllegalArgumentException("triplet " + centre + "-" + first + "-" + second + ": coefficient "
                        + i + " is " + coefficients[i]);
            }
        }
        this.centre = centre;
        this.first = first;
        this.coefficients = coefficients.clone();
        this.ij = ij;
        this.ik = ik;
        this.jk = jk;
        if (first.equals(second) && !isSymmetric()) {
            throw new IllegalArgumentException("triplet " + centre + "-" + first + "-" + second
                    + ": both neighbours are " + first + ", so legs ij and ik must share knots and c[l][m][n] must equal"
                    + " c[m][l][n] (otherwise the energy would depend on neighbour order)");
        }
        this.second = second;
    }

    public String centre() {
        return centre;
    }

    /** Element at the end of leg ij. */
    public String first() {
        return first;
    }

    /** Element at the end of leg ik. */
    public String second() {
        return second;
    }

    public KnotSequence knotsIJ() {
        return ij;
    }

    public KnotSequence knotsIK() {
        return ik;
    }

    public KnotSequence knotsJK() {
        return jk;
    }

    /** Basis counts along ij, ik, jk: {L, M, N}. */
    public int[] shape() {
        return new int[] {ij.basisCount(), ik.basisCount(), jk.basisCount()};
    }

    public double coefficient(int l, int m, int n) {
        return coefficients[(l * ik.basisCount() + m) * jk.basisCount() + n];
    }

    /** A copy of the flat coefficients, [l][m][n] row-major. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Whether c_lmn = c_mln everywhere (legs ij and ik interchangeable). */
    public boolean isSymmetric() {
        if (!ij.equals(ik)) {
            return false;
        }
        int m = ik.basisCount();
        int n = jk.basisCount();
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
        return o instanceof TripletTerm t && centre.equals(t.centre) && first.equals(t.first) && second.equals(t.second)
                && ij.equals(t.ij) && ik.equals(t.ik) && jk.equals(t.jk) && Arrays.equals(coefficients, t.coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "TripletTerm[" + centre + "; " + first + ", " + second + "]";
    }
}

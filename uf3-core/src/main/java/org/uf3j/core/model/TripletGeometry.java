package org.uf3j.core.model;

import org.uf3j.core.basis.KnotSequence;

/**
 * The shape of a three-body term without its coefficients: centre element i, neighbour elements j
 * (leg ij) and k (leg ik) with Z(j) ≤ Z(k), and the knots of the legs ij, ik, jk. One type for
 * {@link TripletTerm} (which adds coefficients) and for the fit's column layout of a term, so the
 * flat index of coefficient (l, m, n), (l·M + m)·N + n in the ML-UF3 file order, is defined once.
 *
 * @param centre  element of the centre atom i
 * @param first   element at the end of leg ij
 * @param second  element at the end of leg ik
 * @param knotsIJ knots along r_ij
 * @param knotsIK knots along r_ik
 * @param knotsJK knots along r_jk
 */
public record TripletGeometry(String centre, String first, String second, KnotSequence knotsIJ, KnotSequence knotsIK,
                              KnotSequence knotsJK) {
    /** Checks the elements exist and the neighbours are ordered by atomic number. */
    public TripletGeometry {
        Elements.atomicNumber(centre);
        if (Elements.atomicNumber(first) > Elements.atomicNumber(second)) {
            throw new IllegalArgumentException("triplet " + centre + "-" + first + "-" + second
                    + ": neighbour elements must be ordered by atomic number (" + second + " before " + first + ")");
        }
    }

    /** Basis counts {L, M, N} along ij, ik, jk. */
    public int[] shape() {
        return new int[] {knotsIJ.basisCount(), knotsIK.basisCount(), knotsJK.basisCount()};
    }

    /** Number of coefficients L·M·N. */
    public int size() {
        return knotsIJ.basisCount() * knotsIK.basisCount() * knotsJK.basisCount();
    }

    /** Flat index (l·M + m)·N + n of coefficient (l, m, n). */
    public int flat(int l, int m, int n) {
        return (l * knotsIK.basisCount() + m) * knotsJK.basisCount() + n;
    }

    /**
     * Whether legs ij and ik are interchangeable: both neighbours are the same element and share
     * knots, so a physical term has c_lmn = c_mln.
     */
    public boolean interchangeableLegs() {
        return first.equals(second) && knotsIJ.equals(knotsIK);
    }

    /** "centre-first-second", as in messages. */
    public String name() {
        return centre + "-" + first + "-" + second;
    }
}

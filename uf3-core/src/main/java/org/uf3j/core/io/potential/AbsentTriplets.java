package org.uf3j.core.io.potential;

import java.util.ArrayList;
import java.util.List;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

/**
 * Triplet terms a model leaves out, in files that need a block for every triplet (LAMMPS'
 * ML-UF3 {@code pair_style uf3}, the uf3 Python package's JSON): the stand-in written for such a
 * term has all-zero coefficients on the knots of a sibling term (its ij knots on both legs, its jk
 * knots), so it contributes nothing and satisfies LAMMPS' r_ik = r_ij, r_jk = 2 r_ij. The sibling
 * is the present term of the same centre with the smallest ij cutoff (the official style widens its
 * 3-body neighbour cutoffs by every block), else the present term with the smallest ij cutoff.
 * Readers turn an all-zero block back into a left-out term.
 */
final class AbsentTriplets {
    private AbsentTriplets() {
    }

    /**
     * Every triplet block a file of the model holds, in model order (centres, then neighbour pairs,
     * by atomic number): the present terms and a stand-in for each left-out one; empty for UF2.
     */
    static List<Block> blocks(Uf3Model model) {
        List<Block> out = new ArrayList<>();
        if (model.bodyOrder() != 3) {
            return out;
        }
        List<String> els = model.elements();
        for (String c : els) {
            for (int a = 0; a < els.size(); a++) {
                for (int b = a; b < els.size(); b++) {
                    TripletTerm t = model.triplet(c, els.get(a), els.get(b));
                    if (t != null) {
                        out.add(new Block(t, false));
                    } else {
                        out.add(new Block(standIn(model, c, els.get(a), els.get(b)), true));
                    }
                }
            }
        }
        return out;
    }

    /** The all-zero stand-in of a left-out term (centre, neighbours a, b in either order). */
    static TripletTerm standIn(Uf3Model model, String centre, String a, String b) {
        TripletTerm sibling = null;
        for (boolean sameCentre : new boolean[] {true, false}) {
            for (TripletTerm t : model.tripletTerms()) {
                if ((!sameCentre || t.centre().equals(centre))
                        && (sibling == null || t.knotsIJ().max() < sibling.knotsIJ().max())) {
                    sibling = t;
                }
            }
            if (sibling != null) {
                break;
            }
        }
        if (sibling == null) {
            throw new IllegalArgumentException("model has no 3-body term to take the knots of the left-out "
                    + Uf3Model.tripletKey(centre, a, b) + " from");
        }
        boolean ordered = Elements.atomicNumber(a) <= Elements.atomicNumber(b);
        int nl = sibling.knotsIJ().basisCount();
        int nn = sibling.knotsJK().basisCount();
        return new TripletTerm(centre, ordered ? a : b, ordered ? b : a, sibling.knotsIJ(), sibling.knotsIJ(),
                sibling.knotsJK(), new double[nl * nl * nn]);
    }

    /** Whether every coefficient is 0 (the block of a left-out term). */
    static boolean allZero(double[] coefficients) {
        for (double c : coefficients) {
            if (c != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** A triplet block to write: a present term, or the stand-in of a left-out one. */
    record Block(TripletTerm term, boolean standIn) {
    }
}

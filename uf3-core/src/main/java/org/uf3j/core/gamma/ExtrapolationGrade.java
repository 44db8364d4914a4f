package org.uf3j.core.gamma;

import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;

/**
 * The extrapolation grade γ of every atom of a structure (D-optimality, as pacemaker's for ACE):
 * γ_i = max_j |(x_i A⁻¹)_j| with x_i the atom's features ({@link AtomFeatures}) and A the
 * active set of its element. γ ≤ 1 means the atom's environment is inside the span of the
 * training atoms' (an interpolation); &gt; 1 an extrapolation. Infinite when the atom touches a
 * basis function no training atom touched, lies below a first knot, or its element had no
 * training atom. Thread-safe.
 */
public final class ExtrapolationGrade {
    private final AtomFeatures features;
    private final int maxDimension;

    public ExtrapolationGrade(Uf3Model model, ActiveSet set) {
        this.features = new AtomFeatures(model, set);
        int d = 0;
        for (ElementActiveSet e : set.elements()) {
            d = Math.max(d, e.dimension());
        }
        this.maxDimension = d;
    }

    /** γ of every atom of {@code s}. */
    public double[] grades(Structure s) {
        NeighborList nl = NeighborList.build(s, features.cutoff());
        int[] sp = features.species(s);
        double[] x = new double[Math.max(1, maxDimension)];
        double[] work = new double[x.length];
        AtomFeatures.Scratch w = new AtomFeatures.Scratch();
        double[] g = new double[s.size()];
        for (int i = 0; i < g.length; i++) {
            ElementActiveSet set = sp[i] < 0 ? null : features.setOf(sp[i]);
            if (set == null || !features.features(s, sp, nl, i, x, w)) {
                g[i] = Double.POSITIVE_INFINITY;
            } else {
                g[i] = set.grade(x, work);
            }
        }
        return g;
    }

    /** The largest γ of a structure (0 for an empty one). */
    public static double max(double[] grades) {
        double m = 0;
        for (double v : grades) {
            m = Math.max(m, v);
        }
        return m;
    }
}

package org.uf3j.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.uf3j.fit.solve.BlockElimination;
import org.uf3j.fit.solve.SolverOptions;

/**
 * The cross-validation grid grouped by 3-body strengths (curvature and ridge): the members of a
 * group differ only in their 2-body strengths, which touch only the one-body and 2-body columns
 * (the leading block, a few dozen columns). A group is solved with one {@link BlockElimination}
 * of the 3-body block. Empty columns are pinned to 0 as {@link LinearSolver} pins them; a group or
 * member whose block factorisation fails is solved by {@link LinearSolver} on its own (LU or
 * pseudo-inverse fallbacks included). Immutable; {@link #solve} may run from several threads.
 */
final class CandidateGroups {
    private final Regularizer regularizer;
    private final List<Regularization> grid;
    private final int[][] members;
    private final int split;

    CandidateGroups(Regularizer regularizer, List<Regularization> grid) {
        this.regularizer = regularizer;
        this.grid = List.copyOf(grid);
        BasisLayout layout = regularizer.layout();
        int p = layout.size();
        int s = layout.leadingColumns();
        this.split = s;
        Map<List<Double>, List<Integer>> byLarge = new LinkedHashMap<>();
        for (int g = 0; g < grid.size(); g++) {
            Regularization r = grid.get(g);
            List<Double> key = s < p ? List.of(r.curvature3(), r.ridge3()) : List.of((double) g);
            byLarge.computeIfAbsent(key, x -> new ArrayList<>()).add(g);
        }
        this.members = byLarge.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /** Number of groups (distinct 3-body strengths; every candidate on its own for UF2). */
    int count() {
        return members.length;
    }

    /** Grid indices of the members of group g. */
    int[] members(int g) {
        return members[g].clone();
    }

    /** Size of the leading (one-body and 2-body) block. */
    int split() {
        return split;
    }

    /** The solutions of group g's members (in {@link #members} order) for the unregularised system a, b. */
    double[][] solve(int g, DMatrixRMaj a, double[] b, SolverOptions options) {
        int[] idx = members[g];
        double[][] out = new double[idx.length][];
        int p = b.length, s = split, t = p - s;
        BlockElimination elim = null;
        boolean[] pinnedLeading = new boolean[s];
        if (t > 0) {
            Regularization r0 = grid.get(idx[0]);
            double[] large = new double[t * t];
            for (int k = 0; k < t; k++) {
                System.arraycopy(a.data, (s + k) * p + s, large, k * t, t);
            }
            regularizer.addBlock(large, s, t, new Regularization(0, r0.curvature3(), 0, r0.ridge3()));
            double[] rhs = b.clone();
            for (int k = 0; k < t; k++) {
                if (emptyRow(large, k * t, t) && emptyColumnPart(a.data, p, s + k, 0, s)) {
                    large[k * t + k] = 1.0;
                    rhs[s + k] = 0.0;
                }
            }
            elim = BlockElimination.of(a.data, rhs, s, large, options.forSize(t));
            for (int i = 0; i < s; i++) {
                pinnedLeading[i] = emptyColumnPart(a.data, p, i, s, p);
            }
        }
        for (int q = 0; q < idx.length; q++) {
            Regularization r = grid.get(idx[q]);
            if (elim != null) {
                double[] m = elim.schurComplement();
                double[] d = elim.reducedRhs();
                double[] lead = new double[s * s];
                for (int i = 0; i < s; i++) {
                    System.arraycopy(a.data, i * p, lead, i * s, s);
                }
                Regularization r2 = new Regularization(r.curvature2(), 0, r.ridge2(), 0);
                regularizer.addBlock(lead, 0, s, r2);
                regularizer.addBlock(m, 0, s, r2);
                for (int i = 0; i < s; i++) {
                    if (pinnedLeading[i] && emptyRow(lead, i * s, s)) {
                        m[i * s + i] = 1.0;
                        d[i] = 0.0;
                    }
                }
                out[q] = elim.solve(m, d);
            }
            if (out[q] == null) {
                DMatrixRMaj full = a.copy();
                regularizer.addTo(full, r);
                out[q] = LinearSolver.solve(full, b, options).x();
            }
        }
        return out;
    }

    private static boolean emptyRow(double[] m, int from, int n) {
        for (int q = from; q < from + n; q++) {
            if (m[q] != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** Whether entries (row c, columns from..to) of the p×p matrix are all 0. */
    private static boolean emptyColumnPart(double[] a, int p, int c, int from, int to) {
        for (int q = from; q < to; q++) {
            if (a[c * p + q] != 0.0) {
                return false;
            }
        }
        return true;
    }
}

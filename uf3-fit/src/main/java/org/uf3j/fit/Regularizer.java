package org.uf3j.fit;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The regularisation matrix of a {@link BasisLayout}: λ_curv DᵀD + λ_ridge I, separately for the
 * 2-body and the 3-body columns. D takes second differences c_q − 2c_{q+1} + c_{q+2} of the full
 * coefficient vector of every pair term, and along each of the three axes of every triplet tensor
 * (a 3-D Laplacian-like stencil). Frozen (trimmed) coefficients take part as the zeros they are,
 * so curvature towards the cutoff is penalised too; D is then mapped to the columns (frozen entries
 * dropped, the two entries of a symmetric column merged). DᵀD is built once, sparse.
 */
public final class Regularizer {
    private final BasisLayout layout;
    private final Sparse pairCurvature;
    private final Sparse tripletCurvature;

    public Regularizer(BasisLayout layout) {
        this.layout = layout;
        Map<Long, Double> pc = new HashMap<>();
        for (BasisLayout.PairBlock b : layout.pairBlocks()) {
            int nb = b.knots().basisCount();
            int[] map = b.columnMap();
            for (int q = 0; q + 2 < nb; q++) {
                addStencil(pc, map[q], map[q + 1], map[q + 2]);
            }
        }
        Map<Long, Double> tc = new HashMap<>();
        for (BasisLayout.TripletBlock t : layout.tripletBlocks()) {
            int[] s = t.shape();
            int[] map = t.columnMap();
            for (int l = 0; l < s[0]; l++) {
                for (int m = 0; m < s[1]; m++) {
                    for (int n = 0; n < s[2]; n++) {
                        if (l + 2 < s[0]) {
                            addStencil(tc, map[t.flat(l, m, n)], map[t.flat(l + 1, m, n)], map[t.flat(l + 2, m, n)]);
                        }
                        if (m + 2 < s[1]) {
                            addStencil(tc, map[t.flat(l, m, n)], map[t.flat(l, m + 1, n)], map[t.flat(l, m + 2, n)]);
                        }
                        if (n + 2 < s[2]) {
                            addStencil(tc, map[t.flat(l, m, n)], map[t.flat(l, m, n + 1)], map[t.flat(l, m, n + 2)]);
                        }
                    }
                }
            }
        }
        int p = layout.size();
        this.pairCurvature = new Sparse(pc, p);
        this.tripletCurvature = new Sparse(tc, p);
    }

    /** Adds the outer product of one stencil row (1, −2, 1 on columns c0, c1, c2; −1 = frozen, dropped). */
    private static void addStencil(Map<Long, Double> acc, int c0, int c1, int c2) {
        int[] cols = new int[3];
        double[] vals = new double[3];
        int k = 0;
        int[] in = {c0, c1, c2};
        double[] w = {1, -2, 1};
        for (int q = 0; q < 3; q++) {
            if (in[q] < 0) {
                continue;
            }
            int found = -1;
            for (int r = 0; r < k; r++) {
                if (cols[r] == in[q]) {
                    found = r;
                }
            }
            if (found >= 0) {
                vals[found] += w[q];
            } else {
                cols[k] = in[q];
                vals[k++] = w[q];
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                long key = ((long) cols[a] << 32) | cols[b];
                acc.merge(key, vals[a] * vals[b], Double::sum);
            }
        }
    }

    public BasisLayout layout() {
        return layout;
    }

    /** Adds the regularisation matrix to a p×p normal matrix. */
    public void addTo(DMatrixRMaj a, Regularization reg) {
        int p = layout.size();
        pairCurvature.addTo(a.data, p, reg.curvature2());
        tripletCurvature.addTo(a.data, p, reg.curvature3());
        for (int c = layout.elements().size(); c < p; c++) {
            a.data[c * p + c] += layout.isTripletColumn(c) ? reg.ridge3() : reg.ridge2();
        }
    }

    /**
     * Adds the entries of the regularisation matrix whose row and column both lie in
     * [from, from + n) to an n×n row-major block (entry (r, c) at (r − from)·n + (c − from)).
     * The matrix is block-diagonal (2-body strengths touch only 2-body columns, 3-body strengths
     * only 3-body columns), so the one-body-and-2-body block and the 3-body block together hold
     * every entry.
     */
    public void addBlock(double[] block, int from, int n, Regularization reg) {
        pairCurvature.addBlock(block, from, n, reg.curvature2());
        tripletCurvature.addBlock(block, from, n, reg.curvature3());
        for (int c = Math.max(from, layout.elements().size()); c < from + n; c++) {
            block[(c - from) * n + (c - from)] += layout.isTripletColumn(c) ? reg.ridge3() : reg.ridge2();
        }
    }

    /** The dense regularisation matrix (for inspection and tests). */
    public DMatrixRMaj matrix(Regularization reg) {
        DMatrixRMaj a = new DMatrixRMaj(layout.size(), layout.size());
        addTo(a, reg);
        return a;
    }

    /** xᵀ R x, the penalty of coefficients x. */
    public double penalty(double[] x, Regularization reg) {
        double s = reg.curvature2() * pairCurvature.quadratic(x) + reg.curvature3() * tripletCurvature.quadratic(x);
        for (int c = layout.elements().size(); c < x.length; c++) {
            s += (layout.isTripletColumn(c) ? reg.ridge3() : reg.ridge2()) * x[c] * x[c];
        }
        return s;
    }

    /** A symmetric sparse matrix in coordinate form. */
    private static final class Sparse {
        final int[] rows;
        final int[] cols;
        final double[] vals;

        Sparse(Map<Long, Double> entries, int p) {
            rows = new int[entries.size()];
            cols = new int[entries.size()];
            vals = new double[entries.size()];
            int q = 0;
            for (Map.Entry<Long, Double> e : entries.entrySet()) {
                rows[q] = (int) (e.getKey() >>> 32);
                cols[q] = (int) (e.getKey() & 0xffffffffL);
                vals[q++] = e.getValue();
            }
        }

        void addTo(double[] dense, int p, double lambda) {
            if (lambda == 0) {
                return;
            }
            for (int q = 0; q < vals.length; q++) {
                dense[rows[q] * p + cols[q]] += lambda * vals[q];
            }
        }

        void addBlock(double[] block, int from, int n, double lambda) {
            if (lambda == 0) {
                return;
            }
            for (int q = 0; q < vals.length; q++) {
                int r = rows[q] - from, c = cols[q] - from;
                if (r >= 0 && r < n && c >= 0 && c < n) {
                    block[r * n + c] += lambda * vals[q];
                }
            }
        }

        double quadratic(double[] x) {
            double s = 0;
            for (int q = 0; q < vals.length; q++) {
                s += x[rows[q]] * vals[q] * x[cols[q]];
            }
            return s;
        }
    }
}

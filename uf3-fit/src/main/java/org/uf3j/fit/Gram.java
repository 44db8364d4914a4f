package org.uf3j.fit;

import java.util.Arrays;

/**
 * Weighted sums of one kind of row (energy, force or virial rows) over a set of configurations:
 * G = Σ w·r rᵀ (p×p, row-major), h = Σ w·y·r, Σ w·y², Σ w and the row count. Only the lower
 * triangle of G is accumulated; {@link #symmetrize()} mirrors it. Rows are added raw (no κ or σ):
 * the loss weights are applied when the normal equations are assembled, so sums can be re-used
 * for any κ and combined across cross-validation folds.
 */
public final class Gram {
    private final int p;
    final double[] g;
    final double[] h;
    double yy;
    double weight;
    long rows;
    private boolean symmetric;

    public Gram(int p) {
        this.p = p;
        this.g = new double[p * p];
        this.h = new double[p];
    }

    private Gram(Gram o) {
        this.p = o.p;
        this.g = o.g.clone();
        this.h = o.h.clone();
        this.yy = o.yy;
        this.weight = o.weight;
        this.rows = o.rows;
        this.symmetric = o.symmetric;
    }

    public int size() {
        return p;
    }

    /** Entry (a, b) of Σ w r rᵀ (after {@link #symmetrize()}, or a ≥ b). */
    public double gram(int a, int b) {
        return g[a * p + b];
    }

    public double rhs(int a) {
        return h[a];
    }

    /** Σ w y². */
    public double targetSquares() {
        return yy;
    }

    /** Σ w over rows (the row count when all weights are 1). */
    public double weight() {
        return weight;
    }

    public long rows() {
        return rows;
    }

    /** Adds w·r rᵀ and w·y·r for one dense row restricted to the listed columns. */
    void addRow(double[] r, double scale, int[] cols, int count, double y, double w) {
        for (int qa = 0; qa < count; qa++) {
            int a = cols[qa];
            double wa = w * r[a] * scale * scale;
            if (wa == 0.0) {
                continue;
            }
            int base = a * p;
            for (int qb = 0; qb <= qa; qb++) {
                int b = cols[qb];
                g[base + b] += wa * r[b];
            }
            h[a] += w * y * r[a] * scale;
        }
        yy += w * y * y;
        weight += w;
        rows++;
        symmetric = false;
    }

    /**
     * Adds w·XᵀX and w·Xᵀy for the force rows of a featurised configuration (X: 3N rows restricted
     * to its active columns, which must be sorted ascending); the compact product is scattered into
     * the p×p sums.
     */
    void addForceBlock(FeatureBlock b, double[] y, double w, GramScratch s) {
        int na = b.activeCount();
        int n = b.forceRows();
        s.prepare(n, na);
        b.gatherForces(s.x);
        SymmetricRankK.addLower(s.x, n, na, s.g);
        SymmetricRankK.addTransposeTimes(s.x, n, na, y, s.h);
        int[] cols = b.activeList;
        for (int qa = 0; qa < na; qa++) {
            int base = cols[qa] * p;
            double[] ga = s.g[qa];
            for (int qb = 0; qb <= qa; qb++) {
                g[base + cols[qb]] += w * ga[qb];
            }
            h[cols[qa]] += w * s.h[qa];
        }
        for (int k = 0; k < n; k++) {
            yy += w * y[k] * y[k];
        }
        weight += w * n;
        rows += n;
        symmetric = false;
    }

    /** Adds another Gram's sums (scaled by {@code factor}: +1 to add, −1 to subtract). */
    public void add(Gram o, double factor) {
        if (o.p != p) {
            throw new IllegalArgumentException("cannot add a " + o.p + "-column Gram to a " + p + "-column one");
        }
        for (int q = 0; q < g.length; q++) {
            g[q] += factor * o.g[q];
        }
        for (int q = 0; q < p; q++) {
            h[q] += factor * o.h[q];
        }
        yy += factor * o.yy;
        weight += factor * o.weight;
        rows += factor > 0 ? o.rows : -o.rows;
        symmetric = symmetric && o.symmetric;
    }

    /** Copies the lower triangle into the upper one. Idempotent. */
    public void symmetrize() {
        if (symmetric) {
            return;
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                g[b * p + a] = g[a * p + b];
            }
        }
        symmetric = true;
    }

    /**
     * Σ w (r·x − y)² over the rows of this Gram, from the sums: xᵀGx − 2 xᵀh + Σ w y² (clamped at 0).
     */
    public double sumSquaredErrors(double[] x) {
        symmetrize();
        double q = 0;
        for (int a = 0; a < p; a++) {
            if (x[a] == 0.0) {
                continue;
            }
            double s = 0;
            int base = a * p;
            for (int b = 0; b < p; b++) {
                s += g[base + b] * x[b];
            }
            q += x[a] * (s - 2 * h[a]);
        }
        return Math.max(0.0, q + yy);
    }

    public Gram copy() {
        return new Gram(this);
    }

    /** Largest difference to another Gram's sums, relative to the largest magnitude of each sum (for tests). */
    public double maxRelativeDifference(Gram o) {
        symmetrize();
        o.symmetrize();
        double scale = 0, diff = 0;
        for (int q = 0; q < g.length; q++) {
            scale = Math.max(scale, Math.abs(g[q]));
            diff = Math.max(diff, Math.abs(g[q] - o.g[q]));
        }
        double hs = 0, hd = 0;
        for (int q = 0; q < p; q++) {
            hs = Math.max(hs, Math.abs(h[q]));
            hd = Math.max(hd, Math.abs(h[q] - o.h[q]));
        }
        double d = scale == 0 ? diff : diff / scale;
        d = Math.max(d, hs == 0 ? hd : hd / hs);
        d = Math.max(d, Math.abs(yy - o.yy) / Math.max(Math.abs(yy), Double.MIN_NORMAL));
        return d;
    }

    @Override
    public String toString() {
        return "Gram[" + p + " columns, " + rows + " rows, weight " + weight + "]";
    }

    /** Records that both triangles are filled (after reading symmetrised sums back). */
    void markSymmetric() {
        symmetric = true;
    }

    void clear() {
        Arrays.fill(g, 0);
        Arrays.fill(h, 0);
        yy = 0;
        weight = 0;
        rows = 0;
        symmetric = false;
    }
}

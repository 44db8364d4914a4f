package org.uf3j.fit.gamma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Greedy selection of configurations by what their labelled energy and force rows add to a linear
 * fit. A is the fit's regularised normal matrix (A = Σ w_r x_r x_rᵀ + R); a candidate's rows X get
 * the fit's row weights W (w_E on its energy row per atom, w_F on its force rows). Two criteria:
 * <ul>
 * <li>{@link Criterion#D_OPTIMAL}: the gain is log det(A + XᵀWX) − log det A =
 * log det(I + W^½ X A⁻¹ Xᵀ W^½), the information (×2, nats) the labels add on the coefficients
 * under the fit's own Gaussian reading (noise variance τ/w_r on row r, covariance τA⁻¹; τ cancels).
 * log det is submodular, so a gain only falls as A grows and the lazy greedy loop (a candidate is
 * graded again only when its stale gain tops the queue) picks exactly what plain greedy picks.</li>
 * <li>{@link Criterion#FORCE_VARIANCE}: the gain is the fall of the summed predicted variance of the
 * force components of a set of target configurations (the pool itself: transductive, V-optimal),
 * tr(A⁻¹G) − tr((A + XᵀWX)⁻¹G) = tr(K⁻¹ W^½ X A⁻¹GA⁻¹ Xᵀ W^½), G = Σ_targets X_Fᵀ X_F and
 * K = I + W^½ X A⁻¹ Xᵀ W^½. It puts the labels where the forces to be predicted are uncertain,
 * not where coefficients are (rare short distances, say). Not submodular in general: the same lazy
 * loop is then a heuristic (a stale gain is taken as an upper bound).</li>
 * </ul>
 * After each pick A⁻¹ (and A⁻¹GA⁻¹) absorb its rows by the Woodbury identity (a rank-k update), so a
 * near-copy of a picked configuration no longer scores. Not thread-safe (holds A⁻¹, updated per pick).
 */
public final class InformationSelection {
    /** A chosen configuration: its position in the pool, its gain when chosen, its round and why. */
    public record Pick(int index, double gain, double firstGain, int round, String reason) {
    }

    /** What a pick should add: information on the coefficients, or certainty of the targets' forces. */
    public enum Criterion { D_OPTIMAL, FORCE_VARIANCE }

    private final int p;
    private final double[] inverse;
    private final double energyWeight;
    private final double forceWeight;
    private final int threads;
    private final Criterion criterion;
    private double[] gram; // G, the targets' force Gram (FORCE_VARIANCE only)
    private double[] target; // A⁻¹GA⁻¹ (FORCE_VARIANCE only)

    /**
     * @param inverse      A⁻¹, p×p row-major, symmetric (copied)
     * @param energyWeight w_E, the weight of an energy-per-atom row in A
     * @param forceWeight  w_F, the weight of a force row in A
     * @param threads      worker threads for grading a whole pool
     */
    public InformationSelection(double[] inverse, int p, double energyWeight, double forceWeight, int threads) {
        this(Criterion.D_OPTIMAL, null, inverse, p, energyWeight, forceWeight, threads);
    }

    /**
     * @param targets the configurations whose summed force variance {@link Criterion#FORCE_VARIANCE}
     *                reduces (ignored for D-optimality; typically the pool itself)
     */
    public InformationSelection(Criterion criterion, List<DesignRows> targets, double[] inverse, int p, double energyWeight,
                                double forceWeight, int threads) {
        if (inverse.length != (long) p * p) {
            throw new IllegalArgumentException("A^-1 of " + p + " columns needs " + p + "x" + p + " entries, got " + inverse.length);
        }
        if (!(energyWeight >= 0) || !(forceWeight >= 0) || !Double.isFinite(energyWeight + forceWeight)
                || !(energyWeight + forceWeight > 0)) {
            throw new IllegalArgumentException("row weights must be finite, >= 0 and not both 0, got w_E=" + energyWeight
                    + ", w_F=" + forceWeight);
        }
        this.p = p;
        this.inverse = inverse.clone();
        this.energyWeight = energyWeight;
        this.forceWeight = forceWeight;
        this.threads = Math.max(1, threads);
        this.criterion = criterion;
        if (criterion == Criterion.FORCE_VARIANCE) {
            if (targets == null || targets.isEmpty()) {
                throw new IllegalArgumentException("the force-variance criterion needs target configurations");
            }
            gram = forceGram(targets);
            target = sandwich(gram);
        }
    }

    /** Σ over the targets' force rows of x xᵀ, p×p. */
    private double[] forceGram(List<DesignRows> targets) {
        int lanes = Math.min(threads, targets.size());
        double[][] part = new double[lanes][];
        run(() -> IntStream.range(0, lanes).parallel().forEach(l -> {
            double[] g = new double[p * p];
            for (int t = l; t < targets.size(); t += lanes) {
                DesignRows c = targets.get(t);
                int m = c.columnCount();
                int[] cols = c.columnsView();
                double[] x = c.rowsView();
                for (int r = 1; r < c.rowCount(); r++) {
                    int o = r * m;
                    for (int a = 0; a < m; a++) {
                        double v = x[o + a];
                        if (v == 0.0) {
                            continue;
                        }
                        int go = cols[a] * p;
                        for (int b = 0; b < m; b++) {
                            g[go + cols[b]] += v * x[o + b];
                        }
                    }
                }
            }
            part[l] = g;
        }));
        double[] g = part[0];
        for (int l = 1; l < lanes; l++) {
            for (int q = 0; q < g.length; q++) {
                g[q] += part[l][q];
            }
        }
        return g;
    }

    /** A⁻¹ G A⁻¹ (symmetric). */
    private double[] sandwich(double[] g) {
        double[] t = timesV(inverse, g, p);
        double[] out = timesV(t, inverse, p);
        symmetrize(out);
        return out;
    }

    private void symmetrize(double[] m) {
        for (int q = 0; q < p; q++) {
            for (int r = 0; r < q; r++) {
                double v = 0.5 * (m[q * p + r] + m[r * p + q]);
                m[q * p + r] = v;
                m[r * p + q] = v;
            }
        }
    }

    /** A copy of the current A⁻¹GA⁻¹ (force-variance criterion), or null. */
    public double[] targetMatrix() {
        return target == null ? null : target.clone();
    }

    public Criterion criterion() {
        return criterion;
    }

    /** A copy of the current A⁻¹ (after the absorbed picks). */
    public double[] inverse() {
        return inverse.clone();
    }

    /**
     * The gain of the rows of {@code c} against the current A⁻¹: log det(I + W^½ X A⁻¹ Xᵀ W^½)
     * (D-optimal) or tr(K⁻¹ W^½ X A⁻¹GA⁻¹ Xᵀ W^½) (force variance).
     */
    public double gain(DesignRows c) {
        int k = c.rowCount();
        double[] kk = kernel(c, inverse, true);
        if (criterion == Criterion.D_OPTIMAL) {
            return logDet(kk, k);
        }
        double[] n = kernel(c, target, false);
        cholesky(kk, k);
        double tr = 0;
        double[] y = new double[k];
        for (int j = 0; j < k; j++) { // column j of K⁻¹N: L y = n_j, Lᵀ z = y; add z_j
            for (int i = 0; i < k; i++) {
                double s = n[i * k + j];
                for (int q = 0; q < i; q++) {
                    s -= kk[i * k + q] * y[q];
                }
                y[i] = s / kk[i * k + i];
            }
            for (int i = k - 1; i >= j; i--) {
                double s = y[i];
                for (int q = i + 1; q < k; q++) {
                    s -= kk[q * k + i] * y[q];
                }
                y[i] = s / kk[i * k + i];
            }
            tr += y[j];
        }
        return tr;
    }

    /** Adds the rows of {@code c} to A: A⁻¹ ← A⁻¹ − U K⁻¹ Uᵀ with U = A⁻¹XᵀW^½, K = I + W^½XA⁻¹XᵀW^½. */
    public void absorb(DesignRows c) {
        int k = c.rowCount();
        int m = c.columnCount();
        double[] kk = kernel(c, inverse, true);
        cholesky(kk, k);
        int[] cols = c.columnsView();
        double[] x = c.rowsView();
        double[] sw = sqrtWeights(k);
        double[] v = new double[p * k]; // V = U L⁻ᵀ, row q: L v_q = u_q
        run(() -> IntStream.range(0, p).parallel().forEach(q -> {
            int o = q * p;
            int vo = q * k;
            for (int i = 0; i < k; i++) {
                double s = 0;
                int xo = i * m;
                for (int a = 0; a < m; a++) {
                    s += inverse[o + cols[a]] * x[xo + a];
                }
                v[vo + i] = s * sw[i];
            }
            for (int i = 0; i < k; i++) {
                double s = v[vo + i];
                for (int j = 0; j < i; j++) {
                    s -= kk[i * k + j] * v[vo + j];
                }
                v[vo + i] = s / kk[i * k + i];
            }
        }));
        if (target != null) {
            updateTarget(v, k);
        }
        run(() -> IntStream.range(0, p).parallel().forEach(q -> {
            int vq = q * k;
            for (int r = 0; r <= q; r++) {
                int vr = r * k;
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += v[vq + i] * v[vr + i];
                }
                inverse[q * p + r] -= s;
            }
        }));
        for (int q = 0; q < p; q++) {
            for (int r = 0; r < q; r++) {
                inverse[r * p + q] = inverse[q * p + r];
            }
        }
    }

    /**
     * With A'⁻¹ = A⁻¹ − VVᵀ (V from {@link #absorb}, A⁻¹ still the old one): A'⁻¹GA'⁻¹ =
     * Q − PVᵀ − VPᵀ + V(VᵀT)Vᵀ = Q − YVᵀ − VYᵀ, with Q = A⁻¹GA⁻¹, T = GV, P = A⁻¹T and
     * Y = P − ½V(VᵀT).
     */
    private void updateTarget(double[] v, int k) {
        double[] t = timesV(gram, v, k);
        double[] pm = timesV(inverse, t, k);
        double[] vt = new double[k * k];
        for (int q = 0; q < p; q++) {
            for (int i = 0; i < k; i++) {
                double vi = v[q * k + i];
                for (int j = 0; j < k; j++) {
                    vt[i * k + j] += vi * t[q * k + j];
                }
            }
        }
        double[] y = pm;
        for (int q = 0; q < p; q++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += v[q * k + i] * vt[i * k + j];
                }
                y[q * k + j] -= 0.5 * s;
            }
        }
        run(() -> IntStream.range(0, p).parallel().forEach(q -> {
            for (int r = 0; r <= q; r++) {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += y[q * k + i] * v[r * k + i] + v[q * k + i] * y[r * k + i];
                }
                target[q * p + r] -= s;
            }
        }));
        for (int q = 0; q < p; q++) {
            for (int r = 0; r < q; r++) {
                target[r * p + q] = target[q * p + r];
            }
        }
    }

    /** M B for a p×p matrix M and a p×k matrix B (both row-major; k = p for a product of two p×p). */
    private double[] timesV(double[] m, double[] b, int k) {
        double[] out = new double[p * k];
        run(() -> IntStream.range(0, p).parallel().forEach(q -> {
            int mo = q * p;
            int oo = q * k;
            for (int a = 0; a < p; a++) {
                double x = m[mo + a];
                if (x == 0.0) {
                    continue;
                }
                int bo = a * k;
                for (int i = 0; i < k; i++) {
                    out[oo + i] += x * b[bo + i];
                }
            }
        }));
        return out;
    }

    /**
     * The {@code n} configurations of {@code pool} chosen one at a time by largest gain, each
     * absorbed before the next is chosen (lazy greedy; ties go to the lower pool index).
     */
    public List<Pick> select(List<DesignRows> pool, int n) {
        return select(pool, new int[pool.size()], new int[] {n});
    }

    /**
     * Stratified lazy greedy: the same loop, but a candidate of stratum {@code stratum[i]} is taken
     * only while that stratum has picks left of {@code quota[s]}; the picks of all strata absorb into
     * the one A⁻¹, so each is the best of its own stratum given everything picked before it.
     */
    public List<Pick> select(List<DesignRows> pool, int[] stratum, int[] quota) {
        if (stratum.length != pool.size()) {
            throw new IllegalArgumentException("stratum of " + stratum.length + " entries for a pool of " + pool.size());
        }
        int[] left = quota.clone();
        int n = 0;
        for (int q : left) {
            if (q < 0) {
                throw new IllegalArgumentException("negative quota " + q);
            }
            n += q;
        }
        double[] first = new double[pool.size()];
        run(() -> IntStream.range(0, pool.size()).parallel().forEach(i -> first[i] = gain(pool.get(i))));
        double[] bound = first.clone();
        int[] gradedAt = new int[pool.size()];
        PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) -> bound[a] != bound[b] ? Double.compare(bound[b], bound[a])
                : Integer.compare(a, b));
        for (int i = 0; i < pool.size(); i++) {
            queue.add(i);
        }
        List<Pick> picks = new ArrayList<>();
        int round = 0;
        while (picks.size() < n && !queue.isEmpty()) {
            int top = queue.poll();
            if (left[stratum[top]] == 0) {
                continue; // its stratum is full: never a candidate again
            }
            if (gradedAt[top] != round) {
                bound[top] = gain(pool.get(top));
                gradedAt[top] = round;
                queue.add(top);
                continue;
            }
            absorb(pool.get(top));
            left[stratum[top]]--;
            round++;
            String what = criterion == Criterion.D_OPTIMAL ? "information pick %d: log det gain %.4g"
                    : "force-variance pick %d: the pool's summed predicted force variance falls by %.4g τ";
            picks.add(new Pick(top, bound[top], first[top], round, String.format(Locale.ROOT,
                    what + " with its energy and force rows (%.4g against the training set alone)", round, bound[top], first[top])));
        }
        return picks;
    }

    /** W^½ X S Xᵀ W^½ (+ I when {@code plusIdentity}) with S = {@code matrix} on the touched columns; k×k row-major. */
    private double[] kernel(DesignRows c, double[] matrix, boolean plusIdentity) {
        int k = c.rowCount();
        int m = c.columnCount();
        int[] cols = c.columnsView();
        double[] x = c.rowsView();
        double[] s = new double[m * m];
        for (int a = 0; a < m; a++) {
            int o = cols[a] * p;
            for (int b = 0; b < m; b++) {
                s[a * m + b] = matrix[o + cols[b]];
            }
        }
        double[] bx = new double[m];
        double[] out = new double[k * k];
        double[] sw = sqrtWeights(k);
        for (int i = 0; i < k; i++) {
            java.util.Arrays.fill(bx, 0.0);
            int xo = i * m;
            for (int a = 0; a < m; a++) {
                double r = x[xo + a];
                if (r == 0.0) {
                    continue;
                }
                int so = a * m;
                for (int b = 0; b < m; b++) {
                    bx[b] += r * s[so + b];
                }
            }
            for (int j = 0; j <= i; j++) {
                int yo = j * m;
                double d = 0;
                for (int b = 0; b < m; b++) {
                    d += bx[b] * x[yo + b];
                }
                double v = sw[i] * sw[j] * d + (plusIdentity && i == j ? 1.0 : 0.0);
                out[i * k + j] = v;
                out[j * k + i] = v;
            }
        }
        return out;
    }

    private double[] sqrtWeights(int k) {
        double[] sw = new double[k];
        sw[0] = Math.sqrt(energyWeight);
        for (int i = 1; i < k; i++) {
            sw[i] = Math.sqrt(forceWeight);
        }
        return sw;
    }

    private static double logDet(double[] a, int k) {
        cholesky(a, k);
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += 2 * Math.log(a[i * k + i]);
        }
        return s;
    }

    /** In-place lower Cholesky factor of a symmetric positive definite k×k matrix (upper part left as is). */
    private static void cholesky(double[] a, int k) {
        for (int j = 0; j < k; j++) {
            double d = a[j * k + j];
            for (int q = 0; q < j; q++) {
                d -= a[j * k + q] * a[j * k + q];
            }
            if (!(d > 0)) {
                throw new IllegalStateException("I + W^1/2 X A^-1 X^T W^1/2 is not positive definite (pivot " + d
                        + "): is A^-1 the inverse of a positive definite matrix?");
            }
            double l = Math.sqrt(d);
            a[j * k + j] = l;
            for (int i = j + 1; i < k; i++) {
                double s = a[i * k + j];
                for (int q = 0; q < j; q++) {
                    s -= a[i * k + q] * a[j * k + q];
                }
                a[i * k + j] = s / l;
            }
        }
    }

    /** Runs a parallel stream on this selection's own pool of {@code threads} workers. */
    private void run(Runnable r) {
        ForkJoinPool fj = new ForkJoinPool(threads);
        try {
            fj.submit(r).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw rethrow(e);
        } finally {
            fj.shutdown();
        }
    }

    private static RuntimeException rethrow(ExecutionException e) {
        return e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
}

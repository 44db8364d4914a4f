package org.uf3j.fit.gamma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Greedy D-optimal selection of configurations by the information their labelled energy and force
 * rows add to a linear fit. With A the fit's regularised normal matrix (A = Σ w_r x_r x_rᵀ + R) and
 * a candidate's rows X (weights W: w_E on its energy row per atom, w_F on its force rows, the fit's
 * row factors), the gain is
 * <pre>log det(A + XᵀWX) − log det A = log det(I + W^½ X A⁻¹ Xᵀ W^½),</pre>
 * the Bayesian information gain (in nats, ×2) of the labels on the coefficients under the fit's own
 * Gaussian reading (noise variance τ/w_r on row r, covariance τA⁻¹; τ cancels). After each pick
 * A⁻¹ absorbs its rows by the Woodbury identity (a rank-k update), so a near-copy of a picked
 * configuration no longer scores. log det is submodular, so a gain can only fall as A grows: the
 * greedy loop is lazy (a candidate is graded again only when its stale gain still tops the queue),
 * which picks exactly what the plain greedy loop picks. Not thread-safe (holds A⁻¹, updated per pick).
 */
public final class InformationSelection {
    /** A chosen configuration: its position in the pool, its gain when chosen, its round and why. */
    public record Pick(int index, double gain, double firstGain, int round, String reason) {
    }

    private final int p;
    private final double[] inverse;
    private final double energyWeight;
    private final double forceWeight;
    private final int threads;

    /**
     * @param inverse      A⁻¹, p×p row-major, symmetric (copied)
     * @param energyWeight w_E, the weight of an energy-per-atom row in A
     * @param forceWeight  w_F, the weight of a force row in A
     * @param threads      worker threads for grading a whole pool
     */
    public InformationSelection(double[] inverse, int p, double energyWeight, double forceWeight, int threads) {
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
    }

    /** A copy of the current A⁻¹ (after the absorbed picks). */
    public double[] inverse() {
        return inverse.clone();
    }

    /** log det(I + W^½ X A⁻¹ Xᵀ W^½) for the rows of {@code c} against the current A⁻¹. */
    public double gain(DesignRows c) {
        return logDet(kernel(c), c.rowCount());
    }

    /** Adds the rows of {@code c} to A: A⁻¹ ← A⁻¹ − U K⁻¹ Uᵀ with U = A⁻¹XᵀW^½, K = I + W^½XA⁻¹XᵀW^½. */
    public void absorb(DesignRows c) {
        int k = c.rowCount();
        int m = c.columnCount();
        double[] kk = kernel(c);
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
     * The {@code n} configurations of {@code pool} chosen one at a time by largest gain, each
     * absorbed before the next is chosen (lazy greedy; ties go to the lower pool index).
     */
    public List<Pick> select(List<DesignRows> pool, int n) {
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
            if (gradedAt[top] != round) {
                bound[top] = gain(pool.get(top));
                gradedAt[top] = round;
                queue.add(top);
                continue;
            }
            absorb(pool.get(top));
            round++;
            picks.add(new Pick(top, bound[top], first[top], round, String.format(Locale.ROOT,
                    "information pick %d: log det gain %.4g of its energy and force rows (%.4g against the training set alone)",
                    round, bound[top], first[top])));
        }
        return picks;
    }

    /** K = I + W^½ X S Xᵀ W^½ with S = A⁻¹ on the touched columns; k×k row-major. */
    private double[] kernel(DesignRows c) {
        int k = c.rowCount();
        int m = c.columnCount();
        int[] cols = c.columnsView();
        double[] x = c.rowsView();
        double[] s = new double[m * m];
        for (int a = 0; a < m; a++) {
            int o = cols[a] * p;
            for (int b = 0; b < m; b++) {
                s[a * m + b] = inverse[o + cols[b]];
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
                double v = sw[i] * sw[j] * d + (i == j ? 1.0 : 0.0);
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

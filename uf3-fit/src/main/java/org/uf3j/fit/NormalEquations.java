package org.uf3j.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ejml.data.DMatrixRMaj;
import org.uf3j.core.structure.Configuration;

/**
 * The normal equations of a set of configurations, kept as three separate raw sums (energy rows,
 * force rows, virial rows; see {@link Gram}) so that any κ and any union of sets (cross-validation
 * folds) is a cheap sum of p×p matrices. Built one configuration at a time, in parallel over
 * {@link #LANES} lanes added in a fixed order (the same sums for any number of threads); the design
 * matrix is never stored, memory is O(threads·p²) plus one configuration's 3N×p force block per
 * thread.
 *
 * <p>Energy rows are per atom: row ∂E/∂c / N, target E_ref / N. Force rows are ∂F/∂c with target
 * F_ref. Virial rows are ∂W/∂c / N with target W_ref / N.
 */
public final class NormalEquations {
    private final int p;
    private final Gram energy;
    private final Gram forces;
    private final Gram virial;
    private long configurations;

    /** Empty sums for p columns; virial sums only when {@code virials}. */
    public NormalEquations(int p, boolean virials) {
        this.p = p;
        this.energy = new Gram(p);
        this.forces = new Gram(p);
        this.virial = virials ? new Gram(p) : null;
    }

    private NormalEquations(NormalEquations o) {
        this.p = o.p;
        this.energy = o.energy.copy();
        this.forces = o.forces.copy();
        this.virial = o.virial == null ? null : o.virial.copy();
        this.configurations = o.configurations;
    }

    /**
     * Configuration i goes to lane i mod LANES (fewer lanes for fewer configurations); each lane
     * is summed in list order and the lanes are added in lane order, so the sums are the same to
     * the last bit for any number of threads, and a fit run again gives the same coefficients.
     * Sixteen lanes keep up to sixteen threads busy.
     */
    static final int LANES = 16;

    /**
     * Accumulates the configurations with {@code threads} worker threads; the result does not
     * depend on {@code threads} (see {@link #LANES}).
     *
     * @throws FeaturizationException for a configuration whose rows cannot be computed (the other
     *         lanes stop at once)
     */
    public static NormalEquations accumulate(Featurizer fz, List<Configuration> configs, RowWeights weights, int threads) {
        return accumulate(fz, configs, weights, threads, FitProgress.NONE);
    }

    /** As {@link #accumulate(Featurizer, List, RowWeights, int)}, advancing {@code progress} per configuration. */
    public static NormalEquations accumulate(Featurizer fz, List<Configuration> configs, RowWeights weights, int threads,
                                             FitProgress progress) {
        int lanes = Math.min(LANES, configs.size());
        if (lanes == 0) {
            return new NormalEquations(fz.layout().size(), weights.virials());
        }
        AtomicBoolean failed = new AtomicBoolean();
        int workers = Math.max(1, Math.min(threads, lanes));
        if (workers == 1) {
            NormalEquations total = lane(fz, configs, 0, lanes, weights, progress, failed);
            for (int k = 1; k < lanes; k++) {
                total.add(lane(fz, configs, k, lanes, weights, progress, failed), 1.0);
            }
            return total;
        }
        ExecutorService pool = Workers.pool(workers, "uf3-accumulate");
        try {
            // at most one lane per worker submitted and not yet added: the memory of the
            // accumulators is (workers + 1)·p², one p² more than one accumulator per thread
            List<Future<NormalEquations>> parts = new ArrayList<>();
            for (int k = 0; k < workers; k++) {
                parts.add(submitLane(pool, fz, configs, k, lanes, weights, progress, failed));
            }
            NormalEquations total = null;
            for (int k = 0; k < lanes; k++) {
                NormalEquations part = get(parts.get(k), failed);
                parts.set(k, null);
                if (k + workers < lanes) {
                    parts.add(submitLane(pool, fz, configs, k + workers, lanes, weights, progress, failed));
                }
                if (total == null) {
                    total = part;
                } else {
                    total.add(part, 1.0);
                }
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Future<NormalEquations> submitLane(ExecutorService pool, Featurizer fz, List<Configuration> configs,
                                                      int lane, int lanes, RowWeights weights, FitProgress progress,
                                                      AtomicBoolean failed) {
        return pool.submit(() -> lane(fz, configs, lane, lanes, weights, progress, failed));
    }

    /** The sums of configurations lane, lane + lanes, lane + 2·lanes, … in that order. */
    private static NormalEquations lane(Featurizer fz, List<Configuration> configs, int lane, int lanes,
                                        RowWeights weights, FitProgress progress, AtomicBoolean failed) {
        Worker w = new Worker(fz, weights);
        try {
            for (int i = lane; i < configs.size() && !failed.get(); i += lanes) {
                w.add(configs.get(i));
                progress.advance(1);
            }
        } catch (RuntimeException e) {
            failed.set(true);
            throw e;
        }
        return w.sums;
    }

    private static NormalEquations get(Future<NormalEquations> f, AtomicBoolean failed) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            failed.set(true); // stop the other lanes early
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            failed.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while accumulating the normal equations", e);
        }
    }

    /**
     * Sums per fold: element f holds the configurations with {@code fold[i] == f}.
     */
    public static NormalEquations[] accumulateFolds(Featurizer fz, List<Configuration> configs, int[] fold, int folds,
                                                    RowWeights weights, int threads) {
        return accumulateFolds(fz, configs, fold, folds, weights, threads, FitProgress.NONE);
    }

    /** As {@link #accumulateFolds(Featurizer, List, int[], int, RowWeights, int)}, advancing {@code progress}. */
    public static NormalEquations[] accumulateFolds(Featurizer fz, List<Configuration> configs, int[] fold, int folds,
                                                    RowWeights weights, int threads, FitProgress progress) {
        checkLabels(configs, fold);
        NormalEquations[] out = new NormalEquations[folds];
        for (int f = 0; f < folds; f++) {
            out[f] = accumulate(fz, foldPart(configs, fold, f), weights, threads, progress);
        }
        return out;
    }

    /**
     * As {@link #accumulateFolds(Featurizer, List, int[], int, RowWeights, int, FitProgress)}, handing every
     * fold to {@code store} as soon as it is complete (so a file-backed store never holds two).
     */
    public static void accumulateFolds(Featurizer fz, List<Configuration> configs, int[] fold, int folds, RowWeights weights,
                                       int threads, FitProgress progress, FoldStore store) {
        checkLabels(configs, fold);
        for (int f = 0; f < folds; f++) {
            store.add(accumulate(fz, foldPart(configs, fold, f), weights, threads, progress));
        }
    }

    private static void checkLabels(List<Configuration> configs, int[] fold) {
        if (fold.length != configs.size()) {
            throw new IllegalArgumentException(fold.length + " fold labels for " + configs.size() + " configurations");
        }
    }

    /** The configurations with {@code fold[i] == f}, in list order. */
    private static List<Configuration> foldPart(List<Configuration> configs, int[] fold, int f) {
        List<Configuration> part = new ArrayList<>();
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] == f) {
                part.add(configs.get(i));
            }
        }
        return part;
    }

    /** Sum of several sets' normal equations. */
    public static NormalEquations sum(NormalEquations... parts) {
        NormalEquations total = parts[0].copy();
        for (int q = 1; q < parts.length; q++) {
            total.add(parts[q], 1.0);
        }
        return total;
    }

    public int size() {
        return p;
    }

    public Gram energy() {
        return energy;
    }

    public Gram forces() {
        return forces;
    }

    /** Virial sums, or null when virial rows were not accumulated. */
    public Gram virial() {
        return virial;
    }

    /** Number of configurations that contributed rows. */
    public long configurations() {
        return configurations;
    }

    void setConfigurations(long n) {
        configurations = n;
    }

    /** Adds (factor +1) or subtracts (−1) another set's sums. */
    public void add(NormalEquations o, double factor) {
        energy.add(o.energy, factor);
        forces.add(o.forces, factor);
        if (virial != null && o.virial != null) {
            virial.add(o.virial, factor);
        }
        configurations += factor > 0 ? o.configurations : -o.configurations;
    }

    /** Mirrors the lower triangles of all sums, so that later reads are safe from several threads. */
    public void symmetrize() {
        energy.symmetrize();
        forces.symmetrize();
        if (virial != null) {
            virial.symmetrize();
        }
    }

    public NormalEquations copy() {
        return new NormalEquations(this);
    }

    /**
     * The weighted normal matrix Σ_parts factor·G and right-hand side Σ factor·h of this set,
     * normalised by this set's own row weights.
     */
    public DMatrixRMaj matrix(LossWeights lw) {
        double fe = lw.energyFactor(energy.weight());
        double ff = lw.forceFactor(forces.weight());
        double fv = virial == null ? 0 : lw.virialFactor(virial.weight());
        energy.symmetrize();
        forces.symmetrize();
        DMatrixRMaj a = new DMatrixRMaj(p, p);
        double[] d = a.data;
        for (int q = 0; q < d.length; q++) {
            d[q] = fe * energy.g[q] + ff * forces.g[q];
        }
        if (fv != 0) {
            virial.symmetrize();
            for (int q = 0; q < d.length; q++) {
                d[q] += fv * virial.g[q];
            }
        }
        return a;
    }

    /**
     * The normal matrix of the training part of a cross-validation split, {@code total} minus
     * {@code fold}, weighted as {@link #matrix(LossWeights)} would weight that difference, built
     * in one pass without copying the sums (the same numbers, to the bit, as copying, subtracting
     * and calling {@link #matrix(LossWeights)}). Both arguments must be symmetrised.
     */
    public static DMatrixRMaj trainingMatrix(NormalEquations total, NormalEquations fold, LossWeights lw) {
        double[] w = trainingFactors(total, fold, lw);
        double fe = w[0], ff = w[1], fv = w[2];
        DMatrixRMaj a = new DMatrixRMaj(total.p, total.p);
        double[] d = a.data;
        double[] te = total.energy.g, fe0 = fold.energy.g, tf = total.forces.g, ff0 = fold.forces.g;
        for (int q = 0; q < d.length; q++) {
            d[q] = fe * (te[q] + -1.0 * fe0[q]) + ff * (tf[q] + -1.0 * ff0[q]);
        }
        if (fv != 0) {
            double[] tv = total.virial.g, fv0 = fold.virial.g;
            for (int q = 0; q < d.length; q++) {
                d[q] += fv * (tv[q] + -1.0 * fv0[q]);
            }
        }
        return a;
    }

    /**
     * The energy, force and virial factors of the training part (total − fold), its weights
     * formed as {@link Gram#add} with factor −1 forms them (virial 0 without virial sums).
     */
    private static double[] trainingFactors(NormalEquations total, NormalEquations fold, LossWeights lw) {
        double fe = lw.energyFactor(total.energy.weight + -1.0 * fold.energy.weight);
        double ff = lw.forceFactor(total.forces.weight + -1.0 * fold.forces.weight);
        double fv = total.virial == null || fold.virial == null ? 0
                : lw.virialFactor(total.virial.weight + -1.0 * fold.virial.weight);
        return new double[] {fe, ff, fv};
    }

    /** The right-hand side matching {@link #trainingMatrix(NormalEquations, NormalEquations, LossWeights)}. */
    public static double[] trainingRhs(NormalEquations total, NormalEquations fold, LossWeights lw) {
        double[] w = trainingFactors(total, fold, lw);
        double fe = w[0], ff = w[1], fv = w[2];
        double[] b = new double[total.p];
        for (int q = 0; q < total.p; q++) {
            double e = total.energy.h[q] + -1.0 * fold.energy.h[q];
            double f = total.forces.h[q] + -1.0 * fold.forces.h[q];
            double v = fv != 0 ? total.virial.h[q] + -1.0 * fold.virial.h[q] : 0;
            b[q] = fe * e + ff * f + (fv != 0 ? fv * v : 0);
        }
        return b;
    }

    /** The right-hand side matching {@link #matrix(LossWeights)}. */
    public double[] rhs(LossWeights lw) {
        double fe = lw.energyFactor(energy.weight());
        double ff = lw.forceFactor(forces.weight());
        double fv = virial == null ? 0 : lw.virialFactor(virial.weight());
        double[] b = new double[p];
        for (int q = 0; q < p; q++) {
            b[q] = fe * energy.h[q] + ff * forces.h[q] + (fv != 0 ? fv * virial.h[q] : 0);
        }
        return b;
    }

    /** The loss (without regularisation) of coefficients x on this set, normalised by its own row weights. */
    public double loss(double[] x, LossWeights lw) {
        double l = lw.energyFactor(energy.weight()) * energy.sumSquaredErrors(x)
                + lw.forceFactor(forces.weight()) * forces.sumSquaredErrors(x);
        if (virial != null && lw.virialWeight() > 0) {
            l += lw.virialFactor(virial.weight()) * virial.sumSquaredErrors(x);
        }
        return l;
    }

    /** Root of the weighted mean squared energy-per-atom error (eV/atom), NaN without energies. */
    public double energyRmse(double[] x) {
        return energy.weight() > 0 ? Math.sqrt(energy.sumSquaredErrors(x) / energy.weight()) : Double.NaN;
    }

    /** Root of the weighted mean squared force-component error (eV/Å), NaN without forces. */
    public double forceRmse(double[] x) {
        return forces.weight() > 0 ? Math.sqrt(forces.sumSquaredErrors(x) / forces.weight()) : Double.NaN;
    }

    @Override
    public String toString() {
        return "NormalEquations[" + p + " columns, " + configurations + " configurations, " + energy.rows()
                + " energy, " + forces.rows() + " force, " + (virial == null ? 0 : virial.rows()) + " virial rows]";
    }

    /** One thread's accumulator and work area. */
    private static final class Worker {
        private final Featurizer fz;
        private final RowWeights weights;
        private final FeatureBlock block;
        private final NormalEquations sums;
        private final double[] dense;
        private final GramScratch scratch;

        Worker(Featurizer fz, RowWeights weights) {
            this.fz = fz;
            this.weights = weights;
            this.block = fz.newBlock();
            this.sums = new NormalEquations(fz.layout().size(), weights.virials());
            this.dense = new double[fz.layout().size()];
            this.scratch = new GramScratch(fz.layout().size());
        }

        void add(Configuration c) {
            double w = weights.weight(c);
            boolean useE = c.hasEnergy();
            boolean useF = c.hasForces();
            boolean useV = weights.virials() && c.hasVirial();
            if (w == 0 || !(useE || useF || useV)) {
                return;
            }
            fz.featurize(c, block, useF, useV);
            block.sortActive();
            int n = c.size();
            int[] cols = block.activeList;
            int count = block.activeCount;
            if (useE) {
                sums.energy.addRow(block.energy, 1.0 / n, cols, count, c.energy() / n, w);
            }
            if (useF) {
                sums.forces.addForceBlock(block, c.forces(), w, scratch);
            }
            if (useV) {
                double[] ref = c.virial();
                for (int k = 0; k < 6; k++) {
                    for (int q = 0; q < count; q++) {
                        int col = cols[q];
                        dense[col] = block.virial[6 * col + k];
                    }
                    sums.virial.addRow(dense, 1.0 / n, cols, count, ref[k] / n, w);
                }
            }
            sums.configurations++;
        }
    }
}

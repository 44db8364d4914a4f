package org.uf3j.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.uf3j.fit.solve.SolverOptions;

/**
 * k-fold cross-validation over a grid of regularisation strengths (and κ where asked), on the
 * training set only, from per-fold sums of the normal equations: training on all folds but f is
 * the total minus fold f, and the validation error on fold f is the quadratic form of fold f's
 * sums, so nothing is featurised twice. The score of a candidate is the validation loss summed
 * over the folds' rows and normalised like the training loss with the scoring κ (fixed, so that
 * candidates with different training κ compare on the same scale); the lowest wins.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /**
     * One grid point.
     *
     * @param loss         validation loss (mean over folds of the normalised fold loss)
     * @param energyRmse   validation energy RMSE pooled over folds, meV/atom
     * @param forceRmse    validation force-component RMSE pooled over folds, eV/Å
     * @param foldLosses   validation loss of each fold
     */
    public record Row(Regularization regularization, double kappa, double loss, double energyRmse, double forceRmse,
                      double[] foldLosses) {
    }

    /**
     * The grid of validation errors and the chosen point.
     *
     * @param bestFoldCoefficients the coefficients each fold's training part gave at the chosen point
     *                             ([fold][column]; the cross-validation predictions of the posterior's calibration)
     */
    public record Result(List<Row> rows, Row best, int folds, double[][] bestFoldCoefficients) {

        /** A result without the chosen point's fold coefficients. */
        public Result(List<Row> rows, Row best, int folds) {
            this(rows, best, folds, null);
        }

        public String table() {
            StringBuilder sb = new StringBuilder(String.format("%-54s %6s %12s %14s %12s%n", "regularisation", "kappa",
                    "val. loss", "E meV/atom", "F eV/Å"));
            for (Row r : rows) {
                sb.append(String.format("%-54s %6.3f %12.5g %14.4f %12.5f%s%n", r.regularization(), r.kappa(), r.loss(),
                        r.energyRmse(), r.forceRmse(), r == best ? "  <- chosen" : ""));
            }
            return sb.toString();
        }
    }

    /** Runs the grid on all processors. */
    public static Result run(NormalEquations[] folds, Regularizer regularizer, List<Regularization> grid, double[] kappas,
                             LossWeights scoring) {
        int threads = Runtime.getRuntime().availableProcessors();
        return run(folds, regularizer, grid, kappas, scoring, threads, FitProgress.NONE, SolverOptions.auto(threads));
    }

    /** As {@link #run(NormalEquations[], Regularizer, List, double[], LossWeights, int, FitProgress, SolverOptions)} with the automatic back end. */
    public static Result run(NormalEquations[] folds, Regularizer regularizer, List<Regularization> grid, double[] kappas,
                             LossWeights scoring, int threads, FitProgress progress) {
        return run(folds, regularizer, grid, kappas, scoring, threads, progress, SolverOptions.auto(threads));
    }

    /**
     * Runs the grid by block elimination (see {@link CandidateGroups}): per fold and training κ,
     * the candidates that share their 3-body strengths share one factorisation of the 3-body block,
     * and each 2-body strength costs only a Cholesky of the small Schur complement. Independent
     * (fold, κ, 3-body strength) tasks run on {@code threads} threads, each factorisation on one
     * thread, so the scores and the chosen point do not depend on {@code threads}. Advances
     * {@code progress} by one per candidate solved (folds × κ × grid in all).
     *
     * @param folds   normal equations of each fold (at least 2)
     * @param grid    regularisation candidates
     * @param kappas  training κ candidates
     * @param scoring loss weights (σ's, virial weight and scoring κ) for the validation loss
     * @param options the back end of the large factorisations (its thread count is not used here:
     *                the tasks run in parallel instead)
     */
    public static Result run(NormalEquations[] folds, Regularizer regularizer, List<Regularization> grid, double[] kappas,
                             LossWeights scoring, int threads, FitProgress progress, SolverOptions options) {
        checkGrid(folds.length, grid, kappas);
        return run(FoldStore.of(folds), regularizer, grid, kappas, scoring, threads, progress, options);
    }

    /**
     * As {@link #run(NormalEquations[], Regularizer, List, double[], LossWeights, int, FitProgress, SolverOptions)}
     * with the fold sums in a {@link FoldStore}; a file-backed store is read one fold at a time.
     */
    public static Result run(FoldStore store, Regularizer regularizer, List<Regularization> grid, double[] kappas,
                             LossWeights scoring, int threads, FitProgress progress, SolverOptions options) {
        int k = store.count(), nk = kappas.length;
        checkGrid(k, grid, kappas);
        Scores sc = new Scores(store, nk, grid.size());
        NormalEquations total = store.total();
        CandidateGroups groups = new CandidateGroups(regularizer, grid);
        SolverOptions oneThread = new SolverOptions(options.backend(), options.threshold(), 1);
        long p = total.size();
        // folds whose training matrices are built at once: all when they are small, else one
        long perFold = nk * p * p * Double.BYTES;
        int batch = !store.fileBacked() && perFold * k <= Math.min(Runtime.getRuntime().maxMemory() / 8, 512L << 20) ? k : 1;
        ExecutorService pool = Workers.pool(threads, "uf3-cross-validation");
        try {
            for (int f0 = 0; f0 < k; f0 += batch) {
                List<Future<?>> tasks = new ArrayList<>();
                for (int f = f0; f < Math.min(k, f0 + batch); f++) {
                    NormalEquations val = store.fold(f);
                    for (int a = 0; a < nk; a++) {
                        LossWeights lw = scoring.withKappa(kappas[a]);
                        DMatrixRMaj m = NormalEquations.trainingMatrix(total, val, lw);
                        double[] b = NormalEquations.trainingRhs(total, val, lw);
                        for (int g = 0; g < groups.count(); g++) {
                            final int fold = f, ka = a, group = g;
                            tasks.add(pool.submit(() -> {
                                double[][] x = groups.solve(group, m, b, oneThread);
                                int[] members = groups.members(group);
                                for (int q = 0; q < members.length; q++) {
                                    sc.record(ka, members[q], fold, x[q], val, scoring);
                                    progress.advance(1);
                                }
                            }));
                        }
                    }
                }
                for (Future<?> t : tasks) {
                    Workers.join(t, "cross-validating");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return sc.result(grid, kappas);
    }

    /**
     * The reference method: every candidate's training system assembled and solved on its own
     * (one full Cholesky per fold, κ and grid point). Slow for large systems; kept to check
     * {@link #run} against and for measurements.
     */
    public static Result runPerCandidate(NormalEquations[] folds, Regularizer regularizer, List<Regularization> grid,
                                         double[] kappas, LossWeights scoring, int threads, FitProgress progress,
                                         SolverOptions options) {
        checkGrid(folds.length, grid, kappas);
        FoldStore store = FoldStore.of(folds);
        Scores sc = new Scores(store, kappas.length, grid.size());
        int k = folds.length, nk = kappas.length, ng = grid.size();
        NormalEquations total = store.total();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            for (int f = 0; f < k; f++) {
                NormalEquations train = total.copy();
                train.add(folds[f], -1.0);
                train.symmetrize();
                NormalEquations val = folds[f];
                for (int a = 0; a < nk; a++) {
                    LossWeights lw = scoring.withKappa(kappas[a]);
                    DMatrixRMaj base = train.matrix(lw);
                    double[] b = train.rhs(lw);
                    final int fold = f, ka = a;
                    pool.submit(() -> IntStream.range(0, ng).parallel().forEach(g -> {
                        DMatrixRMaj m = base.copy();
                        regularizer.addTo(m, grid.get(g));
                        double[] x = LinearSolver.solve(m, b, options).x();
                        sc.record(ka, g, fold, x, val, scoring);
                        progress.advance(1);
                    })).join();
                }
            }
        } finally {
            pool.shutdown();
        }
        return sc.result(grid, kappas);
    }

    private static void checkGrid(int k, List<Regularization> grid, double[] kappas) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        if (grid.isEmpty() || kappas.length == 0) {
            throw new IllegalArgumentException("empty cross-validation grid");
        }
    }

    /** Validation losses and squared errors per κ, grid point and fold; written by the tasks, read at the end. */
    private static final class Scores {
        final double[][][] loss;
        final double[][][] sseE;
        final double[][][] sseF;
        final double[][][][] coefficients; // [κ][grid][fold] -> x: p doubles per candidate and fold
        final double nE;
        final double nF;
        final int k;

        Scores(FoldStore folds, int nk, int ng) {
            k = folds.count();
            loss = new double[nk][ng][k];
            sseE = new double[nk][ng][k];
            sseF = new double[nk][ng][k];
            coefficients = new double[nk][ng][k][];
            double e = 0, f = 0;
            for (int q = 0; q < k; q++) {
                e += folds.energyWeight(q);
                f += folds.forceWeight(q);
            }
            nE = e;
            nF = f;
        }

        void record(int ka, int g, int fold, double[] x, NormalEquations val, LossWeights scoring) {
            double se = val.energy().weight() > 0 ? val.energy().sumSquaredErrors(x) : 0;
            double sf = val.forces().weight() > 0 ? val.forces().sumSquaredErrors(x) : 0;
            double l = scoring.energyFactor(val.energy().weight()) * se + scoring.forceFactor(val.forces().weight()) * sf;
            if (val.virial() != null && scoring.virialWeight() > 0) {
                l += scoring.virialFactor(val.virial().weight()) * val.virial().sumSquaredErrors(x);
            }
            synchronized (this) {
                loss[ka][g][fold] = l;
                sseE[ka][g][fold] = se;
                sseF[ka][g][fold] = sf;
                coefficients[ka][g][fold] = x.clone();
            }
        }

        synchronized Result result(List<Regularization> grid, double[] kappas) {
            List<Row> rows = new ArrayList<>();
            Row best = null;
            double[][] bestX = null;
            for (int a = 0; a < kappas.length; a++) {
                for (int g = 0; g < grid.size(); g++) {
                    double mean = 0, se = 0, sf = 0;
                    for (int f = 0; f < k; f++) {
                        mean += loss[a][g][f] / k;
                        se += sseE[a][g][f];
                        sf += sseF[a][g][f];
                    }
                    Row r = new Row(grid.get(g), kappas[a], mean, nE > 0 ? 1000 * Math.sqrt(se / nE) : Double.NaN,
                            nF > 0 ? Math.sqrt(sf / nF) : Double.NaN, loss[a][g].clone());
                    rows.add(r);
                    if (best == null || r.loss() < best.loss()) {
                        best = r;
                        bestX = coefficients[a][g];
                    }
                }
            }
            return new Result(List.copyOf(rows), best, k, bestX);
        }
    }

    /** The cartesian grid of 2-body and 3-body curvature strengths with fixed ridges. */
    public static List<Regularization> grid(double[] curvature2, double[] curvature3, double ridge2, double ridge3) {
        List<Regularization> out = new ArrayList<>();
        for (double c2 : curvature2) {
            for (double c3 : curvature3) {
                out.add(new Regularization(c2, c3, ridge2, ridge3));
            }
        }
        return out;
    }
}

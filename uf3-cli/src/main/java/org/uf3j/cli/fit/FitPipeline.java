package org.uf3j.cli.fit;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.uf3j.cli.Progress;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.DataSplit;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.Fitter;
import org.uf3j.fit.LinearSolver;
import org.uf3j.fit.LossWeights;
import org.uf3j.fit.Metrics;
import org.uf3j.fit.NormalEquations;
import org.uf3j.fit.Regularization;
import org.uf3j.fit.Regularizer;
import org.uf3j.fit.RowWeights;
import org.uf3j.fit.TargetStatistics;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;

/**
 * The stages of {@link Fitter#fit} with progress bars: the same settings, fold labels, normal
 * equations, cross-validation rows, choice and final solve as {@code Fitter}, but the
 * configurations are accumulated in chunks (summed afterwards) so that a bar can advance, and the
 * cross-validation runs one grid point at a time. {@code Fitter} has no progress hook; the CLI
 * test {@code FitPipelineTest} checks that both give the same model. Training metrics are left to
 * the caller (which evaluates the training set anyway), so {@link FitResult#train()} is null.
 */
public final class FitPipeline {
    private FitPipeline() {
    }

    /** Fits on the training configurations; the bars are "featurising" (configurations) and "solving" (systems). */
    public static FitResult fit(FitSettings settings, List<Configuration> training, Progress progress) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training configurations");
        }
        long t0 = System.nanoTime();
        BasisLayout layout = new BasisLayout(settings.spec());
        Featurizer fz = new Featurizer(layout);
        Regularizer regularizer = new Regularizer(layout);
        TargetStatistics stats = TargetStatistics.of(training);
        LossWeights scoring = stats.lossWeights(settings.kappa(), settings.virialWeight());
        RowWeights rw = settings.rowWeights();
        int threads = settings.threads();

        NormalEquations total;
        CrossValidation.Result cv = null;
        Regularization reg = settings.grid().get(0);
        double kappa = settings.kappas()[0];
        long t1;
        long t2;
        int candidates = settings.crossValidates() ? settings.grid().size() * settings.kappas().length : 0;
        if (settings.crossValidates()) {
            int k = Math.min(settings.folds(), training.size());
            int[] fold = settings.stratifiedFolds() ? DataSplit.stratifiedFolds(training, k, settings.seed())
                    : DataSplit.folds(training.size(), k, settings.seed());
            NormalEquations[] folds = new NormalEquations[k];
            try (Progress.Bar bar = progress.start("featurising", training.size(), "configs")) {
                for (int f = 0; f < k; f++) {
                    List<Configuration> part = new ArrayList<>();
                    for (int i = 0; i < fold.length; i++) {
                        if (fold[i] == f) {
                            part.add(training.get(i));
                        }
                    }
                    folds[f] = accumulate(fz, part, rw, threads, layout.size(), bar);
                }
            }
            t1 = System.nanoTime();
            try (Progress.Bar bar = progress.start("solving", candidates + 1, "systems")) {
                bar.message(k + "-fold cross-validation");
                List<CrossValidation.Row>[] perGrid = perGridRows(settings, folds, regularizer, scoring, bar);
                cv = combine(perGrid, settings.kappas().length, k);
                reg = cv.best().regularization();
                kappa = cv.best().kappa();
                total = NormalEquations.sum(folds);
                t2 = System.nanoTime();
                bar.message("final solve");
                FitResult r = solve(settings, layout, regularizer, scoring, stats, total, reg, kappa, cv, t0, t1, t2);
                bar.step(1);
                return r;
            }
        }
        try (Progress.Bar bar = progress.start("featurising", training.size(), "configs")) {
            total = accumulate(fz, training, rw, threads, layout.size(), bar);
        }
        t1 = System.nanoTime();
        t2 = t1;
        try (Progress.Bar bar = progress.start("solving", 1, "systems")) {
            FitResult r = solve(settings, layout, regularizer, scoring, stats, total, reg, kappa, null, t0, t1, t2);
            bar.step(1);
            return r;
        }
    }

    private static FitResult solve(FitSettings settings, BasisLayout layout, Regularizer regularizer, LossWeights scoring,
                                   TargetStatistics stats, NormalEquations total, Regularization reg, double kappa,
                                   CrossValidation.Result cv, long t0, long t1, long t2) {
        LossWeights lw = scoring.withKappa(kappa);
        DMatrixRMaj a = total.matrix(lw);
        regularizer.addTo(a, reg);
        LinearSolver.Solution sol = LinearSolver.solve(a, total.rhs(lw));
        Uf3Model model = layout.toModel(sol.x());
        long t3 = System.nanoTime();
        FitResult.Timings timings = new FitResult.Timings(sec(t1 - t0), sec(t2 - t1), sec(t3 - t2), 0, sec(t3 - t0));
        return new FitResult(model, sol.x(), layout, reg, kappa, sol.method(), cv, (Metrics) null, stats, timings,
                Fitter.peakHeap());
    }

    /** Sums a list of configurations in chunks, stepping the bar after each chunk. */
    private static NormalEquations accumulate(Featurizer fz, List<Configuration> configs, RowWeights rw, int threads,
                                              int p, Progress.Bar bar) {
        NormalEquations sum = null;
        int chunk = Math.max(4 * threads, (configs.size() + 49) / 50);
        for (int from = 0; from < configs.size(); from += chunk) {
            List<Configuration> part = configs.subList(from, Math.min(configs.size(), from + chunk));
            NormalEquations ne = NormalEquations.accumulate(fz, part, rw, threads);
            if (sum == null) {
                sum = ne;
            } else {
                sum.add(ne, 1.0);
            }
            bar.step(part.size());
        }
        return sum == null ? new NormalEquations(p, rw.virials()) : sum;
    }

    @SuppressWarnings("unchecked")
    private static List<CrossValidation.Row>[] perGridRows(FitSettings settings, NormalEquations[] folds,
                                                           Regularizer regularizer, LossWeights scoring, Progress.Bar bar) {
        List<Regularization> grid = settings.grid();
        List<CrossValidation.Row>[] out = new List[grid.size()];
        for (int g = 0; g < grid.size(); g++) {
            CrossValidation.Result r = CrossValidation.run(folds, regularizer, List.of(grid.get(g)), settings.kappas(),
                    scoring);
            out[g] = r.rows();
            bar.step(settings.kappas().length);
        }
        return out;
    }

    /** Rows in CrossValidation's order (κ-major, then grid) and the first row with the lowest loss. */
    private static CrossValidation.Result combine(List<CrossValidation.Row>[] perGrid, int kappas, int folds) {
        List<CrossValidation.Row> rows = new ArrayList<>();
        CrossValidation.Row best = null;
        for (int a = 0; a < kappas; a++) {
            for (List<CrossValidation.Row> g : perGrid) {
                CrossValidation.Row r = g.get(a);
                rows.add(r);
                if (best == null || r.loss() < best.loss()) {
                    best = r;
                }
            }
        }
        return new CrossValidation.Result(List.copyOf(rows), best, folds);
    }

    private static double sec(long nanos) {
        return nanos * 1e-9;
    }
}

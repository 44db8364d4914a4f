package org.uf3j.fit;

import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.uncertainty.Posterior;
import org.uf3j.fit.uncertainty.PosteriorEstimator;
import org.uf3j.fit.uncertainty.SelectionDesign;

/**
 * The fitting pipeline: settings → basis layout → featurise and accumulate the normal equations
 * (per cross-validation fold when there is a grid) → choose λ (and κ) by k-fold CV on the training
 * set → solve on all training data → model. The test set never enters; errors are measured
 * afterwards, by whoever needs them, with {@link org.uf3j.fit.metrics.Metrics}.
 */
public final class Fitter {
    private final FitSettings settings;

    public Fitter(FitSettings settings) {
        this.settings = settings;
    }

    public FitSettings settings() {
        return settings;
    }

    public FitResult fit(List<Configuration> training) {
        return fit(training, FitProgress.NONE);
    }

    /** Fits, reporting the featurising and solving stages to {@code progress}. */
    public FitResult fit(List<Configuration> training, FitProgress progress) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training configurations");
        }
        try (HeapMonitor heap = HeapMonitor.start()) {
            return fit(training, heap, progress);
        }
    }

    /**
     * The memory plan of this fit with {@code dataBytes} of training data in memory and the JVM's
     * heap limit; print {@link MemoryPlan#describe()} before reading data, and stop on
     * {@link MemoryPlan#refusal()}.
     */
    public MemoryPlan plan(long dataBytes) {
        return plan(new BasisLayout(settings.spec()), dataBytes, Runtime.getRuntime().maxMemory());
    }

    private MemoryPlan plan(BasisLayout layout, long dataBytes, long heapBytes) {
        return MemoryPlan.of(settings, layout, settings.solverOptions().usesLapack(layout.size()), dataBytes, heapBytes);
    }

    private FitResult fit(List<Configuration> training, HeapMonitor heap, FitProgress progress) {
        long t0 = System.nanoTime();
        BasisLayout layout = new BasisLayout(settings.spec());
        Runtime rt = Runtime.getRuntime();
        MemoryPlan plan = plan(layout, 0, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
        if (plan.refusal() != null) {
            throw new InsufficientMemoryException(plan.refusal());
        }
        Featurizer fz = new Featurizer(layout);
        Regularizer regularizer = new Regularizer(layout);
        TargetStatistics stats = TargetStatistics.of(training);
        LossWeights scoring = stats.lossWeights(settings.kappa(), settings.virialWeight());
        RowWeights rw = settings.rowWeights();

        NormalEquations total;
        CrossValidation.Result cv = null;
        Regularization reg = settings.grid().get(0);
        double kappa = settings.kappas()[0];
        long t1;
        long t2;
        // a posterior calibrates its noise on cross-validation residuals: a single candidate is then
        // cross-validated too (same featurisation, k more solves); its CV is not reported as a choice
        boolean foldSums = settings.crossValidates()
                || settings.posterior() && Math.min(settings.folds(), training.size()) >= 2;
        int[] fold = null;
        if (foldSums) {
            int k = Math.min(settings.folds(), training.size());
            fold = settings.stratifiedFolds() ? DataSplit.stratifiedFolds(training, k, settings.seed())
                    : DataSplit.folds(training.size(), k, settings.seed());
            progress.stage("featurising", training.size());
            try (FoldStore store = plan.needsFoldFile() || settings.foldFile() != null
                    ? FoldStore.inFile(settings.foldFile() != null ? settings.foldFile() : Path.of(System.getProperty("java.io.tmpdir")))
                    : FoldStore.inMemory()) {
                NormalEquations.accumulateFolds(fz, training, fold, k, rw, settings.threads(), progress, store);
                t1 = System.nanoTime();
                progress.stage("solving", (long) k * settings.grid().size() * settings.kappas().length + 1);
                cv = CrossValidation.run(store, regularizer, settings.grid(), settings.kappas(), scoring, settings.threads(),
                        progress, settings.solverOptions());
                total = store.total();
            }
            reg = cv.best().regularization();
            kappa = cv.best().kappa();
            t2 = System.nanoTime();
        } else {
            progress.stage("featurising", training.size());
            total = NormalEquations.accumulate(fz, training, rw, settings.threads(), progress);
            t1 = System.nanoTime();
            t2 = t1;
            progress.stage("solving", 1);
        }
        CrossValidation.Result noiseCv = cv;
        if (!settings.crossValidates()) {
            cv = null;
        }
        LossWeights lw = scoring.withKappa(kappa);
        double[][] inverse = {null};
        LinearSolver.Solution sol = solve(total, lw, regularizer, reg, inverse);
        Uf3Model model = layout.toModel(sol.x());
        PosteriorEstimator.Estimate est = inverse[0] == null ? null
                : PosteriorEstimator.estimate(layout, total, lw, inverse[0], sol.x(), noiseCv, settings.calibration(),
                        fold == null ? null : new PosteriorEstimator.Training(training, fold, rw, settings.threads()));
        Posterior posterior = est == null ? null : withDesign(est.posterior(), total, lw, regularizer, reg);
        progress.advance(1);
        long t3 = System.nanoTime();
        FitResult.Timings timings = new FitResult.Timings(sec(t1 - t0), sec(t2 - t1), sec(t3 - t2), sec(t3 - t0));
        return new FitResult(model, sol.x(), layout, reg, kappa, sol.method(), cv, stats, timings, heap.peakLive(),
                heap.peakPools(), posterior, est == null ? null : est.residuals());
    }

    /** The final solve (and, with a posterior, A⁻¹ from its factor into inverse[0]); the matrix is garbage afterwards. */
    private LinearSolver.Solution solve(NormalEquations total, LossWeights lw, Regularizer regularizer, Regularization reg,
                                        double[][] inverse) {
        DMatrixRMaj a = total.matrix(lw);
        regularizer.addTo(a, reg);
        int p = a.numCols;
        return LinearSolver.solve(a, total.rhs(lw), settings.solverOptions(),
                settings.posterior() ? f -> inverse[0] = PosteriorEstimator.inverse(f, p) : null);
    }

    /** The posterior with the selection design of {@code uf3 select}. */
    private static Posterior withDesign(Posterior post, NormalEquations total, LossWeights lw, Regularizer regularizer,
                                        Regularization reg) {
        return post.withDesign(SelectionDesign.of(total, lw, regularizer, reg, post.noise()));
    }

    private static double sec(long nanos) {
        return nanos * 1e-9;
    }
}

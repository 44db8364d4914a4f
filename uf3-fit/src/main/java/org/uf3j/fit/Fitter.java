package org.uf3j.fit;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;

/**
 * The fitting pipeline: settings → basis layout → featurise and accumulate the normal equations
 * (per cross-validation fold when there is a grid) → choose λ (and κ) by k-fold CV on the training
 * set → solve on all training data → model and training metrics. The test set never enters.
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
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training configurations");
        }
        try (HeapMonitor heap = HeapMonitor.start()) {
            return fit(training, heap);
        }
    }

    private FitResult fit(List<Configuration> training, HeapMonitor heap) {
        long t0 = System.nanoTime();
        BasisLayout layout = new BasisLayout(settings.spec());
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
        if (settings.crossValidates()) {
            int k = Math.min(settings.folds(), training.size());
            int[] fold = settings.stratifiedFolds() ? DataSplit.stratifiedFolds(training, k, settings.seed())
                    : DataSplit.folds(training.size(), k, settings.seed());
            NormalEquations[] folds = NormalEquations.accumulateFolds(fz, training, fold, k, rw, settings.threads());
            t1 = System.nanoTime();
            cv = CrossValidation.run(folds, regularizer, settings.grid(), settings.kappas(), scoring, settings.threads());
            reg = cv.best().regularization();
            kappa = cv.best().kappa();
            total = NormalEquations.sum(folds);
            t2 = System.nanoTime();
        } else {
            total = NormalEquations.accumulate(fz, training, rw, settings.threads());
            t1 = System.nanoTime();
            t2 = t1;
        }
        LossWeights lw = scoring.withKappa(kappa);
        DMatrixRMaj a = total.matrix(lw);
        regularizer.addTo(a, reg);
        LinearSolver.Solution sol = LinearSolver.solve(a, total.rhs(lw));
        Uf3Model model = layout.toModel(sol.x());
        long t3 = System.nanoTime();
        Metrics train = Metrics.evaluate(model, training, settings.threads());
        long t4 = System.nanoTime();
        FitResult.Timings timings = new FitResult.Timings(sec(t1 - t0), sec(t2 - t1), sec(t3 - t2), sec(t4 - t3), sec(t4 - t0));
        return new FitResult(model, sol.x(), layout, reg, kappa, sol.method(), cv, train, stats, timings, heap.peakLive(),
                heap.peakPools());
    }

    private static double sec(long nanos) {
        return nanos * 1e-9;
    }
}

package org.uf3j.bench.paper;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.DataSplit;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.FitProgress;
import org.uf3j.fit.LinearSolver;
import org.uf3j.fit.LossWeights;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.NormalEquations;
import org.uf3j.fit.Regularization;
import org.uf3j.fit.Regularizer;
import org.uf3j.fit.RowWeights;
import org.uf3j.fit.TargetStatistics;

/**
 * The training set of one knot choice featurised once, as normal-equation sums per cross-validation
 * fold (stratified by config_type, as {@code Fitter} does): any λ and κ can then be cross-validated
 * and the final model solved on all folds without featurising again. The pieces are those of
 * {@code org.uf3j.fit.Fitter}; only the order differs, so that several knot choices and a custom
 * selection criterion can share one featurisation each.
 */
final class FoldSums {
    final ModelSpec spec;
    final BasisLayout layout;
    final Regularizer regularizer;
    final NormalEquations[] folds;
    final TargetStatistics stats;
    /** Wall seconds spent featurising and accumulating. */
    final double seconds;

    private FoldSums(ModelSpec spec, BasisLayout layout, NormalEquations[] folds, TargetStatistics stats, double seconds) {
        this.spec = spec;
        this.layout = layout;
        this.regularizer = new Regularizer(layout);
        this.folds = folds;
        this.stats = stats;
        this.seconds = seconds;
    }

    /** Featurises {@code train} into {@code k} stratified folds (seeded). */
    static FoldSums of(ModelSpec spec, List<Configuration> train, int k, long seed, int threads) {
        long t0 = System.nanoTime();
        BasisLayout layout = new BasisLayout(spec);
        int[] fold = DataSplit.stratifiedFolds(train, k, seed);
        NormalEquations[] folds = NormalEquations.accumulateFolds(new Featurizer(layout), train, fold, k,
                RowWeights.uniform(), threads);
        return new FoldSums(spec, layout, folds, TargetStatistics.of(train), (System.nanoTime() - t0) * 1e-9);
    }

    /** Cross-validation over the grid and κ candidates (validation loss scored at κ = 0.5). */
    CrossValidation.Result crossValidate(List<Regularization> grid, double[] kappas, int threads) {
        LossWeights scoring = stats.lossWeights(0.5, 0);
        return CrossValidation.run(folds, regularizer, grid, kappas, scoring, threads, FitProgress.NONE);
    }

    /** The model fitted on all folds with one regularisation and κ. */
    Uf3Model solve(Regularization reg, double kappa) {
        return solve(folds, stats, reg, kappa);
    }

    /** Solves the normal equations summed over {@code parts} with the given σ's, λ and κ. */
    Uf3Model solve(NormalEquations[] parts, TargetStatistics sigma, Regularization reg, double kappa) {
        return layout.toModel(solution(regularizer, parts, sigma, reg, kappa));
    }

    /** Coefficient vector of the regularised normal equations summed over {@code parts}. */
    static double[] solution(Regularizer regularizer, NormalEquations[] parts, TargetStatistics sigma, Regularization reg,
                             double kappa) {
        NormalEquations total = NormalEquations.sum(parts);
        LossWeights lw = sigma.lossWeights(kappa, 0);
        DMatrixRMaj a = total.matrix(lw);
        regularizer.addTo(a, reg);
        return LinearSolver.solve(a, total.rhs(lw)).x();
    }

    int columns() {
        return layout.size();
    }
}

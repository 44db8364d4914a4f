package org.uf3j.bench.solver;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.DataSplit;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.FitProgress;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.LinearSolver;
import org.uf3j.fit.LossWeights;
import org.uf3j.fit.NormalEquations;
import org.uf3j.fit.Regularizer;
import org.uf3j.fit.TargetStatistics;
import org.uf3j.fit.solve.SolverOptions;

/**
 * The fit's cross-validation checked against the plain method on the same folds: one full
 * Cholesky per candidate (on {@code cvSolver}), then an EJML final solve. Prints whether the same
 * point was chosen, the largest relative score difference and the largest coefficient difference
 * relative to the largest coefficient (the issue-11 acceptance: same point, ≤ 1e-9).
 */
public final class ReferenceCheck {

    private ReferenceCheck() {
    }

    /** Runs the reference on the training set of {@code fit} and prints one {@code REFERENCE} line. */
    public static void print(FitSettings settings, List<Configuration> train, FitResult fit, SolverOptions cvSolver) {
        int k = Math.min(settings.folds(), train.size());
        int[] fold = settings.stratifiedFolds() ? DataSplit.stratifiedFolds(train, k, settings.seed())
                : DataSplit.folds(train.size(), k, settings.seed());
        BasisLayout layout = new BasisLayout(settings.spec());
        NormalEquations[] folds = NormalEquations.accumulateFolds(new Featurizer(layout), train, fold, k,
                settings.rowWeights(), settings.threads());
        LossWeights scoring = TargetStatistics.of(train).lossWeights(settings.kappa(), settings.virialWeight());
        Regularizer regularizer = new Regularizer(layout);
        long t0 = System.nanoTime();
        CrossValidation.Result ref = CrossValidation.runPerCandidate(folds, regularizer, settings.grid(), settings.kappas(),
                scoring, settings.threads(), FitProgress.NONE, cvSolver);
        double cvSeconds = (System.nanoTime() - t0) * 1e-9;
        NormalEquations total = NormalEquations.sum(folds);
        LossWeights lw = scoring.withKappa(ref.best().kappa());
        DMatrixRMaj a = total.matrix(lw);
        regularizer.addTo(a, ref.best().regularization());
        double[] x = LinearSolver.solve(a, total.rhs(lw)).x();
        double scale = 0;
        double diff = 0;
        double scoreDiff = 0;
        for (int q = 0; q < x.length; q++) {
            scale = Math.max(scale, Math.abs(x[q]));
            diff = Math.max(diff, Math.abs(x[q] - fit.solution()[q]));
        }
        for (int r = 0; r < ref.rows().size(); r++) {
            double l = ref.rows().get(r).loss();
            scoreDiff = Math.max(scoreDiff, Math.abs(l - fit.crossValidation().rows().get(r).loss()) / l);
        }
        boolean same = ref.best().regularization().equals(fit.regularization()) && ref.best().kappa() == fit.kappa();
        System.out.printf("REFERENCE per-candidate %s CV %.2f s; same chosen point: %s (%s kappa %.2f); largest score"
                + " difference %.2e relative; largest coefficient difference %.2e of the largest coefficient (max |x| %.4g)%n",
                cvSolver.backend(), cvSeconds, same, ref.best().regularization(), ref.best().kappa(), scoreDiff, diff / scale,
                scale);
    }
}

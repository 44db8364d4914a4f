package org.uf3j.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

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

    /** The grid of validation errors and the chosen point. */
    public record Result(List<Row> rows, Row best, int folds) {

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
        return run(folds, regularizer, grid, kappas, scoring, Runtime.getRuntime().availableProcessors(), FitProgress.NONE);
    }

    /**
     * Runs the grid, solving the candidates of each fold on {@code threads} threads and advancing
     * {@code progress} by one per solved system (folds × κ × grid in all).
     *
     * @param folds   normal equations of each fold (at least 2)
     * @param grid    regularisation candidates
     * @param kappas  training κ candidates
     * @param scoring loss weights (σ's, virial weight and scoring κ) for the validation loss
     */
    public static Result run(NormalEquations[] folds, Regularizer regularizer, List<Regularization> grid, double[] kappas,
                             LossWeights scoring, int threads, FitProgress progress) {
        int k = folds.length;
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        if (grid.isEmpty() || kappas.length == 0) {
            throw new IllegalArgumentException("empty cross-validation grid");
        }
        NormalEquations total = NormalEquations.sum(folds);
        int nk = kappas.length, ng = grid.size();
        double[][][] loss = new double[nk][ng][k];
        double[][][] sseE = new double[nk][ng][k], sseF = new double[nk][ng][k];
        double nE = 0, nF = 0;
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            for (int f = 0; f < k; f++) {
                NormalEquations train = total.copy();
                train.add(folds[f], -1.0);
                train.symmetrize();
                NormalEquations val = folds[f];
                val.symmetrize();
                nE += val.energy().weight();
                nF += val.forces().weight();
                for (int a = 0; a < nk; a++) {
                    LossWeights lw = scoring.withKappa(kappas[a]);
                    DMatrixRMaj base = train.matrix(lw);
                    double[] b = train.rhs(lw);
                    final int fold = f, ka = a;
                    pool.submit(() -> IntStream.range(0, ng).parallel().forEach(g -> {
                        DMatrixRMaj m = base.copy();
                        regularizer.addTo(m, grid.get(g));
                        double[] x = LinearSolver.solve(m, b).x();
                        double se = val.energy().weight() > 0 ? val.energy().sumSquaredErrors(x) : 0;
                        double sf = val.forces().weight() > 0 ? val.forces().sumSquaredErrors(x) : 0;
                        double l = scoring.energyFactor(val.energy().weight()) * se + scoring.forceFactor(val.forces().weight()) * sf;
                        if (val.virial() != null && scoring.virialWeight() > 0) {
                            l += scoring.virialFactor(val.virial().weight()) * val.virial().sumSquaredErrors(x);
                        }
                        loss[ka][g][fold] = l;
                        sseE[ka][g][fold] = se;
                        sseF[ka][g][fold] = sf;
                        progress.advance(1);
                    })).join();
                }
            }
        } finally {
            pool.shutdown();
        }
        List<Row> rows = new ArrayList<>();
        Row best = null;
        for (int a = 0; a < nk; a++) {
            for (int g = 0; g < ng; g++) {
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
                }
            }
        }
        return new Result(List.copyOf(rows), best, k);
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

package org.uf3j.bench.paper;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.Regularization;

/**
 * Hyper-parameter selection on the training set only: every knot candidate is featurised once into
 * k stratified folds, cross-validated over a λ grid × κ candidates, and scored with a {@link Goal};
 * the best (knots, λ, κ) is then solved on the whole training set. The test set never enters.
 */
final class ModelSelection {

    /** The λ/κ search space. */
    record Grid(double[] curvature2, double[] curvature3, double ridge, double[] kappas) {
        List<Regularization> regularizations(boolean threeBody) {
            double[] c3 = threeBody ? curvature3 : new double[] {curvature3[0]};
            return CrossValidation.grid(curvature2, c3, ridge, ridge);
        }

        Map<String, Object> toMap() {
            return Outputs.map("curvature_2b", Outputs.nums(curvature2), "curvature_3b", Outputs.nums(curvature3),
                    "ridge", ridge, "kappa", Outputs.nums(kappas));
        }
    }

    /** One candidate's cross-validation. */
    record Candidate(Knots knots, int columns, CrossValidation.Result cv, CrossValidation.Row best, double score,
                     double featurizeSeconds, double cvSeconds) {
        Map<String, Object> toMap(Goal goal) {
            List<Object> rows = new ArrayList<>();
            for (CrossValidation.Row r : cv.rows()) {
                rows.add(row(r, goal));
            }
            return Outputs.map("knots", knots.label(), "knots_detail", knots.toMap(), "columns", columns,
                    "best", row(best, goal), "featurise_seconds", featurizeSeconds, "cv_seconds", cvSeconds,
                    "grid", rows);
        }
    }

    /** The outcome: every candidate, the chosen one and the model solved on all training data. */
    record Result(List<Candidate> candidates, Candidate chosen, Uf3Model model, FoldSums sums, Goal goal, Grid grid,
                  int folds, double seconds) {
        Map<String, Object> toMap() {
            List<Object> c = new ArrayList<>();
            for (Candidate x : candidates) {
                c.add(x.toMap(goal));
            }
            return Outputs.map("criterion", String.format(Locale.ROOT,
                            "min over candidates of max(E_cv/%.3g meV/atom, F_cv/%.3g eV/Å), %d-fold CV on the training set",
                            goal.energyMeV(), goal.forceEvA(), folds),
                    "grid", grid.toMap(), "chosen", Outputs.map("knots", chosen.knots().label(),
                            "knots_detail", chosen.knots().toMap(), "columns", chosen.columns(),
                            "cv", row(chosen.best(), goal)),
                    "seconds", seconds, "candidates", c);
        }

        Regularization regularization() {
            return chosen.best().regularization();
        }

        double kappa() {
            return chosen.best().kappa();
        }
    }

    private ModelSelection() {
    }

    static Map<String, Object> row(CrossValidation.Row r, Goal goal) {
        Regularization g = r.regularization();
        return Outputs.map("curvature_2b", g.curvature2(), "curvature_3b", g.curvature3(), "ridge_2b", g.ridge2(),
                "ridge_3b", g.ridge3(), "kappa", r.kappa(), "cv_energy_rmse_meV", r.energyRmse(),
                "cv_force_rmse_eVA", r.forceRmse(), "cv_loss_kappa0.5", r.loss(), "goal_score", goal.score(r));
    }

    /**
     * Cross-validates every candidate and solves the chosen one on all of {@code train}.
     *
     * @param log where to print one line per candidate (null: silent)
     */
    static Result run(String element, List<Knots> candidates, List<Configuration> train, Grid grid, Goal goal, int folds,
                      long seed, int threads, PrintStream log) {
        long t0 = System.nanoTime();
        List<Candidate> done = new ArrayList<>();
        Candidate best = null;
        FoldSums bestSums = null;
        for (Knots k : candidates) {
            FoldSums sums = FoldSums.of(k.spec(element), train, folds, seed, threads);
            long t1 = System.nanoTime();
            CrossValidation.Result cv = sums.crossValidate(grid.regularizations(k.threeBody()), grid.kappas(), threads);
            CrossValidation.Row row = goal.best(cv.rows());
            Candidate c = new Candidate(k, sums.columns(), cv, row, goal.score(row), sums.seconds,
                    (System.nanoTime() - t1) * 1e-9);
            done.add(c);
            if (log != null) {
                log.printf(Locale.ROOT, "  CV %-34s %5d columns: best κ=%.2f λ2=%.0e λ3=%.0e  E_cv %.2f meV/atom  F_cv %.4f eV/Å"
                                + "  score %.3f  (featurise %.0f s, CV %.0f s)%n", k.label(), c.columns(), row.kappa(),
                        row.regularization().curvature2(), row.regularization().curvature3(), row.energyRmse(),
                        row.forceRmse(), c.score(), c.featurizeSeconds(), c.cvSeconds());
                log.flush();
            }
            if (best == null || c.score() < best.score()) {
                best = c;
                bestSums = sums;
            }
        }
        Uf3Model model = bestSums.solve(best.best().regularization(), best.best().kappa());
        return new Result(done, best, model, bestSums, goal, grid, folds, (System.nanoTime() - t0) * 1e-9);
    }
}

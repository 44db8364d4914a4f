package org.uf3j.fit;

import org.uf3j.core.model.Uf3Model;
import org.uf3j.fit.uncertainty.CvResiduals;
import org.uf3j.fit.uncertainty.Posterior;

/**
 * What a fit produced.
 *
 * @param model          the fitted potential (one-body energies included)
 * @param solution       the solution vector in the columns of {@code layout}
 * @param regularization the regularisation used for the final solve (chosen by CV when it ran)
 * @param kappa          the κ used for the final solve
 * @param method         how the final system was solved
 * @param crossValidation the CV grid, or null when there was a single candidate
 * @param statistics     σ's of the training targets
 * @param peakLiveHeapBytes largest heap occupancy right after a garbage collection during the fit
 * @param peakPoolBytes  sum of the heap pools' peak usages during the fit (includes uncollected garbage)
 * @param posterior      the Bayesian posterior of the coefficients, or null when not asked for (or the final
 *                       system was not positive definite)
 * @param calibrationResiduals the per-structure cross-validation residuals the posterior was calibrated on
 *                       (quantile calibration), or null
 */
public record FitResult(Uf3Model model, double[] solution, BasisLayout layout, Regularization regularization, double kappa,
                        LinearSolver.Method method, CrossValidation.Result crossValidation,
                        TargetStatistics statistics, Timings timings, long peakLiveHeapBytes, long peakPoolBytes,
                        Posterior posterior, CvResiduals calibrationResiduals) {

    /** Wall-clock seconds of the stages. */
    public record Timings(double accumulate, double crossValidation, double solve, double total) {

        @Override
        public String toString() {
            return String.format("featurise+accumulate %.2f s, cross-validation %.2f s, solve %.2f s, total %.2f s",
                    accumulate, crossValidation, solve, total);
        }
    }
}

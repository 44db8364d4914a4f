package org.uf3j.fit.uncertainty;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.Gram;
import org.uf3j.fit.LossWeights;
import org.uf3j.fit.NormalEquations;
import org.uf3j.fit.Regularizer;
import org.uf3j.fit.RowWeights;
import org.uf3j.fit.solve.CholeskyFactor;

/**
 * Turns a finished fit into a {@link Posterior}: the fit's loss read as a negative log posterior.
 *
 * <p><b>Model.</b> The fit minimises L(c) = Σ_rows a_r (x_r·c − y_r)² + cᵀRc, with a_r the κ/σ row
 * factors of {@link LossWeights} and R the curvature/ridge matrix of {@link Regularizer}; its normal
 * matrix is A = Σ a_r x_r x_rᵀ + R. Reading exp(−L/(2τ)) as likelihood × prior (Gaussian noise of
 * variance τ/a_r on row r, the regulariser a Gaussian prior of precision R/τ) gives a Gaussian
 * posterior whose mean is exactly the fitted coefficients and whose covariance is τ A⁻¹. A⁻¹ comes
 * from the factor of A that the final solve made ({@link org.uf3j.fit.LinearSolver#solve(DMatrixRMaj,
 * double[], org.uf3j.fit.solve.SolverOptions, java.util.function.Consumer)}): nothing is factored twice.
 *
 * <p><b>Temperatures and noise, calibrated on the cross-validation residuals (the choice, and why).</b>
 * One τ for all rows, e.g. by evidence maximisation (τ = L_min/n), ties the energy noise to the
 * force noise through κ and the σ's, which are set for the balance of the fit, not measured: force
 * rows outnumber energy rows 100-1000 to 1, so the evidence τ describes the forces and makes the
 * implied energy noise τ/a_E far smaller than the energy errors (on W-14, σ_E came out a constant
 * 5.5 meV/atom, almost all of it noise). Instead each kind of target t (energies per atom, force
 * components) gets the temperature at which the fit's own row weight implies the error the fit
 * actually makes on data it has not seen: τ_t = a_t · MSE_t, with MSE_t the pooled k-fold
 * cross-validation error at the chosen hyper-parameters (computed by {@link CrossValidation} from
 * the fold sums, at no extra featurisation; a single candidate is cross-validated for this). The
 * noise is what the parameter term does not explain: s_t² = MSE_t − τ_t·mean_rows(xᵀA⁻¹x) =
 * MSE_t (1 − γ_t/n_t), with γ_t = tr(A⁻¹ a_t G_t) the number of coefficients the rows of kind t
 * determine (G_t the accumulated sums) — the classical degrees-of-freedom correction. Training
 * residuals would be optimistic (the fit has seen them); CV residuals are the honest estimate of
 * the error on new data of the same kind. Without folds (fewer than 2 configurations) the training
 * errors are used and the result says so. Errors on configurations unlike the training data are
 * not in s²: that is the job of τ xᵀA⁻¹x, which grows away from the data.
 *
 * <p><b>Robust calibration (the default).</b> Both τ_t and s_t² are proportional to one scale
 * T_t = MSE_t above: σ² = T_t·v with the shape v = a_t xᵀA⁻¹x + (1 − γ_t/n_t), whose mean over
 * the training rows is 1. With {@link CalibrationMethod.Kind#QUANTILE} T_t is instead chosen by
 * {@link TemperatureEstimator#quantile} on the per-structure CV residuals ({@link CvResiduals}: each
 * structure predicted by the coefficients of the fold that left it out, from the fold solutions
 * cross-validation already made, and its v), so that a few structures with huge errors (an
 * outlier group) no longer set everyone's σ; τ_t = a_t T_t and s_t² = T_t (1 − γ_t/n_t) as before.
 * This costs one more featurisation of the training set and the quadratic forms of its energy rows
 * and of a sample of about {@value CvResiduals#FORCE_SAMPLE} force components.
 */
public final class PosteriorEstimator {

    private PosteriorEstimator() {
    }

    /**
     * What the per-structure calibration needs besides the sums: the training structures, their
     * folds (as the fit assigned them), the fit's row weights and threads.
     */
    public record Training(List<Configuration> configurations, int[] fold, RowWeights weights, int threads) {
    }

    /** The posterior and, when the quantile calibration ran, the residuals it used. */
    public record Estimate(Posterior posterior, CvResiduals residuals) {
    }

    /** As {@link #estimate(BasisLayout, NormalEquations, LossWeights, double[], double[], CrossValidation.Result,
     * CalibrationMethod, Training)} calibrated by mean square (needs no per-structure residuals). */
    public static Posterior estimate(BasisLayout layout, NormalEquations total, LossWeights lw, double[] inverse, double[] x,
                                     CrossValidation.Result cv) {
        return estimate(layout, total, lw, inverse, x, cv, CalibrationMethod.mse(), null).posterior();
    }

    /**
     * The posterior of a fit.
     *
     * @param layout      the fit's columns
     * @param total       the normal-equation sums of all training data (symmetrised)
     * @param lw          the loss weights of the final solve (chosen κ)
     * @param inverse     A⁻¹ (p×p row-major, from {@link #inverse}; kept by the posterior, not copied)
     * @param x           the fitted coefficients
     * @param cv          the cross-validation result, or null
     * @param method      the calibration; quantile falls back to mean square (and records so) without
     *                    cross-validation fold coefficients or {@code training}
     * @param training    the training structures and folds, or null
     */
    public static Estimate estimate(BasisLayout layout, NormalEquations total, LossWeights lw, double[] inverse, double[] x,
                                    CrossValidation.Result cv, CalibrationMethod method, Training training) {
        int p = layout.size();
        double mseE;
        double mseF;
        String source;
        if (cv != null) {
            mseE = square(cv.best().energyRmse() / 1000);
            mseF = square(cv.best().forceRmse());
            source = "cross-validation";
        } else {
            mseE = square(total.energyRmse(x));
            mseF = square(total.forceRmse(x));
            source = "training";
        }
        double aE = lw.energyFactor(total.energy().weight());
        double aF = lw.forceFactor(total.forces().weight());
        // the noise share of the variance shape: 1 − γ_t/n_t = 1 − a_t·mean(xᵀA⁻¹x)
        double floorE = Math.max(0.0, 1 - aE * meanQuadratic(total.energy(), inverse, p));
        double floorF = Math.max(0.0, 1 - aF * meanQuadratic(total.forces(), inverse, p));
        double scaleE = mseE;
        double scaleF = mseF;
        CalibrationMethod used = CalibrationMethod.mse();
        CvResiduals residuals = null;
        if (method.kind() == CalibrationMethod.Kind.QUANTILE && cv != null && cv.bestFoldCoefficients() != null
                && training != null) {
            residuals = CvResiduals.collect(layout, training.configurations(), training.fold(), cv.bestFoldCoefficients(),
                    inverse, new CvResiduals.Shape(aE, floorE), new CvResiduals.Shape(aF, floorF), training.weights(),
                    training.threads());
            double tE = residuals.energyTemperature(method);
            double tF = residuals.forceTemperature(method);
            scaleE = Double.isFinite(tE) ? tE : scaleE;
            scaleF = Double.isFinite(tF) ? tF : scaleF;
            used = method;
        }
        double tauE = temperature(aE, scaleE);
        double tauF = temperature(aF, scaleF);
        if (tauE == 0 && tauF == 0) {
            throw new IllegalArgumentException("no energy or force errors to calibrate the posterior on");
        }
        double sE = Double.isFinite(scaleE) ? scaleE * floorE : 0.0;
        double sF = Double.isFinite(scaleF) ? scaleF * floorF : 0.0;
        return new Estimate(new Posterior(layout.spec(), x, inverse,
                new Posterior.Noise(tauE, tauF, sE, sF, source, lw.kappa(), used), aE, aF), residuals);
    }

    private static double temperature(double rowFactor, double mse) {
        return rowFactor > 0 && Double.isFinite(mse) ? rowFactor * mse : 0.0;
    }

    /** A⁻¹ from its Cholesky factor: the solve of the identity (p right-hand sides), symmetrised. */
    public static double[] inverse(CholeskyFactor factor, int p) {
        double[] id = new double[p * p];
        for (int q = 0; q < p; q++) {
            id[q * p + q] = 1.0;
        }
        factor.solve(id, p);
        // symmetrise the rounding (A⁻¹ is symmetric; column-major and row-major then agree)
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                double m = 0.5 * (id[a * p + b] + id[b * p + a]);
                id[a * p + b] = m;
                id[b * p + a] = m;
            }
        }
        return id;
    }

    /** tr(A⁻¹ G) / Σw: the weighted mean of xᵀA⁻¹x over the rows summed in G (0 without rows). */
    static double meanQuadratic(Gram g, double[] inverse, int p) {
        if (!(g.weight() > 0)) {
            return 0;
        }
        double t = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                t += inverse[a * p + b] * g.gram(a, b);
            }
        }
        return t / g.weight();
    }

    private static double square(double v) {
        return Double.isFinite(v) ? v * v : Double.NaN;
    }
}

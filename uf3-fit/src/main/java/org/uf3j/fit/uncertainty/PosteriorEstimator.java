package org.uf3j.fit.uncertainty;

import org.ejml.data.DMatrixRMaj;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.Gram;
import org.uf3j.fit.LossWeights;
import org.uf3j.fit.NormalEquations;
import org.uf3j.fit.Regularizer;
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
 */
public final class PosteriorEstimator {

    private PosteriorEstimator() {
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
     */
    public static Posterior estimate(BasisLayout layout, NormalEquations total, LossWeights lw, double[] inverse, double[] x,
                                     CrossValidation.Result cv) {
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
        double tauE = temperature(lw.energyFactor(total.energy().weight()), mseE);
        double tauF = temperature(lw.forceFactor(total.forces().weight()), mseF);
        if (tauE == 0 && tauF == 0) {
            throw new IllegalArgumentException("no energy or force errors to calibrate the posterior on");
        }
        double sE = noise(mseE, tauE * meanQuadratic(total.energy(), inverse, p));
        double sF = noise(mseF, tauF * meanQuadratic(total.forces(), inverse, p));
        return new Posterior(layout.spec(), x, inverse, new Posterior.Noise(tauE, tauF, sE, sF, source, lw.kappa()),
                lw.energyFactor(total.energy().weight()), lw.forceFactor(total.forces().weight()));
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

    private static double noise(double mse, double parameterPart) {
        return Double.isFinite(mse) ? Math.max(0.0, mse - parameterPart) : 0.0;
    }

    private static double square(double v) {
        return Double.isFinite(v) ? v * v : Double.NaN;
    }
}

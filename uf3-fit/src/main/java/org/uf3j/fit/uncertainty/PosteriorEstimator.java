package org.uf3j.fit.uncertainty;

import org.ejml.data.DMatrixRMaj;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.Gram;
import org.uf3j.fit.LossWeights;
import org.uf3j.fit.NormalEquations;
import org.uf3j.fit.Regularization;
import org.uf3j.fit.Regularizer;
import org.uf3j.fit.solve.CholeskyFactor;

/**
 * Turns a finished fit into a {@link Posterior}: the fit's loss read as a negative log posterior.
 *
 * <p><b>Model.</b> The fit minimises L(c) = Σ_rows a_r (x_r·c − y_r)² + cᵀRc, with a_r the κ/σ row
 * factors of {@link LossWeights} and R the curvature/ridge matrix of {@link Regularizer}; its normal
 * matrix is A = Σ a_r x_r x_rᵀ + R. Reading exp(−L/(2τ)) as likelihood × prior (Gaussian noise of
 * variance τ/a_r on row r, Gaussian prior of precision R/τ) gives a Gaussian posterior whose mean is
 * exactly the fitted coefficients and whose covariance is Σ = τ A⁻¹ — the factor of A that the final
 * solve made is reused ({@link org.uf3j.fit.LinearSolver#solve(DMatrixRMaj, double[],
 * org.uf3j.fit.solve.SolverOptions, java.util.function.Consumer)}), nothing is factored twice.
 *
 * <p><b>τ by evidence maximisation.</b> With every precision scaled by 1/τ, the log marginal
 * likelihood is −(n/2) ln τ − L_min/(2τ) + const (the τ-dependence of the prior's and the posterior's
 * determinants cancels), so τ̂ = L_min/n with L_min the minimum of the loss and n the number of rows.
 *
 * <p><b>Noise variances calibrated on the cross-validation residuals.</b> That same likelihood would
 * tie the energy noise to the force noise through κ and the σ's, which are chosen for the fit's
 * balance, not measured: on W-14 it would make the energy noise far smaller than the observed
 * energy errors. So the noise variances of energies (per atom) and of force components are set
 * separately, by matching the mean predicted variance to the mean squared error the fit makes on
 * data it has not seen: s² = max(0, MSE_CV − τ̂ · mean_rows(xᵀA⁻¹x)), where MSE_CV is the pooled
 * k-fold cross-validation error at the chosen hyper-parameters (already computed by
 * {@link CrossValidation}, at no extra cost) and the mean of xᵀA⁻¹x over the training rows is
 * tr(A⁻¹G)/n from the accumulated sums G. Training residuals would be optimistic (the fit has seen
 * them); CV residuals are the honest estimate of the error on new data of the same kind. Without
 * cross-validation (a single candidate) the training errors are used, and the result says so.
 * Errors on configurations unlike the training data are not covered by s²; that is the job of the
 * parameter term xᵀΣx, which grows away from the data.
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
     * @param regularizer the fit's regulariser and {@code reg} its chosen strengths
     * @param inverse     A⁻¹ (p×p row-major, from {@link #inverse}; scaled in place to Σ = τ A⁻¹ and kept)
     * @param x           the fitted coefficients
     * @param cv          the cross-validation result, or null
     */
    public static Posterior estimate(BasisLayout layout, NormalEquations total, LossWeights lw, Regularizer regularizer,
                                     Regularization reg, double[] inverse, double[] x, CrossValidation.Result cv) {
        int p = layout.size();
        long rows = total.energy().rows() + total.forces().rows();
        if (total.virial() != null && lw.virialWeight() > 0) {
            rows += total.virial().rows();
        }
        double lossMin = total.loss(x, lw) + regularizer.penalty(x, reg);
        double tau = rows > 0 && lossMin > 0 ? lossMin / rows : Double.MIN_NORMAL;
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
        double sE = noise(mseE, tau * meanQuadratic(total.energy(), inverse, p));
        double sF = noise(mseF, tau * meanQuadratic(total.forces(), inverse, p));
        for (int q = 0; q < inverse.length; q++) {
            inverse[q] *= tau;
        }
        return new Posterior(layout.spec(), x, inverse, new Posterior.Noise(tau, sE, sF, source, lw.kappa()));
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

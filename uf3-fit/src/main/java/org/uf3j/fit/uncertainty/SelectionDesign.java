package org.uf3j.fit.uncertainty;

import org.ejml.data.DMatrixRMaj;
import org.uf3j.fit.LinearSolver;
import org.uf3j.fit.LossWeights;
import org.uf3j.fit.NormalEquations;
import org.uf3j.fit.Regularization;
import org.uf3j.fit.Regularizer;
import org.uf3j.fit.solve.SolverOptions;

/**
 * The matrix that {@code uf3 select --method force-variance|information} adds a candidate's rows to:
 * the fit's normal matrix with each kind of row weighted by the noise the calibration measured for
 * it, M = α a_E G_E + a_F G_F + R with α = τ_F/τ_E, instead of by the loss balance κ, σ of the fit.
 *
 * <p><b>Why.</b> The fit's row factors a_E, a_F are set for the balance of the fit, not measured:
 * on W-14 (κ 0.95) an energy row carries a_E·MSE_E about 100 times the a_F·MSE_F of a force row
 * (the ratio τ_E/τ_F of {@link PosteriorEstimator}), i.e. the energies are 100 times noisier than
 * their weight says. A design criterion on A itself then trusts every energy-per-atom row 100 times
 * too much, and picks large defect cells whose one energy row moves A most; their forces, which the
 * test error is made of, are not what it values. Weighting each row by its measured precision
 * 1/T_t = a_t/τ_t (scaled by τ_F, so that the force rows and R keep the fit's units) is the design
 * of the same model with the noise it actually has. Measured on W-14 (benchmarks/paper,
 * w14-active-learning): see docs/gamma.md for the learning curves on M and on A.
 *
 * <p>The fit stores M itself (forming it is p² additions; {@code uf3 fit} writes a posterior by
 * default) and {@link #inverse} factors it when a selection asks: the p³ cost falls on
 * {@code uf3 select}, not on every fit. Immutable (the p² array is never handed out).
 */
public final class SelectionDesign {
    /** Bound of α and 1/α: a kind of row at most 10¹² times more (or less) precise than the other. */
    static final double MAX_ALPHA = 1e12;
    private final double[] matrix;
    private final int p;
    private final double energyRowWeight;
    private final double forceRowWeight;
    private final double alpha;

    /**
     * @param matrix          M, p×p row-major, symmetric (kept, not copied: p² doubles)
     * @param energyRowWeight α a_E, the weight of one energy-per-atom row in M
     * @param forceRowWeight  a_F, the weight of one force-component row in M
     * @param alpha           α = τ_F/τ_E (1 when either temperature is 0: nothing to re-weight; within 10^±12)
     */
    SelectionDesign(double[] matrix, int p, double energyRowWeight, double forceRowWeight, double alpha) {
        if (!(energyRowWeight >= 0) || !(forceRowWeight >= 0) || !Double.isFinite(energyRowWeight + forceRowWeight)
                || !(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("selection design needs finite row weights >= 0 and α > 0, got w_E="
                    + energyRowWeight + ", w_F=" + forceRowWeight + ", α=" + alpha);
        }
        if (matrix.length != (long) p * p) {
            throw new IllegalArgumentException("selection design of " + matrix.length + " entries is not " + p + "x" + p);
        }
        this.matrix = matrix;
        this.p = p;
        this.energyRowWeight = energyRowWeight;
        this.forceRowWeight = forceRowWeight;
        this.alpha = alpha;
    }

    /**
     * The design of a fit.
     *
     * @param total   the normal-equation sums of the training data (symmetrised)
     * @param lw      the loss weights of the final solve
     * @param noise   the calibrated temperatures of the fit's posterior
     */
    public static SelectionDesign of(NormalEquations total, LossWeights lw, Regularizer regularizer, Regularization reg,
                                     Posterior.Noise noise) {
        double alpha = noise.tauEnergy() > 0 && noise.tauForce() > 0 ? noise.tauForce() / noise.tauEnergy() : 1.0;
        // a temperature near 0 (a kind fitted to round-off) would make α overflow or vanish: bound it
        alpha = Math.min(MAX_ALPHA, Math.max(1 / MAX_ALPHA, alpha));
        // σ_E/√α multiplies the energy factor κ/(σ_E² n_E) by α and leaves every other factor alone
        LossWeights calibrated = new LossWeights(lw.kappa(), lw.sigmaEnergy() / Math.sqrt(alpha), lw.sigmaForce(),
                lw.virialWeight(), lw.sigmaVirial());
        DMatrixRMaj m = total.matrix(calibrated);
        regularizer.addTo(m, reg);
        return new SelectionDesign(m.data, m.numRows, calibrated.energyFactor(total.energy().weight()),
                calibrated.forceFactor(total.forces().weight()), alpha);
    }

    /**
     * M⁻¹ (p×p row-major, a new array), from a Cholesky factor of M on the back end {@code options}
     * picks, empty columns pinned as the fit's solve pins them.
     *
     * @throws IllegalStateException when M is not positive definite
     */
    public double[] inverse(SolverOptions options) {
        double[][] inv = {null};
        LinearSolver.solve(DMatrixRMaj.wrap(p, p, matrix), new double[p], options,
                factor -> inv[0] = PosteriorEstimator.inverse(factor, p));
        if (inv[0] == null) {
            throw new IllegalStateException("the selection design M (" + p + " columns) is not positive definite");
        }
        return inv[0];
    }

    /** A copy of M, p×p row-major. */
    public double[] matrix() {
        return matrix.clone();
    }

    /** M read in place by the classes of this package (never modified). */
    double[] matrixView() {
        return matrix;
    }

    /** Number of coefficients p. */
    public int size() {
        return p;
    }

    /** α a_E, the weight of one energy-per-atom row in M. */
    public double energyRowWeight() {
        return energyRowWeight;
    }

    /** a_F, the weight of one force-component row in M. */
    public double forceRowWeight() {
        return forceRowWeight;
    }

    /** α = τ_F/τ_E, the factor on the fit's energy row weight. */
    public double alpha() {
        return alpha;
    }
}

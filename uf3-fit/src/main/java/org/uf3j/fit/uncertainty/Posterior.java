package org.uf3j.fit.uncertainty;

import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.ModelSpec;

/**
 * The Gaussian posterior of a fitted UF3 model's coefficients and the noise of its targets: what
 * prediction with uncertainty needs, stored beside the model ({@link PosteriorFile}). The posterior
 * mean is the fitted coefficient vector; the covariance Σ = τ A⁻¹, with A the fit's own regularised
 * normal matrix (see {@link PosteriorEstimator} for τ and the noise variances). A predicted energy
 * per atom e = x·c has variance xᵀΣx + {@code energyNoise}; a force component, xᵀΣx +
 * {@code forceNoise}. Immutable (the arrays are never handed out).
 */
public final class Posterior {
    private final ModelSpec spec;
    private final BasisLayout layout;
    private final double[] mean;
    private final double[] covariance;
    private final Noise noise;

    /**
     * How the noise and temperature were set.
     *
     * @param tau          temperature τ of the covariance τ A⁻¹ (evidence maximum)
     * @param energyNoise  variance of the energy-per-atom noise (eV²/atom²)
     * @param forceNoise   variance of the force-component noise (eV²/Å²)
     * @param source       "cross-validation" or "training" (where the residuals came from)
     * @param kappa        κ of the fit whose normal matrix A is
     */
    public record Noise(double tau, double energyNoise, double forceNoise, String source, double kappa) {
        public Noise {
            if (!(tau > 0) || !Double.isFinite(tau) || !(energyNoise >= 0) || !Double.isFinite(energyNoise)
                    || !(forceNoise >= 0) || !Double.isFinite(forceNoise)) {
                throw new IllegalArgumentException("posterior needs tau > 0 and finite noise variances >= 0, got tau=" + tau
                        + ", energy noise=" + energyNoise + ", force noise=" + forceNoise);
            }
        }
    }

    /**
     * @param spec       the model specification (knots) whose {@link BasisLayout} orders the columns
     * @param mean       the posterior mean (fitted coefficients) in layout order
     * @param covariance Σ, p×p row-major, symmetric
     */
    public Posterior(ModelSpec spec, double[] mean, double[] covariance, Noise noise) {
        this.spec = spec;
        this.layout = new BasisLayout(spec);
        int p = layout.size();
        if (mean.length != p || covariance.length != (long) p * p) {
            throw new IllegalArgumentException("posterior of " + p + " columns needs " + p + " means and " + p + "x" + p
                    + " covariance entries, got " + mean.length + " and " + covariance.length);
        }
        this.mean = mean.clone();
        this.covariance = covariance.clone();
        this.noise = noise;
    }

    public ModelSpec spec() {
        return spec;
    }

    public BasisLayout layout() {
        return layout;
    }

    /** Number of coefficients p. */
    public int size() {
        return mean.length;
    }

    public Noise noise() {
        return noise;
    }

    /** A copy of the mean. */
    public double[] mean() {
        return mean.clone();
    }

    /** Σ_ab. */
    public double covariance(int a, int b) {
        return covariance[a * mean.length + b];
    }

    /** A copy of Σ, p×p row-major. */
    public double[] covariance() {
        return covariance.clone();
    }

    /** Σ read in place by the classes of this package (never modified). */
    double[] covarianceView() {
        return covariance;
    }
}

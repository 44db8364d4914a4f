package org.uf3j.fit.uncertainty;

import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.ModelSpec;

/**
 * The Gaussian posterior of a fitted UF3 model's coefficients and the noise of its targets: what
 * prediction with uncertainty needs, stored beside the model ({@link PosteriorFile}). The posterior
 * mean is the fitted coefficient vector; the covariance is τ A⁻¹, with A the fit's own regularised
 * normal matrix and τ a temperature set per kind of target (see {@link PosteriorEstimator}): a
 * predicted energy per atom e = x·c has variance τ_E xᵀA⁻¹x + s_E², a force component
 * τ_F xᵀA⁻¹x + s_F². Draws ({@link PosteriorSampler}) use the larger of τ_E and τ_F.
 * Immutable (the arrays are never handed out).
 */
public final class Posterior {
    private final ModelSpec spec;
    private final BasisLayout layout;
    private final double[] mean;
    private final double[] inverse;
    private final Noise noise;
    private final double energyRowWeight;
    private final double forceRowWeight;
    private final SelectionDesign design;

    /**
     * The temperatures and noise variances.
     *
     * @param tauEnergy    τ_E of the energy predictions' covariance τ_E A⁻¹ (eV²/atom² per unit of the loss)
     * @param tauForce     τ_F of the force predictions' covariance τ_F A⁻¹
     * @param energyNoise  s_E², variance of the energy-per-atom noise (eV²/atom²)
     * @param forceNoise   s_F², variance of the force-component noise (eV²/Å²)
     * @param source       "cross-validation" or "training" (where the residuals came from)
     * @param kappa        κ of the fit whose normal matrix A is
     * @param calibration  how the temperatures were set from the residuals ({@link TemperatureEstimator})
     */
    public record Noise(double tauEnergy, double tauForce, double energyNoise, double forceNoise, String source,
                        double kappa, CalibrationMethod calibration) {
        public Noise {
            if (calibration == null) {
                throw new IllegalArgumentException("posterior calibration method missing");
            }
            for (double v : new double[] {tauEnergy, tauForce, energyNoise, forceNoise}) {
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("posterior temperatures and noise variances must be finite and >= 0, "
                            + "got tau_energy=" + tauEnergy + ", tau_force=" + tauForce + ", energy noise=" + energyNoise
                            + ", force noise=" + forceNoise);
                }
            }
            if (!(Math.max(tauEnergy, tauForce) > 0)) {
                throw new IllegalArgumentException("posterior needs tau_energy or tau_force > 0");
            }
        }

        /** Noise calibrated by mean square (posteriors written before the calibration was recorded). */
        public Noise(double tauEnergy, double tauForce, double energyNoise, double forceNoise, String source, double kappa) {
            this(tauEnergy, tauForce, energyNoise, forceNoise, source, kappa, CalibrationMethod.mse());
        }

        /** The temperature of draws: the larger one (draws are then never narrower than either prediction). */
        public double tauSamples() {
            return Math.max(tauEnergy, tauForce);
        }
    }

    /**
     * @param spec       the model specification (knots) whose {@link BasisLayout} orders the columns
     * @param mean       the posterior mean (fitted coefficients) in layout order
     * @param inverse    A⁻¹, the inverse of the fit's regularised normal matrix, p×p row-major, symmetric
     */
    public Posterior(ModelSpec spec, double[] mean, double[] inverse, Noise noise) {
        this(spec, mean, inverse.clone(), noise, true);
    }

    /** Takes {@code inverse} as it is (no copy: p² doubles can be hundreds of MB); for this package. */
    Posterior(ModelSpec spec, double[] mean, double[] inverse, Noise noise, boolean owned) {
        this(spec, mean, inverse, noise, Double.NaN, Double.NaN);
    }

    /**
     * As the package constructor, with the weights w_E, w_F that one energy-per-atom row and one
     * force row carry in A (the fit's row factors; NaN when unknown, e.g. a file from before they
     * were recorded): what adding a configuration's rows to A needs ({@code uf3 select}).
     */
    Posterior(ModelSpec spec, double[] mean, double[] inverse, Noise noise, double energyRowWeight, double forceRowWeight) {
        this(spec, mean, inverse, noise, energyRowWeight, forceRowWeight, null);
    }

    /** As above, with the selection design (null: none). */
    Posterior(ModelSpec spec, double[] mean, double[] inverse, Noise noise, double energyRowWeight, double forceRowWeight,
              SelectionDesign design) {
        this.spec = spec;
        this.layout = new BasisLayout(spec);
        int p = layout.size();
        if (mean.length != p || inverse.length != (long) p * p) {
            throw new IllegalArgumentException("posterior of " + p + " columns needs " + p + " means and " + p + "x" + p
                    + " covariance entries, got " + mean.length + " and " + inverse.length);
        }
        this.mean = mean.clone();
        this.inverse = inverse;
        this.noise = noise;
        this.energyRowWeight = energyRowWeight;
        this.forceRowWeight = forceRowWeight;
        if (design != null && design.size() != p) {
            throw new IllegalArgumentException("selection design of " + design.size() + " columns for a posterior of " + p);
        }
        this.design = design;
    }

    /** This posterior with {@code design} for {@code uf3 select} (the arrays are shared, not copied). */
    public Posterior withDesign(SelectionDesign design) {
        return new Posterior(spec, mean, inverse, noise, energyRowWeight, forceRowWeight, design);
    }

    /** What {@code uf3 select}'s row criteria add rows to, or null (a posterior from before it was recorded). */
    public SelectionDesign design() {
        return design;
    }

    /** w_E, the weight of one energy-per-atom row in A (NaN when the posterior does not record it). */
    public double energyRowWeight() {
        return energyRowWeight;
    }

    /** w_F, the weight of one force-component row in A (NaN when the posterior does not record it). */
    public double forceRowWeight() {
        return forceRowWeight;
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

    /** (A⁻¹)_ab. */
    public double inverse(int a, int b) {
        return inverse[a * mean.length + b];
    }

    /** Entry (a, b) of the covariance of draws, τ_samples (A⁻¹)_ab. */
    public double covariance(int a, int b) {
        return noise.tauSamples() * inverse[a * mean.length + b];
    }

    /** A copy of A⁻¹, p×p row-major. */
    public double[] inverse() {
        return inverse.clone();
    }

    /** A⁻¹ read in place by the classes of this package (never modified). */
    double[] inverseView() {
        return inverse;
    }
}

package org.uf3j.fit;

/**
 * Factors of the training loss
 * L = κ/(σ_E² n_E) Σ (E/N − E_ref/N)² + (1−κ)/(σ_F² n_F) Σ (F − F_ref)² + ν/(σ_W² n_W) Σ (W/N − W_ref/N)²,
 * where n_* are the (weighted) row counts of the set the loss is taken over.
 *
 * @param kappa        κ ∈ [0, 1], energy vs force balance
 * @param sigmaEnergy  σ_E, standard deviation of the training energies per atom (eV/atom)
 * @param sigmaForce   σ_F, standard deviation of the training force components (eV/Å)
 * @param virialWeight ν ≥ 0, weight of the virial rows (0: not fitted)
 * @param sigmaVirial  σ_W, standard deviation of the training virial components per atom (eV/atom)
 */
public record LossWeights(double kappa, double sigmaEnergy, double sigmaForce, double virialWeight, double sigmaVirial) {

    public LossWeights {
        if (!(kappa >= 0 && kappa <= 1)) {
            throw new IllegalArgumentException("kappa must lie in [0, 1], got " + kappa);
        }
        if (!(sigmaEnergy > 0) || !(sigmaForce > 0) || !(sigmaVirial > 0)) {
            throw new IllegalArgumentException("standard deviations must be > 0, got sigma_E=" + sigmaEnergy
                    + ", sigma_F=" + sigmaForce + ", sigma_W=" + sigmaVirial);
        }
        if (!(virialWeight >= 0) || !Double.isFinite(virialWeight)) {
            throw new IllegalArgumentException("virial weight must be finite and >= 0, got " + virialWeight);
        }
    }

    public LossWeights withKappa(double k) {
        return new LossWeights(k, sigmaEnergy, sigmaForce, virialWeight, sigmaVirial);
    }

    /** Factor of the energy sums of a set whose energy rows weigh {@code n} in total. */
    public double energyFactor(double n) {
        return n > 0 ? kappa / (sigmaEnergy * sigmaEnergy * n) : 0.0;
    }

    public double forceFactor(double n) {
        return n > 0 ? (1 - kappa) / (sigmaForce * sigmaForce * n) : 0.0;
    }

    public double virialFactor(double n) {
        return n > 0 ? virialWeight / (sigmaVirial * sigmaVirial * n) : 0.0;
    }
}

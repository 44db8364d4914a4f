package org.uf3j.fit.uncertainty;

/**
 * Predicted standard deviations of one structure: of its total energy (eV), of its energy per atom
 * (eV/atom) and of every force component (eV/Å, 3N entries, atom-major x, y, z). Each is
 * sqrt(τ xᵀA⁻¹x + noise variance), see {@link Posterior}; {@code energyParameterStd} is the part
 * from the coefficients alone (per atom, without noise), large where the data did not reach.
 */
public record Uncertainty(double energyStd, double energyStdPerAtom, double energyParameterStdPerAtom, double[] forceStd) {
}

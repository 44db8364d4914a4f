package org.uf3j.core.eval;

/**
 * What a potential predicts for one structure: total energy (eV, one-body energies included),
 * per-atom energies (eV), forces (eV/Å, flat 3N) and the virial (eV; Voigt order xx, yy, zz, yz,
 * xz, xy; W = −∂E/∂ε, positive under compression as in LAMMPS). The arrays belong to the caller.
 */
public record Evaluation(double energy, double[] atomEnergies, double[] forces, double[] virial) {

    /** Stress in eV/Å^3 with the ASE sign (positive under tension): σ = −W / V. */
    public double[] stress(double volume) {
        double[] s = new double[6];
        for (int k = 0; k < 6; k++) {
            s[k] = -virial[k] / volume;
        }
        return s;
    }
}

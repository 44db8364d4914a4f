package org.uf3j.properties;

import org.uf3j.core.units.MetalUnits;

/**
 * Phonon unit conversions for the property calculators, which work in LAMMPS "metal" units (eV, Å,
 * amu), from the CODATA 2018 constants of {@link MetalUnits} (which also holds GPa and J/m² per
 * eV/Å³ and eV/Å²).
 *
 * <p>Phonon frequencies: an eigenvalue λ of the mass-weighted dynamical matrix is in eV/(Å² amu).
 * With 1 eV = 1.602176634e-19 J, 1 Å² = 1e-20 m² and 1 amu = 1.66053906660e-27 kg,
 * 1 eV/(Å² amu) = 1.602176634e-19 / (1e-20 · 1.66053906660e-27) s⁻² = 9.6485332e27 s⁻², so
 * ω = sqrt(λ · 9.6485332e27) rad/s and f = ω/(2π) = 15.6333 · sqrt(λ) THz.
 */
public final class Units {
    /** 1 eV/(Å² amu) in s⁻². */
    public static final double PER_S2_PER_EV_PER_A2_AMU = MetalUnits.JOULE_PER_EV / (1e-20 * MetalUnits.KG_PER_AMU);
    /** f[THz] = THZ_PER_SQRT_EIGENVALUE · sqrt(λ[eV/(Å² amu)]). */
    public static final double THZ_PER_SQRT_EIGENVALUE = Math.sqrt(PER_S2_PER_EV_PER_A2_AMU) / (2 * Math.PI) / 1e12;
    /** 1 eV/amu in m²/s² (a squared speed: C/ρ with C in eV/Å³ and ρ in amu/Å³). */
    public static final double M2_PER_S2_PER_EV_PER_AMU = PER_S2_PER_EV_PER_A2_AMU * 1e-20;

    private Units() {
    }

    /**
     * Frequency in THz of a dynamical-matrix eigenvalue in eV/(Å² amu); an unstable mode (λ &lt; 0)
     * is returned as a negative number, the usual way to plot imaginary frequencies.
     */
    public static double frequencyThz(double eigenvalue) {
        return Math.signum(eigenvalue) * Math.sqrt(Math.abs(eigenvalue)) * THZ_PER_SQRT_EIGENVALUE;
    }
}

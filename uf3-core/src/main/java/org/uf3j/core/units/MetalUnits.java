package org.uf3j.core.units;

/**
 * The physical constants behind every unit conversion of LAMMPS "metal" units (eV, Å, amu) to SI,
 * defined once. Values from CODATA 2018 (E. Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021);
 * physics.nist.gov/constants): the elementary charge is exact since the 2019 SI.
 */
public final class MetalUnits {
    /** Elementary charge in C, i.e. J per eV (CODATA 2018, exact). */
    public static final double JOULE_PER_EV = 1.602176634e-19;
    /** Atomic mass constant in kg (CODATA 2018). */
    public static final double KG_PER_AMU = 1.66053906660e-27;
    /** 1 eV/Å³ in GPa: e · 1e30 m⁻³ · 1e-9 = 160.2176634. */
    public static final double GPA_PER_EV_PER_A3 = JOULE_PER_EV * 1e21;
    /** 1 eV/Å² in J/m²: e · 1e20 m⁻² = 16.02176634. */
    public static final double J_PER_M2_PER_EV_PER_A2 = JOULE_PER_EV * 1e20;
    /**
     * LAMMPS' own bar per eV/Å³ in metal units ({@code force->nktv2p}, src/update.cpp): a rounded
     * 1.6021765e6, not CODATA's 1.602176634e6, so pressures from LAMMPS and from this constant
     * differ by 8.2e-8 relative.
     */
    public static final double LAMMPS_NKTV2P = 1.6021765e6;

    private MetalUnits() {
    }
}

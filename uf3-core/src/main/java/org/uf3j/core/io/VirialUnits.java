package org.uf3j.core.io;

/**
 * Unit and sign conversions from the stress/pressure tensors written by DFT and MD codes to the
 * virial stored in {@code Configuration.virial()}: eV, Voigt order xx yy zz yz xz xy,
 * W = −∂E/∂ε, positive under compression (the sign of LAMMPS' pressure tensor).
 *
 * <p>Sources for the conventions:
 * <ul>
 * <li>VASP (vasprun.xml {@code <varray name="stress">} and the OUTCAR "in kB" line) prints
 *     σ = −(1/V) ∂E/∂ε in kBar; "a positive value in the diagonals means that the system is under
 *     compressive strain and wants to expand" (VASP wiki, ISIF page, sign convention of the
 *     stress tensor). Hence W = σ_VASP · V, with 1 kBar = 0.1 GPa and
 *     1 eV/Å³ = 160.21766208 GPa (CODATA 2014 elementary charge, as ASE).</li>
 * <li>LAMMPS metal units: pressure in bar, positive under compression, P_ij = (Σ virial)/V
 *     (+ kinetic part, which the virial excludes); the factor is LAMMPS' own
 *     {@code force->nktv2p} = 1.6021765e6 bar per eV/Å³ (src/update.cpp, units metal).
 *     {@code compute stress/atom} is "the negative of the per-atom pressure tensor" in
 *     bar·Å³, so W = −Σ_i s_i / nktv2p.</li>
 * </ul>
 */
public final class VirialUnits {
    /** GPa in one eV/Å³ (CODATA 2014 e = 1.6021766208e-19 C, as used by ASE). */
    static final double GPA_PER_EV_PER_A3 = 160.21766208;
    /** GPa in one kBar. */
    static final double GPA_PER_KBAR = 0.1;
    /** LAMMPS metal units: bar in one eV/Å³ ({@code force->nktv2p}). */
    static final double LAMMPS_METAL_BAR_PER_EV_PER_A3 = 1.6021765e6;

    private VirialUnits() {
    }

    /**
     * The virial from a VASP stress tensor (kBar, 3×3 row-major, VASP sign: positive = compressed)
     * of a cell of volume {@code volume} Å³. Off-diagonal pairs are averaged (VASP prints a
     * symmetric tensor).
     */
    public static double[] fromVaspKbarMatrix(double[] s, double volume) {
        double f = GPA_PER_KBAR * volume / GPA_PER_EV_PER_A3;
        return clean(new double[] {s[0] * f, s[4] * f, s[8] * f, 0.5 * (s[5] + s[7]) * f, 0.5 * (s[2] + s[6]) * f,
            0.5 * (s[1] + s[3]) * f});
    }

    /** The virial from the six numbers of VASP's OUTCAR "in kB" line, ordered XX YY ZZ XY YZ ZX. */
    static double[] fromOutcarKbar(double[] k, double volume) {
        double f = GPA_PER_KBAR * volume / GPA_PER_EV_PER_A3;
        return clean(new double[] {k[0] * f, k[1] * f, k[2] * f, k[4] * f, k[5] * f, k[3] * f});
    }

    /**
     * The virial from a LAMMPS pressure tensor in bar (metal units), ordered xx yy zz xy xz yz
     * like {@code compute pressure}; use the virial-only pressure ({@code compute ID all pressure
     * NULL virial}), the kinetic part is not a derivative of the energy.
     */
    static double[] fromLammpsPressureBar(double[] p, double volume) {
        double f = volume / LAMMPS_METAL_BAR_PER_EV_PER_A3;
        return clean(new double[] {p[0] * f, p[1] * f, p[2] * f, p[5] * f, p[4] * f, p[3] * f});
    }

    /**
     * The virial from the sum over atoms of LAMMPS {@code compute stress/atom} (bar·Å³, ordered
     * xx yy zz xy xz yz; the per-atom stress is minus the per-atom pressure·volume).
     */
    static double[] fromLammpsAtomStressSum(double[] s) {
        double f = -1.0 / LAMMPS_METAL_BAR_PER_EV_PER_A3;
        return clean(new double[] {s[0] * f, s[1] * f, s[2] * f, s[5] * f, s[4] * f, s[3] * f});
    }

    /**
     * R·W·Rᵀ for a virial in Voigt order and a rotation R (row-major 3×3): the tensor expressed in
     * the rotated frame.
     */
    static double[] rotate(double[] w, double[] r) {
        double[] m = {w[0], w[5], w[4], w[5], w[1], w[3], w[4], w[3], w[2]};
        double[] t = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        s += r[3 * i + k] * m[3 * k + l] * r[3 * j + l];
                    }
                }
                t[3 * i + j] = s;
            }
        }
        return clean(new double[] {t[0], t[4], t[8], 0.5 * (t[5] + t[7]), 0.5 * (t[2] + t[6]), 0.5 * (t[1] + t[3])});
    }

    private static double[] clean(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] + 0.0; // no negative zeros in output files
        }
        return v;
    }
}

package org.uf3j.fit;

import java.util.Arrays;

/**
 * The rows of the linear system for one configuration, as written by {@link Featurizer}: the
 * energy row ∂E/∂c (p entries), the 3N force rows ∂F_a,k/∂c with F_a,k = −∂E/∂x_a,k, and the 6
 * virial rows ∂W/∂c with W = −∂E/∂ε (Voigt xx, yy, zz, yz, xz, xy). Only the
 * columns listed in {@link #activeColumns()} can be non-zero. A reusable work area: one per
 * thread, overwritten by every call to {@link Featurizer#featurize}; allocation-free once it has
 * grown to the largest configuration.
 *
 * <p>Force entries are stored atom-major, index (atom·p + column)·3 + k, so the up to 64 columns a
 * triplet touches on one atom lie close together in memory.
 */
public final class FeatureBlock {
    private final int columns;
    final double[] energy;
    final double[] virial; // 6 per column
    double[] forces; // atom-major: (atom * columns + c) * 3 + k
    final boolean[] active;
    final int[] activeList;
    int activeCount;
    int atoms;
    int rows;
    boolean hasForces;
    boolean hasVirial;
    String source = "";
    // per-thread scratch of the featuriser's loops (basis values of the three legs, leg dyads, neighbours)
    final double[] bij = new double[org.uf3j.core.basis.CubicBSpline.OUT_LENGTH];
    final double[] bik = new double[org.uf3j.core.basis.CubicBSpline.OUT_LENGTH];
    final double[] bjk = new double[org.uf3j.core.basis.CubicBSpline.OUT_LENGTH];
    final double[] pij = new double[6];
    final double[] pik = new double[6];
    final double[] pjk = new double[6];
    int[] near = new int[64];

    FeatureBlock(int columns) {
        this.columns = columns;
        this.energy = new double[columns];
        this.virial = new double[6 * columns];
        this.forces = new double[0];
        this.active = new boolean[columns];
        this.activeList = new int[columns];
    }

    /** Clears the previous configuration's entries and makes room for {@code atoms} atoms. */
    void reset(int newAtoms, boolean forces, boolean virials, String newSource) {
        for (int q = 0; q < activeCount; q++) {
            int c = activeList[q];
            active[c] = false;
            energy[c] = 0;
            if (hasForces) {
                for (int a = 0; a < atoms; a++) {
                    int o = 3 * (a * columns + c);
                    this.forces[o] = 0.0;
                    this.forces[o + 1] = 0.0;
                    this.forces[o + 2] = 0.0;
                }
            }
            if (hasVirial) {
                Arrays.fill(virial, 6 * c, 6 * c + 6, 0.0);
            }
        }
        activeCount = 0;
        atoms = newAtoms;
        rows = 3 * newAtoms;
        hasForces = forces;
        hasVirial = virials;
        source = newSource;
        if (forces && this.forces.length < (long) rows * columns) {
            long need = (long) rows * columns;
            if (need > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("configuration " + newSource + ": " + newAtoms + " atoms x " + columns
                        + " columns is too large a force block");
            }
            this.forces = new double[(int) need];
        }
    }

    /** Marks a column as touched by this configuration. */
    void touch(int c) {
        if (!active[c]) {
            active[c] = true;
            activeList[activeCount++] = c;
        }
    }

    /** Sorts the list of touched columns ascending (for cache-friendly products). */
    void sortActive() {
        Arrays.sort(activeList, 0, activeCount);
    }

    /** Number of columns p. */
    public int columns() {
        return columns;
    }

    public int atoms() {
        return atoms;
    }

    /** Number of force rows, 3N (0 when forces were not computed). */
    public int forceRows() {
        return hasForces ? rows : 0;
    }

    public boolean hasForces() {
        return hasForces;
    }

    public boolean hasVirial() {
        return hasVirial;
    }

    /** Number of columns that may be non-zero. */
    public int activeCount() {
        return activeCount;
    }

    /** The q-th possibly non-zero column (unordered). */
    public int activeColumn(int q) {
        return activeList[q];
    }

    /** A sorted copy of the possibly non-zero columns. */
    public int[] activeColumns() {
        int[] a = Arrays.copyOf(activeList, activeCount);
        Arrays.sort(a);
        return a;
    }

    /** ∂E/∂c of column c (total energy, eV per unit coefficient). */
    public double energy(int c) {
        return energy[c];
    }

    /** ∂F_row/∂c: force component row = 3·atom + k of column c. */
    public double force(int row, int c) {
        return forces[3 * ((row / 3) * columns + c) + row % 3];
    }

    /** ∂W_k/∂c, Voigt component k of the virial. */
    public double virial(int k, int c) {
        return virial[6 * c + k];
    }

    /** A copy of the energy row. */
    public double[] energyRow() {
        return energy.clone();
    }

    /** A dense copy of force row {@code row}. */
    public double[] forceRow(int row) {
        double[] out = new double[columns];
        for (int q = 0; q < activeCount; q++) {
            int c = activeList[q];
            out[c] = force(row, c);
        }
        return out;
    }

    /** A dense copy of virial row k. */
    public double[] virialRow(int k) {
        double[] out = new double[columns];
        for (int c = 0; c < columns; c++) {
            out[c] = virial[6 * c + k];
        }
        return out;
    }

    /**
     * Copies the force entries of the active columns (in {@link #activeColumn} order) into dense
     * rows {@code out[row][q]}.
     */
    void gatherForces(double[][] out) {
        int na = activeCount;
        for (int a = 0; a < atoms; a++) {
            int base = 3 * a * columns;
            double[] r0 = out[3 * a], r1 = out[3 * a + 1], r2 = out[3 * a + 2];
            for (int q = 0; q < na; q++) {
                int o = base + 3 * activeList[q];
                r0[q] = forces[o];
                r1[q] = forces[o + 1];
                r2[q] = forces[o + 2];
            }
        }
    }
}

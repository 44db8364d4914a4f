package org.uf3j.core.structure;

import java.util.Arrays;

/**
 * A simulation cell: three lattice vectors a, b, c (rows, Å) of any triclinic shape, and which of
 * them are periodic. Immutable.
 */
public final class Cell {
    private final double[] m; // row-major 3x3: m[3*i + k] = component k of vector i
    private final double[] inverse; // column-major inverse: frac_i = Σ_k x_k * inverse[3*k + i]
    private final boolean[] pbc;
    private final double volume;

    public Cell(double[] vectors, boolean[] pbc) {
        if (vectors.length != 9 || pbc.length != 3) {
            throw new IllegalArgumentException("a cell needs 9 lattice numbers and 3 periodicity flags");
        }
        for (double v : vectors) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("lattice contains " + v);
            }
        }
        this.m = vectors.clone();
        this.pbc = pbc.clone();
        double[] a = {m[0], m[1], m[2]}, b = {m[3], m[4], m[5]}, c = {m[6], m[7], m[8]};
        double[] bxc = cross(b, c), cxa = cross(c, a), axb = cross(a, b);
        this.volume = dot(a, bxc);
        if (!(Math.abs(volume) > 1e-12)) {
            throw new IllegalArgumentException("lattice vectors are linearly dependent (cell volume " + volume + " Å^3)");
        }
        // reciprocal vectors (without 2π): row i of inverse^T
        this.inverse = new double[9];
        for (int k = 0; k < 3; k++) {
            inverse[3 * k] = bxc[k] / volume;
            inverse[3 * k + 1] = cxa[k] / volume;
            inverse[3 * k + 2] = axb[k] / volume;
        }
    }

    /** A fully periodic orthorhombic cell. */
    public static Cell orthorhombic(double a, double b, double c) {
        return new Cell(new double[] {a, 0, 0, 0, b, 0, 0, 0, c}, new boolean[] {true, true, true});
    }

    /** Component k of lattice vector i. */
    public double vector(int i, int k) {
        return m[3 * i + k];
    }

    /** A copy of the lattice (rows a, b, c). */
    public double[] vectors() {
        return m.clone();
    }

    public boolean periodic(int axis) {
        return pbc[axis];
    }

    public boolean[] pbc() {
        return pbc.clone();
    }

    /** Absolute volume in Å^3. */
    public double volume() {
        return Math.abs(volume);
    }

    /** Distance between the two faces spanned by the other two vectors (height along axis i). */
    public double perpendicularWidth(int axis) {
        double[] a = {m[0], m[1], m[2]}, b = {m[3], m[4], m[5]}, c = {m[6], m[7], m[8]};
        double[] n = switch (axis) {
            case 0 -> cross(b, c);
            case 1 -> cross(c, a);
            default -> cross(a, b);
        };
        return Math.abs(volume) / Math.sqrt(dot(n, n));
    }

    /** Fractional coordinate i of a Cartesian point. */
    public double fractional(double x, double y, double z, int i) {
        return x * inverse[i] + y * inverse[3 + i] + z * inverse[6 + i];
    }

    /** This cell deformed by x' = (1 + ε) x, with ε given as a symmetric 3x3 row-major matrix. */
    public Cell deformed(double[] strain) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                double s = m[3 * i + k];
                for (int l = 0; l < 3; l++) {
                    s += strain[3 * k + l] * m[3 * i + l];
                }
                out[3 * i + k] = s;
            }
        }
        return new Cell(out, pbc);
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell c && Arrays.equals(m, c.m) && Arrays.equals(pbc, c.pbc);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return "Cell" + Arrays.toString(m) + " pbc=" + Arrays.toString(pbc);
    }
}

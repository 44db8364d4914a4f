package org.uf3j.properties;

import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;

/** Homogeneous deformations x' = (1 + ε) x applied to a structure's cell and to every atom. */
public final class Strains {
    /** Voigt index → Cartesian pair: xx, yy, zz, yz, xz, xy. */
    static final int[][] VOIGT = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};

    private Strains() {
    }

    /** The structure deformed by the symmetric strain ε (3x3 row-major): cell and positions alike. */
    public static Structure apply(Structure s, double[] strain) {
        if (strain.length != 9) {
            throw new IllegalArgumentException("a strain is a 3x3 matrix (9 numbers), got " + strain.length);
        }
        double[] x = s.positions();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                y[i + k] = x[i + k] + strain[3 * k] * x[i] + strain[3 * k + 1] * x[i + 1] + strain[3 * k + 2] * x[i + 2];
            }
        }
        Cell cell = s.cell() == null ? null : s.cell().deformed(strain);
        return new Structure(s.symbols(), y, cell);
    }

    /** The structure with cell and positions scaled by a factor (isotropic strain factor − 1). */
    public static Structure scale(Structure s, double factor) {
        double e = factor - 1.0;
        return apply(s, new double[] {e, 0, 0, 0, e, 0, 0, 0, e});
    }

    /**
     * The strain matrix of one Voigt component with the given magnitude; for shear components
     * (3, 4, 5 = yz, xz, xy) the magnitude is the engineering shear γ = 2 ε_ij.
     */
    public static double[] voigt(int component, double magnitude) {
        double[] e = new double[9];
        int i = VOIGT[component][0];
        int j = VOIGT[component][1];
        if (i == j) {
            e[3 * i + i] = magnitude;
        } else {
            e[3 * i + j] = magnitude / 2;
            e[3 * j + i] = magnitude / 2;
        }
        return e;
    }
}

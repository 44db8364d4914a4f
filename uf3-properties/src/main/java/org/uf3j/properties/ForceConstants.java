package org.uf3j.properties;

import java.util.ArrayList;
import java.util.List;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;

/**
 * Harmonic force constants Φ_αβ(0, j) = ∂²E/∂u_0α ∂u_jβ of a monatomic Bravais crystal, from
 * central finite differences of the forces when atom 0 of a periodic supercell is displaced by ±h
 * along x, y and z: Φ_αβ(0, j) = −[F_jβ(+h e_α) − F_jβ(−h e_α)]/(2h). Each atom j is attached to its
 * shortest separation vector(s) R from atom 0 over the supercell's periodic images, equally
 * weighted when several are equally short (Wigner–Seitz weighting). With the supercell wider than
 * twice the force-constant range nothing is folded and D(q) is exact at every q. The acoustic sum
 * rule is imposed by setting Φ(0, 0) = −Σ_{j≠0} Φ(0, j).
 */
public final class ForceConstants {
    private final double[][] phi;       // per atom j: 9 numbers, row-major αβ
    private final double[][][] images;  // per atom j: the shortest vectors R (Å)

    private ForceConstants(double[][] phi, double[][][] images) {
        this.phi = phi;
        this.images = images;
    }

    /** Force constants of atom 0 of a perfect periodic supercell, displacing it by ±{@code displacement} Å. */
    public static ForceConstants compute(Evaluator evaluator, Structure supercell, double displacement) {
        if (!(displacement > 0)) {
            throw new IllegalArgumentException("displacement must be positive, got " + displacement);
        }
        if (supercell.cell() == null) {
            throw new IllegalArgumentException("force constants need a periodic supercell");
        }
        int n = supercell.size();
        double[][] phi = new double[n][9];
        double[] x = supercell.positions();
        for (int alpha = 0; alpha < 3; alpha++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[alpha] += displacement;
            minus[alpha] -= displacement;
            double[] fp = evaluator.evaluate(supercell.withPositions(plus)).forces();
            double[] fm = evaluator.evaluate(supercell.withPositions(minus)).forces();
            for (int j = 0; j < n; j++) {
                for (int beta = 0; beta < 3; beta++) {
                    phi[j][3 * alpha + beta] = -(fp[3 * j + beta] - fm[3 * j + beta]) / (2 * displacement);
                }
            }
        }
        // acoustic sum rule
        java.util.Arrays.fill(phi[0], 0);
        for (int j = 1; j < n; j++) {
            for (int c = 0; c < 9; c++) {
                phi[0][c] -= phi[j][c];
            }
        }
        double[][][] images = new double[n][][];
        for (int j = 0; j < n; j++) {
            images[j] = shortestImages(supercell.cell(), x[3 * j] - x[0], x[3 * j + 1] - x[1], x[3 * j + 2] - x[2]);
        }
        return new ForceConstants(phi, images);
    }

    /** All periodic images of the separation d that are (within 1e-6 Å) the shortest. */
    static double[][] shortestImages(Cell cell, double dx, double dy, double dz) {
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) {
            f[i] = cell.fractional(dx, dy, dz, i);
            f[i] -= Math.floor(f[i] + 0.5);
        }
        List<double[]> all = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int a = -1; a <= 1; a++) {
            for (int b = -1; b <= 1; b++) {
                for (int c = -1; c <= 1; c++) {
                    double[] r = new double[3];
                    for (int k = 0; k < 3; k++) {
                        r[k] = (f[0] + a) * cell.vector(0, k) + (f[1] + b) * cell.vector(1, k) + (f[2] + c) * cell.vector(2, k);
                    }
                    double len = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
                    best = Math.min(best, len);
                    all.add(new double[] {r[0], r[1], r[2], len});
                }
            }
        }
        List<double[]> keep = new ArrayList<>();
        for (double[] r : all) {
            if (r[3] <= best + 1e-6) {
                keep.add(new double[] {r[0], r[1], r[2]});
            }
        }
        return keep.toArray(new double[0][]);
    }

    /** Atoms in the supercell. */
    public int size() {
        return phi.length;
    }

    /** Φ_αβ(0, j) in eV/Å² (a copy, row-major). */
    public double[] block(int j) {
        return phi[j].clone();
    }

    /** The shortest separation vector(s) of atom j from atom 0 (a copy). */
    public double[][] separations(int j) {
        double[][] out = new double[images[j].length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = images[j][i].clone();
        }
        return out;
    }

    /**
     * The dynamical matrix D(q) = Σ_R Φ(0, R) e^{iq·R} / M (q Cartesian in 1/Å, 2π included; M in
     * amu), 3×3 row-major, in eV/(Å² amu). A Bravais lattice is centrosymmetric, Φ(0, R) = Φ(0, −R),
     * so D is real: the sum uses cos(q·R), and D is symmetrised to remove finite-difference noise.
     */
    public double[] dynamicalMatrix(double[] q, double mass) {
        double[] d = new double[9];
        for (int j = 0; j < phi.length; j++) {
            double phase = 0;
            for (double[] r : images[j]) {
                phase += Math.cos(q[0] * r[0] + q[1] * r[1] + q[2] * r[2]);
            }
            phase /= images[j].length;
            for (int c = 0; c < 9; c++) {
                d[c] += phi[j][c] * phase;
            }
        }
        double[] sym = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                sym[3 * a + b] = (d[3 * a + b] + d[3 * b + a]) / (2 * mass);
            }
        }
        return sym;
    }
}

package org.uf3j.properties;

import java.util.ArrayList;
import java.util.List;

/**
 * Direct sums of a pair potential over the shells of a Bravais lattice (sc, bcc, fcc), written
 * independently of the code under test: cohesive energy, equilibrium lattice constant, Born elastic
 * constants, broken-bond surface energies and the central-force dynamical matrix.
 */
final class LatticeSums {
    private final LennardJones.PairFunction phi;
    private final double rc;

    LatticeSums(LennardJones.PairFunction phi, double rc) {
        this.phi = phi;
        this.rc = rc;
    }

    /** Lattice points (Bravais: bcc or fcc or sc) other than the origin, within rMax, lattice constant a. */
    static List<double[]> latticeVectors(String type, double a, double rMax) {
        double[][] basis = switch (type) {
            case "sc" -> new double[][] {{0, 0, 0}};
            case "bcc" -> new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}};
            case "fcc" -> new double[][] {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
            default -> throw new IllegalArgumentException(type);
        };
        int m = (int) Math.ceil(rMax / a) + 1;
        List<double[]> out = new ArrayList<>();
        for (int i = -m; i <= m; i++) {
            for (int j = -m; j <= m; j++) {
                for (int k = -m; k <= m; k++) {
                    for (double[] b : basis) {
                        double x = (i + b[0]) * a, y = (j + b[1]) * a, z = (k + b[2]) * a;
                        double r = Math.sqrt(x * x + y * y + z * z);
                        if (r > 1e-9 && r < rMax) {
                            out.add(new double[] {x, y, z, r});
                        }
                    }
                }
            }
        }
        return out;
    }

    static int atomsPerCube(String type) {
        return switch (type) {
            case "sc" -> 1;
            case "bcc" -> 2;
            default -> 4;
        };
    }

    /** Cohesive energy per atom ½ Σ_R φ(|R|). */
    double energyPerAtom(String type, double a) {
        double e = 0;
        for (double[] r : latticeVectors(type, a, rc)) {
            e += 0.5 * phi.at(r[3])[0];
        }
        return e;
    }

    /** d(energy per atom)/da = ½ Σ φ'(R) R / a. */
    double slope(String type, double a) {
        double g = 0;
        for (double[] r : latticeVectors(type, a, rc)) {
            g += 0.5 * phi.at(r[3])[1] * r[3] / a;
        }
        return g;
    }

    /** The minimum of the lattice sum in [lo, hi] by bisection on its slope. */
    double equilibrium(String type, double lo, double hi) {
        double glo = slope(type, lo);
        if (glo >= 0 || slope(type, hi) <= 0) {
            throw new IllegalArgumentException("no minimum in [" + lo + ", " + hi + "]");
        }
        for (int it = 0; it < 100; it++) {
            double mid = (lo + hi) / 2;
            if (slope(type, mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Born (zero-stress) elastic constants {C11, C12, C44} in GPa: (1/2Ω) Σ (φ'' − φ'/R) R_a R_b R_c R_d / R². */
    double[] bornElastic(String type, double a) {
        double omega = a * a * a / atomsPerCube(type);
        double c11 = 0, c12 = 0, c44 = 0;
        for (double[] r : latticeVectors(type, a, rc)) {
            double[] p = phi.at(r[3]);
            double k = (p[2] - p[1] / r[3]) / (r[3] * r[3]);
            c11 += k * r[0] * r[0] * r[0] * r[0];
            c12 += k * r[0] * r[0] * r[1] * r[1];
            c44 += k * r[1] * r[2] * r[1] * r[2];
        }
        double f = 1.0 / (2 * omega) * 160.2176634;
        return new double[] {c11 * f, c12 * f, c44 * f};
    }

    /**
     * Unrelaxed (broken-bond) surface energy of the plane with the given normal, eV/Å²: bonds of type
     * R (R·n̂ &gt; 0) cross one cut plane ρ (R·n̂) times per unit area (ρ = atoms per volume); one cut
     * makes two surfaces, so γ = −(ρ/2) Σ_{R·n̂&gt;0} (R·n̂) φ(|R|) = −(ρ/4) Σ_R |R·n̂| φ(|R|).
     */
    double brokenBondSurfaceEnergy(String type, double a, double[] normal) {
        double nn = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        double rho = atomsPerCube(type) / (a * a * a);
        double s = 0;
        for (double[] r : latticeVectors(type, a, rc)) {
            double h = Math.abs(r[0] * normal[0] + r[1] * normal[1] + r[2] * normal[2]) / nn;
            s += h * phi.at(r[3])[0];
        }
        return -rho * s / 4;
    }

    /**
     * Central-force dynamical matrix D_ab(q) = (1/M) Σ_R [φ'' R̂aR̂b + (φ'/R)(δab − R̂aR̂b)] (1 − cos q·R)
     * (3×3 row-major, eV/(Å² amu)).
     */
    double[] dynamicalMatrix(String type, double a, double[] q, double mass) {
        double[] d = new double[9];
        for (double[] r : latticeVectors(type, a, rc)) {
            double[] p = phi.at(r[3]);
            double w = 1 - Math.cos(q[0] * r[0] + q[1] * r[1] + q[2] * r[2]);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double u = r[i] * r[j] / (r[3] * r[3]);
                    d[3 * i + j] += (p[2] * u + p[1] / r[3] * ((i == j ? 1 : 0) - u)) * w / mass;
                }
            }
        }
        return d;
    }
}

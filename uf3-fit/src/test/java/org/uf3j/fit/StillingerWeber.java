package org.uf3j.fit;

import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;

/**
 * Reference Stillinger-Weber energy for silicon (the original parameters, as in LAMMPS' Si.sw):
 * E = Σ_{i<j} φ2(r_ij) + Σ_i Σ_{j<k} φ3(r_ij, r_ik, θ_jik). Independent of the UF3 code; used to
 * check that test data is SW and to relabel energies.
 */
final class StillingerWeber {
    static final double EPSILON = 2.1683;
    static final double SIGMA = 2.0951;
    static final double A_CUT = 1.80;
    static final double LAMBDA = 21.0;
    static final double GAMMA = 1.20;
    static final double COS0 = -1.0 / 3.0;
    static final double A = 7.049556277;
    static final double B = 0.6022245584;
    static final double CUTOFF = A_CUT * SIGMA;

    private StillingerWeber() {
    }

    static double pair(double r) {
        if (r >= CUTOFF) {
            return 0;
        }
        double s = SIGMA / r;
        return A * EPSILON * (B * Math.pow(s, 4) - 1.0) * Math.exp(SIGMA / (r - CUTOFF));
    }

    /** φ3 as a function of the three distances of the triplet (angle at the centre i). */
    static double triplet(double rij, double rik, double rjk) {
        if (rij >= CUTOFF || rik >= CUTOFF) {
            return 0;
        }
        double cos = (rij * rij + rik * rik - rjk * rjk) / (2 * rij * rik);
        double d = cos - COS0;
        return LAMBDA * EPSILON * d * d * Math.exp(GAMMA * SIGMA / (rij - CUTOFF)) * Math.exp(GAMMA * SIGMA / (rik - CUTOFF));
    }

    static double energy(Structure s) {
        NeighborList nl = NeighborList.build(s, CUTOFF);
        double e = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int a = nl.start(i); a < nl.end(i); a++) {
                e += 0.5 * pair(nl.distance(a));
                for (int b = a + 1; b < nl.end(i); b++) {
                    double dx = nl.vector(b, 0) - nl.vector(a, 0);
                    double dy = nl.vector(b, 1) - nl.vector(a, 1);
                    double dz = nl.vector(b, 2) - nl.vector(a, 2);
                    e += triplet(nl.distance(a), nl.distance(b), Math.sqrt(dx * dx + dy * dy + dz * dz));
                }
            }
        }
        return e;
    }

    /** −∂E/∂x of one coordinate by central differences. */
    static double force(Structure s, int row, double h) {
        double[] p = s.positions();
        p[row] += h;
        double ep = energy(s.withPositions(p));
        p[row] -= 2 * h;
        double em = energy(s.withPositions(p));
        return -(ep - em) / (2 * h);
    }
}

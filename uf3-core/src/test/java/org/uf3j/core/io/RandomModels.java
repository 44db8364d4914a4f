package org.uf3j.core.io;

import java.util.List;
import java.util.Random;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.basis.KnotSpacing;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

/**
 * Random UF2,3 models for round-trip tests: trailing 3 coefficients 0, distinct ij/ik/jk knots where
 * the neighbours differ (A-B-C), one ij = ik knot vector and an l-m symmetric tensor where they are
 * the same element (A-B-B), as physics and LAMMPS require.
 */
final class RandomModels {
    private RandomModels() {
    }

    /**
     * @param uniform    all knots uniform ("uk") or some geometric ("nk")
     * @param oneBody    set a one-body energy for every element
     */
    static Uf3Model make(long seed, List<String> elements, boolean uniform, boolean oneBody) {
        elements = org.uf3j.core.model.Elements.sorted(elements);
        Random rnd = new Random(seed);
        Uf3Model.Builder b = Uf3Model.builder().elements(elements);
        if (oneBody) {
            for (String e : elements) {
                b.oneBody(e, -10 * rnd.nextDouble());
            }
        }
        for (int a = 0; a < elements.size(); a++) {
            for (int c = a; c < elements.size(); c++) {
                KnotSequence k = KnotSequence.create(uniform ? KnotSpacing.LINEAR : KnotSpacing.GEOMETRIC,
                        0.5 + rnd.nextDouble(), 5 + 2 * rnd.nextDouble(), 12 + rnd.nextInt(10));
                b.pair(new PairTerm(elements.get(a), elements.get(c), k, coefficients(rnd, new int[] {k.basisCount()})));
            }
        }
        for (String centre : elements) {
            for (int a = 0; a < elements.size(); a++) {
                for (int c = a; c < elements.size(); c++) {
                    double rc = 3 + rnd.nextDouble();
                    double rmin = 1 + rnd.nextDouble();
                    KnotSequence ij = KnotSequence.linear(rmin, rc, 4 + rnd.nextInt(3));
                    KnotSequence ik = KnotSequence.create(uniform ? KnotSpacing.LINEAR : KnotSpacing.INVERSE, rmin + 0.1,
                            rc, 7 + rnd.nextInt(2));
                    KnotSequence jk = KnotSequence.linear(rmin - 0.2, 2 * rc, 9 + rnd.nextInt(3));
                    boolean sameNeighbours = a == c;
                    if (sameNeighbours) {
                        ik = ij; // j and k interchangeable: one knot vector and a tensor symmetric in l, m
                    }
                    int[] shape = {ij.basisCount(), ik.basisCount(), jk.basisCount()};
                    double[] coeff = coefficients(rnd, shape);
                    if (sameNeighbours) {
                        symmetrise(coeff, shape);
                    }
                    b.triplet(new TripletTerm(centre, elements.get(a), elements.get(c), ij, ik, jk, coeff));
                }
            }
        }
        return b.build();
    }

    /** Random coefficients with every index in the last 3 along any axis exactly 0 (LAMMPS' trailing trim). */
    static double[] coefficients(Random rnd, int[] shape) {
        int total = 1;
        for (int s : shape) {
            total *= s;
        }
        double[] c = new double[total];
        int[] idx = new int[shape.length];
        for (int flat = 0; flat < total; flat++) {
            int rest = flat;
            boolean trimmed = false;
            for (int d = shape.length - 1; d >= 0; d--) {
                idx[d] = rest % shape[d];
                rest /= shape[d];
                trimmed |= idx[d] >= shape[d] - 3;
            }
            c[flat] = trimmed ? 0.0 : (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(9) - 5);
        }
        return c;
    }

    /** c[l][m][n] = c[m][l][n] by copying the l < m half (L = M). */
    static void symmetrise(double[] c, int[] shape) {
        for (int l = 0; l < shape[0]; l++) {
            for (int m = 0; m < l; m++) {
                for (int n = 0; n < shape[2]; n++) {
                    c[(l * shape[1] + m) * shape[2] + n] = c[(m * shape[1] + l) * shape[2] + n];
                }
            }
        }
    }
}

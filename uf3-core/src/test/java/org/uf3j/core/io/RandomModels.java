package org.uf3j.core.io;

import java.util.List;
import java.util.Random;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.basis.KnotSpacing;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

/** Random UF2,3 models for round-trip tests: 2 elements, distinct ij/ik/jk knots, trailing 3 coefficients 0. */
final class RandomModels {
    private RandomModels() {
    }

    /**
     * @param uniform    all knots uniform ("uk") or some geometric ("nk")
     * @param oneBody    set a one-body energy for every element
     */
    static Uf3Model make(long seed, List<String> elements, boolean uniform, boolean oneBody) {
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
                    int[] shape = {ij.basisCount(), ik.basisCount(), jk.basisCount()};
                    b.triplet(new TripletTerm(centre, elements.get(a), elements.get(c), ij, ik, jk,
                            coefficients(rnd, shape)));
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
}

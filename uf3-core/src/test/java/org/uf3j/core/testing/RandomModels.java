package org.uf3j.core.testing;

import java.util.List;
import java.util.Random;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.model.Elements;

/** Random but physically shaped UF3 models (repulsive core, trailing three coefficients zero) for tests. */
public final class RandomModels {
    private RandomModels() {
    }

    /**
     * A model over the given elements. Pair cutoffs differ per pair; triplet legs ij/ik/jk get
     * distinct knots (non-uniform when {@code uniform} is false); same-element triplets are symmetric.
     */
    public static Uf3Model create(long seed, List<String> elements, boolean threeBody, boolean uniform) {
        Random rnd = new Random(seed);
        List<String> els = Elements.sorted(elements);
        Uf3Model.Builder b = Uf3Model.builder().elements(els);
        for (String e : els) {
            b.oneBody(e, -1.0 - rnd.nextDouble());
        }
        for (int a = 0; a < els.size(); a++) {
            for (int c = a; c < els.size(); c++) {
                double rc = 4.2 + 0.3 * a + 0.2 * c + 0.1 * rnd.nextDouble();
                KnotSequence k = knots(rnd, 1.2, rc, 10 + rnd.nextInt(5), uniform);
                double[] coef = new double[k.basisCount()];
                for (int n = 0; n < coef.length - 3; n++) {
                    double r = 1.2 + (rc - 1.2) * n / (coef.length - 3.0);
                    coef[n] = 3.0 * Math.exp(-2.0 * (r - 1.2)) - 0.2 * Math.exp(-0.5 * (r - 2.6) * (r - 2.6))
                            + 0.02 * rnd.nextGaussian();
                }
                b.pair(new PairTerm(els.get(a), els.get(c), k, coef));
            }
        }
        if (threeBody) {
            for (String centre : els) {
                for (int a = 0; a < els.size(); a++) {
                    for (int c = a; c < els.size(); c++) {
                        double rij = 3.2 + 0.2 * rnd.nextDouble();
                        double rik = a == c ? rij : 3.0 + 0.3 * rnd.nextDouble();
                        KnotSequence kij = knots(rnd, 1.0, rij, 5 + rnd.nextInt(2), uniform);
                        KnotSequence kik = a == c ? kij : knots(rnd, 1.1, rik, 4 + rnd.nextInt(3), uniform);
                        KnotSequence kjk = knots(rnd, 0.9, rij + rik, 8 + rnd.nextInt(3), uniform);
                        int l = kij.basisCount(), m = kik.basisCount(), n = kjk.basisCount();
                        double[] coef = new double[l * m * n];
                        for (int x = 0; x < l - 3; x++) {
                            for (int y = 0; y < m - 3; y++) {
                                for (int z = 0; z < n - 3; z++) {
                                    double v = 0.05 * rnd.nextGaussian();
                                    coef[(x * m + y) * n + z] = v;
                                    if (a == c) {
                                        coef[(y * m + x) * n + z] = v;
                                    }
                                }
                            }
                        }
                        if (a == c) { // symmetrise what the loop overwrote
                            for (int x = 0; x < l; x++) {
                                for (int y = 0; y < x; y++) {
                                    for (int z = 0; z < n; z++) {
                                        coef[(y * m + x) * n + z] = coef[(x * m + y) * n + z];
                                    }
                                }
                            }
                        }
                        b.triplet(new TripletTerm(centre, els.get(a), els.get(c), kij, kik, kjk, coef));
                    }
                }
            }
        }
        return b.build();
    }

    private static KnotSequence knots(Random rnd, double lo, double hi, int intervals, boolean uniform) {
        if (uniform) {
            return KnotSequence.linear(lo, hi, intervals);
        }
        double[] t = new double[intervals + 7];
        double[] steps = new double[intervals];
        double sum = 0;
        for (int i = 0; i < intervals; i++) {
            steps[i] = 0.5 + rnd.nextDouble();
            sum += steps[i];
        }
        double r = lo;
        for (int i = 0; i < 4; i++) {
            t[i] = lo;
        }
        for (int i = 0; i < intervals - 1; i++) {
            r += steps[i] / sum * (hi - lo);
            t[4 + i] = r;
        }
        for (int i = 0; i < 4; i++) {
            t[intervals + 3 + i] = hi;
        }
        return KnotSequence.of(t);
    }
}

package org.uf3j.fit.gamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomStructures;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.FeatureBlock;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.NormalEquations;
import org.uf3j.fit.RowWeights;

/**
 * Information selection against brute force: the gain equals log det(A + XᵀWX) − log det A from
 * EJML determinants, the Woodbury-updated A⁻¹ equals the inverse of A + XᵀWX, the lazy greedy
 * picks equal the plain greedy picks of an exhaustive search, and the design rows of a real
 * structure are the fit's rows (their Gram sums equal the normal-equation sums).
 */
class InformationSelectionTest {
    private static final int P = 9;

    @Test
    void gainIsTheLogDetIncreaseAndAbsorbIsTheInverseOfTheSum() {
        Random rnd = new Random(3);
        DMatrixRMaj a = spd(rnd, P);
        double wE = 0.7, wF = 0.2;
        InformationSelection sel = new InformationSelection(inverse(a).data, P, wE, wF, 2);
        DesignRows c = randomRows(rnd, new int[] {1, 2, 5, 8}, 4);
        DMatrixRMaj sum = plus(a, c, wE, wF);
        double brute = Math.log(CommonOps_DDRM.det(sum)) - Math.log(CommonOps_DDRM.det(a));
        assertTrue(brute > 0.1, "a gain worth testing: " + brute);
        assertEquals(brute, sel.gain(c), 1e-11 * brute);
        sel.absorb(c);
        double[] got = sel.inverse();
        DMatrixRMaj want = inverse(sum);
        for (int q = 0; q < P * P; q++) {
            assertEquals(want.data[q], got[q], 1e-11 * Math.abs(want.data[q]) + 1e-13, "entry " + q);
        }
        // a copy of what was absorbed adds less than it did the first time
        assertTrue(sel.gain(c) < brute - 0.05, sel.gain(c) + " vs " + brute);
    }

    @Test
    void forceVarianceGainIsTheFallOfTheTargetsTraceAndTracksAbsorbs() {
        Random rnd = new Random(11);
        DMatrixRMaj a = spd(rnd, P);
        double wE = 0.9, wF = 0.3;
        List<DesignRows> targets = List.of(randomRows(rnd, new int[] {0, 2, 3, 6}, 5), randomRows(rnd, new int[] {1, 3, 4, 7, 8}, 4));
        DMatrixRMaj g = new DMatrixRMaj(P, P);
        for (DesignRows t : targets) {
            for (int r = 1; r < t.rowCount(); r++) { // force rows only: row 0 is the energy row
                for (int x = 0; x < t.columnCount(); x++) {
                    for (int y = 0; y < t.columnCount(); y++) {
                        g.add(t.column(x), t.column(y), t.get(r, x) * t.get(r, y));
                    }
                }
            }
        }
        InformationSelection sel = new InformationSelection(InformationSelection.Criterion.FORCE_VARIANCE, targets,
                inverse(a).data, P, wE, wF, 2);
        DesignRows c = randomRows(rnd, new int[] {2, 3, 4, 8}, 3);
        DesignRows d = randomRows(rnd, new int[] {0, 1, 3, 6, 7}, 2);
        DMatrixRMaj cur = a;
        for (DesignRows next : List.of(c, d)) {
            DMatrixRMaj sum = plus(cur, next, wE, wF);
            double brute = trace(inverse(cur), g) - trace(inverse(sum), g);
            assertTrue(brute > 1e-3, "a gain worth testing: " + brute);
            assertEquals(brute, sel.gain(next), 1e-10 * brute);
            sel.absorb(next);
            DMatrixRMaj q = new DMatrixRMaj(P, P), tmp = new DMatrixRMaj(P, P);
            CommonOps_DDRM.mult(inverse(sum), g, tmp);
            CommonOps_DDRM.mult(tmp, inverse(sum), q);
            double[] got = sel.targetMatrix();
            for (int e = 0; e < P * P; e++) {
                assertEquals(q.data[e], got[e], 1e-10 * Math.abs(q.data[e]) + 1e-12, "entry " + e);
            }
            cur = sum;
        }
    }

    private static double trace(DMatrixRMaj inv, DMatrixRMaj g) {
        DMatrixRMaj m = new DMatrixRMaj(P, P);
        CommonOps_DDRM.mult(inv, g, m);
        return CommonOps_DDRM.trace(m);
    }

    @Test
    void lazyGreedyPicksWhatExhaustiveGreedyPicks() {
        Random rnd = new Random(5);
        DMatrixRMaj a = spd(rnd, P);
        double wE = 1.3, wF = 0.4;
        List<DesignRows> pool = new ArrayList<>();
        for (int c = 0; c < 14; c++) {
            int m = 2 + rnd.nextInt(P - 2);
            List<Integer> all = new ArrayList<>();
            for (int q = 0; q < P; q++) {
                all.add(q);
            }
            java.util.Collections.shuffle(all, rnd);
            int[] cols = all.subList(0, m).stream().mapToInt(Integer::intValue).sorted().toArray();
            pool.add(randomRows(rnd, cols, 1 + rnd.nextInt(4)));
        }
        pool.add(pool.get(3)); // a duplicate: never worth as much as the original once that is taken
        List<InformationSelection.Pick> picks = new InformationSelection(inverse(a).data, P, wE, wF, 2).select(pool, 6);
        DMatrixRMaj cur = a.copy();
        boolean[] taken = new boolean[pool.size()];
        for (int r = 0; r < 6; r++) {
            double[] bestGain = {-1};
            int best = bruteForceBest(cur, pool, wE, wF, i -> !taken[i], bestGain);
            assertEquals(best, picks.get(r).index(), "round " + (r + 1));
            assertEquals(bestGain[0], picks.get(r).gain(), 1e-10 * bestGain[0], "round " + (r + 1));
            assertEquals(r + 1, picks.get(r).round());
            taken[best] = true;
            cur = plus(cur, pool.get(best), wE, wF);
        }
    }

    @Test
    void stratifiedPicksFillTheQuotasAndAreTheGreedyBestOfTheirStratum() {
        Random rnd = new Random(17);
        DMatrixRMaj a = spd(rnd, P);
        double wE = 0.8, wF = 0.5;
        List<DesignRows> pool = randomPool(rnd, 16);
        int[] stratum = new int[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            stratum[i] = i % 3;
        }
        int[] quota = {1, 3, 2};
        List<InformationSelection.Pick> picks = new InformationSelection(inverse(a).data, P, wE, wF, 2).select(pool, stratum, quota);
        assertEquals(6, picks.size());
        int[] left = quota.clone();
        DMatrixRMaj cur = a.copy();
        boolean[] taken = new boolean[pool.size()];
        for (int r = 0; r < picks.size(); r++) { // brute force: the largest log det gain among strata with room
            double[] bestGain = {-1};
            int best = bruteForceBest(cur, pool, wE, wF, i -> !taken[i] && left[stratum[i]] > 0, bestGain);
            assertEquals(best, picks.get(r).index(), "round " + (r + 1));
            assertEquals(bestGain[0], picks.get(r).gain(), 1e-10 * bestGain[0], "round " + (r + 1));
            taken[best] = true;
            left[stratum[best]]--;
            cur = plus(cur, pool.get(best), wE, wF);
        }
        assertEquals(List.of(0, 0, 0), java.util.Arrays.stream(left).boxed().toList());
        // the unstratified greedy, for contrast, does not keep these proportions on this pool
        int[] plain = new int[3];
        new InformationSelection(inverse(a).data, P, wE, wF, 2).select(pool, 6).forEach(q -> plain[stratum[q.index()]]++);
        assertTrue(plain[0] != 1 || plain[1] != 3 || plain[2] != 2, java.util.Arrays.toString(plain));
    }

    @Test
    void oneStratumIsThePlainForceVarianceGreedy() {
        Random rnd = new Random(23);
        DMatrixRMaj a = spd(rnd, P);
        List<DesignRows> pool = randomPool(rnd, 12);
        InformationSelection plain = new InformationSelection(InformationSelection.Criterion.FORCE_VARIANCE, pool, inverse(a).data, P,
                1.1, 0.3, 2);
        InformationSelection one = new InformationSelection(InformationSelection.Criterion.FORCE_VARIANCE, pool, inverse(a).data, P,
                1.1, 0.3, 2);
        List<InformationSelection.Pick> want = plain.select(pool, 5);
        List<InformationSelection.Pick> got = one.select(pool, new int[pool.size()], new int[] {5});
        for (int r = 0; r < 5; r++) {
            assertEquals(want.get(r).index(), got.get(r).index());
            assertEquals(want.get(r).gain(), got.get(r).gain(), 0.0);
        }
    }

    private static List<DesignRows> randomPool(Random rnd, int n) {
        List<DesignRows> pool = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int m = 2 + rnd.nextInt(P - 2);
            List<Integer> all = new ArrayList<>();
            for (int q = 0; q < P; q++) {
                all.add(q);
            }
            java.util.Collections.shuffle(all, rnd);
            int[] cols = all.subList(0, m).stream().mapToInt(Integer::intValue).sorted().toArray();
            pool.add(randomRows(rnd, cols, 1 + rnd.nextInt(4)));
        }
        return pool;
    }

    @Test
    void designRowsAreTheFitRows() {
        BasisLayout layout = new BasisLayout(ModelSpec.builder(List.of("W")).pairs(1.8, 5.0, 6).triplets(1.8, 3.8, 3).build());
        Featurizer fz = new Featurizer(layout);
        Random rnd = new Random(7);
        Structure s = RandomStructures.periodic(rnd, 10, 7.0, 2.0, "W");
        Configuration c = new Configuration(s, -1.0, new double[3 * s.size()], null, "rand", "r", null);
        FeatureBlock block = fz.newBlock();
        DesignRows rows = DesignRows.of(fz, block, c);
        assertEquals(1 + 3 * s.size(), rows.rowCount());
        NormalEquations ne = NormalEquations.accumulate(fz, List.of(c), RowWeights.uniform(), 1);
        ne.symmetrize();
        int m = rows.columnCount();
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                int ca = rows.column(a), cb = rows.column(b);
                double e = rows.get(0, a) * rows.get(0, b);
                double f = 0;
                for (int r = 1; r < rows.rowCount(); r++) {
                    f += rows.get(r, a) * rows.get(r, b);
                }
                assertEquals(ne.energy().gram(ca, cb), e, 1e-10 * (Math.abs(e) + 1e-12));
                assertEquals(ne.forces().gram(ca, cb), f, 1e-10 * (Math.abs(f) + 1e-9));
            }
        }
    }

    /**
     * Exhaustive greedy step: the eligible candidate with the largest log det(A + XᵀWX) − log det A
     * (ties to the lower index, as the selection breaks them); its gain into {@code gain[0]}.
     */
    private static int bruteForceBest(DMatrixRMaj a, List<DesignRows> pool, double wE, double wF,
                                      java.util.function.IntPredicate eligible, double[] gain) {
        int best = -1;
        double base = Math.log(CommonOps_DDRM.det(a));
        for (int i = 0; i < pool.size(); i++) {
            if (eligible.test(i)) {
                double g = Math.log(CommonOps_DDRM.det(plus(a, pool.get(i), wE, wF))) - base;
                if (g > gain[0] + 1e-12) {
                    gain[0] = g;
                    best = i;
                }
            }
        }
        return best;
    }

    /** A + XᵀWX as a dense matrix. */
    private static DMatrixRMaj plus(DMatrixRMaj a, DesignRows c, double wE, double wF) {
        DMatrixRMaj out = a.copy();
        for (int r = 0; r < c.rowCount(); r++) {
            double w = r == 0 ? wE : wF;
            for (int x = 0; x < c.columnCount(); x++) {
                for (int y = 0; y < c.columnCount(); y++) {
                    out.add(c.column(x), c.column(y), w * c.get(r, x) * c.get(r, y));
                }
            }
        }
        return out;
    }

    private static DesignRows randomRows(Random rnd, int[] cols, int k) {
        double[] v = new double[k * cols.length];
        for (int q = 0; q < v.length; q++) {
            v[q] = rnd.nextGaussian();
        }
        return new DesignRows(cols, v);
    }

    private static DMatrixRMaj spd(Random rnd, int p) {
        DMatrixRMaj m = new DMatrixRMaj(p, p);
        for (int q = 0; q < p * p; q++) {
            m.data[q] = rnd.nextGaussian();
        }
        DMatrixRMaj a = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(m, m, a);
        for (int q = 0; q < p; q++) {
            a.add(q, q, 0.5);
        }
        return a;
    }

    private static DMatrixRMaj inverse(DMatrixRMaj a) {
        DMatrixRMaj inv = a.copy();
        CommonOps_DDRM.invert(inv);
        return inv;
    }
}

package org.uf3j.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomStructures;

class FeaturizerTest {

    /** Two elements, UF2,3, one triplet with unequal ij/ik knots (so the swapped path is used). */
    static ModelSpec binarySpec() {
        return ModelSpec.builder(List.of("W", "Nb"))
                .pairs(1.8, 5.2, 9)
                .pair("Nb", "W", 1.7, 5.0, 7)
                .triplets(1.8, 4.0, 5)
                .triplet("W", "Nb", "W", new KnotSpec(1.8, 3.9, 4), new KnotSpec(1.75, 4.2, 6), new KnotSpec(1.7, 8.1, 9))
                .build();
    }

    static double[] randomSolution(BasisLayout layout, Random rnd) {
        double[] x = new double[layout.size()];
        for (int q = 0; q < x.length; q++) {
            x[q] = 2 * rnd.nextDouble() - 1;
        }
        return x;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int q = 0; q < a.length; q++) {
            s += a[q] * b[q];
        }
        return s;
    }

    @Test
    void layoutCountsTrimAndSymmetry() {
        BasisLayout layout = new BasisLayout(binarySpec());
        // pairs: Nb-Nb 9+3-3 = 9, Nb-W 7, W-W 9
        assertEquals(List.of("Nb", "W"), layout.elements());
        assertEquals(9, layout.pairBlocks().get(0).count());
        assertEquals(7, layout.pairBlocks().get(1).count());
        BasisLayout.TripletBlock nbnbnb = layout.tripletBlocks().get(0);
        assertTrue(nbnbnb.symmetric());
        assertEquals(5 * 6 / 2 * 10, nbnbnb.count()); // l<=m over 5 free, 10 free jk
        BasisLayout.TripletBlock wnbw = layout.tripletBlocks().get(4);
        assertEquals("W", wnbw.centre());
        assertEquals("Nb", wnbw.first());
        assertTrue(!wnbw.symmetric());
        assertEquals(4 * 6 * 9, wnbw.count());
        assertEquals(-1, nbnbnb.column(5, 0, 0));
        assertEquals(nbnbnb.column(1, 3, 2), nbnbnb.column(3, 1, 2));
        // triplets: Nb;Nb,Nb sym 150, Nb;Nb,W 5*5*10=250, Nb;W,W sym 150, W;Nb,Nb sym 150, W;Nb,W 216, W;W,W sym 150
        int total = 2 + 9 + 7 + 9 + 150 + 250 + 150 + 150 + 216 + 150;
        assertEquals(total, layout.size());
        // toModel / fromModel round trip, with frozen zeros and mirrored entries
        double[] x = randomSolution(layout, new Random(3));
        Uf3Model m = layout.toModel(x);
        TripletTerm t = m.triplet("Nb", "Nb", "Nb");
        assertTrue(t.isSymmetric());
        assertEquals(0.0, t.coefficient(0, 6, 0));
        assertEquals(0.0, m.pair("W", "W").coefficient(11));
        assertEquals(x[layout.pairBlocks().get(2).offset() + 8], m.pair("W", "W").coefficient(8));
        double[] back = layout.fromModel(m);
        for (int q = 0; q < x.length; q++) {
            assertEquals(x[q], back[q], 0.0);
        }
    }

    @Test
    void rowsTimesCoefficientsEqualEvaluator() {
        BasisLayout layout = new BasisLayout(binarySpec());
        Featurizer fz = new Featurizer(layout);
        Random rnd = new Random(42);
        FeatureBlock block = fz.newBlock();
        for (int trial = 0; trial < 4; trial++) {
            double[] x = randomSolution(layout, rnd);
            JavaEvaluator ev = new JavaEvaluator(layout.toModel(x));
            Structure s = RandomStructures.periodic(rnd, 10 + 3 * trial, 6.5 + 0.3 * trial, 2.0,
                    trial % 2 == 0 ? new String[] {"W", "Nb"} : new String[] {"Nb", "W", "W"});
            Configuration c = new Configuration(s, 0.0, new double[3 * s.size()], new double[6], null, "rand" + trial, null);
            fz.featurize(c, block, true, true);
            Evaluation ref = ev.evaluate(s);
            assertClose(ref.energy(), dot(block.energyRow(), x), "energy");
            double fScale = 0;
            for (double v : ref.forces()) {
                fScale = Math.max(fScale, Math.abs(v));
            }
            for (int row = 0; row < 3 * s.size(); row++) {
                assertEquals(ref.forces()[row], dot(block.forceRow(row), x), 1e-10 * fScale, "force row " + row);
            }
            double wScale = 0;
            for (double v : ref.virial()) {
                wScale = Math.max(wScale, Math.abs(v));
            }
            for (int k = 0; k < 6; k++) {
                assertEquals(ref.virial()[k], dot(block.virialRow(k), x), 1e-10 * wScale, "virial " + k);
            }
            assertTrue(block.activeCount() > layout.size() / 2, "most columns used");
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-10 * Math.max(1.0, Math.abs(expected)), what);
    }

    @Test
    void forceRowsAreMinusEnergyGradient() {
        BasisLayout layout = new BasisLayout(binarySpec());
        Featurizer fz = new Featurizer(layout);
        Random rnd = new Random(7);
        Structure s = RandomStructures.periodic(rnd, 8, 6.0, 2.1, "W", "Nb");
        double[] x = randomSolution(layout, rnd);
        FeatureBlock b = fz.featurize(Configuration.of(s));
        double h = 1e-5;
        for (int row = 0; row < 3 * s.size(); row += 5) {
            double[] p = s.positions();
            p[row] += h;
            double ep = dot(fz.featurize(Configuration.of(s.withPositions(p))).energyRow(), x);
            p[row] -= 2 * h;
            double em = dot(fz.featurize(Configuration.of(s.withPositions(p))).energyRow(), x);
            double fd = -(ep - em) / (2 * h);
            assertEquals(fd, dot(b.forceRow(row), x), 1e-5 * Math.max(1, Math.abs(fd)), "row " + row);
        }
    }

    @Test
    void atomsBelowFirstKnotNameConfigurationAndAtoms() {
        BasisLayout layout = new BasisLayout(binarySpec());
        Featurizer fz = new Featurizer(layout);
        Structure s = new Structure(new String[] {"W", "W", "Nb"}, new double[] {0, 0, 0, 1.5, 0, 0, 0, 3, 0},
                org.uf3j.core.structure.Cell.orthorhombic(9, 9, 9));
        Configuration c = new Configuration(s, 1.0, null, null, "surface", "w14.xyz frame 17", null);
        FeaturizationException e = assertThrows(FeaturizationException.class, () -> fz.featurize(c));
        assertTrue(e.getMessage().contains("w14.xyz frame 17"), e.getMessage());
        assertTrue(e.getMessage().contains("atoms 0 (W) and 1 (W) at 1.5000"), e.getMessage());
        Configuration cu = new Configuration(new Structure(new String[] {"Cu"}, new double[3], null), 1.0, null, null,
                null, "cu.xyz", null);
        FeaturizationException e2 = assertThrows(FeaturizationException.class, () -> fz.featurize(cu));
        assertTrue(e2.getMessage().contains("cu.xyz") && e2.getMessage().contains("Cu"), e2.getMessage());
    }
}

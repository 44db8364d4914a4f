package org.uf3j.fit.gamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.gamma.ActiveSet;
import org.uf3j.core.gamma.ActiveSetFile;
import org.uf3j.core.gamma.AtomFeatures;
import org.uf3j.core.gamma.ElementActiveSet;
import org.uf3j.core.gamma.ExtrapolationGrade;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomStructures;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.FeatureBlock;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.ModelSpec;

/**
 * The active set and the grade: γ = 1 on the atoms that define the active set, ≤ 1 on every
 * other training atom, &gt; 1 on a compressed structure; per-atom features sum to the featuriser's
 * energy row (the fit's own definition of the columns); the side file reads back unchanged.
 */
class ActiveSetBuilderTest {
    private static ModelSpec spec(String... elements) {
        return ModelSpec.builder(List.of(elements)).pairs(1.8, 5.0, 6).triplets(1.8, 3.8, 3).build();
    }

    private static Uf3Model model(BasisLayout layout) {
        Random rnd = new Random(3);
        double[] x = new double[layout.size()];
        for (int q = 0; q < x.length; q++) {
            x[q] = rnd.nextDouble() - 0.5;
        }
        return layout.toModel(x);
    }

    private static List<Configuration> training(long seed, int count, String... elements) {
        Random rnd = new Random(seed);
        List<Configuration> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            double edge = 7.0 + rnd.nextDouble();
            Structure s = RandomStructures.periodic(rnd, 12, edge, 2.0, elements);
            out.add(new Configuration(s, 0.0, new double[3 * s.size()], null, "rand", "random " + c, null));
        }
        return out;
    }

    @Test
    void activeAtomsHaveGradeOneAndTrainingAtomsAtMostOne(@TempDir Path dir) throws Exception {
        BasisLayout layout = new BasisLayout(spec("W", "Nb"));
        Uf3Model model = model(layout);
        List<Configuration> train = training(11, 160, "W", "Nb");
        ActiveSet set = new ActiveSetBuilder(layout, model).build(train);
        assertEquals(2, set.elements().size());
        ExtrapolationGrade grade = new ExtrapolationGrade(model, set);
        List<double[]> grades = new ArrayList<>();
        double worst = 0;
        for (Configuration c : train) {
            double[] g = grade.grades(c.structure());
            grades.add(g);
            worst = Math.max(worst, ExtrapolationGrade.max(g));
        }
        assertTrue(worst <= 1 + 1e-5, "training atoms have γ ≤ 1, worst " + worst);
        int activeAtoms = 0;
        for (ElementActiveSet e : set.elements()) {
            assertTrue(e.dimension() > 20, e.element() + " has " + e.dimension() + " features");
            double most = 0;
            for (String origin : e.origins()) {
                // "config C (random C) atom I"
                String[] w = origin.split(" ");
                int c = Integer.parseInt(w[1]);
                int i = Integer.parseInt(w[w.length - 1]);
                double g = grades.get(c)[i];
                assertEquals(1.0, g, 1e-9, origin);
                most = Math.max(most, g);
                activeAtoms++;
            }
            assertEquals(1.0, most, 1e-9);
        }
        assertEquals(set.elements().get(0).dimension() + set.elements().get(1).dimension(), activeAtoms);

        // a compressed training structure extrapolates
        Structure s = train.get(0).structure();
        Structure squeezed = ScaledStructures.scaled(s, 0.85);
        assertTrue(ExtrapolationGrade.max(grade.grades(squeezed)) > 1.5);

        Path file = dir.resolve("potential.asi");
        ActiveSetFile.write(set, file, "test");
        ActiveSet back = ActiveSetFile.read(file);
        assertEquals(set, back);
    }

    @Test
    void perAtomFeaturesSumToTheEnergyRow() {
        BasisLayout layout = new BasisLayout(spec("W"));
        Uf3Model model = model(layout);
        List<Configuration> train = training(5, 60, "W");
        ActiveSet set = new ActiveSetBuilder(layout, model).build(train);
        ElementActiveSet e = set.of("W");
        AtomFeatures af = new AtomFeatures(model, set);
        Configuration c = training(99, 1, "W").get(0);
        Structure s = c.structure();
        NeighborList nl = NeighborList.build(s, af.cutoff());
        int[] sp = af.species(s);
        double[] sum = new double[e.dimension()];
        double[] x = new double[e.dimension()];
        AtomFeatures.Scratch w = new AtomFeatures.Scratch();
        for (int i = 0; i < s.size(); i++) {
            af.features(s, sp, nl, i, x, w);
            for (int k = 0; k < x.length; k++) {
                sum[k] += x[k];
            }
        }
        FeatureBlock fb = new Featurizer(layout).newBlock();
        new Featurizer(layout).featurize(c, fb, false, false);
        double[] row = fb.energyRow();
        int checked = 0;
        assertEquals(s.size(), sum[e.oneBodyFeature()], 1e-12);
        BasisLayout.PairBlock p = layout.pairBlocks().get(0);
        int[] pi = e.index("2B W W");
        for (int n = 0; n < pi.length; n++) {
            if (pi[n] >= 0) {
                assertEquals(row[p.column(n)], sum[pi[n]], 1e-9 * (1 + Math.abs(row[p.column(n)])), "pair " + n);
                checked++;
            }
        }
        BasisLayout.TripletBlock t = layout.tripletBlocks().get(0);
        int[] ti = e.index("3B W W W");
        int[] shape = t.shape();
        for (int a = 0; a < shape[0]; a++) {
            for (int b = 0; b < shape[1]; b++) {
                for (int cc = 0; cc < shape[2]; cc++) {
                    int f = ti[t.flat(a, b, cc)];
                    if (f >= 0) {
                        double ref = row[t.column(a, b, cc)];
                        assertEquals(ref, sum[f], 1e-9 * (1 + Math.abs(ref)), "triplet " + a + "," + b + "," + cc);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > e.dimension(), "checked " + checked + " entries for " + e.dimension() + " features");
    }
}

package org.uf3j.fit.gamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.uf3j.core.gamma.ActiveSet;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomStructures;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.ModelSpec;

/**
 * Pool selection: from training structures plus two copies each of three new (compressed)
 * structures, both methods rank the new ones first; the greedy one never takes the copy of a
 * structure it already took (after absorbing it the copy has γ ≤ 1), the max-γ one does.
 */
class PoolSelectionTest {
    @Test
    void greedySkipsCopiesOfWhatItTook() {
        BasisLayout layout = new BasisLayout(ModelSpec.builder(List.of("W")).pairs(1.8, 5.0, 6).triplets(1.8, 3.8, 3).build());
        Random rnd = new Random(1);
        double[] x = new double[layout.size()];
        for (int q = 0; q < x.length; q++) {
            x[q] = rnd.nextDouble();
        }
        Uf3Model model = layout.toModel(x);
        List<Configuration> train = new ArrayList<>();
        List<Structure> pool = new ArrayList<>();
        for (int c = 0; c < 60; c++) {
            Structure s = RandomStructures.periodic(rnd, 12, 7.5, 2.0, "W");
            train.add(new Configuration(s, 0.0, new double[3 * s.size()], null, "rand", "r" + c, null));
            if (c < 20) {
                pool.add(s);
            }
        }
        ActiveSet set = new ActiveSetBuilder(layout, model).build(train);
        List<Integer> fresh = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Structure s = ScaledStructures.scaled(RandomStructures.periodic(rnd, 12, 7.5, 2.0, "W"), 0.92 + 0.02 * k);
            fresh.add(pool.size());
            pool.add(s);
            pool.add(s);
        }
        List<PoolSelection.Pick> greedy = new PoolSelection(model, set).select(pool, 3, PoolSelection.Method.GREEDY);
        List<PoolSelection.Pick> largest = new PoolSelection(model, set).select(pool, 6, PoolSelection.Method.MAX_GAMMA);
        List<Integer> took = new ArrayList<>();
        for (PoolSelection.Pick p : greedy) {
            int base = p.index() - (p.index() - 20) % 2;
            assertTrue(p.index() >= 20, "greedy took a training structure: " + p);
            assertTrue(!took.contains(base), "greedy took both copies of structure " + base + ": " + greedy);
            took.add(base);
            assertTrue(p.maxGamma() > 1, p.toString());
        }
        assertEquals(3, took.size());
        for (PoolSelection.Pick p : largest) {
            assertTrue(p.index() >= 20, "max-γ took a training structure: " + p);
        }
        // max-γ ranks by grade alone: the two copies of a structure come out next to each other
        assertEquals(largest.get(0).maxGamma(), largest.get(1).maxGamma(), 0.0);
        assertNotEquals(largest.get(0).index(), largest.get(1).index());
    }
}

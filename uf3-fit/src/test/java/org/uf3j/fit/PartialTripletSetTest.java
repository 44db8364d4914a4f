package org.uf3j.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomStructures;

/**
 * Partial 3-body sets in the fit: an excluded triplet term has no columns (exactly its free
 * coefficients fewer), the other columns see the same features, and the fitted model records the
 * term as absent.
 */
class PartialTripletSetTest {
    /** W-Nb, UF2,3: pairs 1.8-5.2 Å / 9 intervals, triplets 1.8-4.0 Å / 5 (jk / 10). */
    private static ModelSpec.Builder spec() {
        return ModelSpec.builder(List.of("W", "Nb")).pairs(1.8, 5.2, 9).triplets(1.8, 4.0, 5);
    }

    @Test
    void excludedTermsHaveExactlyTheirColumnsFewer() {
        BasisLayout full = new BasisLayout(spec().build());
        BasisLayout partial = new BasisLayout(spec().exclude("W", "W", "Nb").exclude("Nb", "W", "W").build());
        // 8 basis functions along ij, ik (5 free), 13 along jk (10 free): W;Nb,W (different neighbours)
        // has 5*5*10 = 250 free coefficients, Nb;W,W (same neighbours, l <= m) 5*6/2*10 = 150
        assertEquals(full.size() - 250 - 150, partial.size());
        assertEquals(4, partial.tripletBlocks().size());
        int w = partial.elements().indexOf("W"), nb = partial.elements().indexOf("Nb");
        assertNull(partial.tripletBlock(w, nb, w));
        assertNull(partial.tripletBlock(w, w, nb));
        assertNull(partial.tripletBlock(nb, w, w));
        assertEquals(List.of("Nb-W-W", "W-Nb-W"), partial.spec().excludedTriplets());
        double[] x = FeaturizerTest.randomSolution(partial, new Random(5));
        Uf3Model m = partial.toModel(x);
        assertEquals(List.of("Nb-W-W", "W-Nb-W"), m.absentTriplets());
        assertEquals(4, m.tripletTerms().size());
        double[] back = partial.fromModel(m);
        for (int q = 0; q < x.length; q++) {
            assertEquals(x[q], back[q], 0.0);
        }
    }

    @Test
    void remainingColumnsSeeTheSameFeaturesAsInTheFullLayout() {
        BasisLayout full = new BasisLayout(spec().build());
        BasisLayout partial = new BasisLayout(spec().exclude("W", "Nb", "W").build());
        // the partial layout's columns, in order, are the full layout's without those of W;Nb,W
        List<Integer> kept = new ArrayList<>();
        BasisLayout.TripletBlock gone = full.tripletBlock(full.elements().indexOf("W"), full.elements().indexOf("Nb"),
                full.elements().indexOf("W"));
        for (int q = 0; q < full.size(); q++) {
            if (q < gone.offset() || q >= gone.offset() + gone.count()) {
                kept.add(q);
            }
        }
        assertEquals(kept.size(), partial.size());
        Structure s = RandomStructures.periodic(new Random(9), 14, 7.0, 2.1, "W", "Nb");
        Configuration c = new Configuration(s, 0.0, new double[3 * s.size()], new double[6], null, "rand", null);
        FeatureBlock fb = new Featurizer(full).newBlock();
        new Featurizer(full).featurize(c, fb, true, true);
        FeatureBlock pb = new Featurizer(partial).newBlock();
        new Featurizer(partial).featurize(c, pb, true, true);
        double[] fe = fb.energyRow(), pe = pb.energyRow();
        double removed = 0;
        for (int q = gone.offset(); q < gone.offset() + gone.count(); q++) {
            removed += Math.abs(fe[q]);
        }
        assertTrue(removed > 0, "the excluded term has triplets in this box");
        for (int q = 0; q < partial.size(); q++) {
            assertEquals(fe[kept.get(q)], pe[q], 0.0, partial.describe(q));
            for (int row = 0; row < 3 * s.size(); row++) {
                assertEquals(fb.force(row, kept.get(q)), pb.force(row, q), 0.0, partial.describe(q) + " force row " + row);
            }
            for (int k = 0; k < 6; k++) {
                assertEquals(fb.virial(k, kept.get(q)), pb.virial(k, q), 0.0, partial.describe(q) + " virial " + k);
            }
        }
    }

    @Test
    void badExclusionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> spec().exclude("W", "Mo", "W"));
        assertEquals("3-body term W-Nb-W is both excluded and given its own knots", assertThrows(
                IllegalArgumentException.class, () -> spec().triplet("W", "W", "Nb", 1.8, 3.5, 4, 8).exclude("W", "Nb", "W")
                        .build()).getMessage());
        ModelSpec.Builder all = spec();
        for (String c : List.of("W", "Nb")) {
            all.exclude(c, "W", "W").exclude(c, "W", "Nb").exclude(c, "Nb", "Nb");
        }
        assertTrue(assertThrows(IllegalArgumentException.class, all::build).getMessage().contains("every 3-body term"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.builder(List.of("W")).pairs(1.8, 5.2, 9)
                .exclude("W", "W", "W").build()).getMessage().contains("UF2"));
    }
}

package org.uf3j.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomModels;
import org.uf3j.core.testing.RandomStructures;

/**
 * The two triplet contractions do the same arithmetic in the same order (per lane, and the lane sums
 * as (x0 + x1) + (x2 + x3)), so the vector and scalar evaluators agree bit for bit; and the tests run
 * with the Vector API loaded (surefire's add-modules), so the default evaluator here is the vector one.
 */
class TripletContractionTest {
    @Test
    void testsRunWithTheVectorApiAndTheDefaultEvaluatorUsesIt() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "surefire's argLine must add the module jdk.incubator.vector");
        Uf3Model m = RandomModels.create(5, List.of("W"), true, true);
        assertEquals(VectorTripletContraction.supported(), new JavaEvaluator(m).vectorised());
        assertFalse(new JavaEvaluator(m, new ScalarTripletContraction()).vectorised());
    }

    @ParameterizedTest(name = "{0} elements, uniform={1}")
    @CsvSource({"1,true", "1,false", "2,true", "3,false"})
    void vectorAndScalarContractionsGiveIdenticalResults(int nElements, boolean uniform) {
        List<String> els = List.of("Mo", "W", "Nb").subList(0, nElements);
        Uf3Model m = RandomModels.create(60 + nElements, els, true, uniform);
        for (long seed = 1; seed <= 3; seed++) {
            Structure s = RandomStructures.bcc(seed, els, 3.15, 3, 0.15, 0.07);
            Evaluation scalar = new JavaEvaluator(m, new ScalarTripletContraction()).evaluate(s);
            Evaluation vector = new JavaEvaluator(m, new VectorTripletContraction()).evaluate(s);
            assertEquals(scalar.energy(), vector.energy(), 0.0);
            assertArrayEquals(scalar.forces(), vector.forces(), 0.0);
            assertArrayEquals(scalar.virial(), vector.virial(), 0.0);
            assertArrayEquals(scalar.atomEnergies(), vector.atomEnergies(), 0.0);
            assertTrue(Math.abs(vector.energy()) > 0 && Math.abs(vector.forces()[0]) > 0, "a non-trivial case");
        }
    }
}

package org.uf3j.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomModels;
import org.uf3j.core.testing.RandomStructures;

/**
 * Java-evaluator specifics: per-atom energies, the pair convention on an isolated dimer, clear errors. The
 * invariants (finite differences, rotation, permutation, extensivity) are in {@link JavaEvaluatorContractTest}.
 */
class JavaEvaluatorTest {
    static Structure sample(long seed, List<String> elements) {
        return RandomStructures.bcc(seed, elements, 3.15, 2, 0.12, 0.07);
    }

    @Test
    void perAtomEnergiesSumToTotalAndOneBodyEnergiesAreIncluded() {
        List<String> els = List.of("W");
        Uf3Model m = RandomModels.create(23, els, true, true);
        Structure s = sample(4, els);
        Evaluation e = new JavaEvaluator(m).evaluate(s);
        double sum = 0;
        for (double v : e.atomEnergies()) {
            sum += v;
        }
        assertEquals(e.energy(), sum, 1e-12 * Math.abs(sum));
        Evaluation shifted = new JavaEvaluator(m.withOneBodyEnergies(java.util.Map.of("W", 0.0))).evaluate(s);
        assertEquals(e.energy() - s.size() * m.oneBodyEnergy("W"), shifted.energy(), 1e-9);
    }

    @Test
    void isolatedDimerMatchesThePairTermTwice() {
        Uf3Model m = RandomModels.create(3, List.of("W"), false, true);
        double r = 2.345;
        Structure dimer = new Structure(new String[] {"W", "W"}, new double[] {0, 0, 0, r, 0, 0}, null);
        Evaluation e = new JavaEvaluator(m).evaluate(dimer);
        double v = m.pair("W", "W").value(r);
        assertEquals(2 * m.oneBodyEnergy("W") + 2 * v, e.energy(), 1e-12);
    }

    @Test
    void overlappingAtomsAndUnknownElementsAreClearErrors() {
        Uf3Model m = RandomModels.create(3, List.of("W"), true, true);
        JavaEvaluator ev = new JavaEvaluator(m);
        Structure close = new Structure(new String[] {"W", "W"}, new double[] {0, 0, 0, 0.5, 0, 0}, null);
        EvaluationException ex = assertThrows(EvaluationException.class, () -> ev.evaluate(close));
        assertTrue(ex.getMessage().contains("0.5000 Å apart") && ex.getMessage().contains("first knot"), ex.getMessage());
        Structure other = new Structure(new String[] {"W", "Mo"}, new double[] {0, 0, 0, 2.5, 0, 0}, null);
        ex = assertThrows(EvaluationException.class, () -> ev.evaluate(other));
        assertTrue(ex.getMessage().contains("element Mo"), ex.getMessage());
    }
}

package org.uf3j.nativekernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.EvaluationException;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomModels;
import org.uf3j.core.testing.RandomStructures;

/** The native kernel and the Java evaluator agree (works without any LAMMPS installed). */
class NativeEvaluatorTest {

    @ParameterizedTest(name = "{0}-body, {1} elements, uniform knots {2}, {3}x cells")
    @CsvSource({"2,1,true,1", "2,2,false,2", "3,1,true,1", "3,1,true,4", "3,2,true,2", "3,2,false,3", "3,3,false,2"})
    void nativeAgreesWithJava(int body, int nElements, boolean uniform, int cells) {
        List<String> els = List.of("Nb", "Mo", "W").subList(0, nElements);
        Uf3Model model = RandomModels.create(100 + 10L * body + nElements, els, body == 3, uniform);
        Structure s = RandomStructures.bcc(7 + cells, els, 3.2, cells, 0.1, 0.05);
        Evaluation java = new JavaEvaluator(model).evaluate(s);
        Evaluation nat;
        try (NativeEvaluator ev = new NativeEvaluator(model)) {
            nat = ev.evaluate(s);
        }
        assertEquals(java.energy(), nat.energy(), 1e-9 * Math.abs(java.energy()), "energy");
        for (int c = 0; c < java.forces().length; c++) {
            assertEquals(java.forces()[c], nat.forces()[c], 1e-8, "force component " + c);
        }
        for (int v = 0; v < 6; v++) {
            assertEquals(java.virial()[v], nat.virial()[v], 1e-9 * (1 + Math.abs(java.virial()[v])), "virial " + v);
        }
        for (int a = 0; a < s.size(); a++) {
            assertEquals(java.atomEnergies()[a], nat.atomEnergies()[a], 1e-9 * (1 + Math.abs(java.atomEnergies()[a])),
                    "atom energy " + a);
        }
    }

    @Test
    void overlappingAtomsAreAClearErrorNotGarbage() {
        Uf3Model model = RandomModels.create(3, List.of("W"), true, true);
        Structure close = new Structure(new String[] {"W", "W"}, new double[] {0, 0, 0, 0.5, 0, 0}, null);
        try (NativeEvaluator ev = new NativeEvaluator(model)) {
            EvaluationException e = assertThrows(EvaluationException.class, () -> ev.evaluate(close));
            assertTrue(e.getMessage().contains("native kernel") && e.getMessage().toLowerCase().contains("knot"),
                    e.getMessage());
        }
    }
}

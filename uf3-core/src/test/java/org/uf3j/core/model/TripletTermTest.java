package org.uf3j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomModels;

/** V3 at three leg lengths ({@link TripletTerm#value}) against the Java evaluator's energy of 3-atom clusters. */
class TripletTermTest {

    /**
     * An isolated Nb-W-W cluster: E = Σ e_el + Σ_{i≠j} V2(r_ij) + Σ_i V3, with the centre Nb seeing
     * the (Nb; W, W) term and each W the (W; Nb, W) term with r_ij to Nb and r_ik to the other W.
     */
    @Test
    void threeAtomEnergyIsOneBodyPlusPairsPlusOneTripletPerCentre() {
        Uf3Model model = RandomModels.create(17, List.of("Nb", "W"), true, false);
        for (double[] x : new double[][] {
            {0, 0, 0, 2.3, 0, 0, 0.4, 2.1, 0.3},
            {0.2, -0.1, 0.05, 1.6, 1.9, -0.4, -0.9, 1.4, 1.5},
            {0, 0, 0, 2.7, 0.2, 0, 1.1, 2.4, 0.7}}) {
            Structure s = new Structure(new String[] {"Nb", "W", "W"}, x, new Cell(
                    new double[] {40, 0, 0, 0, 40, 0, 0, 0, 40}, new boolean[] {false, false, false}));
            double d01 = distance(x, 0, 1), d02 = distance(x, 0, 2), d12 = distance(x, 1, 2);
            double expected = model.oneBodyEnergy("Nb") + 2 * model.oneBodyEnergy("W")
                    + 2 * model.pair("Nb", "W").value(d01) + 2 * model.pair("Nb", "W").value(d02)
                    + 2 * model.pair("W", "W").value(d12);
            TripletTerm nbww = model.triplet("Nb", "W", "W");
            TripletTerm wnbw = model.triplet("W", "Nb", "W");
            double v3 = nbww.value(d01, d02, d12) + wnbw.value(d01, d12, d02) + wnbw.value(d02, d12, d01);
            assertTrue(Math.abs(v3) > 1e-4, "the cluster sits inside every 3-body leg, V3 = " + v3);
            double energy = new JavaEvaluator(model).evaluate(s).energy();
            assertEquals(energy, expected + v3, 1e-12 * Math.abs(energy));
        }
    }

    @Test
    void legsAreNotInterchangeableBetweenDifferentNeighbours() {
        TripletTerm wnbw = RandomModels.create(17, List.of("Nb", "W"), true, false).triplet("W", "Nb", "W");
        assertNotEquals(wnbw.value(2.3, 2.85, 2.16), wnbw.value(2.85, 2.3, 2.16));
    }

    @Test
    void zeroBeyondAnyCutoffAndUndefinedBelowTheFirstKnot() {
        TripletTerm t = RandomModels.create(5, List.of("W"), true, true).triplet("W", "W", "W");
        double rij = t.knotsIJ().max(), rik = 2.5, rjk = 3.0;
        assertEquals(0.0, t.value(rij, rik, rjk));
        assertEquals(0.0, t.value(2.5, t.knotsIK().max() + 0.1, rjk));
        assertEquals(0.0, t.value(2.5, 2.6, t.knotsJK().max()));
        assertTrue(Double.isNaN(t.value(t.knotsIJ().min() - 0.01, 2.5, rjk)));
        assertEquals(t.value(2.4, 2.7, 3.1), t.value(2.7, 2.4, 3.1), 1e-14, "W-W-W is symmetric in ij, ik");
    }

    private static double distance(double[] x, int a, int b) {
        double dx = x[3 * a] - x[3 * b], dy = x[3 * a + 1] - x[3 * b + 1], dz = x[3 * a + 2] - x[3 * b + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}

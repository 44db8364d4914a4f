package org.uf3j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.structure.Structure;

class RelaxerTest {
    static final LennardJones LJ = LennardJones.copper();
    static final Evaluator EV = new JavaEvaluator(LJ.model("Cu"));
    static final double A0 = LJ.sums().equilibrium("fcc", 3.3, 4.0);

    static Structure rattled(double a, double amplitude, long seed) {
        Structure s = CubicLattice.FCC.conventional("Cu", a).supercell(3, 3, 3);
        Random rnd = new Random(seed);
        double[] x = s.positions();
        for (int i = 0; i < x.length; i++) {
            x[i] += amplitude * rnd.nextGaussian();
        }
        return s.withPositions(x);
    }

    @Test
    void fireReturnsARattledCrystalToThePerfectLattice() {
        Structure perfect = CubicLattice.FCC.conventional("Cu", A0).supercell(3, 3, 3);
        double ePerfect = EV.evaluate(perfect).energy();
        Structure start = rattled(A0, 0.08, 7);
        double eStart = EV.evaluate(start).energy();
        assertTrue(eStart - ePerfect > 0.1, "rattling costs energy");
        long t = System.nanoTime();
        RelaxResult r = new Relaxer(EV, 1e-4, 2000).relaxPositions(start);
        System.out.printf("FIRE 108 atoms: %d evaluations, %.3f s, E-E0 %.3e eV, fmax %.2e%n", r.steps(),
                (System.nanoTime() - t) / 1e9, r.energy() - ePerfect, r.maxForce());
        assertTrue(r.converged());
        assertTrue(r.maxForce() < 1e-4);
        assertEquals(ePerfect, r.energy(), 1e-7, "the perfect crystal is the minimum");
        assertEquals(r.maxForce(), Relaxer.maxForce(EV.evaluate(r.structure()).forces()), 1e-12);
    }

    @Test
    void runningOutOfStepsIsReportedAsNotConverged() {
        RelaxResult r = new Relaxer(EV, 1e-6, 5).relaxPositions(rattled(A0, 0.08, 8));
        assertFalse(r.converged());
        assertTrue(r.maxForce() > 1e-6);
        assertTrue(r.steps() <= 6);
    }

    @Test
    void volumeRelaxationFindsTheZeroPressureLatticeConstant() {
        Structure start = rattled(A0 * 1.04, 0.03, 9);
        RelaxResult r = new Relaxer(EV, 1e-5, 3000).relaxVolume(start, 1e-7);
        double a = Math.cbrt(r.structure().cell().volume() / 27);
        System.out.printf("volume relaxation: a = %.6f (lattice sum %.6f), P = %.2e eV/Å³, %d evaluations%n", a, A0,
                r.pressure(), r.steps());
        assertTrue(r.converged());
        assertTrue(Math.abs(r.pressure()) < 1e-7);
        assertEquals(A0, a, 1e-4);
    }
}

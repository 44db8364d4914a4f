package org.uf3j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.Uf3Model;

/**
 * Vacancy in a pair-potential crystal. With E = ½ Σ_i Σ_{j≠i} φ(r_ij) and the cohesive energy per
 * atom e = ½ Σ_R φ(R), removing one atom removes its Σ_R φ(R) = 2e of bond energy:
 * E(N−1) = N e − 2e, so E_f(unrelaxed) = E(N−1) − (N−1)/N · N e = −e (the cohesive energy).
 */
class VacancyFormationTest {
    static final LennardJones LJ = LennardJones.copper();
    static final Uf3Model MODEL = LJ.model("Cu");
    static final Evaluator EV = new JavaEvaluator(MODEL);

    @Test
    void fccUnrelaxedIsMinusTheCohesiveEnergyAndRelaxationLowersIt() {
        double a0 = LatticeConstant.minimise(EV, "Cu", CubicLattice.FCC, 3.6);
        double cohesive = LJ.sums().energyPerAtom("fcc", a0);
        double exact = new LatticeSums(LennardJones.splineOf(MODEL), LJ.rc).energyPerAtom("fcc", a0);
        long t = System.nanoTime();
        VacancyFormation.Result r = VacancyFormation.compute(EV, "Cu", CubicLattice.FCC, a0, 4, new Relaxer(EV, 1e-4, 3000));
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("LJ fcc vacancy (%d sites): unrelaxed %.6f eV (−e_coh: φ %.6f, spline %.6f), relaxed %.6f eV,"
                + " %d evaluations, %.2f s%n", r.atoms(), r.unrelaxed(), -cohesive, -exact, r.relaxed(), r.relaxSteps(), seconds);
        assertEquals(256, r.atoms());
        assertEquals(-cohesive, r.unrelaxed(), 1e-4);
        assertEquals(-exact, r.unrelaxed(), 1e-8);
        assertTrue(r.converged() && r.maxForce() < 1e-4);
        assertTrue(r.relaxed() < r.unrelaxed(), "relaxation lowers the formation energy");
        // LJ vacancies relax little: a few per cent of E_f
        assertTrue(r.relaxationEnergy() > 0.005 * r.unrelaxed() && r.relaxationEnergy() < 0.15 * r.unrelaxed(),
                "relaxation energy " + r.relaxationEnergy());
    }

    @Test
    void bccSupercellOf4CubesHas128SitesAndTheSameBondCountingAtAnyLatticeConstant() {
        double a = 2.95; // not an equilibrium: the unrelaxed identity holds for any a
        VacancyFormation.Result r = VacancyFormation.compute(EV, "Cu", CubicLattice.BCC, a, 4, null);
        assertEquals(128, r.atoms());
        assertEquals(-new LatticeSums(LennardJones.splineOf(MODEL), LJ.rc).energyPerAtom("bcc", a), r.unrelaxed(), 1e-8);
        assertEquals(-LJ.sums().energyPerAtom("bcc", a), r.unrelaxed(), 1e-4);
        assertTrue(Double.isNaN(r.relaxed()));
        assertEquals(128 * LatticeConstant.energyPerAtom(EV, "Cu", CubicLattice.BCC, a), r.perfectEnergy(), 1e-9);
    }
}

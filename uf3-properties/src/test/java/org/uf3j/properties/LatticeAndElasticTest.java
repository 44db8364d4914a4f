package org.uf3j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.Uf3Model;

/** Lennard-Jones fcc: lattice constant, cohesive energy, bulk modulus and elastic constants against lattice sums. */
class LatticeAndElasticTest {
    static final LennardJones LJ = LennardJones.copper();
    static final Uf3Model MODEL = LJ.model("Cu");
    static final Evaluator EV = new JavaEvaluator(MODEL);
    /** Sums of the analytic φ (references to spline accuracy) and of the model's own spline (tight references). */
    static final LatticeSums ANALYTIC = LJ.sums();
    static final LatticeSums SPLINE = new LatticeSums(LennardJones.splineOf(MODEL), LJ.rc);

    @Test
    void latticeConstantAndEnergyMatchTheLatticeSum() {
        double aRef = ANALYTIC.equilibrium("fcc", 3.3, 4.0);
        double eRef = ANALYTIC.energyPerAtom("fcc", aRef);
        double aSpline = SPLINE.equilibrium("fcc", 3.3, 4.0);
        LatticeConstant.Result r = LatticeConstant.find(EV, "Cu", CubicLattice.FCC, 3.5, 0.03, 11);
        System.out.printf("LJ fcc: a0 %.9f (lattice sum of φ %.9f, of the spline %.9f), E %.8f (%.8f) eV/atom,"
                + " P %.2e eV/Å³%n", r.a0(), aRef, aSpline, r.energyPerAtom(), eRef, r.pressure());
        assertEquals(aRef, r.a0(), 1e-5);
        assertEquals(aSpline, r.a0(), 1e-8);
        assertEquals(eRef, r.energyPerAtom(), 1e-5);
        assertEquals(SPLINE.energyPerAtom("fcc", r.a0()), r.energyPerAtom(), 1e-10);
        assertEquals(0, r.pressure(), 1e-8);
        assertEquals(r.a0() * r.a0() * r.a0() / 4, r.volumePerAtom(), 1e-12);
        // the smoothed LJ with a 2.5σ cutoff: a0 ≈ 1.54σ, E ≈ −8.1ε (−8.6ε for the untruncated sum)
        assertEquals(1.54, r.a0() / LJ.sigma, 0.01);
        assertTrue(r.energyPerAtom() / LJ.epsilon < -7.5 && r.energyPerAtom() / LJ.epsilon > -8.7);
        // E(V) fit: its minimum is the same equilibrium
        assertEquals(r.volumePerAtom(), r.eos().volume(), 1e-4 * r.volumePerAtom());
        assertEquals(r.energyPerAtom(), r.eos().energy(), 1e-5);
    }

    @Test
    void scanningWithoutAGuessFindsTheNearestNeighbourMinimum() {
        // nearest-neighbour-only LJ: zero pressure needs φ'(r_nn) = 0, so a0 = √2 · 2^{1/6} σ = 2^{2/3} σ exactly
        LennardJones nn = LennardJones.copperNearestNeighbour();
        Evaluator ev = new JavaEvaluator(nn.model("Cu"));
        double a0 = LatticeConstant.find(ev, "Cu", CubicLattice.FCC, Double.NaN, 0, 0).a0();
        assertEquals(Math.pow(2, 2.0 / 3.0) * nn.sigma, a0, 1e-5);
        assertEquals(-6 * nn.epsilon, LatticeConstant.energyPerAtom(ev, "Cu", CubicLattice.FCC, a0), 1e-6);
    }

    @Test
    void elasticConstantsMatchTheBornLatticeSumsAndTheCauchyRelation() {
        double aRef = ANALYTIC.equilibrium("fcc", 3.3, 4.0);
        double[] born = ANALYTIC.bornElastic("fcc", aRef);
        LatticeConstant.Result eq = LatticeConstant.find(EV, "Cu", CubicLattice.FCC, 3.5, 0.03, 11);
        long t = System.nanoTime();
        ElasticConstants.Result c = ElasticConstants.compute(EV, "Cu", CubicLattice.FCC, eq.a0(), 1e-3, null);
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("LJ fcc: C11 %.4f C12 %.4f C44 %.4f B %.4f GPa (Born %.4f %.4f %.4f), B(EOS) %.4f GPa,"
                + " B' %.3f, asym %.1e, %.3f s%n", c.c11(), c.c12(), c.c44(), c.bulkModulus(), born[0], born[1], born[2],
                eq.bulkModulusGPa(), eq.eos().bulkModulusDerivative(), c.cubicAsymmetry(), seconds);
        // the analytic φ to the accuracy of its spline representation (~3e-4); the model's own spline to the
        // O(δ²) truncation error of central differences (~4e-5 at δ = 1e-3, 16 times less at δ/4)
        double[] exact = SPLINE.bornElastic("fcc", eq.a0());
        ElasticConstants.Result fine = ElasticConstants.compute(EV, "Cu", CubicLattice.FCC, eq.a0(), 2.5e-4, null);
        System.out.printf("        δ = 2.5e-4: C11 %.4f C12 %.4f C44 %.4f GPa%n", fine.c11(), fine.c12(), fine.c44());
        System.out.printf("        Born sums of the spline: %.4f %.4f %.4f GPa%n", exact[0], exact[1], exact[2]);
        assertEquals(born[0], c.c11(), 1e-3 * born[0]);
        assertEquals(born[1], c.c12(), 1e-3 * born[1]);
        assertEquals(born[2], c.c44(), 1e-3 * born[2]);
        assertEquals(exact[0], c.c11(), 1e-4 * exact[0]);
        assertEquals(exact[1], c.c12(), 1e-4 * exact[1]);
        assertEquals(exact[2], c.c44(), 1e-4 * exact[2]);
        assertEquals(exact[0], fine.c11(), 1e-5 * exact[0]);
        assertEquals(exact[1], fine.c12(), 1e-5 * exact[1]);
        assertEquals(exact[2], fine.c44(), 1e-5 * exact[2]);
        assertEquals(c.c12(), c.c44(), 0.002 * c.c44(), "Cauchy relation C12 = C44 of a central pair potential");
        assertTrue(c.c11() > c.c12() && c.c12() > 0);
        assertTrue(c.cubicAsymmetry() < 1e-3 * c.c11(), "cubic symmetry of the 6x6 matrix");
        assertEquals((c.c11() + 2 * c.c12()) / 3, c.bulkModulus(), 1e-12);
        assertEquals(c.bulkModulus(), eq.bulkModulusGPa(), 0.02 * c.bulkModulus(), "B(EOS) = (C11 + 2 C12)/3");
    }

    @Test
    void internalRelaxationChangesNothingInAMonatomicBravaisCrystalAndStrainSizeBarelyMatters() {
        double a0 = LatticeConstant.minimise(EV, "Cu", CubicLattice.FCC, 3.6);
        ElasticConstants.Result clamped = ElasticConstants.compute(EV, "Cu", CubicLattice.FCC, a0, 1e-3, null);
        ElasticConstants.Result relaxed = ElasticConstants.compute(EV, "Cu", CubicLattice.FCC, a0, 1e-3,
                new Relaxer(EV, 1e-6, 200));
        ElasticConstants.Result larger = ElasticConstants.compute(EV, "Cu", CubicLattice.FCC, a0, 5e-3, null);
        assertTrue(relaxed.internalRelaxation());
        assertEquals(clamped.c44(), relaxed.c44(), 1e-6 * clamped.c44());
        assertEquals(clamped.c11(), relaxed.c11(), 1e-6 * clamped.c11());
        assertEquals(clamped.c11(), larger.c11(), 2e-3 * clamped.c11());
        assertEquals(clamped.c44(), larger.c44(), 2e-3 * clamped.c44());
    }
}

package org.uf3j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.units.MetalUnits;

/**
 * Diamond (two atoms per primitive cell): a yz shear moves the second fcc sublattice along x, which
 * lowers C44. Reference from energies alone: with E(γ, u) for shear γ and sublattice shift u,
 * C44(relaxed) = (E_γγ − E_γu²/E_uu)/V, the curvatures by central differences.
 */
class InternalRelaxationTest {
    static final LennardJones LJ = LennardJones.copper();
    static final Evaluator EV = new JavaEvaluator(LJ.model("Cu"));

    static double energy(Structure s, double gamma, double u) {
        Structure sheared = Strains.apply(s, Strains.voigt(3, gamma));
        double[] x = sheared.positions();
        for (int i = 4; i < 8; i++) { // atoms 4..7 are the (¼,¼,¼) sublattice
            x[3 * i] += u;
        }
        return EV.evaluate(sheared.withPositions(x)).energy();
    }

    @Test
    void relaxedC44OfDiamondMatchesTheInternalStrainFormula() {
        double a0 = LatticeConstant.minimise(EV, "Cu", CubicLattice.DIAMOND, 5.8);
        Structure s = CubicLattice.DIAMOND.conventional("Cu", a0);
        double v = s.cell().volume();
        double g = 1e-3;
        double h = 1e-3;
        double e0 = energy(s, 0, 0);
        double egg = (energy(s, g, 0) - 2 * e0 + energy(s, -g, 0)) / (g * g);
        double euu = (energy(s, 0, h) - 2 * e0 + energy(s, 0, -h)) / (h * h);
        double egu = (energy(s, g, h) - energy(s, g, -h) - energy(s, -g, h) + energy(s, -g, -h)) / (4 * g * h);
        double clamped = egg / v * MetalUnits.GPA_PER_EV_PER_A3;
        double relaxed = (egg - egu * egu / euu) / v * MetalUnits.GPA_PER_EV_PER_A3;

        ElasticConstants.Result c0 = ElasticConstants.compute(EV, "Cu", CubicLattice.DIAMOND, a0, 1e-3, null);
        ElasticConstants.Result c1 = ElasticConstants.compute(EV, "Cu", CubicLattice.DIAMOND, a0, 1e-3,
                new Relaxer(EV, 1e-7, 2000));
        System.out.printf("LJ diamond a0 %.5f: C44 clamped %.3f (energy FD %.3f), relaxed %.3f (internal-strain formula"
                + " %.3f) GPa; C11 %.3f, C12 %.3f%n", a0, c0.c44(), clamped, c1.c44(), relaxed, c1.c11(), c1.c12());
        assertTrue(euu > 0, "the sublattice shift is a stable mode");
        assertEquals(clamped, c0.c44(), 1e-3 * Math.abs(clamped));
        assertEquals(relaxed, c1.c44(), 1e-3 * Math.abs(c0.c44()));
        assertTrue(c1.c44() < c0.c44() - 10, "internal relaxation lowers C44");
        // under normal strains each atom keeps three twofold axes through it: no internal force, nothing to relax
        assertEquals(c0.c11(), c1.c11(), 1e-6 * c0.c11());
        assertEquals(c0.c12(), c1.c12(), 1e-6 * c0.c12());
        assertTrue(c1.internalRelaxation() && !c0.internalRelaxation());
    }
}

package org.uf3j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.Uf3Model;

/** Surface energies of pair-potential crystals against broken-bond sums. */
class SurfaceEnergyTest {
    static final LennardJones LJ = LennardJones.copper();
    static final Uf3Model MODEL = LJ.model("Cu");
    static final Evaluator EV = new JavaEvaluator(MODEL);
    static final LatticeSums EXACT = new LatticeSums(LennardJones.splineOf(MODEL), LJ.rc);

    static double[] normal(SurfaceOrientation o) {
        int[] z = o.axis(2);
        return new double[] {z[0], z[1], z[2]};
    }

    @Test
    void fccLennardJonesSurfacesMatchBrokenBondsAndAreOrdered() {
        double a0 = LatticeConstant.minimise(EV, "Cu", CubicLattice.FCC, 3.6);
        Relaxer relaxer = new Relaxer(EV, 1e-4, 3000);
        SurfaceEnergy.Result[] r = new SurfaceEnergy.Result[3];
        for (SurfaceOrientation o : SurfaceOrientation.values()) {
            long t = System.nanoTime();
            SurfaceEnergy.Result s = SurfaceEnergy.compute(EV, "Cu", CubicLattice.FCC, a0, o, 12, 2 * LJ.rc, 15.0, relaxer);
            double bb = LJ.sums().brokenBondSurfaceEnergy("fcc", a0, normal(o));
            System.out.printf("LJ fcc %s: %d layers, %d atoms, unrelaxed %.6f eV/Å² (broken bonds %.6f), relaxed %.6f"
                    + " eV/Å² = %.4f J/m², %d evaluations, %.2f s%n", o, s.layers(), s.atoms(), s.unrelaxed(), bb,
                    s.relaxed(), s.relaxedJm2(), s.relaxSteps(), (System.nanoTime() - t) / 1e9);
            assertTrue(s.layers() >= 12 && s.thickness() >= 2 * LJ.rc);
            assertEquals(bb, s.unrelaxed(), 2e-5 * bb);
            assertEquals(EXACT.brokenBondSurfaceEnergy("fcc", a0, normal(o)), s.unrelaxed(), 1e-9);
            assertTrue(s.converged());
            assertTrue(s.relaxed() <= s.unrelaxed() && s.relaxed() > 0.9 * s.unrelaxed());
            assertEquals(s.relaxed() * 16.02176634, s.relaxedJm2(), 1e-12);
            r[o.ordinal()] = s;
        }
        // close-packed (111) is lowest, then (100), then the open (110)
        assertTrue(r[2].relaxed() < r[0].relaxed() && r[0].relaxed() < r[1].relaxed());
        assertTrue(r[2].unrelaxed() < r[0].unrelaxed() && r[0].unrelaxed() < r[1].unrelaxed());
    }

    @Test
    void nearestNeighbourBrokenBondCountsOfFcc() {
        // NN-only LJ at a0 = 2^{2/3}σ: every bond is −ε; per surface atom (111) breaks 3 bonds on √3a²/4,
        // (100) 4 bonds on a²/2, (110) 5 + 1 (second layer) bonds on a²/√2: γ = 2√3 ε/a², 4 ε/a², 3√2 ε/a²
        LennardJones nn = LennardJones.copperNearestNeighbour();
        Evaluator ev = new JavaEvaluator(nn.model("Cu"));
        double a = Math.pow(2, 2.0 / 3.0) * nn.sigma;
        double unit = nn.epsilon / (a * a);
        double[] expected = {4 * unit, 3 * Math.sqrt(2) * unit, 2 * Math.sqrt(3) * unit};
        for (SurfaceOrientation o : SurfaceOrientation.values()) {
            SurfaceEnergy.Result s = SurfaceEnergy.compute(ev, "Cu", CubicLattice.FCC, a, o, 12, 2 * nn.rc, 12.0, null);
            assertEquals(expected[o.ordinal()], s.unrelaxed(), 2e-6 * expected[o.ordinal()], o.toString());
        }
    }

    @ParameterizedTest
    @CsvSource({"S100", "S110", "S111"})
    void bccSlabsCountBrokenBondsExactly(SurfaceOrientation o) {
        double a = 2.95; // any a: unrelaxed γ is pure bond counting
        SurfaceEnergy.Result s = SurfaceEnergy.compute(EV, "Cu", CubicLattice.BCC, a, o, 12, 2 * LJ.rc, 12.0, null);
        assertEquals(EXACT.brokenBondSurfaceEnergy("bcc", a, normal(o)), s.unrelaxed(), 1e-9);
        assertTrue(Double.isNaN(s.relaxed()));
        assertTrue(s.layers() >= 12);
        assertEquals(LatticeConstant.energyPerAtom(EV, "Cu", CubicLattice.BCC, a), s.bulkEnergyPerAtom(), 1e-10);
    }
}

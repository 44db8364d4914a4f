package org.uf3j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.units.MetalUnits;

/** Phonons of pair-potential crystals against the central-force lattice-sum dynamical matrix and elasticity. */
class PhononDispersionTest {
    static final LennardJones LJ = LennardJones.copper();
    static final Uf3Model MODEL = LJ.model("Cu");
    static final Evaluator EV = new JavaEvaluator(MODEL);
    static final double MASS = Elements.mass("Cu");

    /** Signed frequencies (THz) of the lattice-sum dynamical matrix, ascending. */
    static double[] reference(LatticeSums sums, String type, double a, double[] q) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(3, false, true);
        assertTrue(eig.decompose(new DMatrixRMaj(3, 3, true, sums.dynamicalMatrix(type, a, q, MASS))));
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) {
            double l = eig.getEigenvalue(i).real;
            f[i] = Math.signum(l) * Math.sqrt(Math.abs(l)) * 15.6333042;
        }
        Arrays.sort(f);
        return f;
    }

    @Test
    void unitConversionIsSqrtOfEvPerAngstromSquaredPerAmuOver2Pi() {
        // 1 eV/(Å² amu) = 1.602176634e-19 J / (1e-20 m² × 1.66053906660e-27 kg) = 9.64853321e27 s⁻²;
        // f = sqrt(λ)/(2π) = 15.6333042 THz for λ = 1
        assertEquals(9.64853321e27, Units.PER_S2_PER_EV_PER_A2_AMU, 1e19);
        assertEquals(15.6333042, Units.THZ_PER_SQRT_EIGENVALUE, 1e-6);
        assertEquals(-15.6333042 * 2, Units.frequencyThz(-4), 1e-5);
    }

    @Test
    void fccAcousticBranchesVanishAtGammaAndTheirSlopesAreTheSoundVelocities() {
        double a0 = LatticeConstant.minimise(EV, "Cu", CubicLattice.FCC, 3.6);
        int n = PhononDispersion.supercellFor(a0, LJ.rc);
        assertEquals(4, n, "4 cubes (14.5 Å) exceed twice the 5.85 Å cutoff");
        long t = System.nanoTime();
        PhononDispersion pd = PhononDispersion.compute(EV, "Cu", CubicLattice.FCC, a0, n, 0.01);
        double setup = (System.nanoTime() - t) / 1e9;
        for (double f : pd.frequencies(new double[3])) {
            assertEquals(0, f, 1e-6, "acoustic sum rule at Γ");
        }
        ElasticConstants.Result c = ElasticConstants.compute(EV, "Cu", CubicLattice.FCC, a0, 1e-3, null);
        double rho = 4 * MASS / (a0 * a0 * a0); // amu/Å³
        double vL = Math.sqrt(c.c11() / MetalUnits.GPA_PER_EV_PER_A3 / rho * Units.M2_PER_S2_PER_EV_PER_AMU);
        double vT = Math.sqrt(c.c44() / MetalUnits.GPA_PER_EV_PER_A3 / rho * Units.M2_PER_S2_PER_EV_PER_AMU);
        double q = 0.01 * 2 * Math.PI / a0;
        double[] f = pd.frequencies(new double[] {q, 0, 0});
        // v = ω/q = 2π f/q, with f in 1/ps and q in 1/Å: ×100 for m/s
        double slopeT = 2 * Math.PI * f[0] / q * 100;
        double slopeL = 2 * Math.PI * f[2] / q * 100;
        System.out.printf("LJ fcc phonons (%d³ cubes, %d atoms, %.2f s): v_L %.1f m/s (sqrt(C11/ρ) %.1f), v_T %.1f m/s"
                + " (sqrt(C44/ρ) %.1f), T degeneracy %.1e%n", n, pd.forceConstants().size(), setup, slopeL, vL, slopeT, vT,
                f[1] - f[0]);
        assertEquals(vL, slopeL, 0.005 * vL);
        assertEquals(vT, slopeT, 0.005 * vT);
        assertEquals(f[0], f[1], 1e-6, "transverse branches are degenerate along [100]");
    }

    @Test
    void fccDispersionMatchesTheLatticeSumEverywhereOnThePath() {
        double a0 = LatticeConstant.minimise(EV, "Cu", CubicLattice.FCC, 3.6);
        PhononDispersion pd = PhononDispersion.compute(EV, "Cu", CubicLattice.FCC, a0, 4, 0.01);
        // ±0.01 Å differences carry an anharmonic error (~3e-4 here), which shrinks ~10-fold at h = 0.0025 Å
        // (between O(h²) and O(h): the third derivative of a cubic spline jumps at the knots, 0.01 Å apart)
        PhononDispersion small = PhononDispersion.compute(EV, "Cu", CubicLattice.FCC, a0, 4, 0.0025);
        PhononDispersion.Table table = pd.standardPath(10);
        LatticeSums exact = new LatticeSums(LennardJones.splineOf(MODEL), LJ.rc);
        double worst = 0;
        double worstSmall = 0;
        for (PhononDispersion.Row r : table.rows()) {
            double[] ref = reference(exact, "fcc", a0, r.q());
            double[] ana = reference(LJ.sums(), "fcc", a0, r.q());
            double[] fs = small.frequencies(r.q());
            for (int b = 0; b < 3; b++) {
                assertEquals(ref[b], r.frequencies()[b], 5e-4 * table.maxFrequency(), "q = " + Arrays.toString(r.q()));
                assertEquals(ref[b], fs[b], 1e-4 * table.maxFrequency(), "q = " + Arrays.toString(r.q()));
                assertEquals(ana[b], r.frequencies()[b], 2e-3 * table.maxFrequency(), "q = " + Arrays.toString(r.q()));
                worst = Math.max(worst, Math.abs(ref[b] - r.frequencies()[b]));
                worstSmall = Math.max(worstSmall, Math.abs(ref[b] - fs[b]));
            }
        }
        System.out.printf("LJ fcc path Γ-X-W-K-Γ-L: %d points, max %.4f THz, worst deviation from lattice sum %.2e THz"
                + " (h = 0.0025 Å: %.2e)%n", table.rows().size(), table.maxFrequency(), worst, worstSmall);
        assertEquals(List.of("Γ", "X", "W", "K", "Γ", "L"),
                table.rows().stream().map(PhononDispersion.Row::label).filter(s -> !s.isEmpty()).toList());
        assertEquals(51, table.rows().size());
        assertTrue(table.minFrequency() > -1e-6, "fcc LJ is stable");
        // path length: |ΓX| + |XW| + |WK| + |KΓ| + |ΓL| in units of 2π/a
        double len = 1 + 0.5 + Math.sqrt(2) / 4 + 3 * Math.sqrt(2) / 4 + Math.sqrt(3) / 2;
        assertEquals(len * 2 * Math.PI / a0, table.rows().get(50).distance(), 1e-9);
        assertTrue(table.toTsv().startsWith("distance_inv_A\tlabel"));
        assertEquals(52, table.toTsv().split("\n").length);
    }

    @Test
    void nearestNeighbourFccSpringModelAtX() {
        // NN-only LJ at a0 = 2^{2/3}σ: zero tension (φ'(r_nn) = 0) and spring k = φ''(2^{1/6}σ) = 72·2^{-1/3} ε/σ²;
        // at X = (2π/a)(0,1,0) the longitudinal mode has ω² = 8k/M and the two transverse ω² = 4k/M
        LennardJones nn = LennardJones.copperNearestNeighbour();
        Evaluator ev = new JavaEvaluator(nn.model("Cu"));
        double a0 = LatticeConstant.minimise(ev, "Cu", CubicLattice.FCC, 3.7);
        double k = 72 * Math.pow(2, -1.0 / 3.0) * nn.epsilon / (nn.sigma * nn.sigma);
        PhononDispersion pd = PhononDispersion.compute(ev, "Cu", CubicLattice.FCC, a0,
                PhononDispersion.supercellFor(a0, nn.rc), 0.01);
        double[] f = pd.frequencies(new BrillouinPath.Point("X", 0, 1, 0));
        double fL = Math.sqrt(8 * k / MASS) * Units.THZ_PER_SQRT_EIGENVALUE;
        double fT = Math.sqrt(4 * k / MASS) * Units.THZ_PER_SQRT_EIGENVALUE;
        System.out.printf("NN fcc spring model at X: L %.5f THz (analytic %.5f), T %.5f %.5f THz (analytic %.5f)%n",
                f[2], fL, f[0], f[1], fT);
        assertEquals(fL, f[2], 5e-4 * fL);
        assertEquals(fT, f[0], 5e-4 * fT);
        assertEquals(fT, f[1], 5e-4 * fT);
    }

    @Test
    void bccDispersionMatchesTheLatticeSumIncludingUnstableModes() {
        // bcc at an arbitrary a (forces vanish by symmetry, so the harmonic expansion is valid even if unstable)
        double a = 2.95;
        int n = PhononDispersion.supercellFor(a, LJ.rc);
        PhononDispersion pd = PhononDispersion.compute(EV, "Cu", CubicLattice.BCC, a, n, 0.01);
        PhononDispersion.Table table = pd.standardPath(8);
        LatticeSums exact = new LatticeSums(LennardJones.splineOf(MODEL), LJ.rc);
        for (PhononDispersion.Row r : table.rows()) {
            double[] ref = reference(exact, "bcc", a, r.q());
            for (int b = 0; b < 3; b++) {
                assertEquals(ref[b], r.frequencies()[b], 5e-4 * table.maxFrequency(), "q = " + Arrays.toString(r.q()));
            }
        }
        assertEquals(List.of("Γ", "H", "P", "Γ", "N"),
                table.rows().stream().map(PhononDispersion.Row::label).filter(s -> !s.isEmpty()).toList());
        // at H all three modes are degenerate (cubic site symmetry of the zone corner)
        double[] h = pd.frequencies(new BrillouinPath.Point("H", 0, 1, 0));
        assertEquals(h[0], h[2], 1e-6 * Math.abs(h[2]));
        System.out.printf("LJ bcc a=%.2f (%d³ cubes): H %.4f THz, path min %.4f max %.4f THz%n", a, n, h[0],
                table.minFrequency(), table.maxFrequency());
    }

    @Test
    void aSupercellSmallerThanTheRangeIsStillExactAtCommensurateWaveVectors() {
        // 2 cubes (7.2 Å) < 2 rc: force constants fold onto periodic images, but at q with e^{iq·T} = 1 for
        // every supercell translation T (Γ, X, W, L here) the folded sum is the full lattice sum
        double a0 = LatticeConstant.minimise(EV, "Cu", CubicLattice.FCC, 3.6);
        PhononDispersion pd = PhononDispersion.compute(EV, "Cu", CubicLattice.FCC, a0, 2, 0.0025);
        LatticeSums exact = new LatticeSums(LennardJones.splineOf(MODEL), LJ.rc);
        for (BrillouinPath.Point p : List.of(new BrillouinPath.Point("X", 0, 1, 0), new BrillouinPath.Point("W", 0.5, 1, 0),
                new BrillouinPath.Point("L", 0.5, 0.5, 0.5), new BrillouinPath.Point("X'", 1, 0, 0))) {
            double[] ref = reference(exact, "fcc", a0, p.cartesian(a0));
            double[] f = pd.frequencies(p);
            for (int b = 0; b < 3; b++) {
                assertEquals(ref[b], f[b], 2e-3, p.label());
            }
        }
        // ... but only approximately at K = (3/4, 3/4, 0), which the 2-cube supercell does not contain
        BrillouinPath.Point k = new BrillouinPath.Point("K", 0.75, 0.75, 0);
        double[] ref = reference(exact, "fcc", a0, k.cartesian(a0));
        double[] f = pd.frequencies(k);
        double folding = Math.max(Math.abs(ref[0] - f[0]), Math.max(Math.abs(ref[1] - f[1]), Math.abs(ref[2] - f[2])));
        System.out.printf("2-cube supercell: interpolation error at K %.4f THz (of %.3f)%n", folding, ref[2]);
        assertTrue(folding > 2e-3, "K is not commensurate with 2 cubes, so the result is not exact there");
    }

    @Test
    void diamondIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PhononDispersion.compute(EV, "Cu", CubicLattice.DIAMOND, 5.4, 2, 0.01));
    }
}

package org.uf3j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.units.MetalUnits;

/**
 * Zincblende GaAs with a two-element Lennard-Jones model (unlike pairs bound twice as strongly as like
 * pairs). References independent of the stress–strain code: central differences of the energy (C11,
 * C12, clamped C44), the internal-strain formula C44 = (E_γγ − E_γu²/E_uu)/V for the ions relaxed, the
 * equation of state's bulk modulus, and diamond itself when both species interact alike. (Pair-only zincblende
 * is mechanically unstable, relaxed C44 < 0 here: the formulas hold all the same.)
 */
class ZincblendeTest {
    static final LennardJones UNLIKE = LennardJones.copper();
    static final LennardJones LIKE = new LennardJones(0.5 * UNLIKE.epsilon, UNLIKE.sigma, UNLIKE.r1, UNLIKE.rc);
    static final List<String> GAAS = List.of("Ga", "As");
    static final Crystal CRYSTAL = new Crystal(CubicLattice.ZINCBLENDE, GAAS);

    static Evaluator evaluator(LennardJones like) {
        Uf3Model m = Uf3Model.builder().pair(like.pairTerm("Ga", "Ga")).pair(like.pairTerm("As", "As"))
                .pair(UNLIKE.pairTerm("Ga", "As")).build();
        return new JavaEvaluator(m);
    }

    static final Evaluator EV = evaluator(LIKE);

    /** Energy of the cell under strain {@code e} (3x3) with the As sublattice shifted by u along x. */
    static double energy(Structure s, double[] e, double u) {
        Structure strained = Strains.apply(s, e);
        double[] x = strained.positions();
        for (int i = 4; i < 8; i++) {
            x[3 * i] += u;
        }
        return EV.evaluate(strained.withPositions(x)).energy();
    }

    static double[] strain(double xx, double yy, double shearYz) {
        return new double[] {xx, 0, 0, 0, yy, shearYz / 2, 0, shearYz / 2, 0};
    }

    @Test
    void eachSpeciesSitsOnItsOwnFccSublatticeAndEveryNearestNeighbourIsUnlike() {
        double a = 5.65;
        Structure s = CRYSTAL.conventional(a);
        assertEquals(8, s.size());
        double[] x = s.positions();
        double nn = a * Math.sqrt(3) / 4;
        int bonds = 0;
        for (int i = 0; i < 8; i++) {
            assertEquals(i < 4 ? "Ga" : "As", s.symbols()[i]);
            for (int j = 0; j < 8; j++) {
                double r2 = 0;
                for (int k = 0; k < 3; k++) {
                    double d = x[3 * i + k] - x[3 * j + k];
                    d -= a * Math.rint(d / a);
                    r2 += d * d;
                }
                if (i != j && Math.abs(Math.sqrt(r2) - nn) < 1e-9) {
                    assertTrue(!s.symbols()[i].equals(s.symbols()[j]), "nearest neighbours " + i + ", " + j + " alike");
                    bonds++;
                }
            }
        }
        assertEquals(8 * 4, bonds, "four nearest neighbours per atom (minimum image)");
        Structure p = CRYSTAL.primitive(a);
        assertEquals(List.of("Ga", "As"), List.of(p.symbols()));
        assertEquals(CRYSTAL.volumePerAtom(a), p.cell().volume() / 2, 1e-12);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> new Crystal(CubicLattice.ZINCBLENDE, List.of("Ga")));
        assertEquals("zincblende needs 2 elements (one per sublattice), got 1 [Ga]", one.getMessage());
        assertEquals(CubicLattice.ZINCBLENDE, CubicLattice.parse("Zinc-Blende"));
    }

    @Test
    void elasticConstantsEqualEnergyCurvaturesAndTheInternalStrainFormula() {
        double a0 = LatticeConstant.minimise(EV, CRYSTAL, 5.8);
        Structure s = CRYSTAL.conventional(a0);
        double v = s.cell().volume();
        double h = 1e-3;
        double e0 = energy(s, strain(0, 0, 0), 0);
        double exx = (energy(s, strain(h, 0, 0), 0) - 2 * e0 + energy(s, strain(-h, 0, 0), 0)) / (h * h);
        double exy = (energy(s, strain(h, h, 0), 0) - energy(s, strain(h, -h, 0), 0)
                - energy(s, strain(-h, h, 0), 0) + energy(s, strain(-h, -h, 0), 0)) / (4 * h * h);
        double egg = (energy(s, strain(0, 0, h), 0) - 2 * e0 + energy(s, strain(0, 0, -h), 0)) / (h * h);
        double euu = (energy(s, strain(0, 0, 0), h) - 2 * e0 + energy(s, strain(0, 0, 0), -h)) / (h * h);
        double egu = (energy(s, strain(0, 0, h), h) - energy(s, strain(0, 0, h), -h)
                - energy(s, strain(0, 0, -h), h) + energy(s, strain(0, 0, -h), -h)) / (4 * h * h);
        double gpa = MetalUnits.GPA_PER_EV_PER_A3 / v;
        double c11 = exx * gpa;
        double c12 = exy * gpa;
        double c44Clamped = egg * gpa;
        double c44Relaxed = (egg - egu * egu / euu) * gpa;

        ElasticConstants.Result clamped = ElasticConstants.compute(EV, CRYSTAL, a0, 1e-3, null);
        ElasticConstants.Result relaxed = ElasticConstants.compute(EV, CRYSTAL, a0, 1e-3, new Relaxer(EV, 1e-7, 2000));
        EquationOfState.Fit eos = LatticeConstant.equationOfState(EV, CRYSTAL, a0, 0.01, 11);
        System.out.printf("LJ zincblende GaAs a0 %.5f: C11 %.3f (energy FD %.3f), C12 %.3f (%.3f), C44 clamped %.3f (%.3f),"
                + " relaxed %.3f (internal-strain formula %.3f), B %.3f (EOS %.3f) GPa%n", a0, relaxed.c11(), c11,
                relaxed.c12(), c12, clamped.c44(), c44Clamped, relaxed.c44(), c44Relaxed, relaxed.bulkModulus(),
                eos.bulkModulusGPa());
        assertTrue(euu > 0 && egu != 0, "the sublattice shift is a stable mode coupled to the shear");
        assertEquals(c11, relaxed.c11(), 1e-3 * c11);
        assertEquals(c12, relaxed.c12(), 1e-3 * c11);
        assertEquals(c44Clamped, clamped.c44(), 1e-3 * c44Clamped);
        assertEquals(c44Relaxed, relaxed.c44(), 1e-3 * c44Clamped);
        assertTrue(relaxed.c44() < clamped.c44() - 5, "internal relaxation lowers C44");
        assertEquals(eos.bulkModulusGPa(), relaxed.bulkModulus(), 2e-3 * eos.bulkModulusGPa());
        assertTrue(relaxed.cubicAsymmetry() < 1e-3 * c11, "cubic symmetry of the 6x6 matrix");
    }

    @Test
    void bothSpeciesInteractingAlikeIsDiamond() {
        Evaluator alike = evaluator(UNLIKE);
        Evaluator cu = new JavaEvaluator(UNLIKE.model("Cu"));
        LatticeConstant.Result zb = LatticeConstant.find(alike, CRYSTAL, Double.NaN, 0.02, 11);
        LatticeConstant.Result dia = LatticeConstant.find(cu, "Cu", CubicLattice.DIAMOND, Double.NaN, 0.02, 11);
        assertEquals(dia.a0(), zb.a0(), 1e-9 * dia.a0());
        assertEquals(dia.energyPerAtom(), zb.energyPerAtom(), 1e-9 * Math.abs(dia.energyPerAtom()));
        assertEquals(dia.bulkModulusGPa(), zb.bulkModulusGPa(), 1e-6 * dia.bulkModulusGPa());
        ElasticConstants.Result c1 = ElasticConstants.compute(alike, CRYSTAL, zb.a0(), 1e-3, new Relaxer(alike, 1e-7, 2000));
        ElasticConstants.Result c0 = ElasticConstants.compute(cu, "Cu", CubicLattice.DIAMOND, dia.a0(), 1e-3,
                new Relaxer(cu, 1e-7, 2000));
        assertEquals(c0.c11(), c1.c11(), 1e-6 * c0.c11());
        assertEquals(c0.c12(), c1.c12(), 1e-6 * c0.c11());
        assertEquals(c0.c44(), c1.c44(), 1e-4 * c0.c11());
    }

    @Test
    void suiteGivesLatticeAndElasticConstantsAndSkipsWhatNeedsChemicalPotentials() {
        PropertyReport r = PropertySuite.run(EV, CRYSTAL, PropertyOptions.defaults());
        assertNull(r.vacancy());
        assertTrue(r.surfaces().isEmpty());
        assertNull(r.phonons());
        assertEquals(3, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).startsWith("vacancy skipped: formation energies of a compound depend on"));
        assertTrue(r.elastic().internalRelaxation());
        assertTrue(r.clampedElastic().c44() > r.elastic().c44() + 5);
        assertEquals(r.elastic().c11(), r.clampedElastic().c11(), 1e-6 * r.elastic().c11());
        assertEquals(r.equilibrium().bulkModulusGPa(), r.elastic().bulkModulus(), 5e-3 * r.elastic().bulkModulus());
        assertEquals("GaAs", r.element());
        assertEquals(List.of("Ga", "As"), r.toMap().get("species"));
        assertTrue(r.toMarkdown().contains("| C44, clamped ions (GPa) |"), r.toMarkdown());
    }
}

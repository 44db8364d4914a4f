package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.PotentialFiles;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.LammpsSinglePoint;

/**
 * A two-element UF2,3 fitted by {@code uf3 fit} to a subset of the InP FitSNAP training set (the
 * groups EOS, aP and vv, read with {@code format: fitsnap-json}): its exported {@code potential.uf3}
 * in LAMMPS with our style (newton on and off) and with the official ML-UF3 style (newton on, the
 * only mode it supports) gives the Java evaluator's energy and virial to 1e-9 relative and its
 * forces to 1e-8 eV/Å, on a perfect zincblende box and on a rattled, sheared one.
 */
class InpLammpsAgreementTest {
    private static final List<String> ELEMENTS = List.of("In", "P");

    @TempDir
    static Path dir;
    static Uf3Model model;
    static Path potential;

    @BeforeAll
    static void fit() throws IOException {
        Path out = InpTestFit.fit(dir, "EOS", "aP", "vv");
        model = PotentialFiles.read(out.resolve("model.json")).model();
        potential = out.resolve("potential.uf3");
        assertEquals(java.util.Set.of("In", "P"), java.util.Set.copyOf(model.elements()));
        assertTrue(model.bodyOrder() == 3, "a UF2,3 model");
    }

    /** n×n×n conventional zincblende cells of edge a (In on fcc, P on fcc + a/4 (1,1,1)), sheared and rattled as asked. */
    static Structure zincblende(int n, double a, double shear, double rattle, long seed) {
        double l = n * a;
        double[] cell = {l, 0, 0, shear * l, l, 0, 0.5 * shear * l, -0.3 * shear * l, l};
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        int atoms = 8 * n * n * n;
        String[] sym = new String[atoms];
        double[] p = new double[3 * atoms];
        Random rnd = new Random(seed);
        int at = 0;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                for (int z = 0; z < n; z++) {
                    for (int species = 0; species < 2; species++) {
                        for (double[] b : fcc) {
                            double q = 0.25 * species;
                            double fx = (x + b[0] + q) / n, fy = (y + b[1] + q) / n, fz = (z + b[2] + q) / n;
                            for (int k = 0; k < 3; k++) {
                                p[3 * at + k] = fx * cell[k] + fy * cell[3 + k] + fz * cell[6 + k] + rattle * rnd.nextGaussian();
                            }
                            sym[at++] = ELEMENTS.get(species);
                        }
                    }
                }
            }
        }
        return new Structure(sym, p, new Cell(cell, new boolean[] {true, true, true}));
    }

    @Test
    void perfectZincblende() throws Exception {
        agree("zincblende", zincblende(2, 5.75, 0, 0, 0), false);
    }

    @Test
    void rattledShearedZincblende() throws Exception {
        agree("rattled", zincblende(3, 5.87, 0.03, 0.12, 12), true);
    }

    private static void agree(String name, Structure s, boolean forcesMatter) throws Exception {
        Evaluation java = new JavaEvaluator(model).evaluate(s);
        double oneBody = 0;
        for (int i = 0; i < s.size(); i++) {
            oneBody += model.oneBodyEnergy(s.symbol(i));
        }
        double e0 = java.energy() - oneBody;
        assertTrue(Math.abs(e0) > 1.0, "a non-trivial interaction energy: " + e0);
        double scale = 0;
        for (double w : java.virial()) {
            scale = Math.max(scale, Math.abs(w));
        }
        assertTrue(scale > 1e-3, "a non-trivial virial: " + scale);
        if (forcesMatter) {
            double fMax = 0;
            for (double f : java.forces()) {
                fMax = Math.max(fMax, Math.abs(f));
            }
            assertTrue(fMax > 0.05, "forces are not trivially zero: " + fMax);
        }
        String[] pair = {"pair_style uf3 3", "pair_coeff * * " + potential.toAbsolutePath() + " In P"};
        double worst = 0;
        for (int run = 0; run < 3; run++) {
            boolean reference = run == 2;
            boolean newton = run != 1;
            String who = name + ", " + s.size() + " atoms, " + (reference ? "official ML-UF3" : "ours") + ", newton "
                    + (newton ? "on" : "off");
            LammpsSinglePoint.Result r = LammpsSinglePoint.run(dir.resolve(name + run), s, ELEMENTS, newton, reference, pair);
            if (!reference) {
                assertTrue(r.log().contains("Overriding built-in pair style uf3 from plugin"), who + ": bin/lmp loads our plugin");
            } else {
                assertTrue(!r.log().contains("from plugin"), who + ": --reference runs without our plugin");
            }
            assertEquals(e0, r.energy(), 1e-9 * Math.abs(e0), who + ": energy (eV)");
            worst = Math.max(worst, Math.abs(r.energy() - e0) / Math.abs(e0));
            for (int v = 0; v < 6; v++) {
                assertEquals(java.virial()[v], r.virial()[v], 1e-9 * scale, who + ": virial " + v);
            }
            for (int c = 0; c < 3 * s.size(); c++) {
                assertEquals(java.forces()[c], r.forces()[c], 1e-8, who + ": force component " + c);
            }
        }
        System.out.printf(Locale.ROOT, "InP UF2,3 %s (%d atoms): LAMMPS ours (newton on, off) and official vs Java, "
                + "worst relative energy difference %.2e, E = %.6f eV%n", name, s.size(), worst, e0);
    }
}

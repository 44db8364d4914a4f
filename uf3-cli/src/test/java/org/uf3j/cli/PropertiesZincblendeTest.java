package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.PotentialFiles;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.units.MetalUnits;

/**
 * {@code uf3 properties --structure zincblende} on a two-element UF2,3 fitted by {@code uf3 fit} to the
 * InP EOS and Strain groups: a0, C11, C12 and C44 (ions clamped and relaxed) against central differences
 * of the fitted model's energy on hand-built strained cells (no property code involved), C44 relaxed
 * below clamped; and the one-line errors for a wrong species list.
 */
class PropertiesZincblendeTest {
    @TempDir
    static Path dir;
    static Path model;
    static JavaEvaluator evaluator;

    @BeforeAll
    static void fit() throws IOException {
        InpTestFit.fit(dir, "EOS", "Strain");
        model = dir.resolve("fit/model.json");
        evaluator = new JavaEvaluator(PotentialFiles.read(model).model());
    }

    /** Energy of the 8-atom cube of edge a under strain (xx, yy, engineering yz) with the P sublattice moved u along x. */
    static double energy(double a, double xx, double yy, double yz, double u) {
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        String[] sym = new String[8];
        double[] x = new double[24];
        for (int i = 0; i < 8; i++) {
            double q = i < 4 ? 0 : 0.25;
            sym[i] = i < 4 ? "In" : "P";
            double fx = fcc[i % 4][0] + q;
            double fy = fcc[i % 4][1] + q;
            double fz = fcc[i % 4][2] + q;
            // x' = (1 + ε) x with ε_yz = ε_zy = yz/2
            x[3 * i] = a * fx * (1 + xx) + (i < 4 ? 0 : u);
            x[3 * i + 1] = a * (fy * (1 + yy) + fz * yz / 2);
            x[3 * i + 2] = a * (fz + fy * yz / 2);
        }
        double[] h = {a * (1 + xx), 0, 0, 0, a * (1 + yy), a * yz / 2, 0, a * yz / 2, a};
        return evaluator.evaluate(new Structure(sym, x, new Cell(h, new boolean[] {true, true, true}))).energy();
    }

    @Test
    void latticeAndElasticConstantsEqualEnergyCurvaturesOfTheFittedModel() throws IOException {
        Path out = dir.resolve("props");
        Cli.Result r = Cli.run("properties", "--potential", model.toString(), "--structure", "zincblende",
                "--element", "In,P", "-o", out.toString()).assertOk();
        assertTrue(r.out().contains("## zincblende InP"), r.out());
        assertTrue(r.out().contains("vacancy skipped: formation energies of a compound"), r.out());
        JsonNode p = new ObjectMapper().readTree(out.resolve("properties.json").toFile());
        double a0 = p.get("lattice_constant").asDouble();
        double c11 = p.at("/elastic_GPa/C11").asDouble();
        double c12 = p.at("/elastic_GPa/C12").asDouble();
        double c44 = p.at("/elastic_GPa/C44").asDouble();
        double c44Clamped = p.at("/elastic_clamped_ion_GPa/C44").asDouble();
        double bEos = p.at("/birch_murnaghan/B_GPa").asDouble();

        double h = 1e-3;
        double da = 1e-5 * a0;
        assertEquals(0, (energy(a0 + da, 0, 0, 0, 0) - energy(a0 - da, 0, 0, 0, 0)) / (2 * da), 1e-7,
                "dE/da = 0 at the reported a0");
        double e0 = energy(a0, 0, 0, 0, 0);
        double exx = (energy(a0, h, 0, 0, 0) - 2 * e0 + energy(a0, -h, 0, 0, 0)) / (h * h);
        double exy = (energy(a0, h, h, 0, 0) - energy(a0, h, -h, 0, 0) - energy(a0, -h, h, 0, 0)
                + energy(a0, -h, -h, 0, 0)) / (4 * h * h);
        double egg = (energy(a0, 0, 0, h, 0) - 2 * e0 + energy(a0, 0, 0, -h, 0)) / (h * h);
        double euu = (energy(a0, 0, 0, 0, h) - 2 * e0 + energy(a0, 0, 0, 0, -h)) / (h * h);
        double egu = (energy(a0, 0, 0, h, h) - energy(a0, 0, 0, h, -h) - energy(a0, 0, 0, -h, h)
                + energy(a0, 0, 0, -h, -h)) / (4 * h * h);
        double gpa = MetalUnits.GPA_PER_EV_PER_A3 / (a0 * a0 * a0);
        System.out.printf("fitted InP UF2,3 (EOS+Strain): a0 %.5f; C11 %.3f (energy %.3f), C12 %.3f (%.3f), C44 clamped"
                + " %.3f (%.3f), relaxed %.3f (%.3f), B %.3f, B(EOS) %.3f GPa%n", a0, c11, exx * gpa, c12, exy * gpa,
                c44Clamped, egg * gpa, c44, (egg - egu * egu / euu) * gpa, (c11 + 2 * c12) / 3, bEos);
        assertEquals(exx * gpa, c11, 2e-3 * c11);
        assertEquals(exy * gpa, c12, 2e-3 * c11);
        assertEquals(egg * gpa, c44Clamped, 2e-3 * c44Clamped);
        assertEquals((egg - egu * egu / euu) * gpa, c44, 2e-3 * c44Clamped);
        assertTrue(c44 < c44Clamped, "relaxing the ions lowers C44");
        assertEquals(bEos, (c11 + 2 * c12) / 3, 0.05 * bEos, "B from the EOS and from C11, C12");
    }

    @Test
    void zincblendeRefusesAWrongSpeciesListInOneLine() {
        Cli.run("properties", "--potential", model.toString(), "--structure", "zincblende", "--element", "In")
                .assertError("properties", "--structure zincblende needs two elements, e.g. --element In,P");
        Cli.run("properties", "--potential", model.toString(), "--structure", "zincblende", "--element", "In,Ga")
                .assertError("properties", "--element Ga is not one of the potential's elements");
        Cli.run("properties", "--potential", model.toString(), "--structure", "bcc", "--element", "In,P")
                .assertError("properties", "--structure bcc needs one element (--element EL)");
    }
}

package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.io.PotentialFiles;
import org.uf3j.core.io.PotentialFormat;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.io.potential.ProjectModelIO;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.Uf3Model;

/** {@code uf3 export}: round trips between the formats, the pair table, and the 3-body refusal. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private Path project(Uf3Model m) throws IOException {
        Path p = dir.resolve("model.json");
        ProjectModelIO.write(new ProjectModel(m, java.util.Map.of("kappa", 0.5), java.util.Map.of("command", "test"), null), p);
        return p;
    }

    @Test
    void projectToUf3ToProjectKeepsEveryTermBitForBit() throws IOException {
        Uf3Model m = TestModels.uf23();
        Path json = project(m);
        Path uf3 = dir.resolve("W.uf3");
        Cli.Result r = Cli.run("export", "--potential", json.toString(), "--to", "uf3", "-o", uf3.toString()).assertOk();
        assertTrue(r.err().contains("one-body"), "notes that .uf3 drops one-body energies: " + r.err());
        LoadedPotential back = PotentialFiles.read(uf3);
        assertEquals(PotentialFormat.LAMMPS_UF3, back.format());
        assertEquals(m.withOneBodyEnergies(java.util.Map.of("W", 0.0)), back.model());
        Path json2 = dir.resolve("again.json");
        Cli.run("export", "--potential", uf3.toString(), "--to", "json", "-o", json2.toString()).assertOk();
        assertEquals(back.model(), PotentialFiles.read(json2).model());
        // and .uf3 -> .uf3 gives the same text apart from the header date
        Path uf3b = dir.resolve("W2.uf3");
        Cli.run("export", "--potential", json2.toString(), "--to", "uf3", "-o", uf3b.toString()).assertOk();
        assertEquals(strip(Files.readString(uf3)), strip(Files.readString(uf3b)));
    }

    @Test
    void uf3JsonRoundTripKeepsOneBodyEnergies() throws IOException {
        Uf3Model m = TestModels.uf23();
        Path out = dir.resolve("uf3py.json");
        Cli.run("export", "--potential", project(m).toString(), "--to", "uf3-json", "-o", out.toString()).assertOk();
        LoadedPotential back = PotentialFiles.read(out);
        assertEquals(PotentialFormat.UF3_JSON, back.format());
        assertEquals(m, back.model());
    }

    @Test
    void projectJsonExportKeepsHyperparametersAndProvenance() throws IOException {
        Path out = dir.resolve("copy.json");
        Cli.run("export", "--potential", project(TestModels.uf2()).toString(), "--to", "json", "-o", out.toString()).assertOk();
        LoadedPotential back = PotentialFiles.read(out);
        assertEquals(0.5, ((Number) back.project().hyperparameters().get("kappa")).doubleValue());
        assertEquals("test", back.project().provenance().get("command"));
    }

    @Test
    void stdoutIsTheDefault() throws IOException {
        Cli.Result r = Cli.run("export", "--potential", project(TestModels.uf2()).toString(), "--to", "uf3").assertOk();
        assertTrue(r.out().startsWith("#UF3 POT UNITS: metal"), r.out());
    }

    @Test
    void tableHoldsTwiceV2AndMinusItsDerivative() throws IOException {
        Uf3Model m = TestModels.uf2();
        Path table = dir.resolve("W.table");
        Cli.run("export", "--potential", project(m).toString(), "--to", "table", "--points", "401", "-o", table.toString())
                .assertOk();
        List<String> lines = Files.readAllLines(table);
        int at = lines.indexOf("W_W");
        assertTrue(at > 0, "section W_W");
        assertEquals("N 401 R 1.5 5.5", lines.get(at + 1));
        assertTrue(String.join("\n", lines).contains("pair_coeff 1 1 W.table W_W 5.5"), "usage comment with the file name");
        PairTerm p = m.pair("W", "W");
        for (int k = 0; k < 401; k += 37) {
            String[] t = lines.get(at + 3 + k).trim().split("\\s+");
            assertEquals(k + 1, Integer.parseInt(t[0]));
            double r = Double.parseDouble(t[1]);
            assertEquals(1.5 + 4.0 * k / 400, r, 1e-12);
            double[] vd = p.valueAndDerivative(r, new double[12]);
            assertEquals(2 * vd[0], Double.parseDouble(t[2]), 0.0);
            assertEquals(-2 * vd[1], Double.parseDouble(t[3]), 0.0);
        }
    }

    @Test
    void tableOfAThreeBodyModelIsAClearError() throws IOException {
        Cli.run("export", "--potential", project(TestModels.uf23()).toString(), "--to", "table")
                .assertError("export", "UF2,3", "W-W-W", "pair_style table can only represent pair potentials");
    }

    private static String strip(String uf3) {
        // the header date differs, and only a model with one-body energies lists them in a trailing comment
        return uf3.replaceAll("DATE: .* AUTHOR", "DATE: - AUTHOR").lines().filter(l -> !l.startsWith("# "))
                .reduce("", (a, b) -> a + b + "\n");
    }
}

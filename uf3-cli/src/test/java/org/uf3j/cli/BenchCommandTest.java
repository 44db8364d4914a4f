package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.io.potential.ProjectModelIO;
import org.uf3j.core.io.potential.Uf3FileWriter;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Structure;
import org.uf3j.properties.CubicLattice;

/**
 * {@code uf3 bench} as a user runs it: the LAMMPS run (bin/lmp) is of the same potential and crystal
 * as the Java timing, checked by the step-0 energy against an independent Java evaluation; bad
 * options are one-line errors. Timings are printed, never asserted.
 */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void lammpsRunsTheSameCrystalAsJava() throws Exception {
        Uf3Model m = TestModels.uf23();
        Path json = dir.resolve("m.json");
        ProjectModelIO.write(ProjectModel.of(m), json);
        Cli.Result r = Cli.run("bench", "-p", json.toString(), "--structure", "bcc:3.2", "--size", "3", "--repeats", "2",
                "--steps", "10", "--reference", "--json").assertOk();
        JsonNode d = new ObjectMapper().readTree(r.out());
        assertEquals(54, d.path("atoms").asInt());
        assertEquals(3, d.path("body_order").asInt());
        // the energy of the perfect crystal without the one-body energies (the .uf3 file has none)
        Structure s = CubicLattice.BCC.conventional("W", 3.2).supercell(3, 3, 3);
        double expected = new JavaEvaluator(m).evaluate(s).energy() - m.oneBodyEnergy("W") * s.size();
        JsonNode l = d.path("lammps");
        assertEquals(expected, l.path("java_energy_eV").asDouble(), 1e-12 * Math.abs(expected));
        assertEquals(expected, l.path("step0_energy_eV").asDouble(), 1e-8 * Math.abs(expected), "LAMMPS PotEng at step 0");
        assertEquals(2, l.path("ours_runs_us_per_atom_step").size());
        assertTrue(l.path("ours_us_per_atom_step").asDouble() > 0);
        // the official style reads the file too (legs 3.8/3.8/7.6 Å obey its r_jk = 2 r_ij rule)
        assertEquals(2, l.path("official_runs_us_per_atom_step").size(), r.out());
        assertTrue(d.path("java").path("evaluate_us_per_atom").asDouble() > 0);
        System.out.print(r.out());
    }

    @Test
    void aFileTheOfficialStyleCannotReadIsReportedNotFatal() throws Exception {
        // TestModels.uf23 with the jk leg ending at 6.0 Å instead of 2 r_ij = 7.6 Å (our writer refuses
        // to write what the official style cannot read, so the file is edited): ours runs it, the
        // official style refuses it
        Path compatible = dir.resolve("compatible.uf3");
        Uf3FileWriter.create().write(TestModels.uf23(), compatible);
        String text = Files.readString(compatible);
        KnotSequence jk76 = KnotSequence.linear(1.5, 7.6, 10);
        KnotSequence jk60 = KnotSequence.linear(1.5, 6.0, 10);
        String[] lines = text.split("\n", -1);
        int head = java.util.Arrays.asList(lines).indexOf("3B W W W 0 3 uk");
        assertTrue(head > 0, text);
        assertTrue(lines[head + 1].startsWith("7.6 3.8 3.8 "), lines[head + 1]);
        lines[head + 1] = lines[head + 1].replaceFirst("^7\\.6 ", "6.0 ");
        assertEquals(knotLine(jk76), lines[head + 2]);
        lines[head + 2] = knotLine(jk60);
        Path uf3 = dir.resolve("general.uf3");
        Files.writeString(uf3, String.join("\n", lines));
        Cli.Result r = Cli.run("bench", "-p", uf3.toString(), "--structure", "bcc:3.2", "--size", "3", "--repeats", "2",
                "--steps", "5", "--reference").assertOk();
        assertTrue(r.out().contains("LAMMPS MD, pair_style uf3 3 (UF3-J plugin)"), r.out());
        assertFalse(r.out().contains("(official ML-UF3)"), r.out());
        assertTrue(r.out().contains("the official style did not run:") && r.out().contains("ERROR"), r.out());
        assertTrue(r.out().contains("check: energy of the perfect crystal"), r.out());
    }

    private static String knotLine(KnotSequence k) {
        StringBuilder b = new StringBuilder();
        for (int q = 0; q < k.size(); q++) {
            b.append(q == 0 ? "" : " ").append(k.knot(q));
        }
        return b.toString();
    }

    @Test
    void tableWithoutLammps() throws Exception {
        Uf3Model m = TestModels.uf2();
        Path json = dir.resolve("m2.json");
        ProjectModelIO.write(ProjectModel.of(m), json);
        Cli.Result r = Cli.run("bench", "-p", json.toString(), "--size", "3", "--repeats", "1", "--lammps", "none")
                .assertOk();
        assertTrue(r.out().contains("UF2 potential for W"), r.out());
        assertTrue(r.out().contains("Java: whole evaluation"), r.out());
        assertTrue(r.out().contains("(LAMMPS not run)"), r.out());
        assertFalse(r.out().contains("LAMMPS MD"), r.out());
        // a0 from the minimum of E(a), as lammps-input and properties find it
        assertTrue(r.out().matches("(?s).*bcc W a0 = \\d\\.\\d{5} Å, 3³ cells = 54 atoms.*"), r.out());
    }

    @Test
    void badOptionsAreOneLineErrors() throws Exception {
        Path json = dir.resolve("m3.json");
        ProjectModelIO.write(ProjectModel.of(TestModels.uf2()), json);
        String p = json.toString();
        Cli.run("bench", "-p", p, "--size", "0").assertError("bench", "--size");
        Cli.run("bench", "-p", p, "--element", "Mo", "--lammps", "none").assertError("bench", "Mo", "[W]");
        Cli.run("bench", "-p", p, "--structure", "hcp").assertError("bench", "--structure 'hcp'", "bcc[:A0]");
        Cli.run("bench", "-p", p, "--structure", "bcc:-1").assertError("bench", "must be positive");
        Cli.run("bench", "-p", p, "--lammps", dir.resolve("no-lmp").toString()).assertError("bench", "no-lmp",
                "not an executable file");
        Cli.run("bench", "-p", dir.resolve("missing.json").toString()).assertError("bench", "missing.json");
    }
}

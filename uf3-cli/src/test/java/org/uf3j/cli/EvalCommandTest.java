package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.io.potential.ProjectModelIO;
import org.uf3j.core.io.potential.Uf3FileWriter;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;

/** {@code uf3 eval} as a user runs it: JSON shape and precision, tables, metrics, extxyz output, errors. */
class EvalCommandTest {
    @TempDir
    static Path dir;
    static Path json;
    static Path uf3;
    static Path data;
    static Uf3Model model;

    @BeforeAll
    static void files() throws IOException {
        model = TestModels.uf23();
        json = dir.resolve("model.json");
        ProjectModelIO.write(ProjectModel.of(model), json);
        uf3 = dir.resolve("W.uf3");
        Uf3FileWriter.create().write(model, uf3);
        // every 10th frame of the quickstart data (12 frames, several config_types)
        List<String> lines = Files.readAllLines(Cli.quickstartData());
        List<String> keep = new ArrayList<>();
        int frames = 0;
        for (int i = 0; i < lines.size(); frames++) {
            int n = Integer.parseInt(lines.get(i).trim());
            if (frames % 10 == 0) {
                keep.addAll(lines.subList(i, i + n + 2));
            }
            i += n + 2;
        }
        data = dir.resolve("twelve.xyz");
        Files.write(data, keep);
    }

    @Test
    void jsonHasExactlyTheSpecifiedShapeAndTheEvaluatorsNumbersToFullPrecision() throws IOException {
        Cli.Result r = Cli.run("eval", "--potential", json.toString(), "--structures", data.toString(), "--json").assertOk();
        assertTrue(r.out().startsWith("{\"structures\":[{\"energy\":"), r.out().substring(0, 40));
        assertEquals("", r.err(), "--json prints nothing on stderr");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("structures"), names(root));
        List<Configuration> configs = ExtXyzReader.readAll(data);
        assertEquals(configs.size(), root.get("structures").size());
        JavaEvaluator ev = new JavaEvaluator(model);
        for (int i = 0; i < configs.size(); i++) {
            JsonNode s = root.get("structures").get(i);
            assertEquals(List.of("energy", "forces", "virial"), names(s));
            Evaluation e = ev.evaluate(configs.get(i).structure());
            assertEquals(e.energy(), s.get("energy").doubleValue(), 0.0, "energy bit for bit");
            assertEquals(configs.get(i).size(), s.get("forces").size());
            for (int a = 0; a < configs.get(i).size(); a++) {
                assertEquals(3, s.get("forces").get(a).size());
                for (int k = 0; k < 3; k++) {
                    assertEquals(e.forces()[3 * a + k], s.get("forces").get(a).get(k).doubleValue(), 0.0);
                }
            }
            assertEquals(6, s.get("virial").size());
            for (int k = 0; k < 6; k++) {
                assertEquals(e.virial()[k], s.get("virial").get(k).doubleValue(), 0.0);
            }
        }
    }

    @Test
    void excludeIndicesEvaluatesTheRestAndWarnsAboutIndicesBeyondTheData() throws IOException {
        Path idx = dir.resolve("train.txt");
        Files.writeString(idx, "# training set, written for a longer file\n0, 3\n15 11 12 15\n");
        Cli.Result r = Cli.run("eval", "-p", json.toString(), "-s", data.toString(), "--exclude-indices", idx.toString(), "--json")
                .assertOk();
        assertEquals("uf3 eval: warning: " + idx + ": 2 indices 15, 12 name no structure of " + data
                + " (12 structures, 0-based positions 0..11); nothing to exclude there", r.err().strip());
        JsonNode got = new ObjectMapper().readTree(r.out()).get("structures");
        List<Configuration> configs = ExtXyzReader.readAll(data);
        List<Integer> kept = List.of(1, 2, 4, 5, 6, 7, 8, 9, 10);
        assertEquals(kept.size(), got.size());
        JavaEvaluator ev = new JavaEvaluator(model);
        for (int q = 0; q < kept.size(); q++) {
            assertEquals(ev.evaluate(configs.get(kept.get(q)).structure()).energy(), got.get(q).get("energy").doubleValue(), 0.0,
                    "structure " + kept.get(q));
        }
        Cli.Result table = Cli.run("eval", "-p", json.toString(), "-s", data.toString(), "--exclude-indices", idx.toString())
                .assertOk();
        assertTrue(table.out().contains("9 structures, ") && table.out().contains(" (3 more skipped: listed in " + idx + ")"),
                table.out());
        Files.writeString(idx, "0 -2\n");
        Cli.run("eval", "-p", json.toString(), "-s", data.toString(), "--exclude-indices", idx.toString()).assertError("eval",
                idx + ": index -2 is negative; expected 0-based positions in " + data);
        Files.writeString(idx, "0\n1 two\n");
        Cli.run("eval", "-p", json.toString(), "-s", data.toString(), "--exclude-indices", idx.toString()).assertError("eval",
                idx + " line 2: expected a 0-based integer index, got 'two' (--exclude-indices)");
        Files.writeString(idx, "0 1 2 3 4 5 6 7 8 9 10 11\n");
        Cli.run("eval", "-p", json.toString(), "-s", data.toString(), "--exclude-indices", idx.toString()).assertError("eval",
                idx + ": excludes all 12 structures of " + data);
    }

    @Test
    void uf3AndProjectModelGiveTheSameForcesAndEnergiesDifferingByTheOneBodyTerm() throws IOException {
        JsonNode a = new ObjectMapper().readTree(Cli.run("eval", "-p", json.toString(), "-s", data.toString(), "--json")
                .assertOk().out());
        JsonNode b = new ObjectMapper().readTree(Cli.run("eval", "-p", uf3.toString(), "-s", data.toString(), "--json")
                .assertOk().out());
        List<Configuration> configs = ExtXyzReader.readAll(data);
        for (int i = 0; i < configs.size(); i++) {
            assertEquals(a.get("structures").get(i).get("forces"), b.get("structures").get(i).get("forces"));
            assertEquals(a.get("structures").get(i).get("energy").doubleValue() + 8.0 * configs.get(i).size(),
                    b.get("structures").get(i).get("energy").doubleValue(), 1e-9);
        }
    }

    @Test
    void tablePrintsMetricsPerConfigTypeAndExplainsTheOffsetOfUf3Files() {
        Cli.Result r = Cli.run("eval", "--potential", uf3.toString(), "--structures", data.toString()).assertOk();
        assertTrue(r.out().contains("E RMSE"), r.out());
        assertTrue(r.out().contains("strained"), r.out());
        assertTrue(r.out().contains("md_300"), r.out());
        assertTrue(r.out().contains("carry no one-body energies"), r.out());
        assertTrue(r.out().contains("constant per-atom offset"), r.out());
        Cli.Result p = Cli.run("eval", "--potential", json.toString(), "--structures", data.toString()).assertOk();
        assertFalse(p.out().contains("one-body energies,"), "no offset note for a project model");
    }

    @Test
    void writesExtendedXyzWithPredictions() throws IOException {
        Path out = dir.resolve("pred.xyz");
        Cli.run("eval", "-p", json.toString(), "-s", data.toString(), "--write-xyz", out.toString()).assertOk();
        List<Configuration> back = ExtXyzReader.readAll(out);
        List<Configuration> orig = ExtXyzReader.readAll(data);
        assertEquals(orig.size(), back.size());
        JavaEvaluator ev = new JavaEvaluator(model);
        assertEquals(ev.evaluate(orig.get(3).structure()).energy(), Double.parseDouble(back.get(3).info().get("uf3_energy")),
                0.0);
        assertEquals(orig.get(3).energy(), back.get(3).energy(), 0.0, "reference energies are kept");
    }

    @Test
    void missingAndMalformedInputsAreOneLineErrorsWithExitCode2() throws IOException {
        Cli.run("eval", "-p", dir.resolve("nope.uf3").toString(), "-s", data.toString())
                .assertError("eval", "nope.uf3", "file not found");
        Cli.run("eval", "-p", json.toString(), "-s", dir.resolve("nope.xyz").toString())
                .assertError("eval", "nope.xyz", "file not found");
        Path bad = dir.resolve("bad.xyz");
        Files.writeString(bad, "2\nLattice=\"3 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R:3\nW 0 0 0\nW 1.5 x 1.5\n");
        Cli.run("eval", "-p", json.toString(), "-s", bad.toString()).assertError("eval", "bad.xyz:4");
        Path garbage = dir.resolve("garbage.uf3");
        Files.writeString(garbage, "hello\n");
        Cli.run("eval", "-p", garbage.toString(), "-s", data.toString()).assertError("eval", "garbage.uf3", "unknown content");
        Path mo = dir.resolve("mo.xyz");
        Files.writeString(mo, "1\nLattice=\"3 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\nMo 0 0 0\n");
        Cli.run("eval", "-p", json.toString(), "-s", mo.toString()).assertError("eval", "mo.xyz:1", "Mo");
        Cli.run("eval", "-s", data.toString()).assertError("eval", "--potential");
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}

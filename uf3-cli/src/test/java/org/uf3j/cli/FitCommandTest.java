package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.io.PotentialFiles;
import org.uf3j.core.io.PotentialFormat;

/** A quickstart-like fit on the shipped tungsten data, run as a user would, and what it writes. */
class FitCommandTest {
    @TempDir
    static Path dir;
    static Path config;
    static Path out;
    static Cli.Result result;

    static final String CONFIG = """
            # a small UF2,3 fit on the quickstart data
            elements: [W]
            data:
              - path: DATA
                config_type_weights: {surface: 2}
            two_body: {r_min: 1.5, r_max: 5.5, resolution: 12}
            three_body: {r_min: 2.0, r_max: 3.8, resolution: 4}
            kappa: 0.7
            regularization: {curvature_2b: [1e-8, 1e-6], curvature_3b: 1e-6}
            cross_validation: {folds: 3}
            split: {test_fraction: 0.25, seed: 3}
            threads: 2
            """;

    @BeforeAll
    static void fit() throws IOException {
        config = dir.resolve("fit.yaml");
        Files.writeString(config, CONFIG.replace("DATA", Cli.quickstartData().toString()));
        out = dir.resolve("fit-out");
        result = Cli.run("fit", config.toString(), "-o", out.toString());
    }

    @Test
    void finishesAndPrintsTheSummaryTable() {
        result.assertOk();
        assertTrue(result.out().contains("train"), result.out());
        assertTrue(result.out().contains("test"), result.out());
        assertTrue(result.out().contains("strained"), result.out());
        assertTrue(result.out().contains("chosen by 3-fold cross-validation over 2 candidates"), result.out());
        assertTrue(result.out().contains("wrote "), result.out());
        for (String stage : new String[] {"reading", "featurising", "solving", "evaluating"}) {
            assertTrue(result.err().contains(stage), "progress of " + stage + " on stderr: " + result.err());
        }
    }

    @Test
    void writesEveryFile() throws IOException {
        result.assertOk();
        for (String f : List.of("model.json", "potential.uf3", "metrics.json", "metrics.md", "train-indices.txt", "config.yaml")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        for (String png : List.of("pair-W-W.png", "triplet-W-W-W-angle.png", "triplet-W-W-W-legs.png",
                "parity-energy-train.png", "parity-forces-test.png", "errors-energy-test.png", "errors-forces-train.png")) {
            BufferedImage img = ImageIO.read(out.resolve("plots").resolve(png).toFile());
            assertNotNull(img, png);
            assertEquals(1000, img.getWidth());
        }
        try (var s = Files.list(dir)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".fit-out.tmp-")
                    || p.getFileName().toString().startsWith(".fit-out.old-")).count(), "no temporary dirs");
        }
    }

    @Test
    void modelJsonRecordsHyperparametersProvenanceAndMetrics() throws IOException {
        result.assertOk();
        LoadedPotential lp = PotentialFiles.read(out.resolve("model.json"));
        assertEquals(PotentialFormat.PROJECT_JSON, lp.format());
        assertEquals(3, lp.model().bodyOrder());
        assertTrue(lp.model().oneBodyEnergy("W") != 0, "one-body energy fitted");
        var h = lp.project().hyperparameters();
        assertEquals(0.7, ((Number) h.get("kappa")).doubleValue());
        assertEquals(java.util.Map.of("surface", 2.0), h.get("config_type_weights"));
        var prov = lp.project().provenance();
        assertTrue(prov.get("command").toString().startsWith("uf3 fit "));
        assertNotNull(prov.get("date"));
        @SuppressWarnings("unchecked")
        var data = (List<java.util.Map<String, Object>>) prov.get("data");
        assertEquals(64, data.get(0).get("sha256").toString().length());
        assertEquals(120L, data.get(0).get("configurations"));
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(90, metrics.get("train").get("configurations").asInt());
        assertEquals(30, metrics.get("test").get("configurations").asInt());
        double eRmse = metrics.get("test").get("energy").get("rmse_meV_per_atom").asDouble();
        double fRmse = metrics.get("test").get("forces").get("rmse_eV_per_A").asDouble();
        assertTrue(eRmse > 0 && eRmse < 20, "test energy RMSE " + eRmse + " meV/atom");
        assertTrue(fRmse > 0 && fRmse < 0.2, "test force RMSE " + fRmse + " eV/Å");
        assertTrue(metrics.get("test").get("by_config_type").has("vacancy"));
        String md = Files.readString(out.resolve("metrics.md"));
        assertTrue(md.contains("## Test set") && md.contains("## Cross-validation"), md);
        assertEquals(90, Files.readAllLines(out.resolve("train-indices.txt")).stream().filter(l -> !l.startsWith("#")).count());
    }

    @Test
    void uf3FileLoadsAndMatchesTheModelWithoutOneBodyEnergies() throws IOException {
        result.assertOk();
        LoadedPotential a = PotentialFiles.read(out.resolve("model.json"));
        LoadedPotential b = PotentialFiles.read(out.resolve("potential.uf3"));
        assertEquals(PotentialFormat.LAMMPS_UF3, b.format());
        assertEquals(a.model().pairTerms(), b.model().pairTerms());
        assertEquals(a.model().tripletTerms(), b.model().tripletTerms());
    }

    @Test
    void rerunReplacesAPreviousOutputAndRefusesForeignDirectories() throws IOException {
        result.assertOk();
        Path foreign = dir.resolve("precious");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "do not delete");
        Cli.run("fit", config.toString(), "-o", foreign.toString()).assertError("fit", "precious", "not a previous uf3 fit");
        assertTrue(Files.exists(foreign.resolve("thesis.tex")));
        Path again = dir.resolve("again");
        Files.createDirectories(again.resolve("plots"));
        Files.writeString(again.resolve("model.json"), "{}");
        Files.writeString(again.resolve("stale.txt"), "old");
        Files.writeString(config, Files.readString(config) + "plots: false\n");
        Cli.run("fit", config.toString(), "-o", again.toString()).assertOk();
        assertTrue(Files.size(again.resolve("model.json")) > 100);
        assertTrue(!Files.exists(again.resolve("stale.txt")) && !Files.exists(again.resolve("plots")), "replaced whole");
    }
}

package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.PotentialFiles;

/**
 * {@code uf3 fit} on FitSNAP JSON as FitSNAP users keep it: a directory of group directories, named
 * with {@code format: auto} (a directory is FitSNAP's layout) or {@code fitsnap-json}; the groups
 * become the config_types of the metrics table and the provenance.
 */
class FitFitsnapTest {
    @TempDir
    Path dir;

    /** 26 rock-salt EOS volumes and the first 30 strained cells of the InP set, copied into group directories. */
    private Path inpSubset() throws IOException {
        String p = System.getProperty("uf3.data");
        Path json = p == null ? null : Path.of(p, "inp-cusentino2020", "JSON");
        assumeTrue(json != null && Files.isDirectory(json), "InP FitSNAP data not found (-Duf3.data); skipping");
        Path set = dir.resolve("inp");
        copy(json.resolve("EOS"), set.resolve("EOS"), f -> f.matches("InP_eos_\\d+_RS\\.json"), 26);
        copy(json.resolve("Strain"), set.resolve("Strain"), f -> f.endsWith(".json"), 30);
        return set;
    }

    private static void copy(Path from, Path to, java.util.function.Predicate<String> keep, int max) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.filter(x -> keep.test(x.getFileName().toString())).sorted().limit(max).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private Path config(Path data, String format) throws IOException {
        Path c = dir.resolve("fit-" + format + ".yaml");
        Files.writeString(c, """
                elements: [In, P]
                data:
                  - {path: DATA, format: FORMAT}
                two_body: {r_min: 1.5, r_max: 6.0, resolution: 10}
                kappa: 0.5
                regularization: {curvature_2b: [1e-8, 1e-6]}
                cross_validation: {folds: 3}
                split: {test_fraction: 0.2, seed: 1}
                threads: 2
                """.replace("DATA", data.toString()).replace("FORMAT", format));
        return c;
    }

    @Test
    void fitsADirectoryOfGroupsWithTheGroupsAsConfigTypes() throws IOException {
        Path set = inpSubset();
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("fit", config(set, "auto").toString(), "-o", out.toString()).assertOk();
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("EOS ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Strain ")), r.out());
        @SuppressWarnings("unchecked")
        var data = (List<Map<String, Object>>) PotentialFiles.read(out.resolve("model.json")).project().provenance()
                .get("data");
        assertEquals("fitsnap-json", data.get(0).get("format"));
        assertEquals(56L, data.get(0).get("configurations"));
        assertEquals(Map.of("EOS", 26L, "Strain", 30L), data.get(0).get("config_types"));
        assertEquals(64, data.get(0).get("sha256").toString().length());
    }

    @Test
    void aDirectoryNeedsTheFitsnapFormat() throws IOException {
        Path set = Files.createDirectories(dir.resolve("groups"));
        Cli.run("fit", config(set, "extxyz").toString(), "-o", dir.resolve("o").toString())
                .assertError("fit", "data[0].path", "is a directory, expected a data file (or format: fitsnap-json)");
    }

    @Test
    void aBadFileInTheSetIsOneLineNamingFileAndField() throws IOException {
        Path g = Files.createDirectories(dir.resolve("bad").resolve("G"));
        Files.writeString(g.resolve("x.json"), "# Header\n{\"Dataset\": {\"Data\": [{\"AtomTypes\": [\"In\"], "
                + "\"NumAtoms\": 1, \"Positions\": [[0, 0, 0]], \"Lattice\": [[3, 0, 0], [0, 3, 0], [0, 0, 3]], "
                + "\"Energy\": -1, \"Forces\": [[0, 0, 0]]}], \"EnergyStyle\": \"kcal/mol\"}}\n");
        Cli.run("fit", config(dir.resolve("bad"), "fitsnap-json").toString(), "-o", dir.resolve("o").toString())
                .assertError("fit", "x.json", "Dataset.EnergyStyle", "unit 'kcal/mol' is not supported");
    }
}

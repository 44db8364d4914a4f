package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad fit configurations: one line naming the file and the key path, exit code 2, and no output directory. */
class FitConfigErrorsTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            elements: [W]
            data:
              - path: DATA
            two_body: {r_min: 1.5, r_max: 5.5, resolution: 8}
            three_body: {r_min: 2.0, r_max: 3.8, resolution: 3}
            split: {test_fraction: 0.2, seed: 1}
            """;

    private Cli.Result fit(String yaml) throws IOException {
        Path cfg = dir.resolve("config.yaml");
        Files.writeString(cfg, yaml.replace("DATA", Cli.quickstartData().toString()));
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("fit", cfg.toString(), "-o", out.toString());
        if (r.code() != 0) {
            assertFalse(Files.exists(out), "a failed fit leaves no output directory");
            try (var s = Files.list(dir)) {
                assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".out.tmp")), "no temporary directory left");
            }
        }
        return r;
    }

    @Test
    void unknownKeyIsNamedWithItsPathAndASuggestion() throws IOException {
        fit(GOOD.replace("resolution: 8}", "resolutoin: 8}"))
                .assertError("fit", "config.yaml: two_body.resolutoin: unknown key", "did you mean 'resolution'");
        fit(GOOD + "lamda: 1e-6\n").assertError("fit", "config.yaml: lamda: unknown key", "expected one of");
        fit(GOOD.replace("- path: DATA", "- path: DATA\n    energy: free_energy"))
                .assertError("fit", "data[0].energy: unknown key", "energy_key");
    }

    @Test
    void solverKeyAndMemoryPlan() throws IOException {
        fit(GOOD + "solver: lapack\n").assertError("fit", "config.yaml: solver: must be auto, ejml or openblas, got 'lapack'");
        // about 64,000 unknowns: a p×p matrix exceeds one Java array, refused before any data is read
        fit(GOOD.replace("resolution: 3}", "resolution: 40}")).assertError("fit", "exceed the 46,340",
                "coarser 3-body knots");
    }

    @Test
    void uncertaintyCalibrationKeys() throws IOException {
        fit(GOOD + "uncertainty: {calibration: median}\n")
                .assertError("fit", "config.yaml: uncertainty.calibration: must be quantile or mse, got 'median'");
        fit(GOOD + "uncertainty: {calibration: quantile, level: 1.2}\n")
                .assertError("fit", "config.yaml: uncertainty.level: must lie strictly between 0 and 1");
        fit(GOOD + "uncertainty: {calibration: mse, level: 0.9}\n")
                .assertError("fit", "config.yaml: uncertainty.level: only applies to calibration: quantile");
        fit(GOOD + "uncertainty: {calibraton: mse}\n").assertError("fit", "uncertainty.calibraton: unknown key");
    }

    @Test
    void missingDataFileIsNamed() throws IOException {
        fit(GOOD.replace("DATA", "no-such-file.xyz")).assertError("fit", "config.yaml: data[0].path: file not found",
                "no-such-file.xyz");
        fit(GOOD.replace("split: {test_fraction: 0.2, seed: 1}", "split: {train_indices: idx.txt}"))
                .assertError("fit", "split.train_indices: file not found", "idx.txt");
        Cli.run("fit", dir.resolve("absent.yaml").toString()).assertError("fit", "absent.yaml", "file not found");
    }

    @Test
    void unknownElementIsNamed() throws IOException {
        fit(GOOD.replace("elements: [W]", "elements: [W, Xx]")).assertError("fit", "elements[1]: 'Xx' is not a chemical element");
        fit(GOOD.replace("elements: [W]", "elements: [Mo]")).assertError("fit", "data[0].path", "element W is not one of the "
                + "elements [Mo]");
        fit(GOOD.replace("resolution: 8}", "resolution: 8, pairs: {W-Mo: {r_max: 5.0}}}"))
                .assertError("fit", "two_body.pairs.W-Mo: element Mo is not one of the elements [W]");
    }

    @Test
    void badThreeBodyExclusionsAreNamedExactly() throws IOException {
        String three = "resolution: 3}";
        fit(GOOD.replace(three, "resolution: 3, exclude: [[W, Xx, W]]}")).assertError("fit",
                "config.yaml: three_body.exclude[0][1]: 'Xx' is not a chemical element symbol");
        fit(GOOD.replace(three, "resolution: 3, exclude: [[W, W]]}")).assertError("fit", "config.yaml: three_body.exclude[0]: "
                + "expected a 3-body term [centre, neighbour, neighbour], e.g. [Al, Co, Co], found a list of 2");
        fit(GOOD.replace(three, "resolution: 3, exclude: [W-W-W]}")).assertError("fit", "config.yaml: three_body.exclude[0]: "
                + "expected a 3-body term [centre, neighbour, neighbour], e.g. [Al, Co, Co], found 'W-W-W'");
        fit(GOOD.replace(three, "resolution: 3, exclude: [[W, Mo, W]]}")).assertError("fit", "config.yaml: "
                + "three_body.exclude[0]: there is no 3-body term W-Mo-W to exclude: element Mo is not one of the elements [W]");
        // elements taken from the data: checked once they are known
        fit(GOOD.replace("elements: [W]\n", "").replace(three, "resolution: 3, exclude: [[Mo, W, W]]}")).assertError("fit",
                "config.yaml: three_body.exclude[0]: there is no 3-body term Mo-W-W to exclude: element Mo is not one of the "
                + "elements [W]");
        fit(GOOD.replace(three, "resolution: 3, exclude: [[W, W, W], [W, W, W]]}")).assertError("fit", "config.yaml: "
                + "three_body.exclude[1]: 3-body term W-W-W is excluded twice (the two neighbours may come in either order)");
        fit(GOOD.replace(three, "resolution: 3, triplets: {W-W-W: {r_max: 3.5}}, exclude: [[W, W, W]]}")).assertError("fit",
                "config.yaml: three_body.exclude[0]: 3-body term W-W-W also has its own knots under three_body.triplets; "
                + "exclude it or give its knots, not both");
        fit(GOOD.replace(three, "resolution: 3, exclude: [[W, W, W]]}")).assertError("fit", "config.yaml: three_body.exclude: "
                + "excludes every 3-body term of [W]; remove the three_body section for a UF2 (pair-only) fit");
        fit(GOOD.replace(three, "resolution: 3, exclude: W}")).assertError("fit", "config.yaml: three_body.exclude: "
                + "expected a list, found 'W'");
    }

    @Test
    void negativeCutoffAndEmptyRangeAreNamed() throws IOException {
        fit(GOOD.replace("r_min: 1.5", "r_min: -1.5")).assertError("fit", "two_body.r_min: negative cutoff -1.5");
        fit(GOOD.replace("r_max: 3.8", "r_max: -3.8")).assertError("fit", "three_body.r_max: negative cutoff -3.8");
        fit(GOOD.replace("r_min: 1.5, r_max: 5.5", "r_min: 5.5, r_max: 1.5"))
                .assertError("fit", "two_body.r_max: r_min (5.5 Å) must be smaller than r_max (1.5 Å)");
        fit(GOOD.replace("resolution: 8}", "resolution: 0}")).assertError("fit", "two_body.resolution", "at least 1");
    }

    @Test
    void typeAndSyntaxErrorsAreNamed() throws IOException {
        fit(GOOD.replace("resolution: 8}", "resolution: eight}")).assertError("fit", "two_body.resolution: expected a number");
        fit(GOOD + "kappa: 1.5\n").assertError("fit", "kappa", "[0, 1]");
        fit(GOOD + "regularization: {curvature_2b: [1e-6, -1]}\n").assertError("fit", "regularization.curvature_2b", ">= 0");
        fit(GOOD + "knot_spacing: cubic\n").assertError("fit", "knot_spacing", "linear, geometric or inverse");
        fit(GOOD.replace("- path: DATA", "- path: DATA\n    format: poscar")).assertError("fit", "data[0].format",
                "not supported", "vasprun", "lammps-dump");
        fit(GOOD.replace("- path: DATA", "- path: DATA\n    format: lammps-dump")).assertError("fit",
                "data[0].lammps_dump: missing (required with format lammps-dump)");
        // an extended XYZ file declared as OUTCAR: the reader's error is reported against the data source
        fit(GOOD.replace("- path: DATA", "- path: DATA\n    format: outcar")).assertError("fit", "data[0]", "w-eam.xyz");
        fit(GOOD + "two_body: {r_min: 1}\n").assertError("fit", "config.yaml:7", "Duplicate field 'two_body'");
        fit("data: [unclosed\n").assertError("fit", "config.yaml:", "not valid YAML");
        fit(GOOD.replace("two_body: {r_min: 1.5, r_max: 5.5, resolution: 8}\n", ""))
                .assertError("fit", "two_body: missing (required)");
    }
    @Test
    void indexFileNamingAConfigurationTheDataLackIsAnErrorUnlessDropped() throws IOException {
        // the quickstart data have 120 configurations; 120 and 131 name none (as W-14's index file names a missing frame)
        Path idx = dir.resolve("idx.txt");
        Files.writeString(idx, "0 1 2 3 4 5 6 7 8 9\n131 120 131\n");
        String cfg = dir.resolve("config.yaml").toString();
        String withIndices = GOOD.replace("split: {test_fraction: 0.2, seed: 1}", "split: {train_indices: idx.txt}");
        Cli.Result r = fit(withIndices);
        r.assertError("fit");
        assertEquals("uf3 fit: error: " + cfg + ": split.train_indices: " + idx + ": 2 indices 131, 120 name no configuration: "
                + "the data have 120 configurations (0-based positions 0..119); to leave such indices out give "
                + "split.missing_indices: drop", lastLine(r));
        Files.writeString(idx, "0 1 2 3 4 5 6 7 8 9 120\n");
        assertEquals("uf3 fit: error: " + cfg + ": split.train_indices: " + idx + ": index 120 names no configuration: "
                + "the data have 120 configurations (0-based positions 0..119); to leave such indices out give "
                + "split.missing_indices: drop", lastLine(fit(withIndices)));
        fit(withIndices.replace("idx.txt}", "idx.txt, missing_indices: keep}"))
                .assertError("fit", "config.yaml: split.missing_indices: must be error or drop, got 'keep'");
        fit(GOOD.replace("seed: 1}", "seed: 1, missing_indices: drop}"))
                .assertError("fit", "config.yaml: split.missing_indices: applies only to an index file: give split.train_indices too");
        Files.writeString(idx, "0 1 2 3 4 5 6 7 8 9 -1\n");
        fit(withIndices.replace("idx.txt}", "idx.txt, missing_indices: drop}")).assertError("fit",
                "config.yaml: split.train_indices: " + idx + ": training index -1 is outside 0..119 (indices are 0-based positions)");

        Files.writeString(idx, "# ten training configurations and two the data lack\n0 1 2 3 4 5 6 7 8 9\n131 120 131\n");
        Cli.Result ok = fit(withIndices.replace("idx.txt}", "idx.txt, missing_indices: drop}"));
        ok.assertOk();
        assertTrue(ok.out().contains("warning: " + cfg + ": split.train_indices: " + idx + ": dropped 2 indices 131, 120 "
                + "(missing_indices: drop): the data have 120 configurations (0-based positions 0..119)\n"), ok.out());
        assertTrue(ok.out().contains("to 10 training configurations (110 test)"), ok.out());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), Files.readAllLines(dir.resolve("out/train-indices.txt"))
                .stream().filter(l -> !l.startsWith("#")).toList());
    }

    private static String lastLine(Cli.Result r) {
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        return lines.get(lines.size() - 1);
    }
}

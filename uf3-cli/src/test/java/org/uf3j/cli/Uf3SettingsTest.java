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
import org.uf3j.cli.fit.FitConfig;
import org.uf3j.cli.fit.Uf3Settings;

/**
 * uf3 package settings, written as its YAML workflow and its examples write them, become the UF3-J
 * configuration docs/from-uf3.md describes; what cannot carry over is named; uf3 fit reads them
 * directly and gives the same fit as the converted configuration.
 */
class Uf3SettingsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text.replace("DATA", Cli.quickstartData().toString()));
        return p;
    }

    /** The shape of uf3's default_options.yaml with the blanks filled in by numbers (uf3 expands them per trio). */
    private static final String DEFAULT_OPTIONS_SHAPE = """
            outputs_path: ./outputs
            elements: W
            degree: 3
            seed: 0
            data:
                db_path: data.db
                sources:
                    path: DATA
                    pattern: "*"
                keys:
                    atoms_key: geometry
                    energy_key: energy
                    force_key: forces
                    size_key: size
            basis:
                r_min: 1.5
                r_max: 4.0
                resolution: 6
                fit_offsets: yes
                trailing_trim: 3
                mask_trim: yes
                knot_strategy: linear
            features:
                n_cores: 4
            learning:
                features_path: features.h5
                weight: 0.5
                regularizer:
                    ridge_1b: 1.0e-8
                    ridge_2b: 0.0
                    ridge_3b: 1.0e-5
                    curvature_2b: 1.0e-8
                    curvature_3b: 1.0e-8
            """;

    @Test
    void defaultOptionsShapeConvertsWithItsNumbersAndNamesWhatDiffers() throws IOException {
        Path f = write("settings.yaml", DEFAULT_OPTIONS_SHAPE);
        assertTrue(Uf3Settings.recognises(f));
        Uf3Settings s = Uf3Settings.convert(f, null, null, null);
        assertEquals("# converted from the uf3 settings " + f + " (mapping: docs/from-uf3.md)\n"
                + "elements: [W]\n"
                + "data:\n  - path: " + Cli.quickstartData() + "\n"
                + "two_body:\n  r_min: 1.5\n  r_max: 4.0\n  resolution: 6\n"
                + "three_body:\n  r_min: 1.5\n  r_max: 4.0\n  resolution: 6\n  resolution_jk: 12\n"
                + "kappa: 0.5\n"
                + "regularization: {curvature_2b: 1.0e-08, ridge_2b: 0.0, curvature_3b: 1.0e-08, ridge_3b: 1.0e-05}\n",
                s.yaml());
        assertEquals(List.of(
                "data.sources.path: resolved against the settings file's directory (uf3 resolves it against the working directory)",
                "basis.r_min: the jk leg of W-W-W starts at 3.0 Å in uf3; UF3-J starts all three legs at r_min 1.5 Å",
                "learning.regularizer.ridge_1b 1.0e-08: not carried over (UF3-J does not regularise one-body energies)",
                "learning.regularizer.curvature_3b: same λ, but uf3's 3-body operator is the squared 6-neighbour Laplacian "
                        + "and UF3-J's the per-axis second differences (docs/from-uf3.md)",
                "split: uf3 takes its training and test sets from separate data files; UF3-J holds out 20 % of every "
                        + "config_type (give --train-indices FILE for an index file)"), s.notes());
        // the result is a valid configuration
        FitConfig c = FitConfig.parse(s.yaml(), f);
        assertEquals(4.0, c.threeBody().defaults().rMax(), 0.0);
        assertEquals(12, c.threeBody().defaults().resolutionJk());
        assertEquals(1e-5, c.regularization().ridge3(), 0.0);
    }

    @Test
    void mapsPerInteractionAsUf3ConfigWritesThemExcludingTriosWithoutSettings() throws IOException {
        // the layout `uf3 config` writes (interaction maps, 3-body legs as [ij, ik, jk]); W-Mo-Mo left out
        Path f = write("mow.yaml", """
                elements: [W, Mo]
                degree: 3
                data: {sources: {path: [DATA, DATA]}, keys: {energy_key: free_energy, force_key: force}}
                basis:
                    r_min: {Mo-Mo: 1.5, Mo-W: 1.5, W-W: 1.6, Mo-Mo-Mo: [1.5, 1.5, 1.5], Mo-Mo-W: [1.5, 1.5, 1.5],
                            Mo-W-W: [1.5, 1.5, 1.5], W-Mo-Mo: [1.5, 1.5, 1.5], W-Mo-W: [1.5, 1.5, 1.5], W-W-W: [1.5, 1.5, 1.5]}
                    r_max: {Mo-Mo: 5.5, Mo-W: 5.5, W-W: 6.0, Mo-Mo-Mo: [4, 4, 8], Mo-Mo-W: [4, 4, 8],
                            Mo-W-W: [4, 4, 8], W-Mo-W: [4, 4, 8], W-W-W: [4.5, 4.5, 9.0]}
                    resolution: {Mo-Mo: 20, Mo-W: 20, W-W: 22, Mo-Mo-Mo: [5, 5, 10], Mo-Mo-W: [5, 5, 10],
                            Mo-W-W: [5, 5, 10], W-Mo-W: [5, 5, 10], W-W-W: [6, 6, 12]}
                    leading_trim: {2: 0, 3: 3}
                    trailing_trim: 3
                    knot_strategy: lammps
                learning: {weight: 0.8, regularizer: {ridge_1b: 0, curvature_2b: 1.0e-6, curvature_3b: 0}}
                """);
        Uf3Settings s = Uf3Settings.convert(f, dir, null, null);
        String q = dir.toAbsolutePath().normalize().relativize(Cli.quickstartData().toAbsolutePath().normalize()).toString();
        assertEquals("# converted from the uf3 settings " + f + " (mapping: docs/from-uf3.md)\n"
                + "elements: [Mo, W]\n"
                + "data:\n  - path: " + q + "\n    energy_key: free_energy\n  - path: " + q + "\n    energy_key: free_energy\n"
                + "two_body:\n  r_min: 1.5\n  r_max: 5.5\n  resolution: 20\n"
                + "  pairs:\n    W-W: {r_min: 1.6, r_max: 6.0, resolution: 22}\n"
                + "three_body:\n  r_min: 1.5\n  r_max: 4.0\n  resolution: 5\n  resolution_jk: 10\n"
                + "  triplets:\n    W-W-W: {r_min: 1.5, r_max: 4.5, resolution: 6, resolution_jk: 12}\n"
                + "  exclude: [[W, Mo, Mo]]\n"
                + "kappa: 0.8\n"
                + "regularization: {curvature_2b: 1.0e-06, ridge_2b: 0.0, curvature_3b: 0.0, ridge_3b: 1.0e-05}\n", s.yaml());
        assertEquals(List.of(
                "data.sources.path: resolved against the settings file's directory (uf3 resolves it against the working directory)",
                "basis: 3-body terms without settings (W-Mo-Mo) are left out, as uf3 leaves them out",
                "basis.leading_trim: 3 for 3-body terms has no UF3-J counterpart (no leading trim; those coefficients are fitted)",
                "basis.knot_strategy: lammps (uniform in r²) has no UF3-J counterpart; uniform knots (linear) used",
                "split: uf3 takes its training and test sets from separate data files; UF3-J holds out 20 % of every "
                        + "config_type (give --train-indices FILE for an index file)"), s.notes());
        FitConfig.parse(s.yaml(), dir.resolve("fit.yaml")); // valid as written into dir
    }

    @Test
    void whatCannotBeExpressedIsAOneLineError() throws IOException {
        String legs = DEFAULT_OPTIONS_SHAPE.replace("r_max: 4.0", "r_max: {W-W: 5.5, W-W-W: [4.0, 4.0, 6.0]}")
                .replace("resolution: 6", "resolution: {W-W: 20, W-W-W: [5, 5, 10]}")
                .replace("r_min: 1.5", "r_min: {W-W: 1.5, W-W-W: [1.5, 1.5, 1.5]}");
        Path f = write("legs.yaml", legs);
        Cli.run("convert-settings", f.toString()).assertError("convert-settings", f + ": basis.r_max.W-W-W: the jk leg ends at "
                + "6.0 Å; UF3-J (and LAMMPS' .uf3 format) needs twice the ij leg, 8.0 Å");
        Path g = write("ijik.yaml", legs.replace("[4.0, 4.0, 6.0]", "[4.0, 3.5, 8.0]"));
        Cli.run("convert-settings", g.toString()).assertError("convert-settings", g + ": basis: W-W-W: the ij and ik legs "
                + "differ (4.0, 3.5); UF3-J gives both the same knots");
        Path h = write("pair.yaml", DEFAULT_OPTIONS_SHAPE.replace("elements: W", "elements: [W, Mo]")
                .replace("degree: 3", "degree: 2").replace("r_max: 4.0", "r_max: {W-W: 5.5, Mo-Mo: 5.5}"));
        Cli.run("convert-settings", h.toString()).assertError("convert-settings", h + ": basis.r_max.Mo-W: missing: uf3 leaves "
                + "a pair without settings out of the model; UF3-J fits every pair of the elements");
        Path k = write("nodata.yaml", DEFAULT_OPTIONS_SHAPE.replace("path: DATA", "pattern2: x"));
        Cli.run("convert-settings", k.toString()).assertError("convert-settings", k + ": data.sources.path: missing: give the "
                + "training data file(s) (extended XYZ); uf3's search of the working directory is not carried over");
        Path e = write("el.yaml", DEFAULT_OPTIONS_SHAPE.replace("elements: W", "elements: [W, Qq]"));
        Cli.run("convert-settings", e.toString()).assertError("convert-settings", e + ": elements[1]: 'Qq' is not a chemical element");
        assertFalse(Uf3Settings.recognises(Cli.root().resolve("examples/quickstart/fit.yaml")), "a UF3-J configuration");
    }

    @Test
    void uf3FitReadsSettingsDirectlyAndMatchesTheConvertedConfiguration() throws IOException {
        Path f = write("uf2.yaml", DEFAULT_OPTIONS_SHAPE.replace("degree: 3", "degree: 2").replace("r_max: 4.0", "r_max: 5.0")
                .replace("resolution: 6", "resolution: 12"));
        Cli.Result direct = Cli.run("fit", f.toString(), "-o", dir.resolve("direct").toString()).assertOk();
        assertTrue(direct.out().contains("reading " + f + " as uf3 package settings"), direct.out());
        assertTrue(direct.out().contains("note: learning.regularizer.ridge_1b 1.0e-08: not carried over"), direct.out());
        Path converted = dir.resolve("fit.yaml");
        Cli.run("convert-settings", f.toString(), "-o", converted.toString()).assertOk();
        Cli.run("fit", converted.toString(), "-o", dir.resolve("converted").toString()).assertOk();
        assertEquals(Files.readString(dir.resolve("converted/metrics.json")), Files.readString(dir.resolve("direct/metrics.json")),
                "the same fit either way");
        List<String> knots = Files.readAllLines(dir.resolve("direct/potential.uf3"));
        assertTrue(knots.stream().anyMatch(l -> l.startsWith("5.0 ") || l.contains(" 5.0 ")), "r_max 5.0 carried over");
    }

    @Test
    void pathsYamlWouldMisreadAreQuoted() throws IOException {
        Path odd = dir.resolve("my data: \"W\" #1.xyz");
        Files.copy(Cli.quickstartData(), odd);
        Path f = write("odd.yaml", DEFAULT_OPTIONS_SHAPE.replace("path: DATA", "path: 'my data: \"W\" #1.xyz'"));
        Uf3Settings s = Uf3Settings.convert(f, null, null, null);
        assertTrue(s.yaml().contains("  - path: \"" + dir.toAbsolutePath().normalize() + "/my data: \\\"W\\\" #1.xyz\"\n"), s.yaml());
        assertEquals(odd.toAbsolutePath().normalize(), FitConfig.parse(s.yaml(), f).data().entries().get(0).path());
    }
}

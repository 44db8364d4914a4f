package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.fitsnap.FitsnapJsonReader;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.LammpsProcess;
import org.uf3j.core.testing.LammpsSinglePoint;
import org.uf3j.core.testing.TestData;

/**
 * The project's LAMMPS has a working ML-POD package: {@code fitpod} (bin/lmp --reference) fits a
 * small two-element POD to a dozen InP configurations of the FitSNAP set written as extended XYZ,
 * writes its coefficients, and {@code pair_style pod} with those coefficients gives, configuration
 * by configuration, the total energy fitpod reported in its training analysis (two independent
 * code paths: fitpod's own descriptors and the pair style's), close to the DFT energy.
 */
class PodFitThroughLammpsTest {
    private static final List<String> ELEMENTS = List.of("In", "P");

    @TempDir
    Path dir;

    static final String PARAM = """
            species In P
            pbc 1 1 1
            rin 0.8
            rcut 5.0
            bessel_polynomial_degree 3
            inverse_polynomial_degree 6
            onebody 1
            twobody_number_radial_basis_functions 4
            threebody_number_radial_basis_functions 3
            threebody_angular_degree 2
            fourbody_number_radial_basis_functions 0
            fourbody_angular_degree 0
            """;

    static final String DATA = """
            file_format extxyz
            file_extension xyz
            path_to_training_data_set "XYZ"
            fitting_weight_energy 100.0
            fitting_weight_force 1.0
            fitting_regularization_parameter 1e-10
            error_analysis_for_training_data_set 1
            error_analysis_for_test_data_set 0
            basename_for_output_files tiny
            precision_for_pod_coefficients 15
            """;

    @Test
    void fitpodWritesCoefficientsThatPairStylePodReproduces() throws Exception {
        Path json = TestData.dir().resolve("inp-cusentino2020/JSON");
        List<List<Configuration>> groups = List.of(first(json.resolve("Strain"), 8), first(json.resolve("aIn"), 2),
                first(json.resolve("aP"), 1));
        Files.createDirectories(dir.resolve("XYZ"));
        String[] names = {"Strain", "aIn", "aP"};
        for (int g = 0; g < groups.size(); g++) {
            writeXyz(dir.resolve("XYZ/" + names[g] + ".xyz"), groups.get(g));
        }
        Files.writeString(dir.resolve("param.pod"), PARAM);
        Files.writeString(dir.resolve("data.pod"), DATA);
        Files.writeString(dir.resolve("in.fitpod"), "fitpod param.pod data.pod\n");
        LammpsProcess.Result r = LammpsProcess.run(dir, true, 300, "-in", "in.fitpod", "-log", "log.fitpod");
        assertEquals(0, r.code(), () -> "fitpod failed:\n" + r.out() + r.err());

        Path coefficients = dir.resolve("tiny_coefficients.pod");
        assertTrue(Files.isRegularFile(coefficients), "fitpod wrote " + coefficients.getFileName() + ":\n" + r.out());
        List<Double> c = coefficients(coefficients);
        assertTrue(c.size() > 10, "a POD with more than ten coefficients: " + c.size());
        assertTrue(c.stream().allMatch(Double::isFinite), "finite coefficients");
        assertTrue(c.stream().anyMatch(v -> Math.abs(v) > 1e-6), "coefficients not all zero");

        Map<String, List<Double>> reported = analysisEnergies(dir.resolve("tiny_training_analysis.pod"));
        Map<String, Double> forceRmse = forceRmse(dir.resolve("tiny_training_errors.pod"));
        String pair = "pair_coeff * * " + dir.resolve("param.pod") + " " + coefficients + " In P";
        double worstRel = 0;
        double worstDft = 0;
        int run = 0;
        for (int g = 0; g < groups.size(); g++) {
            String file = names[g] + ".xyz";
            List<Configuration> group = groups.get(g);
            List<Double> energies = reported.get(file);
            assertTrue(energies != null && energies.size() == group.size(), file + ": one analysis row per configuration: "
                    + reported);
            double sq = 0;
            int components = 0;
            for (int j = 0; j < group.size(); j++) {
                Configuration cfg = group.get(j);
                LammpsSinglePoint.Result pod = LammpsSinglePoint.run(dir.resolve("run" + run++), cfg.structure(), ELEMENTS,
                        true, true, "pair_style pod", pair);
                String what = file + " configuration " + (j + 1) + " (" + cfg.source() + ")";
                assertTrue(Double.isFinite(pod.energy()), what + ": finite pair_style pod energy");
                double e = energies.get(j);
                // the analysis prints about ten significant digits
                assertEquals(e, pod.energy(), 1e-7 * Math.abs(e), what + ": pair_style pod energy against fitpod's");
                worstRel = Math.max(worstRel, Math.abs(pod.energy() - e) / Math.abs(e));
                double perAtom = Math.abs(pod.energy() - cfg.energy()) / cfg.structure().size();
                worstDft = Math.max(worstDft, perAtom);
                assertTrue(perAtom < 0.05, what + ": a fitted POD is within 0.05 eV/atom of DFT, not " + perAtom);
                for (int c3 = 0; c3 < pod.forces().length; c3++) {
                    double d = pod.forces()[c3] - cfg.forces()[c3];
                    sq += d * d;
                    components++;
                }
            }
            // fitpod prints its force RMSE per file with six decimals
            double rmse = Math.sqrt(sq / components);
            assertEquals(forceRmse.get(file), rmse, 2e-6, file + ": force RMSE of pair_style pod against DFT, as fitpod reported");
        }
        System.out.printf(Locale.ROOT, "fitpod: %d coefficients from %d InP configurations; pair_style pod vs fitpod's "
                + "training energies: worst relative difference %.2e; worst distance from DFT %.4f eV/atom; force RMSE "
                + "per file as fitpod reported (%s)%n", c.size(), run, worstRel, worstDft, forceRmse);
    }

    /** The first n configurations of a FitSNAP group whose cell LAMMPS takes as it is (lower triangular). */
    private static List<Configuration> first(Path group, int n) throws IOException {
        List<Configuration> out = new ArrayList<>();
        try (FitsnapJsonReader r = FitsnapJsonReader.open(group)) {
            while (r.hasNext() && out.size() < n) {
                Configuration c = r.next();
                Cell cell = c.structure().cell();
                if (cell.vector(0, 1) == 0 && cell.vector(0, 2) == 0 && cell.vector(1, 2) == 0) {
                    out.add(c);
                }
            }
        }
        assertEquals(n, out.size(), group + ": lower-triangular configurations");
        return out;
    }

    /** Extended XYZ as fitpod reads it: Lattice, energy, then "species x y z fx fy fz" per atom. */
    private static void writeXyz(Path file, List<Configuration> configs) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Configuration c : configs) {
            Structure s = c.structure();
            b.append(s.size()).append('\n').append("Lattice=\"");
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    b.append(String.format(Locale.ROOT, "%s%.17g", i + k == 0 ? "" : " ", s.cell().vector(i, k)));
                }
            }
            b.append(String.format(Locale.ROOT, "\" Properties=species:S:1:pos:R:3:forces:R:3 energy=%.17g pbc=\"T T T\"%n",
                    c.energy()));
            for (int a = 0; a < s.size(); a++) {
                b.append(String.format(Locale.ROOT, "%s %.17g %.17g %.17g %.17g %.17g %.17g%n", s.symbol(a), s.x(a, 0), s.x(a, 1),
                        s.x(a, 2), c.forces()[3 * a], c.forces()[3 * a + 1], c.forces()[3 * a + 2]));
            }
        }
        Files.writeString(file, b.toString());
    }

    /** The force RMSE per file (last column) of a fitpod training-errors table. */
    private static Map<String, Double> forceRmse(Path file) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String l : Files.readAllLines(file)) {
            String[] w = l.trim().split("\\s+");
            if (w.length == 7 && w[0].endsWith(".xyz")) {
                out.put(w[0], Double.parseDouble(w[6]));
            }
        }
        return out;
    }

    /** The numbers after the "model_coefficients: M ..." header of a POD coefficient file. */
    private static List<Double> coefficients(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("model_coefficients:"), file + ": header " + lines.get(0));
        int m = Integer.parseInt(lines.get(0).trim().split("\\s+")[1]);
        List<Double> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isBlank()) {
                out.add(Double.parseDouble(l.trim()));
            }
        }
        assertEquals(m, out.size(), file + ": coefficients announced and present");
        return out;
    }

    /** The predicted total energies (column 4) of a fitpod training analysis, per file ("# NAME.xyz"), in file order. */
    private static Map<String, List<Double>> analysisEnergies(Path file) throws IOException {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        List<Double> current = null;
        for (String l : Files.readAllLines(file)) {
            String t = l.trim();
            if (t.startsWith("#")) {
                current = out.computeIfAbsent(t.substring(1).trim(), x -> new ArrayList<>());
            } else if (!t.isEmpty() && !t.startsWith("config")) {
                assertTrue(current != null, file + ": a row before any file header");
                current.add(Double.parseDouble(t.split("\\s+")[3]));
            }
        }
        return out;
    }
}

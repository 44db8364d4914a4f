package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.PotentialFiles;
import org.uf3j.core.io.TrainingData;
import org.uf3j.core.io.TrainingDataOptions;
import org.uf3j.core.io.TrainingFormat;
import org.uf3j.core.io.lammps.LammpsDumpOptions;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.units.MetalUnits;

/**
 * One training set, two files: LAMMPS (4Feb2025, {@code bin/lmp --reference}) labels an NPT run of
 * a random fcc Cu-Ni alloy with the Onat-Durukanoglu EAM potential shipped with LAMMPS
 * ({@code CuNi.eam.alloy}) and writes a dump (atom types, forces, per-atom energy and stress) and a
 * log (PotEng and the virial pressure tensor at every dumped step). The test turns the dump and log
 * into extended XYZ with its own few lines (no UF3-J reader involved). {@code uf3 fit} on the XYZ
 * and on the dump + log must give the same coefficients and metrics; the per-atom route (Σ c_pe,
 * Σ stress/atom) must give the log's energies and virials.
 */
class FitLammpsDumpTest {
    static final String[] TYPE_ELEMENTS = {"Cu", "Ni"};

    static final String INPUT = """
            # 108-atom random Cu-Ni fcc alloy, compressed start, NPT at 1000 K towards 0 bar: a range of
            # volumes, stresses and distortions; then two more compositions (50, 25 and 75 % Ni), so that
            # the one-body energies of Cu and Ni can be told apart
            units           metal
            boundary        p p p
            atom_style      atomic
            lattice         fcc 3.46
            region          box block 0 3 0 3 0 3
            create_box      2 box
            create_atoms    1 box
            set             type 1 type/ratio 2 0.5 4321
            mass            1 63.546
            mass            2 58.6934
            pair_style      eam/alloy
            pair_coeff      * * CuNi.eam.alloy Cu Ni
            compute         pe all pe/atom
            compute         s all stress/atom NULL virial
            compute         pv all pressure NULL virial
            thermo_style    custom step temp pe press vol c_pv[1] c_pv[2] c_pv[3] c_pv[4] c_pv[5] c_pv[6]
            thermo_modify   format float %.17g
            thermo          25
            dump            d all custom 25 train.dump id type x y z fx fy fz c_pe c_s[1] c_s[2] c_s[3] c_s[4] c_s[5] c_s[6]
            dump_modify     d format float %.17g sort id
            velocity        all create 2000 4242 mom yes rot yes dist gaussian
            fix             md all npt temp 1000 1000 0.1 aniso 0 0 0.5
            timestep        0.002
            run             600
            set             group all type 1
            set             type 1 type/ratio 2 0.25 777
            run             300
            set             group all type 1
            set             type 1 type/ratio 2 0.75 778
            run             300
            """;

    static final String COMMON = """
            elements: [Cu, Ni]
            two_body: {r_min: 1.9, r_max: 5.2, resolution: 10}
            three_body: {r_min: 1.9, r_max: 3.6, resolution: 3}
            kappa: 0.6
            regularization: {curvature_2b: [1e-6, 1e-4], curvature_3b: 1e-5}
            cross_validation: {folds: 3, seed: 5}
            split: {test_fraction: 0.2, seed: 2}
            virial_weight: 0.5
            threads: 1
            plots: false
            """;

    @TempDir
    static Path dir;
    static int frames;

    @BeforeAll
    static void labelWithLammpsAndWriteBothFormats() throws Exception {
        Cli.Result root = Cli.process(Cli.root(), 1800, Cli.root().resolve("scripts/build-lammps.sh").toString());
        assertEquals(0, root.code(), root.err());
        String[] lines = root.out().trim().split("\n");
        Path potential = Path.of(lines[lines.length - 1].trim(), "src", "potentials", "CuNi.eam.alloy");
        Files.copy(potential, dir.resolve("CuNi.eam.alloy"));
        Files.writeString(dir.resolve("in.cuni"), INPUT);
        Cli.lmp(dir, "--reference", "-in", "in.cuni", "-log", "log.lammps", "-screen", "none");
        frames = writeXyz(dir.resolve("train.dump"), dir.resolve("log.lammps"), dir.resolve("train.xyz"));
        write("xyz.yaml", "data:\n  - path: train.xyz\n" + COMMON);
        write("dump.yaml", """
                data:
                  - path: train.dump
                    format: lammps-dump
                    lammps_dump:
                      types: [Cu, Ni]
                      log: log.lammps
                      log_virial_columns: c_pv
                      config_type: md
                """ + COMMON);
        write("peratom.yaml", """
                data:
                  - path: train.dump
                    format: auto
                    lammps_dump: {types: [Cu, Ni], energy_column: c_pe, stress_columns: c_s, config_type: md}
                """ + COMMON);
        for (String name : List.of("xyz", "dump", "peratom")) {
            Cli.run("fit", dir.resolve(name + ".yaml").toString(), "-o", dir.resolve(name + "-out").toString()).assertOk();
        }
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    /**
     * The dump (orthogonal box, sorted by id) and the log's thermo rows as extended XYZ: positions
     * relative to the box's lower corner, energy = PotEng, virial = P_virial·V/nktv2p (eV, the
     * sign of LAMMPS' pressure). Returns the number of frames.
     */
    static int writeXyz(Path dump, Path log, Path xyz) throws IOException {
        Map<Long, Map<String, String>> thermo = new HashMap<>();
        List<String> header = null;
        for (String line : Files.readAllLines(log)) {
            String[] t = line.trim().split("\\s+");
            if (t[0].equals("Step")) {
                header = List.of(t);
            } else if (header != null && t.length == header.size() && t[0].matches("\\d+")) {
                Map<String, String> row = new HashMap<>();
                for (int k = 0; k < t.length; k++) {
                    row.put(header.get(k), t[k]);
                }
                // a step that ends one run and starts the next has two rows: the dump frame was written by the
                // first run (LAMMPS never dumps a step twice), so the first row is the frame's
                thermo.putIfAbsent(Long.parseLong(t[0]), row);
            } else {
                header = null;
            }
        }
        List<String> d = Files.readAllLines(dump);
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < d.size(); ) {
            assertEquals("ITEM: TIMESTEP", d.get(i));
            long step = Long.parseLong(d.get(i + 1).trim());
            int n = Integer.parseInt(d.get(i + 3).trim());
            assertEquals("ITEM: BOX BOUNDS pp pp pp", d.get(i + 4));
            double[] lo = new double[3];
            double[] len = new double[3];
            for (int k = 0; k < 3; k++) {
                String[] b = d.get(i + 5 + k).trim().split("\\s+");
                lo[k] = Double.parseDouble(b[0]);
                len[k] = Double.parseDouble(b[1]) - lo[k];
            }
            assertEquals("ITEM: ATOMS id type x y z fx fy fz c_pe c_s[1] c_s[2] c_s[3] c_s[4] c_s[5] c_s[6]", d.get(i + 8));
            Map<String, String> row = thermo.get(step);
            assertNotNull(row, "thermo row of step " + step);
            double volume = len[0] * len[1] * len[2];
            double[] w = new double[6];
            for (int k = 0; k < 6; k++) {
                w[k] = Double.parseDouble(row.get("c_pv[" + (k + 1) + "]")) * volume / MetalUnits.LAMMPS_NKTV2P;
            }
            out.append(n).append('\n').append(String.format(Locale.ROOT, "Lattice=\"%s 0 0 0 %s 0 0 0 %s\" "
                            + "Properties=species:S:1:pos:R:3:forces:R:3 energy=%s virial=\"%s %s %s %s %s %s %s %s %s\" "
                            + "config_type=md pbc=\"T T T\" timestep=%d%n", len[0], len[1], len[2], row.get("PotEng"),
                    w[0], w[3], w[4], w[3], w[1], w[5], w[4], w[5], w[2], step));
            for (int a = 0; a < n; a++) {
                String[] t = d.get(i + 9 + a).trim().split("\\s+");
                assertEquals(a + 1, Integer.parseInt(t[0]), "sorted by id");
                out.append(TYPE_ELEMENTS[Integer.parseInt(t[1]) - 1]);
                for (int k = 0; k < 3; k++) {
                    out.append(' ').append(Double.parseDouble(t[2 + k]) - lo[k]);
                }
                out.append(' ').append(t[5]).append(' ').append(t[6]).append(' ').append(t[7]).append('\n');
            }
            i += 9 + n;
            count++;
        }
        Files.writeString(xyz, out.toString());
        return count;
    }

    private static List<Configuration> read(Path file, TrainingFormat format, LammpsDumpOptions o) throws IOException {
        return TrainingData.read(file, format, TrainingDataOptions.defaults().withLammpsDump(o));
    }

    @Test
    void theTwoFilesHoldTheSameTrainingSet() throws IOException {
        assertEquals(49, frames, "steps 0, 25, ..., 1200");
        List<Configuration> xyz = read(dir.resolve("train.xyz"), TrainingFormat.EXTXYZ, null);
        List<Configuration> dump = read(dir.resolve("train.dump"), TrainingFormat.LAMMPS_DUMP, LammpsDumpOptions.defaults()
                .withTypeElements(List.of(TYPE_ELEMENTS)).withLog(dir.resolve("log.lammps"))
                .withLogVirialColumns(LammpsDumpOptions.columns("c_pv")).withConfigType("md"));
        assertEquals(49, xyz.size());
        assertEquals(49, dump.size());
        int[] ni = new int[49];
        double minVolume = Double.MAX_VALUE;
        double maxVolume = 0;
        for (int f = 0; f < 49; f++) {
            Configuration a = xyz.get(f);
            Configuration b = dump.get(f);
            assertEquals(108, b.size());
            assertEquals(a.info().get("timestep"), b.info().get("timestep"));
            for (int i = 0; i < 108; i++) {
                assertEquals(a.structure().symbol(i), b.structure().symbol(i));
                ni[f] += b.structure().symbol(i).equals("Ni") ? 1 : 0;
            }
            assertArrayEquals(a.structure().cell().vectors(), b.structure().cell().vectors(), 0);
            for (int i = 0; i < 108; i++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(a.structure().x(i, k), b.structure().x(i, k), 0, "position");
                }
            }
            assertArrayEquals(a.forces(), b.forces(), 0);
            assertEquals(a.energy(), b.energy(), 0, "energy = PotEng, the same text");
            assertEquals("md", b.configType());
            for (int k = 0; k < 6; k++) {
                assertEquals(a.virial()[k], b.virial()[k], 1e-13 * Math.abs(a.virial()[k]) + 1e-13, "virial " + k);
            }
            double v = b.structure().cell().volume();
            minVolume = Math.min(minVolume, v);
            maxVolume = Math.max(maxVolume, v);
            double perAtom = b.energy() / b.size();
            assertTrue(perAtom > -4.6 && perAtom < -3.3, "Cu-Ni EAM energy " + perAtom + " eV/atom");
        }
        // set type/ratio: exactly 50 % Ni up to step 600 (that frame is the end of the first run), 25 % to 900, 75 %
        assertEquals(54, ni[0]);
        assertEquals(54, ni[24]);
        assertEquals(27, ni[25]);
        assertEquals(27, ni[36]);
        assertEquals(81, ni[37]);
        assertEquals(81, ni[48]);
        assertTrue(maxVolume / minVolume > 1.05, "the NPT run spans volumes " + minVolume + " to " + maxVolume + " Å³");
    }

    /** Σ c_pe (compute pe/atom) equals the log's PotEng and Σ stress/atom the log's virial pressure. */
    @Test
    void perAtomColumnsAgreeWithTheLog() throws IOException {
        LammpsDumpOptions types = LammpsDumpOptions.defaults().withTypeElements(List.of(TYPE_ELEMENTS));
        List<Configuration> log = read(dir.resolve("train.dump"), TrainingFormat.LAMMPS_DUMP, types
                .withLog(dir.resolve("log.lammps")).withLogVirialColumns(LammpsDumpOptions.columns("c_pv")));
        List<Configuration> atoms = read(dir.resolve("train.dump"), TrainingFormat.AUTO, types.withEnergyColumn("c_pe")
                .withStressColumns(LammpsDumpOptions.columns("c_s")));
        double worstE = 0;
        double worstW = 0;
        for (int f = 0; f < log.size(); f++) {
            double de = Math.abs(log.get(f).energy() - atoms.get(f).energy()) / Math.abs(log.get(f).energy());
            worstE = Math.max(worstE, de);
            double scale = 0;
            for (double w : log.get(f).virial()) {
                scale = Math.max(scale, Math.abs(w));
            }
            for (int k = 0; k < 6; k++) {
                worstW = Math.max(worstW, Math.abs(log.get(f).virial()[k] - atoms.get(f).virial()[k]) / scale);
            }
        }
        System.out.printf(Locale.ROOT, "Cu-Ni dump: |Σ c_pe − PotEng|/|PotEng| ≤ %.2g, |Σ stress/atom − log virial| ≤ "
                + "%.2g of the largest component%n", worstE, worstW);
        // measured 4.6e-14 and 1.5e-14: 17-digit text of 108 per-atom numbers summed in another order
        assertTrue(worstE < 1e-12, "energies from c_pe vs PotEng: " + worstE);
        assertTrue(worstW < 1e-12, "virials from stress/atom vs pressure: " + worstW);
    }

    @Test
    void extendedXyzAndDumpPlusLogFitTheSameModel() throws IOException {
        Uf3Model xyz = PotentialFiles.read(dir.resolve("xyz-out/model.json")).model();
        Uf3Model dump = PotentialFiles.read(dir.resolve("dump-out/model.json")).model();
        double diff = maxRelativeDifference(xyz, dump);
        System.out.printf(Locale.ROOT, "Cu-Ni fit, extended XYZ vs dump + log: max |Δc|/max|c| = %.2g%n", diff);
        assertTrue(diff <= 1e-10, "coefficients differ by " + diff); // measured 2e-13 (volumes differ in the last bit)
        assertEquals(List.of("Ni", "Cu"), dump.elements(), "ordered by atomic number whatever the type order");
        assertEquals(3, dump.pairTerms().size());
        assertEquals(6, dump.tripletTerms().size());
        JsonNode a = metrics("xyz");
        JsonNode b = metrics("dump");
        assertSameNumbers(a, b, 1e-10, "metrics");
        assertEquals(39, b.get("train").get("configurations").asInt());
        assertEquals(10, b.get("test").get("configurations").asInt());
        double eRmse = b.get("test").get("energy").get("rmse_meV_per_atom").asDouble();
        double fRmse = b.get("test").get("forces").get("rmse_eV_per_A").asDouble();
        System.out.printf(Locale.ROOT, "Cu-Ni fit test errors: %.3f meV/atom, %.4f eV/Å%n", eRmse, fRmse);
        assertTrue(eRmse > 0 && eRmse < 10, "test energy RMSE " + eRmse + " meV/atom");
        assertTrue(fRmse > 0 && fRmse < 0.3, "test force RMSE " + fRmse + " eV/Å");
        JsonNode model = new ObjectMapper().readTree(dir.resolve("dump-out/model.json").toFile());
        JsonNode src = model.get("provenance").get("data").get(0);
        assertEquals("lammps-dump", src.get("format").asText());
        assertEquals("[\"Cu\",\"Ni\"]", src.get("lammps_dump").get("types").toString());
        assertEquals(64, src.get("lammps_dump").get("log_sha256").asText().length());
        assertEquals(49, src.get("configurations").asInt());
        assertEquals(hyper("xyz"), hyper("dump"), "same λ, κ and σ's chosen");
    }

    @Test
    void perAtomEnergiesAndStressesFitTheSameModelToRounding() throws IOException {
        Uf3Model xyz = PotentialFiles.read(dir.resolve("xyz-out/model.json")).model();
        Uf3Model atoms = PotentialFiles.read(dir.resolve("peratom-out/model.json")).model();
        double diff = maxRelativeDifference(xyz, atoms);
        System.out.printf(Locale.ROOT, "Cu-Ni fit, extended XYZ vs Σ c_pe + Σ stress/atom: max |Δc|/max|c| = %.2g%n", diff);
        // the energies differ by ≤ 5e-14 relative (see perAtomColumnsAgreeWithTheLog); measured 3.4e-11
        assertTrue(diff <= 1e-9, "coefficients differ by " + diff);
        assertSameNumbers(metrics("xyz"), metrics("peratom"), 1e-7, "metrics");
    }

    private static JsonNode metrics(String name) throws IOException {
        return new ObjectMapper().readTree(dir.resolve(name + "-out/metrics.json").toFile());
    }

    private static String hyper(String name) throws IOException {
        JsonNode h = new ObjectMapper().readTree(dir.resolve(name + "-out/model.json").toFile()).get("hyperparameters");
        return h.get("kappa") + " " + h.get("regularization") + " " + h.get("sigma_energy_eV_per_atom") + " "
                + h.get("sigma_force_eV_per_A");
    }

    /** Largest coefficient difference (pair, triplet, one-body) over the largest coefficient magnitude. */
    static double maxRelativeDifference(Uf3Model a, Uf3Model b) {
        List<double[]> ca = coefficients(a);
        List<double[]> cb = coefficients(b);
        assertEquals(ca.size(), cb.size());
        double scale = 0;
        double diff = 0;
        for (int t = 0; t < ca.size(); t++) {
            assertEquals(ca.get(t).length, cb.get(t).length);
            for (int i = 0; i < ca.get(t).length; i++) {
                scale = Math.max(scale, Math.abs(ca.get(t)[i]));
                diff = Math.max(diff, Math.abs(ca.get(t)[i] - cb.get(t)[i]));
            }
        }
        assertTrue(scale > 0);
        return diff / scale;
    }

    private static List<double[]> coefficients(Uf3Model m) {
        List<double[]> out = new ArrayList<>();
        double[] oneBody = new double[m.elements().size()];
        for (int e = 0; e < oneBody.length; e++) {
            oneBody[e] = m.oneBodyEnergy(m.elements().get(e));
        }
        out.add(oneBody);
        for (PairTerm p : m.pairTerms()) {
            out.add(p.coefficients());
        }
        for (TripletTerm t : m.tripletTerms()) {
            out.add(t.coefficients());
        }
        return out;
    }

    /** Same structure, every number equal within {@code rel} of its magnitude (or 1e-12 absolute). */
    static void assertSameNumbers(JsonNode a, JsonNode b, double rel, String where) {
        if (a.isNumber()) {
            assertTrue(b.isNumber(), where);
            assertEquals(a.asDouble(), b.asDouble(), rel * Math.abs(a.asDouble()) + 1e-12, where);
        } else if (a.isObject()) {
            assertEquals(a.size(), b.size(), where);
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                assertNotNull(b.get(k), where + "." + k);
                assertSameNumbers(a.get(k), b.get(k), rel, where + "." + k);
            }
        } else if (a.isArray()) {
            assertEquals(a.size(), b.size(), where);
            for (int i = 0; i < a.size(); i++) {
                assertSameNumbers(a.get(i), b.get(i), rel, where + "[" + i + "]");
            }
        } else {
            assertEquals(a, b, where);
        }
    }
}

package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.PotentialFiles;
import org.uf3j.core.io.extxyz.ExtXyzWriter;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.LammpsData;
import org.uf3j.core.testing.LammpsProcess;
import org.uf3j.core.testing.RandomModels;
import org.uf3j.core.testing.RandomStructures;

/**
 * A UF2,3 fit of Nb-W with the triplet term W;Nb,Nb left out ({@code three_body.exclude}), run as a
 * user would: it has exactly that term's coefficients fewer than the full fit, its model records
 * the term as absent, and its .uf3 file runs in LAMMPS with our style and with the official ML-UF3
 * style (which needs a block for every triplet), both equal to the Java evaluator.
 */
class PartialTripletFitTest {
    private static final List<String> ELEMENTS = List.of("Nb", "W");
    private static final Pattern ENERGY = Pattern.compile("ENERGY (\\S+) PRESSURE (\\S+)");

    @TempDir
    static Path dir;
    static Path full;
    static Path partial;

    static final String CONFIG = """
            elements: [Nb, W]
            data:
              - path: nbw.xyz
            two_body: {r_min: 1.5, r_max: 5.0, resolution: 8}
            three_body: {r_min: 1.5, r_max: 3.5, resolution: 3EXCLUDE}
            kappa: 0.5
            split: {test_fraction: 0.2, seed: 1}
            plots: PLOTS
            threads: 2
            """;

    /** 30 rattled, sheared bcc Nb-W cells labelled by a random UF2,3 model; a full fit and one without W;Nb,Nb. */
    @BeforeAll
    static void fit() throws IOException {
        Uf3Model truth = RandomModels.create(17, ELEMENTS, true, true);
        JavaEvaluator ev = new JavaEvaluator(truth);
        List<Configuration> data = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            Structure s = RandomStructures.bcc(100 + k, ELEMENTS, 3.15 + 0.01 * (k % 7), 2, 0.15, 0.04);
            Evaluation e = ev.evaluate(s);
            data.add(new Configuration(s, e.energy(), e.forces(), null, "bcc", "random " + k, null));
        }
        ExtXyzWriter.writeAll(dir.resolve("nbw.xyz"), data);
        full = fit("full", "", "false");
        partial = fit("partial", ", exclude: [[W, Nb, Nb]]", "true");
    }

    private static Path fit(String name, String exclude, String plots) throws IOException {
        Path cfg = dir.resolve(name + ".yaml");
        Files.writeString(cfg, CONFIG.replace("EXCLUDE", exclude).replace("PLOTS", plots));
        Path out = dir.resolve(name);
        Cli.run("fit", cfg.toString(), "-o", out.toString()).assertOk();
        return out;
    }

    @Test
    void theExcludedTermHasExactlyItsCoefficientsFewerAndIsAbsent() throws IOException {
        long pFull = ((Number) PotentialFiles.read(full.resolve("model.json")).project().hyperparameters()
                .get("coefficients")).longValue();
        var hyper = PotentialFiles.read(partial.resolve("model.json")).project().hyperparameters();
        long pPartial = ((Number) hyper.get("coefficients")).longValue();
        // legs ij, ik: 3 intervals, 6 basis functions, 3 free; jk: 6 intervals, 9 basis functions, 6 free;
        // both neighbours Nb, so only l <= m: 3·4/2 · 6 = 36 coefficients
        assertEquals(pFull - 36, pPartial);
        assertEquals(List.of("W-Nb-Nb"), hyper.get("three_body_excluded"));
        Uf3Model m = PotentialFiles.read(partial.resolve("model.json")).model();
        assertEquals(List.of("W-Nb-Nb"), m.absentTriplets());
        assertNull(m.triplet("W", "Nb", "Nb"));
        assertEquals(5, m.tripletTerms().size());
        // .uf3: a (zero) block for every one of the 6 triplets; read back, the same left-out term
        String uf3 = Files.readString(partial.resolve("potential.uf3"));
        assertEquals(6, uf3.lines().filter(l -> l.startsWith("3B ")).count(), uf3);
        Uf3Model fromUf3 = PotentialFiles.read(partial.resolve("potential.uf3")).model();
        assertEquals(m.withOneBodyEnergies(java.util.Map.of()), fromUf3);
        // the plots of the partial fit: a heat map per present term, none for the left-out one
        try (var files = Files.list(partial.resolve("plots"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.contains("W-Nb-W")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.contains("W-Nb-Nb")), names.toString());
        }
    }

    @Test
    void itsUf3FileRunsInLammpsWithBothStylesAndAgreesWithJava() throws Exception {
        Uf3Model m = PotentialFiles.read(partial.resolve("model.json")).model();
        Files.copy(partial.resolve("potential.uf3"), dir.resolve("NbW.uf3"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        double worst = 0;
        for (long seed : new long[] {901, 902}) {
            Structure s = RandomStructures.bcc(seed, ELEMENTS, 3.2, 3, 0.12, 0.03);
            long nNb = java.util.Arrays.stream(s.symbols()).filter("Nb"::equals).count();
            assertTrue(nNb > 5 && nNb < s.size() - 5, "both elements present");
            LammpsData.write(s, ELEMENTS, dir.resolve("cell.data"));
            Evaluation java = new JavaEvaluator(m).evaluate(s);
            double e1 = m.oneBodyEnergy("Nb") * nNb + m.oneBodyEnergy("W") * (s.size() - nNb);
            double javaE = java.energy() - e1;
            for (boolean reference : new boolean[] {false, true}) {
                double[] ef = lammps(reference, s.size());
                String who = reference ? "official ML-UF3" : "ours";
                assertEquals(javaE, ef[0], 1e-9 * Math.abs(javaE), who + " energy (eV)");
                worst = Math.max(worst, Math.abs(ef[0] - javaE) / Math.abs(javaE));
                double fMax = 0;
                for (int c = 0; c < 3 * s.size(); c++) {
                    assertEquals(java.forces()[c], ef[2 + c], 1e-8, who + " force component " + c);
                    fMax = Math.max(fMax, Math.abs(java.forces()[c]));
                }
                assertTrue(fMax > 0.01, "forces are not trivially zero");
            }
        }
        System.out.printf(Locale.ROOT, "partial 3-body set, LAMMPS (ours and official) vs Java: worst relative energy "
                + "difference %.2e%n", worst);
    }

    /** Energy, pressure and forces (in atom order) of cell.data with NbW.uf3 from bin/lmp [--reference]. */
    private static double[] lammps(boolean reference, int atoms) throws Exception {
        String in = "units metal\natom_style atomic\nboundary p p p\nread_data cell.data\n"
                + "pair_style uf3 3\npair_coeff * * NbW.uf3 Nb W\n"
                + "dump d all custom 1 forces.dump id fx fy fz\ndump_modify d sort id format float %.17g\n"
                + "run 0\nprint \"ENERGY $(pe:%.17g) PRESSURE $(press:%.17g)\"\n";
        Files.writeString(dir.resolve("in.e"), in);
        Files.deleteIfExists(dir.resolve("forces.dump"));
        LammpsProcess.Result r = LammpsProcess.run(dir, reference, 1800, "-in", "in.e", "-log", "none", "-echo", "none");
        assertEquals(0, r.code(), () -> "bin/lmp" + (reference ? " --reference" : "") + " failed:\n" + r.out() + r.err());
        Matcher mt = ENERGY.matcher(r.out());
        assertTrue(mt.find(), r.out());
        double[] out = new double[2 + 3 * atoms];
        out[0] = Double.parseDouble(mt.group(1));
        out[1] = Double.parseDouble(mt.group(2));
        List<String> lines = Files.readAllLines(dir.resolve("forces.dump"));
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("ITEM: ATOMS")).findFirst().orElseThrow()) + 1;
        for (int a = 0; a < atoms; a++) {
            String[] f = lines.get(start + a).trim().split("\\s+");
            assertEquals(a + 1, Integer.parseInt(f[0]));
            for (int k = 0; k < 3; k++) {
                out[2 + 3 * a + k] = Double.parseDouble(f[1 + k]);
            }
        }
        return out;
    }
}

package org.uf3j.nativekernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.uf3j.core.testing.LammpsSinglePoint;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.io.potential.Uf3FileReader;
import org.uf3j.core.io.potential.Uf3FileWriter;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomModels;
import org.uf3j.core.testing.RandomStructures;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.Fitter;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.Regularization;

/**
 * Java, native (JavaCPP), our LAMMPS plugin (newton on and off) and the official ML-UF3
 * {@code pair_style uf3} agree on energies, forces and virials: on LAMMPS' own Nb.uf3, a UF2,3
 * tungsten potential fitted to the quickstart data, and a fitted two-element UF2,3 potential, for
 * periodic boxes from 2 to 2,000 atoms. Energies are compared without one-body terms (the
 * .uf3 format has none).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LammpsAgreementTest {
    private static final double REL = 1e-9;
    private static final double FORCE_ABS = 1e-8;

    @TempDir
    static Path tmp;

    private final List<Case> potentials = new ArrayList<>();

    /** A potential as written to a .uf3 file and read back (so all back ends see the same numbers). */
    record Case(String name, Uf3Model model, Path file, double lattice) {
    }

    @BeforeAll
    void preparePotentials() throws Exception {
        Path nb = lammpsSource().resolve("potentials/Nb.uf3");
        potentials.add(new Case("Nb.uf3 (LAMMPS)", Uf3FileReader.read(nb), nb, 3.30));
        // UF2,3 tungsten fitted to the shipped quickstart data (LAMMPS EAM labels)
        List<Configuration> w = ExtXyzReader.readAll(Lammps.root().resolve("examples/quickstart/w-eam.xyz"));
        ModelSpec wSpec = ModelSpec.builder(List.of("W")).pairs(1.5, 5.5, 20).triplets(2.0, 4.0, 8).build();
        Uf3Model wModel = new Fitter(FitSettings.builder(wSpec).kappa(0.7)
                .regularization(new Regularization(1e-6, 1e-6, 1e-10, 1e-10)).build()).fit(w).model();
        potentials.add(written("W UF2,3 (fitted)", wModel, 3.165));
        // a two-element UF2,3 potential fitted to data labelled by a random smooth Mo-W model
        Uf3Model truth = RandomModels.create(77, List.of("Mo", "W"), true, true);
        JavaEvaluator label = new JavaEvaluator(truth);
        List<Configuration> data = new ArrayList<>();
        for (int k = 0; k < 24; k++) {
            Structure s = RandomStructures.bcc(500 + k, List.of("Mo", "W"), 3.05 + 0.01 * k, 2, 0.12, 0.03);
            Evaluation e = label.evaluate(s);
            data.add(new Configuration(s, e.energy(), e.forces(), null, "bcc", "synthetic:" + k, null));
        }
        ModelSpec moW = ModelSpec.builder(List.of("Mo", "W")).pairs(1.5, 5.0, 14).triplets(1.8, 3.4, 5).build();
        Uf3Model fitted = new Fitter(FitSettings.builder(moW).kappa(0.5)
                .regularization(new Regularization(1e-6, 1e-6, 1e-10, 1e-10)).build()).fit(data).model();
        potentials.add(written("Mo-W UF2,3 (fitted)", fitted, 3.10));
    }

    private Case written(String name, Uf3Model model, double lattice) throws Exception {
        Path file = tmp.resolve(name.replaceAll("[^A-Za-z0-9]", "_") + ".uf3");
        Uf3FileWriter.create().write(model, file);
        return new Case(name, Uf3FileReader.read(file), file, lattice);
    }

    static Path lammpsSource() throws Exception {
        Process p = new ProcessBuilder(Lammps.root().resolve("scripts/build-lammps.sh").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), "scripts/build-lammps.sh failed");
        String[] lines = out.split("\n");
        return Path.of(lines[lines.length - 1]).resolve("src");
    }

    static Stream<Arguments> cases() {
        // potential index, conventional bcc cells per side (2 atoms each): 2, 16, 128 and 2000 atoms
        List<Arguments> a = new ArrayList<>();
        for (int pot = 0; pot < 3; pot++) {
            for (int cells : new int[] {1, 2, 4, 10}) {
                a.add(Arguments.of(pot, cells));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "potential {0}, {1}^3 bcc cells")
    @MethodSource("cases")
    void allBackEndsAgree(int pot, int cells) throws Exception {
        Case c = potentials.get(pot);
        List<String> els = c.model().elements();
        Structure s = wrapped(RandomStructures.bcc(31L * cells + pot, els, c.lattice(), cells, 0.08, cells == 1 ? 0.0 : 0.04));
        double oneBody = 0;
        for (int i = 0; i < s.size(); i++) {
            oneBody += c.model().oneBodyEnergy(s.symbol(i));
        }
        Evaluation java = new JavaEvaluator(c.model()).evaluate(s);
        Evaluation nat;
        try (NativeEvaluator ev = new NativeEvaluator(c.model())) {
            nat = ev.evaluate(s);
        }
        int body = c.model().bodyOrder();
        Path dir = tmp.resolve("p" + pot + "c" + cells);
        LammpsSinglePoint.Result oursOn = Lammps.run(s, els, c.file(), body, true, false, dir.resolve("on"));
        LammpsSinglePoint.Result oursOff = Lammps.run(s, els, c.file(), body, false, false, dir.resolve("off"));
        LammpsSinglePoint.Result official = Lammps.run(s, els, c.file(), body, true, true, dir.resolve("ref"));
        assertTrue(official.log().contains("pair_style uf3") || !official.log().contains("Overriding"),
                "the reference run must not load our plugin");
        assertTrue(oursOn.log().contains("Overriding built-in pair style uf3 from plugin"),
                "bin/lmp must load our plugin");
        double e0 = java.energy() - oneBody;
        String what = c.name() + ", " + s.size() + " atoms";
        compare(what + ", native", e0, java, nat.energy() - oneBody, nat.forces(), nat.virial());
        compare(what + ", ours newton on", e0, java, oursOn.energy(), oursOn.forces(), oursOn.virial());
        compare(what + ", ours newton off", e0, java, oursOff.energy(), oursOff.forces(), oursOff.virial());
        compare(what + ", official uf3", e0, java, official.energy(), official.forces(), official.virial());
    }

    private static void compare(String what, double e0, Evaluation java, double energy, double[] forces, double[] virial) {
        assertEquals(e0, energy, REL * Math.abs(e0), what + ": energy");
        for (int k = 0; k < forces.length; k++) {
            assertEquals(java.forces()[k], forces[k], FORCE_ABS, what + ": force component " + k);
        }
        double scale = 0;
        for (double w : java.virial()) {
            scale = Math.max(scale, Math.abs(w));
        }
        for (int v = 0; v < 6; v++) {
            assertEquals(java.virial()[v], virial[v], REL * scale + 1e-9, what + ": virial " + v);
        }
    }

    /** Atoms mapped into the cell, as LAMMPS stores them (same physics, same numbers). */
    static Structure wrapped(Structure s) {
        double[] x = s.positions();
        var c = s.cell();
        for (int i = 0; i < s.size(); i++) {
            double[] f = new double[3];
            for (int a = 0; a < 3; a++) {
                f[a] = c.fractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], a);
                f[a] -= Math.floor(f[a]);
            }
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = f[0] * c.vector(0, k) + f[1] * c.vector(1, k) + f[2] * c.vector(2, k);
            }
        }
        return s.withPositions(x);
    }

    @Test
    void nveWithOurStyleConservesEnergy() throws Exception {
        Case w = potentials.get(1);
        Path dir = tmp.resolve("nve");
        Files.createDirectories(dir);
        String in = String.join("\n", "units metal", "atom_style atomic", "boundary p p p",
                "lattice bcc 3.165", "region box block 0 6 0 6 0 6", "create_box 1 box", "create_atoms 1 box",
                "mass 1 183.84", "pair_style uf3 3", "pair_coeff * * " + w.file().toAbsolutePath() + " W",
                "velocity all create 600 4928459 mom yes rot yes dist gaussian",
                "timestep 0.001", "fix nve all nve",
                "thermo 100", "thermo_style custom step temp pe etotal", "thermo_modify format float %.12f",
                "run 10000", "");
        Files.writeString(dir.resolve("in.nve"), in);
        Process p = new ProcessBuilder(Lammps.root().resolve("bin/lmp").toString(), "-in", "in.nve", "-log", "log.nve",
                "-screen", "none").directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "LAMMPS NVE run failed");
        List<double[]> rows = new ArrayList<>();
        boolean table = false;
        for (String line : Files.readAllLines(dir.resolve("log.nve"))) {
            String t = line.trim();
            if (t.startsWith("Step")) {
                table = true;
                continue;
            }
            if (table && t.startsWith("Loop time")) {
                break;
            }
            if (table && !t.isEmpty()) {
                String[] w2 = t.split("\\s+");
                rows.add(new double[] {Double.parseDouble(w2[0]), Double.parseDouble(w2[1]), Double.parseDouble(w2[3])});
            }
        }
        assertEquals(101, rows.size(), "thermo rows");
        int n = 432;
        double start = 0, end = 0;
        for (int k = 0; k < 10; k++) {
            start += rows.get(1 + k)[2] / 10;
            end += rows.get(rows.size() - 10 + k)[2] / 10;
        }
        double drift = Math.abs(end - start) / n;
        double meanT = rows.stream().skip(20).mapToDouble(r -> r[1]).average().orElse(0);
        System.out.printf("NVE bcc W, 432 atoms, 10000 x 1 fs: total-energy drift %.3e eV/atom, mean T %.0f K%n", drift, meanT);
        assertTrue(meanT > 200 && meanT < 400, "temperature near 300 K: " + meanT);
        assertTrue(drift < 1e-5, "energy drift " + drift + " eV/atom");
    }
}

package org.uf3j.nativekernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.gamma.ActiveSet;
import org.uf3j.core.gamma.ActiveSetFile;
import org.uf3j.core.gamma.ExtrapolationGrade;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.io.potential.Uf3FileReader;
import org.uf3j.core.io.potential.Uf3FileWriter;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.LammpsData;
import org.uf3j.core.testing.LammpsProcess;
import org.uf3j.core.testing.LammpsSinglePoint;
import org.uf3j.core.testing.RandomModels;
import org.uf3j.core.testing.RandomStructures;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.Fitter;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.Regularization;
import org.uf3j.fit.gamma.ActiveSetBuilder;

/**
 * The extrapolation grade of our LAMMPS style ({@code pair_style uf3 N gamma FILE.asi}, read through
 * {@code fix pair}) equals the Java one to 1e-9 relative, infinite where Java's is: a UF2,3 and a
 * UF2 tungsten potential fitted to half the quickstart data (γ on the other half, strained cells
 * extrapolating), and a two-element Mo-W UF2,3 potential; newton on and off (first case). And the γ machinery
 * leaves ordinary MD bit for bit unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GammaLammpsAgreementTest {
    private static final double REL = 1e-9;

    @TempDir
    static Path tmp;

    record Case(String name, Uf3Model model, Path uf3, Path asi, List<Structure> structures) {
    }

    private final List<Case> cases = new ArrayList<>();

    @BeforeAll
    void fit() throws Exception {
        List<Configuration> w = ExtXyzReader.readAll(Lammps.root().resolve("examples/quickstart/w-eam.xyz"));
        List<Configuration> train = new ArrayList<>();
        List<Structure> others = new ArrayList<>();
        for (int k = 0; k < w.size(); k++) {
            if (k % 2 == 0) {
                train.add(w.get(k));
            } else if (k % 10 == 1 || k % 10 == 3) {
                others.add(w.get(k).structure());
            }
        }
        ModelSpec uf23 = ModelSpec.builder(List.of("W")).pairs(1.5, 5.5, 12).triplets(2.0, 4.0, 4).build();
        cases.add(written("W UF2,3", fit(uf23, train), train, others));
        ModelSpec uf2 = ModelSpec.builder(List.of("W")).pairs(1.5, 5.5, 16).build();
        cases.add(written("W UF2", fit(uf2, train), train, others));
        Uf3Model truth = RandomModels.create(77, List.of("Mo", "W"), true, true);
        JavaEvaluator label = new JavaEvaluator(truth);
        List<Configuration> data = new ArrayList<>();
        List<Structure> probe = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            Structure s = RandomStructures.bcc(500 + k, List.of("Mo", "W"), 3.05 + 0.01 * k, 2, 0.12, 0.03);
            Evaluation e = label.evaluate(s);
            data.add(new Configuration(s, e.energy(), e.forces(), null, "bcc", "synthetic:" + k, null));
        }
        for (int k = 0; k < 3; k++) {
            probe.add(RandomStructures.bcc(900 + k, List.of("Mo", "W"), 3.0 + 0.1 * k, 2, 0.15, 0.05));
        }
        probe.add(data.get(0).structure());
        ModelSpec moW = ModelSpec.builder(List.of("Mo", "W")).pairs(1.5, 5.0, 10).triplets(1.8, 3.4, 3).build();
        cases.add(written("Mo-W UF2,3", fit(moW, data), data, probe));
    }

    private static FitResult fit(ModelSpec spec, List<Configuration> train) {
        return new Fitter(FitSettings.builder(spec).kappa(0.5).regularization(new Regularization(1e-6, 1e-6, 1e-10, 1e-10)).build())
                .fit(train);
    }

    private Case written(String name, FitResult fit, List<Configuration> train, List<Structure> probe) throws Exception {
        String stem = name.replaceAll("[^A-Za-z0-9]", "_");
        Path uf3 = tmp.resolve(stem + ".uf3");
        Uf3FileWriter.create().write(fit.model(), uf3);
        ActiveSet set = new ActiveSetBuilder(fit.layout(), fit.model()).build(train);
        Path asi = ActiveSetFile.besides(uf3);
        ActiveSetFile.write(set, asi, name);
        return new Case(name, Uf3FileReader.read(uf3), uf3, asi, probe);
    }

    @Test
    void lammpsGammaEqualsJavaGamma() throws Exception {
        int finite = 0, infinite = 0, above = 0;
        for (int c = 0; c < cases.size(); c++) {
            Case cs = cases.get(c);
            ExtrapolationGrade grade = new ExtrapolationGrade(cs.model(), ActiveSetFile.read(cs.asi()));
            List<String> els = cs.model().elements();
            for (int k = 0; k < cs.structures().size(); k++) {
                Structure s = LammpsAgreementTest.wrapped(cs.structures().get(k));
                double[] java = grade.grades(s);
                for (boolean newton : c == 0 ? new boolean[] {true, false} : new boolean[] {true}) {
                    Path dir = tmp.resolve("c" + c + "s" + k + (newton ? "on" : "off"));
                    LammpsSinglePoint.run(dir, s, els, newton, false,
                            "pair_style uf3 " + cs.model().bodyOrder() + " gamma " + cs.asi().toAbsolutePath(),
                            "pair_coeff * * " + cs.uf3().toAbsolutePath() + " " + String.join(" ", els),
                            "fix G all pair 1 uf3 gamma 1",
                            "dump g all custom 1 gamma.dump id f_G",
                            "dump_modify g format float %.17g sort id");
                    double[] lmp = perAtom(dir.resolve("gamma.dump"), s.size());
                    for (int i = 0; i < s.size(); i++) {
                        String what = cs.name() + " structure " + k + " atom " + i + (newton ? " newton on" : " newton off");
                        if (Double.isInfinite(java[i])) {
                            assertTrue(Double.isInfinite(lmp[i]), what + ": Java γ is infinite, LAMMPS " + lmp[i]);
                            infinite++;
                        } else {
                            assertEquals(java[i], lmp[i], REL * java[i], what);
                            finite++;
                            above += java[i] > 1.01 ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertTrue(finite > 500 && above > 0 && infinite > 0,
                finite + " finite grades compared, " + above + " of them > 1.01, " + infinite + " infinite");
    }

    @Test
    void ordinaryMdIsBitForBitUnchanged() throws Exception {
        Case cs = cases.get(0);
        Structure s = LammpsAgreementTest.wrapped(cs.structures().get(0));
        String plain = md(cs, s, false, tmp.resolve("md-plain"));
        String withGamma = md(cs, s, true, tmp.resolve("md-gamma"));
        assertTrue(plain.lines().count() > 20, plain);
        assertEquals(plain, withGamma, "energies and forces with and without the grade");
    }

    /** 30 NVE steps; thermo pe and forces of the last step printed with 17 digits (γ every 5 steps when asked). */
    private static String md(Case cs, Structure s, boolean gamma, Path dir) throws Exception {
        Files.createDirectories(dir);
        LammpsData.write(s, cs.model().elements(), dir.resolve("md.data"));
        List<String> in = new ArrayList<>(List.of("units metal", "atom_style atomic", "boundary p p p", "read_data md.data",
                "pair_style uf3 3" + (gamma ? " gamma " + cs.asi().toAbsolutePath() : ""),
                "pair_coeff * * " + cs.uf3().toAbsolutePath() + " W", "mass 1 183.84",
                "velocity all create 1500 4 loop geom", "neighbor 1.0 bin", "fix nve all nve"));
        if (gamma) {
            in.addAll(List.of("fix G all pair 5 uf3 gamma 1", "compute M all reduce max f_G",
                    "thermo_style custom step pe c_M"));
        } else {
            in.add("thermo_style custom step pe");
        }
        in.addAll(List.of("thermo 1", "thermo_modify format float %.17g",
                "dump f all custom 30 md.forces id fx fy fz", "dump_modify f format float %.17g sort id", "run 30", ""));
        Files.writeString(dir.resolve("md.in"), String.join("\n", in));
        LammpsProcess.Result r = LammpsProcess.run(dir, false, 600, "-in", "md.in", "-log", "md.log", "-echo", "none");
        assertEquals(0, r.code(), r.out() + r.err());
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(dir.resolve("md.log"))) {
            String[] w = line.trim().split("\\s+");
            if (w.length >= 2 && w[0].matches("\\d+") && w[1].matches("-?\\d.*")) {
                b.append(w[0]).append(' ').append(w[1]).append('\n'); // step and pe only
            }
        }
        for (String line : Files.readAllLines(dir.resolve("md.forces"))) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    private static double[] perAtom(Path dump, int n) throws Exception {
        double[] g = new double[n];
        boolean atoms = false;
        int seen = 0;
        for (String line : Files.readAllLines(dump)) {
            if (line.startsWith("ITEM: ATOMS")) {
                atoms = true;
            } else if (line.startsWith("ITEM:")) {
                atoms = false;
            } else if (atoms && !line.isBlank()) {
                String[] w = line.trim().split("\\s+");
                String v = w[1];
                g[Integer.parseInt(w[0]) - 1] = v.equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v);
                seen++;
            }
        }
        assertEquals(n, seen, dump + " atoms");
        return g;
    }
}

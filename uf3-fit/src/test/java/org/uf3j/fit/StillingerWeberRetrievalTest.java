package org.uf3j.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.metrics.ErrorStats;
import org.uf3j.fit.metrics.Metrics;
import org.uf3j.fit.metrics.MetricsReport;

/**
 * UF2,3 retrieves Stillinger-Weber silicon from ../shared/data/silicon-sw: the varying_alat
 * energies are SW-exact and used; the NVT energies include kinetic energy, so NVT frames enter
 * with forces only. Held-out frames: forces against the file, energies against SW itself.
 */
class StillingerWeberRetrievalTest {

    static Path dataDir() {
        String env = System.getenv("UF3_DATA");
        String prop = System.getProperty("uf3.data");
        Path base = env != null ? Path.of(env) : prop != null ? Path.of(prop) : Path.of("../../shared/data");
        return base.resolve("silicon-sw/Si_training_set");
    }

    static List<Configuration> load(Path dir, String type, boolean keepEnergy) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".xyz")).sorted().toList();
        }
        List<Configuration> out = new ArrayList<>();
        for (Path f : files) {
            for (Configuration c : ExtXyzReader.readAll(f)) {
                out.add(new Configuration(c.structure(), keepEnergy ? c.energy() : null, c.forces(), null, type,
                        c.source(), c.info()));
            }
        }
        return out;
    }

    @Test
    void uf23RetrievesStillingerWeber() throws IOException {
        Path dir = dataDir();
        Assumptions.assumeTrue(Files.isDirectory(dir), "silicon-sw data not found at " + dir.toAbsolutePath()
                + " (set UF3_DATA); skipping");
        List<Configuration> alat = load(dir.resolve("varying_alat"), "varying_alat", true);
        List<Configuration> nvt = load(dir.resolve("NVT_runs"), "NVT", false);
        assertEquals(400, alat.size());
        assertEquals(600, nvt.size());
        // the premise: the data is SW (energies of varying_alat, forces of an NVT frame)
        for (int q = 0; q < alat.size(); q += 57) {
            Configuration c = alat.get(q);
            assertEquals(c.energy() / c.size(), StillingerWeber.energy(c.structure()) / c.size(), 2e-4, c.source());
        }
        Configuration frame = nvt.get(123);
        for (int row = 0; row < 12; row++) {
            assertEquals(frame.forces()[row], StillingerWeber.force(frame.structure(), row, 1e-4), 2e-3, frame.source());
        }
        List<Configuration> all = new ArrayList<>(alat);
        all.addAll(nvt);
        DataSplit split = DataSplit.stratified(all, 0.5, 17);
        List<Configuration> train = split.train(all);
        List<Configuration> test = split.test(all);

        double rc = StillingerWeber.CUTOFF;
        ModelSpec spec = ModelSpec.builder(List.of("Si")).pairs(1.9, rc, 16).triplets(1.9, rc, 8).build();
        FitSettings settings = FitSettings.builder(spec).kappa(0.5).regularization(Regularization.of(1e-8, 1e-10))
                .threads(2).build();
        FitResult fit = new Fitter(settings).fit(train);
        Metrics m = Metrics.evaluate(fit.model(), test, 2);
        // energies of the held-out NVT frames against SW itself (their file energies include kinetic energy)
        JavaEvaluator ev = new JavaEvaluator(fit.model());
        ErrorStats.Accumulator nvtE = new ErrorStats.Accumulator();
        for (Configuration c : test) {
            if (c.configType().equals("NVT")) {
                Evaluation e = ev.evaluate(c.structure());
                nvtE.add((e.energy() - StillingerWeber.energy(c.structure())) / c.size());
            }
        }
        ErrorStats nvtStats = nvtE.stats(1000);
        System.out.printf("SW UF2,3 (%d columns, %s): held-out F RMSE %.4f eV/Å, varying_alat E RMSE %.3f meV/atom,"
                + " NVT E RMSE vs SW %.3f meV/atom, one-body %.4f eV%n", fit.layout().size(), fit.timings(),
                m.forces().rmse(), m.energy().rmse(), nvtStats.rmse(), fit.model().oneBodyEnergy("Si"));
        System.out.print(MetricsReport.table("held-out", m));
        assertTrue(m.forces().rmse() < 0.02, "held-out force RMSE " + m.forces().rmse() + " eV/Å");
        assertTrue(m.energy().rmse() < 0.5, "held-out varying_alat energy RMSE " + m.energy().rmse() + " meV/atom");
        assertTrue(nvtStats.rmse() < 0.5, "held-out NVT energy RMSE vs SW " + nvtStats.rmse() + " meV/atom");
    }
}

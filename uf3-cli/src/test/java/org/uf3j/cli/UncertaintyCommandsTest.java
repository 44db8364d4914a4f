package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.io.PotentialFiles;
import org.uf3j.core.io.extxyz.ExtXyzOptions;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.uncertainty.CalibrationMethod;
import org.uf3j.fit.uncertainty.Posterior;
import org.uf3j.fit.uncertainty.PosteriorFile;
import org.uf3j.fit.uncertainty.Uncertainty;
import org.uf3j.fit.uncertainty.UncertaintyPredictor;

/** uf3 fit writes the posterior; eval --uncertainty, export --samples and properties --samples use it. */
class UncertaintyCommandsTest {
    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void fit() throws IOException {
        Path config = dir.resolve("fit.yaml");
        Files.writeString(config, FitCommandTest.CONFIG.replace("DATA", Cli.quickstartData().toString()));
        out = dir.resolve("fit-out");
        Cli.run("fit", config.toString(), "-o", out.toString()).assertOk();
    }

    @Test
    void evalPredictsSigmasAndReportsCalibration() throws IOException {
        assertTrue(Files.size(out.resolve(PosteriorFile.NAME)) > 1000);
        Path png = dir.resolve("cal.png");
        Cli.Result r = Cli.run("eval", "--potential", out.resolve("model.json").toString(), "--structures",
                Cli.quickstartData().toString(), "--uncertainty", "--calibration-plot", png.toString()).assertOk();
        assertTrue(r.out().contains("σE meV/atom"), r.out());
        assertTrue(r.out().contains("energies per atom      120 structures   within 1σ"), r.out());
        assertTrue(r.out().contains("force components"), r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertEquals(3000, img.getWidth());

        // --json: energy_std and forces_std equal the predictor's, for the model and for the .uf3 file
        Configuration first = StructureFiles.readAll(Cli.quickstartData(), ExtXyzOptions.defaults(), Progress.off()).get(0);
        LoadedPotential lp = PotentialFiles.read(out.resolve("model.json"));
        Posterior post = PosteriorFile.read(out.resolve(PosteriorFile.NAME), lp.model());
        Uncertainty u = new UncertaintyPredictor(post).predict(first);
        for (String file : List.of("model.json", "potential.uf3")) {
            Cli.Result j = Cli.run("eval", "--potential", out.resolve(file).toString(), "--structures",
                    Cli.quickstartData().toString(), "--uncertainty", "--json").assertOk();
            JsonNode s0 = new ObjectMapper().readTree(j.out()).get("structures").get(0);
            assertEquals(u.energyStd(), s0.get("energy_std").asDouble(), 1e-12 * u.energyStd(), file);
            assertEquals(first.size(), s0.get("forces_std").size());
            assertEquals(u.forceStd()[4], s0.get("forces_std").get(1).get(1).asDouble(), 1e-12 * u.forceStd()[4], file);
        }
    }

    /** The default calibration (quantile at 2σ) is recorded in posterior.uf3p; {@code calibration: mse} still selects the old one. */
    @Test
    void fitRecordsItsCalibrationAndMeanSquareStaysSelectable() throws IOException {
        LoadedPotential lp = PotentialFiles.read(out.resolve("model.json"));
        Posterior post = PosteriorFile.read(out.resolve(PosteriorFile.NAME), lp.model());
        assertEquals(CalibrationMethod.quantile(0.9545), post.noise().calibration());
        assertEquals("cross-validation", post.noise().source());

        Path config = dir.resolve("fit-mse.yaml");
        Files.writeString(config, FitCommandTest.CONFIG.replace("DATA", Cli.quickstartData().toString())
                + "uncertainty: {calibration: mse}\n");
        Path mseOut = dir.resolve("fit-mse");
        Cli.Result fitMse = Cli.run("fit", config.toString(), "-o", mseOut.toString()).assertOk();
        assertTrue(fitMse.out().contains("from the cross-validation residuals, calibration mse"), fitMse.out());
        Posterior mse = PosteriorFile.read(mseOut.resolve(PosteriorFile.NAME), PotentialFiles.read(mseOut.resolve("model.json")).model());
        assertEquals(CalibrationMethod.mse(), mse.noise().calibration());
        // the same fit, only the temperatures differ
        assertTrue(Arrays.equals(post.mean(), mse.mean()));
        assertNotEquals(post.noise().tauEnergy(), mse.noise().tauEnergy());
    }

    @Test
    void selectByRowsPicksTheLargestGainsOfTheFitsNormalMatrix() throws IOException {
        LoadedPotential lp = PotentialFiles.read(out.resolve("model.json"));
        Posterior post = PosteriorFile.read(out.resolve(PosteriorFile.NAME), lp.model());
        assertTrue(post.energyRowWeight() > 0 && post.forceRowWeight() > 0, post.energyRowWeight() + " " + post.forceRowWeight());
        List<Configuration> pool = StructureFiles.readAll(Cli.quickstartData(), ExtXyzOptions.defaults(), Progress.off());
        Path picked = dir.resolve("picked.xyz");
        Cli.Result r = Cli.run("select", "--potential", out.resolve("potential.uf3").toString(), "--pool",
                Cli.quickstartData().toString(), "-n", "2", "--method", "information", "-o", picked.toString()).assertOk();
        assertTrue(r.out().contains("information pick 1: log det gain"), r.out());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "counts %.4g times its weight", post.design().alpha())),
                r.out());
        List<Configuration> got = StructureFiles.readAll(picked, ExtXyzOptions.defaults(), Progress.off());
        assertEquals(2, got.size());
        // brute force: the best first pick maximises log det(M + XᵀWX) − log det M, M the selection design of the
        // side file, whose energy rows weigh α = τ_F/τ_E times the fit's
        org.uf3j.fit.uncertainty.SelectionDesign design = post.design();
        assertEquals(post.noise().tauForce() / post.noise().tauEnergy(), design.alpha(), 1e-12 * design.alpha());
        assertEquals(design.alpha() * post.energyRowWeight(), design.energyRowWeight(), 1e-12 * design.energyRowWeight());
        assertEquals(post.forceRowWeight(), design.forceRowWeight(), 1e-12 * design.forceRowWeight());
        int p = post.size();
        org.ejml.data.DMatrixRMaj a = new org.ejml.data.DMatrixRMaj(p, p, true, design.matrix());
        org.uf3j.fit.Featurizer fz = new org.uf3j.fit.Featurizer(post.layout());
        org.ejml.interfaces.decomposition.CholeskyDecomposition_F64<org.ejml.data.DMatrixRMaj> chol =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(p, true);
        assertTrue(chol.decompose(a.copy()));
        double base = logDet(chol.getT(null), p);
        int best = -1;
        double bestGain = -1;
        for (int i = 0; i < pool.size(); i++) {
            org.uf3j.fit.gamma.DesignRows x = org.uf3j.fit.gamma.DesignRows.of(fz, fz.newBlock(), pool.get(i));
            org.ejml.data.DMatrixRMaj sum = a.copy();
            for (int k = 0; k < x.rowCount(); k++) {
                double w = k == 0 ? design.energyRowWeight() : design.forceRowWeight();
                for (int u = 0; u < x.columnCount(); u++) {
                    for (int v = 0; v < x.columnCount(); v++) {
                        sum.add(x.column(u), x.column(v), w * x.get(k, u) * x.get(k, v));
                    }
                }
            }
            assertTrue(chol.decompose(sum));
            double g = logDet(chol.getT(null), p) - base;
            if (g > bestGain) {
                bestGain = g;
                best = i;
            }
        }
        assertEquals(Integer.toString(best), got.get(0).info().get("select_pool_index"));
        assertEquals(bestGain, Double.parseDouble(got.get(0).info().get("select_gain")), 1e-7 * bestGain);

        Cli.run("select", "--potential", out.resolve("model.json").toString(), "--pool", Cli.quickstartData().toString(), "-n",
                "3", "--method", "force-variance", "-o", dir.resolve("fv.xyz").toString()).assertOk();
        assertEquals(3, StructureFiles.readAll(dir.resolve("fv.xyz"), ExtXyzOptions.defaults(), Progress.off()).size());
        // stratified by config_type: 12 of 120 split 20,20,20,20,24,8,8 -> 2,2,2,2,2.4,0.8,0.8 -> 2 each, surface and vacancy 1
        Cli.run("select", "--potential", out.resolve("model.json").toString(), "--pool", Cli.quickstartData().toString(), "-n",
                "12", "--method", "force-variance", "--stratify", "config_type", "-o", dir.resolve("fvs.xyz").toString()).assertOk();
        java.util.Map<String, Integer> types = new java.util.TreeMap<>();
        StructureFiles.readAll(dir.resolve("fvs.xyz"), ExtXyzOptions.defaults(), Progress.off())
                .forEach(c -> types.merge(c.configType(), 1, Integer::sum));
        assertEquals(java.util.Map.of("md_1000", 2, "md_2000", 2, "md_300", 2, "md_3000", 2, "strained", 2, "surface", 1, "vacancy", 1),
                types);
        Cli.run("select", "--potential", out.resolve("model.json").toString(), "--pool", Cli.quickstartData().toString(), "-n",
                "2", "--stratify", "config_type", "-o", dir.resolve("g.xyz").toString()).assertError("select", "--stratify", "force-variance");
        // a side file without the selection design (written before it was recorded: no design_* keys, no M
        // triangle after A⁻¹'s) still loads, and selecting by rows with it is a one-line error
        String text = new String(Files.readAllBytes(out.resolve(PosteriorFile.NAME)), java.nio.charset.StandardCharsets.ISO_8859_1);
        String stripped = text.replaceFirst(",\"design_alpha\":[^,]+,\"design_energy_row_weight\":[^,]+,"
                + "\"design_force_row_weight\":[^,}]+", "");
        assertNotEquals(text, stripped);
        byte[] oldBytes = stripped.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path old = dir.resolve("old.uf3p");
        Files.write(old, Arrays.copyOf(oldBytes, oldBytes.length - 8 * p * (p + 1) / 2));
        assertNull(PosteriorFile.read(old, lp.model()).design());
        Cli.run("select", "--potential", out.resolve("model.json").toString(), "--pool", Cli.quickstartData().toString(), "-n",
                "1", "--method", "force-variance", "--posterior", old.toString(), "-o", dir.resolve("x.xyz").toString())
                .assertError("select", "design_alpha", "fit again");
    }

    private static double logDet(org.ejml.data.DMatrixRMaj l, int p) {
        double s = 0;
        for (int q = 0; q < p; q++) {
            s += 2 * Math.log(l.get(q, q));
        }
        return s;
    }

    @Test
    void modelWithoutSideFileLoadsAndEvaluatesButAsksForItWithUncertainty() throws IOException {
        Path bare = dir.resolve("bare");
        Files.createDirectories(bare);
        Files.copy(out.resolve("model.json"), bare.resolve("model.json"));
        Files.copy(out.resolve("potential.uf3"), bare.resolve("potential.uf3"));
        for (String file : List.of("model.json", "potential.uf3")) {
            Cli.Result r = Cli.run("eval", "--potential", bare.resolve(file).toString(), "--structures",
                    Cli.quickstartData().toString()).assertOk();
            assertFalse(r.out().contains("σE"), r.out());
            Cli.run("export", "--potential", bare.resolve(file).toString(), "--to", "uf3").assertOk();
        }
        Cli.run("eval", "--potential", bare.resolve("model.json").toString(), "--structures", Cli.quickstartData().toString(),
                "--uncertainty").assertError("eval", "model.json", "no posterior", PosteriorFile.NAME);
        Cli.run("export", "--potential", bare.resolve("model.json").toString(), "--to", "uf3", "--samples", "2", "-o",
                bare.resolve("s").toString()).assertError("export", "no posterior");
    }

    @Test
    void badSideFileIsOneLineNamingFileAndField() throws IOException {
        byte[] bytes = Files.readAllBytes(out.resolve(PosteriorFile.NAME));
        Path bad = dir.resolve("bad.uf3p");
        Files.write(bad, Arrays.copyOf(bytes, bytes.length / 2));
        Cli.run("eval", "--potential", out.resolve("model.json").toString(), "--structures", Cli.quickstartData().toString(),
                "--uncertainty", "--posterior", bad.toString()).assertError("eval", "bad.uf3p", "field 'data", "ends early");
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        Path tau = dir.resolve("tau.uf3p");
        Files.write(tau, text.replaceFirst("\"tau_force\":[^,]+", "\"tau_force\":-1").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Cli.run("eval", "--potential", out.resolve("potential.uf3").toString(), "--structures", Cli.quickstartData().toString(),
                "--uncertainty", "--posterior", tau.toString()).assertError("eval", "tau.uf3p", "field 'tau_energy/tau_force'");
    }

    @Test
    void exportSamplesIsSeededAndPropertiesReportMeanAndStd() throws IOException {
        Path ens = dir.resolve("ens");
        Files.createDirectories(ens);
        Cli.run("export", "--potential", out.resolve("model.json").toString(), "--to", "uf3", "--samples", "3", "--seed", "4",
                "-o", ens.resolve("W").toString()).assertOk();
        String a = Files.readString(ens.resolve("W-001.uf3"));
        String b = Files.readString(ens.resolve("W-002.uf3"));
        assertNotEquals(a, b);
        assertNotNull(PotentialFiles.read(ens.resolve("W-003.uf3")).model());
        Cli.run("export", "--potential", out.resolve("model.json").toString(), "--to", "uf3", "--samples", "1", "--seed", "4",
                "-o", ens.resolve("again.uf3").toString()).assertOk();
        assertEquals(a.replaceAll("(?m)^#UF3 POT.*$", ""), Files.readString(ens.resolve("again-001.uf3")).replaceAll("(?m)^#UF3 POT.*$", ""));

        Cli.Result p = Cli.run("properties", "--potential", out.resolve("model.json").toString(), "--samples", "3",
                "--no-phonons", "--no-surfaces", "--no-vacancy", "--no-elastic").assertOk();
        assertTrue(p.out().contains("mean over 3 samples"), p.out());
        assertTrue(p.out().lines().anyMatch(l -> l.startsWith("| lattice_constant |")), p.out());
    }
}

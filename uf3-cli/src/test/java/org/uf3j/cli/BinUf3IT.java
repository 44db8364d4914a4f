package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.potential.Uf3FileWriter;

/**
 * The real {@code bin/uf3} launcher as a separate process (after {@code package}, so the shaded jar
 * is fresh and the launcher does not rebuild it): exit codes, stdout/stderr separation, JSON.
 */
class BinUf3IT {
    @TempDir
    Path dir;

    @Test
    void evalJsonThroughTheLauncher() throws Exception {
        Path uf3 = dir.resolve("W.uf3");
        Uf3FileWriter.create().write(TestModels.uf23(), uf3);
        Cli.Result r = Cli.process(dir, 600, Cli.root().resolve("bin/uf3").toString(), "eval", "--potential", uf3.toString(),
                "--structures", Cli.quickstartData().toString(), "--json").assertOk();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(120, root.get("structures").size());
        assertEquals("", r.err().replaceAll("(?m)^\\[uf3\\].*\\n?", ""), "nothing else on stderr");
    }

    @Test
    void errorsAreOneLineWithExitCode2ThroughTheLauncher() throws Exception {
        Cli.process(dir, 600, Cli.root().resolve("bin/uf3").toString(), "fit", "missing.yaml")
                .assertError("fit", "missing.yaml: file not found");
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "data: [{path: nowhere.xyz}]\ntwo_body: {r_min: 1, r_max: 5, resolution: 5}\n");
        Cli.process(dir, 600, Cli.root().resolve("bin/uf3").toString(), "fit", cfg.toString())
                .assertError("fit", "data[0].path: file not found");
    }

    @Test
    void interruptedFitLeavesThePreviousOutputUntouchedAndNoTemporaryFiles() throws Exception {
        Path cfg = dir.resolve("fit.yaml");
        Files.writeString(cfg, "data: [{path: " + Cli.quickstartData() + "}]\n"
                + "two_body: {r_min: 1.5, r_max: 5.5, resolution: 20}\n"
                + "three_body: {r_min: 2.0, r_max: 4.0, resolution: 8}\n"
                + "regularization: {curvature_2b: [1e-8, 1e-7, 1e-6, 1e-5], curvature_3b: [1e-8, 1e-7, 1e-6, 1e-5]}\n");
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("model.json"), "previous");
        ProcessBuilder pb = new ProcessBuilder(Cli.root().resolve("bin/uf3").toString(), "fit", cfg.toString(), "-o",
                out.toString()).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("UF3_PROGRESS", "always");
        Process p = pb.start();
        StringBuilder seen = new StringBuilder();
        try (var err = new java.io.InputStreamReader(p.getErrorStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            char[] buf = new char[256];
            for (int n; seen.indexOf("featurising") < 0 && (n = err.read(buf)) > 0; ) {
                seen.append(buf, 0, n);
            }
            assertTrue(seen.indexOf("featurising") >= 0, "the fit reached featurisation: " + seen);
            assertTrue(p.isAlive(), "still fitting");
            p.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as for Ctrl-C (SIGINT)
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertEquals("previous", Files.readString(out.resolve("model.json")), "previous output untouched");
        try (var s = Files.list(dir)) {
            assertEquals(0, s.filter(f -> f.getFileName().toString().startsWith(".out.")).count(),
                    "no temporary directory left");
        }
    }

    @Test
    void versionAndHelp() throws Exception {
        Cli.Result r = Cli.process(dir, 600, Cli.root().resolve("bin/uf3").toString(), "--version").assertOk();
        assertTrue(r.out().startsWith("uf3 (UF3-J)"), r.out());
    }
}

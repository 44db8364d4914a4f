package org.uf3j.cli.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.cli.Uf3Command;
import org.uf3j.core.io.potential.ProjectModelIO;

/**
 * {@code uf3 fit} killed with SIGKILL at spread-out moments of a run (reading, featurising,
 * solving, evaluating, writing): the output directory is always the previous complete output or
 * the new complete one, and the next run works and leaves nothing behind.
 */
class FitKillTest {
    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void sigkillAtAnyStageLeavesThePreviousOrTheCompleteOutput() throws Exception {
        Path data = Path.of(System.getProperty("uf3.root", locateRoot().toString()), "examples/quickstart/w-eam.xyz");
        Path config = dir.resolve("fit.yaml");
        Files.writeString(config, """
                elements: [W]
                data:
                  - path: %s
                two_body: {r_min: 1.5, r_max: 5.5, resolution: 12}
                three_body: {r_min: 2.0, r_max: 3.8, resolution: 4}
                kappa: 0.7
                regularization: {curvature_2b: [1e-8, 1e-6], curvature_3b: 1e-6}
                cross_validation: {folds: 3}
                split: {test_fraction: 0.25, seed: 3}
                threads: 1
                """.formatted(data));
        Path out = dir.resolve("out");

        long t0 = System.nanoTime();
        Process first = start(config, out);
        assertEquals(0, first.waitFor(), () -> "a complete fit; stderr: " + stderr());
        double fullSeconds = (System.nanoTime() - t0) * 1e-9;
        List<String> complete = files(out);
        assertTrue(complete.contains("potential.uf3") && complete.contains("plots/parity-forces-test.png"), complete.toString());

        for (int k = 1; k <= KILLS; k++) {
            long delayMs = Math.round(fullSeconds * 1000 * k / (KILLS + 1.0));
            Process p = start(config, out);
            if (!p.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();    // SIGKILL on Linux: no shutdown hook runs
                p.waitFor();
            }
            String when = "killed after " + delayMs + " ms of a " + Math.round(fullSeconds * 1000) + " ms run";
            if (Files.exists(out)) {
                assertEquals(complete, files(out), when + ": the output directory is complete");
                ProjectModelIO.read(out.resolve("model.json"));
            } else {
                // the kill fell between commit's two renames: the previous output waits aside
                try (Stream<Path> s = Files.list(dir)) {
                    assertTrue(s.anyMatch(f -> f.getFileName().toString().startsWith(".out.old-")), when);
                }
            }
        }

        Process last = start(config, out);
        assertEquals(0, last.waitFor(), () -> "the next run works; stderr: " + stderr());
        assertEquals(complete, files(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith(".out.tmp-") || f.startsWith(".out.old-")).toList(), "leftovers");
        }
    }

    private Process start(Path config, Path out) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Uf3Command.class.getName(), "fit", config.toString(), "-o", out.toString()));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    private String stderr() {
        try {
            return Files.readString(dir.resolve("stderr.txt"));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static Path locateRoot() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("examples/quickstart"))) {
            d = d.getParent();
        }
        return d;
    }
}

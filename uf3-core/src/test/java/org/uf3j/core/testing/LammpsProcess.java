package org.uf3j.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's {@code bin/lmp} (LAMMPS with our plugin, or the official style with
 * {@code --reference}; built on first use) in a directory for tests, with a time limit.
 */
public final class LammpsProcess {
    private LammpsProcess() {
    }

    /** Exit code, standard output and standard error of a finished run. */
    public record Result(int code, String out, String err) {
    }

    /**
     * The project root: system property {@code uf3.root}, else the nearest parent of the working
     * directory that holds {@code bin/lmp}.
     */
    public static Path projectRoot() {
        String p = System.getProperty("uf3.root");
        if (p != null && Files.isRegularFile(Path.of(p, "bin", "lmp"))) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isRegularFile(d.resolve("bin/lmp"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("cannot find the project root (bin/lmp) above " + Path.of("").toAbsolutePath());
        }
        return d;
    }

    /** Runs {@code bin/lmp [--reference] ARGS} in {@code dir}; fails when it takes longer than the limit. */
    public static Result run(Path dir, boolean reference, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(projectRoot().resolve("bin/lmp").toString());
        if (reference) {
            cmd.add("--reference");
        }
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("uf3-lmp", ".out");
        Path err = Files.createTempFile("uf3-lmp", ".err");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s in " + dir);
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

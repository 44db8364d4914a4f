package org.uf3j.bench.paper;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the paper studies read data and write results. The scripts in {@code benchmarks/paper/}
 * pass {@code -Dpaper.repo=<repository root>}; the data directory is {@code $UF3_DATA} or
 * {@code <repo>/../shared/data}; results go to {@code benchmarks/paper/results/<study>/}.
 */
final class PaperPaths {
    private PaperPaths() {
    }

    /** The repository root (system property {@code paper.repo}, else the working directory). */
    static Path repo() {
        return Path.of(System.getProperty("paper.repo", ".")).toAbsolutePath().normalize();
    }

    /** The shared reference data directory; an error naming what was tried when it is missing. */
    static Path data() {
        String env = System.getenv("UF3_DATA");
        Path dir = env != null && !env.isBlank() ? Path.of(env) : repo().resolve("../shared/data").normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("reference data not found at " + dir
                    + " (set UF3_DATA to the directory holding tungsten/ and mlearn-zuo2020/)");
        }
        return dir;
    }

    /** benchmarks/paper/results/&lt;study&gt;, created. */
    static Path results(String study) throws java.io.IOException {
        String override = System.getProperty("paper.results");
        Path base = override != null ? Path.of(override) : repo().resolve("benchmarks/paper/results");
        Path dir = base.resolve(study);
        Files.createDirectories(dir);
        return dir;
    }

    /** The LAMMPS wrapper {@code bin/lmp} of this repository. */
    static Path lmp() {
        return repo().resolve("bin/lmp");
    }
}

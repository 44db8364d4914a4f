package org.uf3j.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared reference data (system property uf3.data, else env UF3_DATA) and the LAMMPS tree; skips when absent. */
public final class TestData {
    private TestData() {
    }

    /** The reference data directory, or the test is skipped with a message saying how to provide it. */
    public static Path dir() {
        String p = System.getProperty("uf3.data");
        if (p == null || p.isBlank() || !Files.isDirectory(Path.of(p))) {
            p = System.getenv("UF3_DATA");
        }
        boolean ok = p != null && !p.isBlank() && Files.isDirectory(Path.of(p));
        assumeTrue(ok, "reference data not found: set -Duf3.data=... or UF3_DATA to the shared data directory "
                + "(../shared/data beside the project root); skipping");
        return Path.of(p);
    }

    /** A file below the data directory, skipping the test when it is missing. */
    public static Path file(String relative) {
        Path f = dir().resolve(relative);
        assumeTrue(Files.isRegularFile(f), "reference file " + f + " not found; skipping");
        return f;
    }

    /** LAMMPS' potentials/Nb.uf3 from the cached LAMMPS source tree, or skip. */
    public static Path lammpsNb() {
        String src = System.getProperty("uf3.lammps.src", System.getenv("UF3_LAMMPS_SRC"));
        Path base = src != null ? Path.of(src) : Path.of(System.getProperty("user.home"), ".cache", "uf3",
                "lammps-4Feb2025", "src");
        for (Path candidate : new Path[] {base.resolve("potentials/Nb.uf3"), base.resolve("src/potentials/Nb.uf3")}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "LAMMPS source tree with potentials/Nb.uf3 not found under " + base
                + " (run scripts/build-lammps.sh or set UF3_LAMMPS_SRC); skipping");
        return null;
    }
}

package org.uf3j.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scratch directory for the configuration targets, made once per JVM: the files a fuzzed
 * configuration may name ({@code train.xyz}, {@code md.dump}, {@code log.lammps}, a FitSNAP
 * directory {@code set/}) exist there, so the fuzzer gets past the data section. It is deleted
 * when the JVM exits.
 */
final class FuzzWorkspace {
    static final Path DIR = create();

    private FuzzWorkspace() {
    }

    private static Path create() {
        try {
            Path d = Files.createTempDirectory("uf3-fuzz-cli");
            // deleteOnExit runs in reverse order of registration: the files first, then their directories
            for (String p : new String[] {"", "set", "set/Bulk", "set/Bulk/one.json", "train.xyz", "md.dump", "log.lammps",
                    "train-idx.txt", "settings.yaml", "converted.yaml"}) {
                d.resolve(p).toFile().deleteOnExit();
            }
            Files.writeString(d.resolve("train.xyz"), "1\nLattice=\"3 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R:3:"
                    + "forces:R:3 energy=-1.5 pbc=\"T T T\"\nW 0 0 0 0 0 0\n", StandardCharsets.UTF_8);
            Files.writeString(d.resolve("md.dump"), "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n"
                    + "0 3\n0 3\n0 3\nITEM: ATOMS id type x y z fx fy fz c_pe\n1 1 0 0 0 0 0 0 -1.5\n", StandardCharsets.UTF_8);
            Files.writeString(d.resolve("log.lammps"), "LAMMPS (4 Feb 2025)\n   Step          PotEng    \n         0  -1.5\n"
                    + "Loop time of 0 on 1 procs for 0 steps with 1 atoms\n", StandardCharsets.UTF_8);
            Files.createDirectories(d.resolve("set/Bulk"));
            Files.writeString(d.resolve("set/Bulk/one.json"), "{\"Dataset\": {\"Data\": [{\"AtomTypes\": [\"W\"], "
                    + "\"NumAtoms\": 1, \"Positions\": [[0, 0, 0]], \"Lattice\": [[3, 0, 0], [0, 3, 0], [0, 0, 3]], "
                    + "\"Energy\": -1.5, \"Forces\": [[0, 0, 0]]}]}}\n", StandardCharsets.UTF_8);
            Files.writeString(d.resolve("train-idx.txt"), "0\n", StandardCharsets.UTF_8);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

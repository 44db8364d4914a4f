package org.uf3j.nativekernel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.LammpsProcess;
import org.uf3j.core.testing.LammpsSinglePoint;

/**
 * run 0 of a structure in bin/lmp (our plugin) or bin/lmp --reference (official ML-UF3) with
 * {@code pair_style uf3 BODY} and a {@code .uf3} file, through the core test fixture
 * {@link LammpsSinglePoint}; the project root for the tests' other files.
 */
final class Lammps {

    private Lammps() {
    }

    static Path root() {
        return LammpsProcess.projectRoot();
    }

    /** run 0 with pair_style uf3 {body} and the .uf3 file; newton on or off; ours or the official style. */
    static LammpsSinglePoint.Result run(Structure s, List<String> elements, Path potential, int body, boolean newton,
                                        boolean reference, Path dir) throws IOException, InterruptedException {
        return LammpsSinglePoint.run(dir, s, elements, newton, reference, "pair_style uf3 " + body,
                "pair_coeff * * " + potential.toAbsolutePath() + " " + String.join(" ", elements));
    }
}

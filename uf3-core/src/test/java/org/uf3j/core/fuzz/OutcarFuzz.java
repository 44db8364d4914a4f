package org.uf3j.core.fuzz;

import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.vasp.OutcarReader;
import org.uf3j.core.io.vasp.VaspOptions;

/** Fuzz target: VASP OUTCAR, every ionic step. */
public final class OutcarFuzz {
    static final String FILE = "fuzz-OUTCAR";

    private OutcarFuzz() {
    }

    /** Jazzer calls this once before fuzzing. */
    public static void fuzzerInitialize() {
        FuzzContract.warmUp(OutcarFuzz::fuzzerTestOneInput, "", " vasp.6.3.0\n POSITION TOTAL-FORCE (eV/Angst)\n");
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(byte[] data) {
        FuzzContract.parses(Uf3FormatException.class, FILE, () -> {
            try (OutcarReader r = OutcarReader.of(FuzzContract.reader(data), FILE, VaspOptions.defaults())) {
                int[] i = {0};
                r.forEachRemaining(c -> FuzzContract.checkValid(c, "ionic step " + i[0]++));
            }
        });
    }
}

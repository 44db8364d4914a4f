package org.uf3j.core.io.fitsnap;

import org.uf3j.core.fuzz.FuzzContract;
import org.uf3j.core.io.Uf3FormatException;

/**
 * Fuzz target: one FitSNAP JSON file (the reader's per-file parser; the directory walk around it
 * only lists files). Lives in the reader's package because the per-file parser is package-private.
 */
public final class FitsnapJsonFuzz {
    static final String FILE = "fuzz-fitsnap.json";

    private FitsnapJsonFuzz() {
    }

    /** Jazzer calls this once before fuzzing. */
    public static void fuzzerInitialize() {
        FuzzContract.warmUp(FitsnapJsonFuzz::fuzzerTestOneInput, "", "{\"Dataset\": {\"Data\": [{\"AtomTypes\": [\"W\"], \"NumAtoms\": 1, \"Positions\": [[0, 0, 0]], \"Lattice\": [[3, 0, 0], [0, 3, 0], [0, 0, 3]], \"Energy\": -1.5, \"Forces\": [[0, 0, 0]]}]}}");
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(byte[] data) {
        String text = FuzzContract.text(data);
        FuzzContract.parses(Uf3FormatException.class, FILE, () -> {
            int[] i = {0};
            FitsnapDocument.parse(text, FILE, "Group").forEach(c -> FuzzContract.checkValid(c, "Data[" + i[0]++ + "]"));
        });
    }
}

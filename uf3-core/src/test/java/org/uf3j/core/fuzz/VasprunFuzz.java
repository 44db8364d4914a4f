package org.uf3j.core.fuzz;

import java.io.ByteArrayInputStream;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.vasp.VaspOptions;
import org.uf3j.core.io.vasp.VasprunReader;

/** Fuzz target: VASP vasprun.xml, every ionic step. */
public final class VasprunFuzz {
    static final String FILE = "fuzz-vasprun.xml";

    private VasprunFuzz() {
    }

    /** Jazzer calls this once before fuzzing. */
    public static void fuzzerInitialize() {
        FuzzContract.warmUp(VasprunFuzz::fuzzerTestOneInput, "", "<?xml version=\"1.0\"?><modeling><atominfo></atominfo></modeling>");
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(byte[] data) {
        FuzzContract.parses(Uf3FormatException.class, FILE, () -> {
            try (VasprunReader r = VasprunReader.of(new ByteArrayInputStream(data), FILE, VaspOptions.defaults())) {
                int[] i = {0};
                r.forEachRemaining(c -> FuzzContract.checkValid(c, "ionic step " + i[0]++));
            }
        });
    }
}

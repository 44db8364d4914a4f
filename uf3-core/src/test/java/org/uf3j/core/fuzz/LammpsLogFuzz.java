package org.uf3j.core.fuzz;

import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.lammps.LammpsLogReader;

/** Fuzz target: the thermo tables of a LAMMPS log (values are finite or NaN, as documented). */
public final class LammpsLogFuzz {
    static final String FILE = "fuzz-log.lammps";

    private LammpsLogFuzz() {
    }

    /** Jazzer calls this once before fuzzing. */
    public static void fuzzerInitialize() {
        FuzzContract.warmUp(LammpsLogFuzz::fuzzerTestOneInput, "", "LAMMPS (4 Feb 2025)\n   Step          PotEng    \n         0  -1.5\nLoop time of 0\n");
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(byte[] data) {
        FuzzContract.parses(Uf3FormatException.class, FILE, () -> {
            try (LammpsLogReader r = LammpsLogReader.of(FuzzContract.reader(data), FILE)) {
                r.forEachRemaining(row -> {
                    if (row.values().length != row.columns().size()) {
                        throw new ContractViolation(FILE + ":" + row.line() + ": " + row.values().length + " values for "
                                + row.columns().size() + " columns");
                    }
                    for (double v : row.values()) {
                        if (Double.isInfinite(v)) {
                            throw new ContractViolation(FILE + ":" + row.line() + ": value " + v + " (documented: NaN "
                                    + "where not finite)");
                        }
                    }
                });
            }
        });
    }
}

package org.uf3j.core.fuzz;

import java.io.StringReader;
import java.util.List;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.lammps.LammpsDumpOptions;
import org.uf3j.core.io.lammps.LammpsDumpReader;
import org.uf3j.core.io.lammps.LammpsLogReader;

/**
 * Fuzz target: a LAMMPS dump, types 1, 2, 3 = Nb, Mo, W; when the input holds a line
 * {@value #LOG_SEPARATOR}, what follows is the log whose thermo rows give energies and virials.
 */
public final class LammpsDumpFuzz {
    static final String FILE = "fuzz.dump";
    static final String LOG_FILE = "fuzz-log.lammps";
    /** Separates the dump from its log in one fuzz input. */
    public static final String LOG_SEPARATOR = "%%LOG%%";

    private LammpsDumpFuzz() {
    }

    /** Jazzer calls this once before fuzzing. */
    public static void fuzzerInitialize() {
        FuzzContract.warmUp(LammpsDumpFuzz::fuzzerTestOneInput, "", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 3\n0 3\n0 3\nITEM: ATOMS id type x y z fx fy fz\n1 1 0 0 0 0 0 0\n%%LOG%%\n   Step PotEng\n 0 -1\nLoop time\n");
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(byte[] data) {
        String text = FuzzContract.text(data);
        int cut = text.indexOf("\n" + LOG_SEPARATOR + "\n");
        String dump = cut < 0 ? text : text.substring(0, cut + 1);
        String log = cut < 0 ? null : text.substring(cut + LOG_SEPARATOR.length() + 2);
        LammpsDumpOptions options = LammpsDumpOptions.defaults().withTypeElements(List.of("Nb", "Mo", "W"));
        if (log != null) {
            options = options.withLog(java.nio.file.Path.of(LOG_FILE)).withLogVirialColumns(LammpsDumpOptions.columns("c_pv"));
        }
        LammpsDumpOptions o = options;
        // errors may name the log or the dump
        try {
            FuzzContract.parses(Uf3FormatException.class, FILE, () -> read(dump, log, o));
        } catch (ContractViolation v) {
            if (log == null || !(v.getCause() instanceof Uf3FormatException f) || !LOG_FILE.equals(f.file())) {
                throw v;
            }
            FuzzContract.checkMessage(f, LOG_FILE);
        }
    }

    private static void read(String dump, String log, LammpsDumpOptions o) {
        LammpsLogReader logReader = log == null ? null : LammpsLogReader.of(new StringReader(log), LOG_FILE);
        try (LammpsDumpReader r = LammpsDumpReader.of(new StringReader(dump), FILE, o, logReader)) {
            int[] i = {0};
            r.forEachRemaining(c -> FuzzContract.checkValid(c, "frame " + i[0]++));
        } finally {
            if (logReader != null) {
                logReader.close();
            }
        }
    }
}

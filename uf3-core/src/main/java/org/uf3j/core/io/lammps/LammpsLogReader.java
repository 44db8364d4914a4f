package org.uf3j.core.io.lammps;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.uf3j.core.io.text.InputFiles;
import org.uf3j.core.io.text.NumberedLines;
import org.uf3j.core.io.text.Tokens;

/**
 * Streams the rows of the thermo tables of a LAMMPS log file ({@code log.lammps}): every block
 * that starts with a header line containing the column {@code Step} (thermo_style one or custom,
 * {@code thermo_modify line one}) and runs until the first line that is not a row of as many
 * numbers (normally "Loop time of ..."); {@code WARNING} lines inside a block are skipped. The
 * multi and yaml thermo layouts are not read.
 *
 * <p>Each row remembers the {@code units} and the {@code thermo_modify norm} setting in force (from
 * the echoed input, when the log has it), so that callers can refuse non-metal units and scale
 * per-atom (normalised) energies. Values that are not finite numbers (nan, inf) are NaN.
 */
public final class LammpsLogReader implements Iterator<LammpsLogReader.ThermoRow>, Closeable {
    private final NumberedLines lines;
    private List<String> columns;
    private int stepColumn;
    private int block;
    private String units;
    private Boolean norm;
    private ThermoRow pending;
    private boolean finished;

    /**
     * One row of a thermo table.
     *
     * @param step       the timestep
     * @param block      0-based index of the thermo table (one per run command)
     * @param columns    the table's column names, as printed (e.g. PotEng, c_pv[1])
     * @param values     the row's values in column order (NaN where not a finite number)
     * @param units      the {@code units} command in force, or null when the log does not echo it
     * @param normalized whether {@code thermo_modify norm yes} (extensive values divided by the number of atoms)
     * @param line       1-based line of the row in the log
     */
    public record ThermoRow(long step, int block, List<String> columns, double[] values, String units,
                            boolean normalized, int line) {

        /** Index of a column, or −1. */
        public int column(String name) {
            return columns.indexOf(name);
        }

        /** The value of a column, or NaN when the table has no such column. */
        public double value(String name) {
            int k = columns.indexOf(name);
            return k < 0 ? Double.NaN : values[k];
        }
    }

    private LammpsLogReader(NumberedLines lines) {
        this.lines = lines;
    }

    /** Opens a log file (or .gz); close it when done. */
    public static LammpsLogReader open(Path file) throws IOException {
        return new LammpsLogReader(new NumberedLines(InputFiles.openText(file), file.toString()));
    }

    /** Streams from any reader; {@code name} is used in messages. */
    public static LammpsLogReader of(Reader reader, String name) {
        return new LammpsLogReader(new NumberedLines(reader, name));
    }

    /** Every thermo row of a log file. */
    public static List<ThermoRow> readAll(Path file) throws IOException {
        List<ThermoRow> out = new ArrayList<>();
        try (LammpsLogReader r = open(file)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    /** The file name used in messages. */
    public String name() {
        return lines.name();
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !finished) {
            pending = readRow();
            finished = pending == null;
        }
        return pending != null;
    }

    @Override
    public ThermoRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException(lines.name() + ": no more thermo rows");
        }
        ThermoRow r = pending;
        pending = null;
        return r;
    }

    @Override
    public void close() {
        finished = true;
        lines.close();
    }

    private ThermoRow readRow() {
        String line;
        while ((line = lines.next()) != null) {
            String[] t = Tokens.split(line);
            if (columns != null) {
                if (t.length == columns.size()) {
                    Long step = parseStep(t[stepColumn]);
                    if (step != null) {
                        double[] v = new double[t.length];
                        for (int k = 0; k < t.length; k++) {
                            v[k] = Tokens.parseOrNaN(t[k]);
                        }
                        String u = units == null ? null : units;
                        boolean normalized = norm != null ? norm : "lj".equals(units);
                        return new ThermoRow(step, block - 1, columns, v, u, normalized, lines.line());
                    }
                }
                if (t.length == 0 || t[0].startsWith("WARNING")) {
                    continue;
                }
                columns = null; // end of the table ("Loop time of ...", an error, the next command)
            }
            if (t.length == 0) {
                continue;
            }
            if (isHeader(t)) {
                columns = Collections.unmodifiableList(Arrays.asList(t));
                stepColumn = columns.indexOf("Step");
                block++;
            } else if (t[0].equals("units") && t.length >= 2) {
                units = t[1].toLowerCase(Locale.ROOT);
            } else if (t[0].equals("thermo_modify")) {
                for (int k = 1; k + 1 < t.length; k++) {
                    if (t[k].equals("norm")) {
                        norm = t[k + 1].equals("yes");
                    }
                }
            } else if (t[0].equals("thermo_style")) {
                norm = null; // thermo_style restores the defaults of thermo_modify
            }
        }
        return null;
    }

    /** A thermo header: has a "Step" column and no numbers. */
    private static boolean isHeader(String[] t) {
        boolean step = false;
        for (String s : t) {
            if (s.equals("Step")) {
                step = true;
            } else if (!Double.isNaN(Tokens.parseOrNaN(s))) {
                return false;
            }
        }
        return step;
    }

    private static Long parseStep(String s) {
        int n = s.length();
        if (n == 0 || n > 19) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && !(i == 0 && c == '-')) {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

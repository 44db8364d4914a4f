package org.uf3j.core.io.extxyz;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.uf3j.core.io.text.NumberedLines;
import org.uf3j.core.io.text.Tokens;
import org.uf3j.core.model.Elements;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;

/**
 * Streams the frames of an extended-XYZ file as {@link Configuration}s, one frame in memory at a
 * time. Accepts the common dialects: {@code energy}/{@code Energy} (or a chosen key),
 * {@code forces}/{@code force} columns, {@code pbc="T T T"}/{@code PBC="1 1 1"}/{@code pbc=[T, T, T]},
 * quoted or bracketed values, extra per-atom columns (ignored), species as symbols or atomic
 * numbers (a {@code Z} column), {@code virial} (eV) and ASE {@code stress} (eV/Å^3, positive under
 * tension; stored as the virial W = −σV). Other keys (e.g. {@code stress_bar}) are kept verbatim in
 * {@code Configuration.info}. A frame without {@code Lattice} is an isolated cluster (null cell).
 * {@code Configuration.source} is "file:line" of the frame's first line (the atom count).
 * Malformed input throws {@link org.uf3j.core.io.Uf3FormatException} naming the file and line.
 */
public final class ExtXyzReader implements Iterator<Configuration>, Closeable {
    /** Atoms a frame's arrays hold before they grow (a frame's count line alone never sizes them). */
    private static final int INITIAL_ATOMS = 1024;
    private final NumberedLines lines;
    private final ExtXyzOptions options;
    private Configuration pending;
    private boolean finished;

    private ExtXyzReader(NumberedLines lines, ExtXyzOptions options) {
        this.lines = lines;
        this.options = options == null ? ExtXyzOptions.defaults() : options;
    }

    /** Opens a file for streaming with default options; close it when done. */
    public static ExtXyzReader open(Path file) throws IOException {
        return open(file, ExtXyzOptions.defaults());
    }

    /** Opens a file for streaming; close it when done. */
    public static ExtXyzReader open(Path file, ExtXyzOptions options) throws IOException {
        return new ExtXyzReader(new NumberedLines(Files.newBufferedReader(file, StandardCharsets.UTF_8),
                file.toString()), options);
    }

    /** Streams frames from any reader; {@code name} is used in messages and sources. */
    public static ExtXyzReader of(Reader reader, String name, ExtXyzOptions options) {
        return new ExtXyzReader(new NumberedLines(reader, name), options);
    }

    /** Every frame of a file. */
    public static List<Configuration> readAll(Path file) throws IOException {
        return readAll(file, ExtXyzOptions.defaults());
    }

    /** Every frame of a file, with options. */
    public static List<Configuration> readAll(Path file, ExtXyzOptions options) throws IOException {
        List<Configuration> out = new ArrayList<>();
        try (ExtXyzReader r = open(file, options)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    /** A lazy stream of the frames of a file with default options; close the stream to close the file. */
    public static Stream<Configuration> stream(Path file) throws IOException {
        return stream(file, ExtXyzOptions.defaults());
    }

    /** A lazy stream of the frames of a file; close the stream (try-with-resources) to close the file. */
    public static Stream<Configuration> stream(Path file, ExtXyzOptions options) throws IOException {
        ExtXyzReader r = open(file, options);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(r, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(r::close);
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !finished) {
            pending = readFrame();
            if (pending == null) {
                finished = true;
            }
        }
        return pending != null;
    }

    @Override
    public Configuration next() {
        if (!hasNext()) {
            throw new NoSuchElementException(lines.name() + ": no more frames");
        }
        Configuration c = pending;
        pending = null;
        return c;
    }

    @Override
    public void close() {
        finished = true;
        lines.close();
    }

    private Configuration readFrame() {
        String countLine;
        do {
            countLine = lines.next();
            if (countLine == null) {
                return null;
            }
        } while (countLine.isBlank());
        int start = lines.line();
        String[] countTokens = Tokens.split(countLine);
        Integer n = countTokens.length == 1 ? Tokens.parseIntOrNull(countTokens[0]) : null;
        if (n == null || n < 0) {
            throw lines.error("expected the number of atoms of a frame, found '" + abbreviate(countLine) + "'"
                    + (start > 1 ? " (does the previous frame declare fewer atoms than it has?)" : ""));
        }
        String comment = lines.next();
        if (comment == null) {
            throw lines.error(start, "file ends after the atom count: the frame has no comment line");
        }
        ExtXyzFrameHeader h = ExtXyzFrameHeader.interpret(ExtXyzComment.parse(comment, lines), lines, options);
        AtomColumns cols = AtomColumns.select(h.columns, options, lines);
        // sized by the atoms actually read, not by the count a broken file may inflate (no 2^31-atom arrays)
        int capacity = Math.min(n, INITIAL_ATOMS);
        String[] symbols = new String[capacity];
        double[] pos = new double[3 * capacity];
        double[] forces = cols.forces == null ? null : new double[3 * capacity];
        for (int a = 0; a < n; a++) {
            if (a == symbols.length) {
                int grown = (int) Math.min(n, 2L * symbols.length);
                symbols = Arrays.copyOf(symbols, grown);
                pos = Arrays.copyOf(pos, 3 * grown);
                forces = forces == null ? null : Arrays.copyOf(forces, 3 * grown);
            }
            String line = lines.next();
            if (line == null) {
                throw lines.error("file ends after " + a + " of the " + n + " atom lines of the frame starting at line "
                        + start + " (truncated file, or wrong atom count)");
            }
            String[] t = Tokens.split(line);
            if (t.length != h.columns.width()) {
                throw lines.error("atom " + (a + 1) + " of " + n + " (frame at line " + start + "): expected "
                        + h.columns.width() + " columns for Properties " + describe(h.columns) + ", found " + t.length
                        + (t.length == 1 ? " (does the frame declare more atoms than it has?)" : ""));
            }
            symbols[a] = cols.symbol(t, lines);
            for (int k = 0; k < 3; k++) {
                pos[3 * a + k] = Tokens.number(t[cols.pos.offset() + k], lines, cols.pos.name() + " component "
                        + (k + 1) + " of atom " + (a + 1));
            }
            if (forces != null) {
                for (int k = 0; k < 3; k++) {
                    forces[3 * a + k] = Tokens.number(t[cols.forces.offset() + k], lines, cols.forces.name()
                            + " component " + (k + 1) + " of atom " + (a + 1));
                }
            }
        }
        Structure s = new Structure(symbols, pos, h.cell);
        return new Configuration(s, h.energy, forces, h.virial, h.configType, lines.name() + ":" + start, h.info);
    }

    private static String describe(PropertyColumns c) {
        StringBuilder b = new StringBuilder();
        for (PropertyColumns.Column col : c.columns()) {
            b.append(b.length() == 0 ? "" : ":").append(col.name()).append(':').append(col.type()).append(':')
                    .append(col.count());
        }
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** The species, position and force columns of a frame, and how to turn a species token into a symbol. */
    private static final class AtomColumns {
        PropertyColumns.Column species;
        PropertyColumns.Column z;
        PropertyColumns.Column pos;
        PropertyColumns.Column forces;

        static AtomColumns select(PropertyColumns columns, ExtXyzOptions options, NumberedLines where) {
            AtomColumns c = new AtomColumns();
            c.species = columns.find("species");
            c.z = columns.find("Z");
            c.pos = columns.find("pos", "positions");
            c.forces = options.forcesKey() == null ? columns.find("forces", "force") : columns.find(options.forcesKey());
            if (c.pos == null || c.pos.count() != 3 || c.pos.type() != 'R') {
                throw where.error("Properties has no pos:R:3 column of positions (found " + describe(columns) + ")");
            }
            if (c.species == null && c.z == null) {
                throw where.error("Properties has neither a species:S:1 nor a Z:I:1 column (found "
                        + describe(columns) + ")");
            }
            if (c.species != null && c.species.count() != 1) {
                throw where.error("species must be one column, Properties declares " + c.species.count());
            }
            if (c.z != null && c.z.count() != 1) {
                throw where.error("Z must be one column, Properties declares " + c.z.count());
            }
            if (options.forcesKey() != null && c.forces == null) {
                throw where.error("Properties has no '" + options.forcesKey() + "' column of forces (found "
                        + describe(columns) + ")");
            }
            if (c.forces != null && (c.forces.count() != 3 || c.forces.type() != 'R')) {
                throw where.error("forces column '" + c.forces.name() + "' must be R:3, Properties declares "
                        + c.forces.type() + ":" + c.forces.count());
            }
            return c;
        }

        String symbol(String[] t, NumberedLines where) {
            String fromZ = null;
            if (z != null) {
                Integer number = Tokens.parseIntOrNull(t[z.offset()]);
                if (number == null || number < 1 || number > 118) {
                    throw where.error("Z column is '" + t[z.offset()] + "', expected an atomic number 1..118");
                }
                fromZ = Elements.symbol(number);
            }
            if (species == null) {
                return fromZ;
            }
            String token = t[species.offset()];
            String symbol;
            if (Elements.isElement(token)) {
                symbol = token;
            } else {
                Integer number = Tokens.parseIntOrNull(token);
                if (number != null && number >= 1 && number <= 118) {
                    symbol = Elements.symbol(number);
                } else if (fromZ != null) {
                    return fromZ;
                } else {
                    throw where.error("species '" + token + "' is neither an element symbol nor an atomic number");
                }
            }
            if (fromZ != null && !fromZ.equals(symbol)) {
                throw where.error("species '" + token + "' contradicts the Z column (" + t[z.offset()] + " is " + fromZ + ")");
            }
            return symbol;
        }
    }
}

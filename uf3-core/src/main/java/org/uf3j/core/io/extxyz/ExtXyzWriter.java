package org.uf3j.core.io.extxyz;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.io.text.Tokens;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;

/**
 * Writes {@link Configuration}s as extended XYZ that both {@link ExtXyzReader} and ASE read:
 * {@code Lattice}, {@code Properties=species:S:1:pos:R:3[:forces:R:3]}, {@code energy},
 * {@code virial} (9 numbers, eV), {@code config_type}, the info entries, {@code pbc}; optionally
 * predictions under prefixed keys ({@code uf3_energy}, {@code uf3_forces}, {@code uf3_virial}).
 * Numbers are written with {@link Double#toString}, which reads back to the identical double.
 */
public final class ExtXyzWriter implements Closeable, Flushable {
    /** Key prefix used for predictions unless another is given. */
    public static final String DEFAULT_PREDICTION_PREFIX = "uf3_";

    private final Writer out;

    /** Writes to any writer (buffer it for speed); closing this closes it. */
    public ExtXyzWriter(Writer out) {
        this.out = out;
    }

    /** Creates (or replaces) a file. */
    public static ExtXyzWriter create(Path file) throws IOException {
        return new ExtXyzWriter(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16));
    }

    /** Writes all configurations to a new file. */
    public static void writeAll(Path file, List<Configuration> configurations) throws IOException {
        try (ExtXyzWriter w = create(file)) {
            for (Configuration c : configurations) {
                w.write(c);
            }
        }
    }

    /** Writes one frame with its reference labels. */
    public ExtXyzWriter write(Configuration c) {
        return write(c, null, null);
    }

    /** Writes one frame with its labels and a prediction under {@code uf3_energy}, {@code uf3_forces}, {@code uf3_virial}. */
    public ExtXyzWriter write(Configuration c, Evaluation predicted) {
        return write(c, predicted, DEFAULT_PREDICTION_PREFIX);
    }

    /**
     * Writes one frame with its labels and, when {@code predicted} is not null, the predicted
     * energy, forces and virial under {@code prefix + "energy"}, {@code prefix + "forces"},
     * {@code prefix + "virial"}.
     */
    public ExtXyzWriter write(Configuration c, Evaluation predicted, String prefix) {
        Structure s = c.structure();
        int n = s.size();
        if (predicted != null && (prefix == null || prefix.isEmpty() || !isPlainKey(prefix))) {
            throw new IllegalArgumentException("prediction key prefix must be a non-empty word without spaces, '=' or quotes, got '"
                    + prefix + "'");
        }
        if (predicted != null && predicted.forces() != null && predicted.forces().length != 3 * n) {
            throw new IllegalArgumentException(c.source() + ": predicted forces have " + predicted.forces().length
                    + " components for " + n + " atoms");
        }
        boolean predictedForces = predicted != null && predicted.forces() != null;
        StringBuilder b = new StringBuilder(256 + n * 160);
        b.append(n).append('\n');
        Set<String> written = new HashSet<>();
        Cell cell = s.cell();
        if (cell != null) {
            b.append("Lattice=\"");
            appendNumbers(b, cell.vectors());
            b.append("\" ");
            written.add("lattice");
        }
        b.append("Properties=species:S:1:pos:R:3");
        if (c.hasForces()) {
            b.append(":forces:R:3");
        }
        if (predictedForces) {
            b.append(':').append(prefix).append("forces:R:3");
        }
        written.add("properties");
        if (c.hasEnergy()) {
            b.append(" energy=").append(Tokens.format(c.energy()));
            written.add("energy");
        }
        if (c.hasVirial()) {
            b.append(" virial=\"");
            appendNumbers(b, fullTensor(c.virial()));
            b.append('"');
            written.add("virial");
        }
        if (predicted != null) {
            b.append(' ').append(prefix).append("energy=").append(Tokens.format(predicted.energy()));
            written.add((prefix + "energy").toLowerCase(Locale.ROOT));
            if (predicted.virial() != null) {
                b.append(' ').append(prefix).append("virial=\"");
                appendNumbers(b, fullTensor(predicted.virial()));
                b.append('"');
                written.add((prefix + "virial").toLowerCase(Locale.ROOT));
            }
        }
        if (!"default".equals(c.configType())) {
            b.append(" config_type=");
            appendValue(b, c.configType());
        }
        written.add("config_type");
        written.add("pbc");
        for (Map.Entry<String, String> e : c.info().entrySet()) {
            if (written.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            b.append(' ');
            if (isPlainKey(e.getKey())) {
                b.append(e.getKey());
            } else {
                appendQuoted(b, e.getKey()); // e.g. a key with spaces, which the reader reads quoted
            }
            b.append('=');
            appendValue(b, e.getValue());
        }
        if (cell != null) {
            b.append(" pbc=\"").append(cell.periodic(0) ? 'T' : 'F').append(' ').append(cell.periodic(1) ? 'T' : 'F')
                    .append(' ').append(cell.periodic(2) ? 'T' : 'F').append('"');
        }
        b.append('\n');
        double[] f = c.forces();
        double[] pf = predictedForces ? predicted.forces() : null;
        for (int a = 0; a < n; a++) {
            b.append(s.symbol(a));
            for (int k = 0; k < 3; k++) {
                b.append(' ').append(Tokens.format(s.x(a, k)));
            }
            if (f != null) {
                for (int k = 0; k < 3; k++) {
                    b.append(' ').append(Tokens.format(f[3 * a + k]));
                }
            }
            if (pf != null) {
                for (int k = 0; k < 3; k++) {
                    b.append(' ').append(Tokens.format(pf[3 * a + k]));
                }
            }
            b.append('\n');
        }
        try {
            out.write(b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write extended XYZ: " + e.getMessage(), e);
        }
        return this;
    }

    /** Voigt xx yy zz yz xz xy to the 9 numbers of the row-major symmetric 3x3 tensor. */
    private static double[] fullTensor(double[] v) {
        return new double[] {v[0], v[5], v[4], v[5], v[1], v[3], v[4], v[3], v[2]};
    }

    private static void appendNumbers(StringBuilder b, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(Tokens.format(v[i]));
        }
    }

    /** A value bare when it is a plain word or a bracketed list, else double-quoted with \" and \\ escaped. */
    private static void appendValue(StringBuilder b, String v) {
        boolean bracketed = bracketEnd(v) == v.length() && v.indexOf('"') < 0;
        if (bracketed || (!v.isEmpty() && isPlainKey(v))) {
            b.append(v);
            return;
        }
        appendQuoted(b, v);
    }

    /** {@code "text"} with {@code \"} and {@code \\} escapes; line breaks become spaces. */
    private static void appendQuoted(StringBuilder b, String v) {
        b.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            if (c == '\n' || c == '\r') {
                c = ' ';
            }
            b.append(c);
        }
        b.append('"');
    }

    /**
     * Where the reader's bracketed value starting at the first character would end (it counts
     * [ { up and ] } down and stops at depth 0), or -1 when {@code v} does not start with a bracket
     * or never closes it. Written without quotes only when that is the whole value.
     */
    private static int bracketEnd(String v) {
        if (v.isEmpty() || (v.charAt(0) != '[' && v.charAt(0) != '{')) {
            return -1;
        }
        int depth = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static boolean isPlainKey(String s) {
        if (s.isEmpty() || s.startsWith("[") || s.startsWith("{")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '=' || c == '"' || c == '\\' || c == ',') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

package org.uf3j.core.gamma;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uf3j.core.io.Uf3FormatException;

/**
 * Reads and writes the active-set side file ({@code potential.asi}), a text format that the
 * LAMMPS plugin reads too ({@code uf3-kernel/include/uf3/gamma.h}); see docs/gamma.md:
 * <pre>
 * #UF3 ACTIVE SET 1
 * # comment lines start with '#'
 * ELEMENT W 123            element of the central atom, number of features d
 * ONE 0                    feature of the one-body constant (−1: none)
 * TERM 2B W W 20           a term of the .uf3 file, its number of raw coefficients n,
 * 0 1 2 ... -1 -1 -1       then n feature indices (−1 ignored, −2 never seen) on one line
 * INVERSE                  then d lines of d numbers: A⁻¹ row by row
 * ORIGINS                  optional: d lines, where each active-set atom came from
 * END
 * </pre>
 * One ELEMENT … END block per element. Numbers are written with full double precision.
 */
public final class ActiveSetFile {
    /** The first line of every active-set file. */
    public static final String MAGIC = "#UF3 ACTIVE SET 1";

    private ActiveSetFile() {
    }

    /** The side file that belongs to a potential file: same directory and stem, extension .asi. */
    public static Path besides(Path potential) {
        String name = potential.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        if (stem.equals("model")) {
            stem = "potential";
        }
        return potential.resolveSibling(stem + ".asi");
    }

    public static void write(ActiveSet set, Path file, String comment) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(MAGIC + "\n");
            if (comment != null) {
                for (String line : comment.split("\n")) {
                    w.write("# " + line + "\n");
                }
            }
            for (ElementActiveSet e : set.elements()) {
                int d = e.dimension();
                w.write("ELEMENT " + e.element() + " " + d + "\n");
                w.write("ONE " + e.oneBodyFeature() + "\n");
                for (String term : e.terms()) {
                    int[] idx = e.indexView(term);
                    w.write("TERM " + term + " " + idx.length + "\n");
                    StringBuilder sb = new StringBuilder();
                    for (int k = 0; k < idx.length; k++) {
                        sb.append(k == 0 ? "" : " ").append(idx[k]);
                    }
                    w.write(sb.append('\n').toString());
                }
                w.write("INVERSE\n");
                for (int k = 0; k < d; k++) {
                    StringBuilder sb = new StringBuilder();
                    for (int j = 0; j < d; j++) {
                        sb.append(j == 0 ? "" : " ").append(e.inverse(k, j));
                    }
                    w.write(sb.append('\n').toString());
                }
                String[] origins = e.origins();
                if (origins != null) {
                    w.write("ORIGINS\n");
                    for (String o : origins) {
                        w.write(o.replace('\n', ' ') + "\n");
                    }
                }
                w.write("END\n");
            }
        }
    }

    public static ActiveSet read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = file.toString();
        if (lines.isEmpty() || !lines.get(0).trim().equals(MAGIC)) {
            throw Uf3FormatException.atLine(name, 1, "expected '" + MAGIC + "' (an active-set file)");
        }
        List<ElementActiveSet> out = new ArrayList<>();
        int i = 1;
        while (i < lines.size()) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                i++;
                continue;
            }
            String[] w = line.split("\\s+");
            if (!w[0].equals("ELEMENT") || w.length != 3) {
                throw Uf3FormatException.atLine(name, i + 1, "expected 'ELEMENT symbol d', found '" + line + "'");
            }
            String element = w[1];
            int d = integer(name, i, w[2], "the number of features");
            i++;
            String[] one = words(lines, name, i, "ONE", 2);
            int oneBody = integer(name, i, one[1], "the one-body feature");
            i++;
            Map<String, int[]> terms = new LinkedHashMap<>();
            while (i < lines.size() && lines.get(i).trim().startsWith("TERM ")) {
                String[] t = lines.get(i).trim().split("\\s+");
                if (t.length < 4) {
                    throw Uf3FormatException.atLine(name, i + 1, "expected 'TERM 2B|3B elements... n'");
                }
                int n = integer(name, i, t[t.length - 1], "the number of coefficients");
                String term = String.join(" ", java.util.Arrays.copyOfRange(t, 1, t.length - 1));
                i++;
                String[] v = i < lines.size() ? lines.get(i).trim().split("\\s+") : new String[0];
                if (v.length != n) {
                    throw Uf3FormatException.atLine(name, i + 1, "expected " + n + " feature indices of term " + term + ", found "
                            + v.length);
                }
                int[] idx = new int[n];
                for (int k = 0; k < n; k++) {
                    idx[k] = integer(name, i, v[k], "a feature index");
                    if (idx[k] < ElementActiveSet.UNSEEN || idx[k] >= d) {
                        throw Uf3FormatException.atLine(name, i + 1, "feature index " + idx[k] + " outside -2.." + (d - 1));
                    }
                }
                terms.put(term, idx);
                i++;
            }
            words(lines, name, i, "INVERSE", 1);
            i++;
            double[] inv = new double[d * d];
            for (int k = 0; k < d; k++, i++) {
                String[] v = i < lines.size() ? lines.get(i).trim().split("\\s+") : new String[0];
                if (v.length != d) {
                    throw Uf3FormatException.atLine(name, i + 1, "expected row " + (k + 1) + " of the inverse: " + d + " numbers, found "
                            + v.length);
                }
                for (int j = 0; j < d; j++) {
                    try {
                        inv[k * d + j] = Double.parseDouble(v[j]);
                    } catch (NumberFormatException ex) {
                        throw Uf3FormatException.atLine(name, i + 1, "expected a number, found '" + v[j] + "'");
                    }
                }
            }
            String[] origins = null;
            if (i < lines.size() && lines.get(i).trim().equals("ORIGINS")) {
                i++;
                origins = new String[d];
                for (int k = 0; k < d; k++, i++) {
                    if (i >= lines.size()) {
                        throw Uf3FormatException.atLine(name, i + 1, "expected " + d + " origin lines");
                    }
                    origins[k] = lines.get(i);
                }
            }
            words(lines, name, i, "END", 1);
            i++;
            out.add(new ElementActiveSet(element, d, oneBody, terms, inv, origins));
        }
        if (out.isEmpty()) {
            throw Uf3FormatException.inFile(name, "no ELEMENT block");
        }
        return new ActiveSet(out);
    }

    private static String[] words(List<String> lines, String name, int i, String keyword, int count) {
        String line = i < lines.size() ? lines.get(i).trim() : "(end of file)";
        String[] w = line.split("\\s+");
        if (!w[0].equals(keyword) || w.length != count) {
            throw Uf3FormatException.atLine(name, i + 1, "expected '" + keyword + (count > 1 ? " …" : "") + "', found '" + line + "'");
        }
        return w;
    }

    private static int integer(String name, int i, String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException ex) {
            throw Uf3FormatException.atLine(name, i + 1, "expected " + what + " (an integer), found '" + s + "'");
        }
    }
}

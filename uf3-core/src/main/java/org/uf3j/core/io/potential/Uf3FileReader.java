package org.uf3j.core.io.potential;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.text.NumberedLines;
import org.uf3j.core.io.text.Tokens;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

/**
 * Reads an ML-UF3 LAMMPS potential file ({@code *.uf3}, LAMMPS ≥ 27Jun2024 {@code pair_style uf3})
 * into a {@link Uf3Model}. Blocks start with {@code #UF3 POT UNITS: metal ...}; a 2-body block is
 * {@code 2B El1 El2 LEAD TRAIL uk|nk} / {@code rcut nknots} / knots / {@code ncoeff} / coefficients,
 * a 3-body block {@code 3B Elc El1 El2 LEAD TRAIL uk|nk} / {@code rjk rik rij nk_jk nk_ik nk_ij} /
 * knots jk / knots ik / knots ij / {@code L M N} / L·M lines of N coefficients c[l][m][n] (l along
 * ij, m along ik, n along jk). A 3B block whose neighbours are not ordered by atomic number is
 * transposed (l↔m, ij↔ik knots) into the canonical {@link TripletTerm}. A block whose two
 * neighbours are the same element must have equal ij and ik knots and c[l][m][n] = c[m][l][n]
 * (LAMMPS reads anything else as a different potential), and all blocks must say the same
 * {@code uk} or {@code nk}, as LAMMPS demands. Lines starting with "#" between blocks
 * are ignored. LEAD must be 0 and TRAIL 3 (as LAMMPS requires); the last TRAIL coefficients along every axis must be 0 (the
 * smooth cutoff TRAIL declares) and none subnormal (LAMMPS rejects those). A 3B block whose coefficients are all zero
 * (what {@link Uf3FileWriter} writes for a triplet term the model leaves out) is read as a left-out
 * term ({@link Uf3Model#absentTriplets}), which evaluates the same; when every 3B block is zero
 * the model is a pair potential (UF2).
 *
 * <p>The format has no place for one-body (per-element) energies: the model read has none
 * (every element's one-body energy is 0), so its total energies differ from the fitted model's by
 * Σ n_el·e_el. Set them with {@link Uf3Model#withOneBodyEnergies} when energies are compared.
 * Every problem throws {@link Uf3FormatException} naming the file and line.
 */
public final class Uf3FileReader {
    /** Relative tolerance between a cutoff written on a block's second line and the last knot. */
    private static final double CUTOFF_TOLERANCE = 1e-12;

    private final NumberedLines lines;
    private final Map<String, Integer> seen = new HashMap<>();
    private final Uf3Model.Builder builder = Uf3Model.builder();
    private String firstSpacing;
    private int firstSpacingLine;

    private Uf3FileReader(NumberedLines lines) {
        this.lines = lines;
    }

    /** Reads a file. */
    public static Uf3Model read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    /** Reads from a reader; {@code name} appears in error messages. */
    public static Uf3Model read(Reader reader, String name) {
        return new Uf3FileReader(new NumberedLines(reader, name)).readAll();
    }

    /** Parses the text of a file. */
    public static Uf3Model parse(String text, String name) {
        return read(new StringReader(text), name);
    }

    private Uf3Model readAll() {
        int blocks = 0;
        String line;
        while ((line = lines.next()) != null) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#UF3 POT")) {
                checkUnits(t);
                readBlock();
                blocks++;
            } else if (!t.startsWith("#")) {
                throw lines.error("expected a block header '#UF3 POT UNITS: metal ...' or a '#' line, found '"
                        + abbreviate(t) + "'");
            }
        }
        if (blocks == 0) {
            throw Uf3FormatException.inFile(lines.name(), "no '#UF3 POT' block found: not an ML-UF3 potential file");
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw Uf3FormatException.inFile(lines.name(), "incomplete potential: " + e.getMessage());
        }
    }

    private void checkUnits(String header) {
        String[] t = Tokens.split(header);
        for (int i = 0; i < t.length; i++) {
            if (t[i].equals("UNITS:")) {
                if (i + 1 < t.length && !t[i + 1].equals("metal") && !t[i + 1].equals("DATE:")) {
                    throw lines.error("UNITS: " + t[i + 1] + " is not supported; UF3-J models are in LAMMPS metal units "
                            + "(eV, Å)");
                }
                return;
            }
        }
        throw lines.error("block header lacks the 'UNITS:' field that LAMMPS requires, e.g. "
                + "'#UF3 POT UNITS: metal DATE: ... AUTHOR: ... CITATION: ...'");
    }

    private void readBlock() {
        String[] t = nextTokens("the block type line '2B El1 El2 LEAD TRAIL uk|nk' or '3B Elc El1 El2 LEAD TRAIL uk|nk'");
        if (t[0].equals("2B")) {
            readPair(t);
        } else if (t[0].equals("3B")) {
            readTriplet(t);
        } else {
            throw lines.error("expected '2B' or '3B' at the start of the block, found '" + t[0] + "'"
                    + (t[0].equals("1B") ? " (LAMMPS' pair_style uf3 has no one-body blocks)" : ""));
        }
    }

    private void readPair(String[] t) {
        if (t.length != 6) {
            throw lines.error("expected 6 words '2B El1 El2 LEAD TRAIL uk|nk', found " + t.length);
        }
        String a = element(t[1]);
        String b = element(t[2]);
        int trail = trims(t[3], t[4]);
        boolean uniform = spacing(t[5]);
        String key = Uf3Model.pairKey(a, b);
        duplicate("2B " + key);
        String[] cut = nextTokens("'rcut nknots'");
        expectCount(cut, 2, "'rcut nknots'");
        double rcut = Tokens.number(cut[0], lines, "the 2-body cutoff");
        int nKnots = Tokens.integer(cut[1], lines, "the number of knots");
        if (nKnots < 8) {
            throw lines.error("a clamped cubic knot vector needs at least 8 knots, the block declares " + nKnots);
        }
        double[] knots = numbers(nKnots, "2-body knots of " + key);
        int knotLine = lines.line();
        String[] nc = nextTokens("the number of coefficients");
        expectCount(nc, 1, "the number of coefficients");
        int nCoeff = Tokens.integer(nc[0], lines, "the number of coefficients");
        if (nKnots != nCoeff + 4) {
            throw lines.error(key + ": " + nKnots + " knots need " + (nKnots - 4) + " coefficients (nknots = ncoeff + 4), "
                    + "the block declares " + nCoeff);
        }
        double[] c = numbers(nCoeff, "2-body coefficients of " + key);
        checkCoefficients(c, new int[] {nCoeff}, trail, "2B " + key);
        KnotSequence ks = knots(knots, knotLine, uniform);
        checkCutoff(rcut, ks.max(), knotLine - 1, "2-body cutoff of " + key);
        builder.pair(new PairTerm(a, b, ks, c));
    }

    /**
     * What the block's coefficients must satisfy to be the potential LAMMPS runs: the last
     * {@code trail} along every axis are 0 (the smooth cutoff the TRAIL word declares; a file
     * contradicting it would be read here as a different potential from the one it says it is),
     * and no number is subnormal (LAMMPS' number parser rejects those).
     */
    /**
     * LEAD must be 0 and TRAIL 3, as LAMMPS (the official style and ours) requires: the writer
     * always writes those, so a file with other trims could be read but never written back.
     */
    private int trims(String lead, String trail) {
        int l = Tokens.integer(lead, lines, "the leading trim");
        int t = Tokens.integer(trail, lines, "the trailing trim");
        if (l != 0) {
            throw lines.error("expected leading trim 0 (LEAD), found " + l);
        }
        if (t != 3) {
            throw lines.error("expected trailing trim 3 (TRAIL: the last 3 coefficients are 0 for a smooth cutoff), found " + t);
        }
        return t;
    }

    private void checkCoefficients(double[] c, int[] shape, int trail, String name) {
        int[] idx = new int[shape.length];
        for (int flat = 0; flat < c.length; flat++) {
            int rest = flat;
            boolean trimmed = false;
            for (int d = shape.length - 1; d >= 0; d--) {
                idx[d] = rest % shape[d];
                rest /= shape[d];
                trimmed |= idx[d] >= shape[d] - trail;
            }
            if (trimmed && c[flat] != 0.0) {
                throw lines.error(name + ": coefficient " + java.util.Arrays.toString(idx) + " is " + c[flat]
                        + ", but TRAIL " + trail + " declares the last " + trail + " coefficients along every axis 0");
            }
            if (c[flat] != 0.0 && Math.abs(c[flat]) < Double.MIN_NORMAL) {
                throw lines.error(name + ": coefficient " + java.util.Arrays.toString(idx) + " is the subnormal number "
                        + c[flat] + ", which LAMMPS' number parser rejects");
            }
        }
    }

    private void readTriplet(String[] t) {
        if (t.length != 7) {
            throw lines.error("expected 7 words '3B Elc El1 El2 LEAD TRAIL uk|nk', found " + t.length);
        }
        String c = element(t[1]);
        String j = element(t[2]);
        String k = element(t[3]);
        int trail = trims(t[4], t[5]);
        boolean uniform = spacing(t[6]);
        String name = c + "-" + j + "-" + k;
        duplicate("3B " + Uf3Model.tripletKey(c, j, k));
        String[] cut = nextTokens("'rjk rik rij nk_jk nk_ik nk_ij'");
        expectCount(cut, 6, "'rjk rik rij nk_jk nk_ik nk_ij'");
        int cutLine = lines.line();
        double rjk = Tokens.number(cut[0], lines, "the jk cutoff");
        double rik = Tokens.number(cut[1], lines, "the ik cutoff");
        double rij = Tokens.number(cut[2], lines, "the ij cutoff");
        int nJk = Tokens.integer(cut[3], lines, "the number of jk knots");
        int nIk = Tokens.integer(cut[4], lines, "the number of ik knots");
        int nIj = Tokens.integer(cut[5], lines, "the number of ij knots");
        for (int n : new int[] {nJk, nIk, nIj}) {
            if (n < 8) {
                throw lines.error("a clamped cubic knot vector needs at least 8 knots, the block declares " + n);
            }
        }
        double[] jk = numbers(nJk, "jk knots of " + name);
        KnotSequence kJk = knots(jk, lines.line(), uniform);
        double[] ik = numbers(nIk, "ik knots of " + name);
        KnotSequence kIk = knots(ik, lines.line(), uniform);
        double[] ij = numbers(nIj, "ij knots of " + name);
        KnotSequence kIj = knots(ij, lines.line(), uniform);
        checkCutoff(rjk, kJk.max(), cutLine, "jk cutoff of " + name);
        checkCutoff(rik, kIk.max(), cutLine, "ik cutoff of " + name);
        checkCutoff(rij, kIj.max(), cutLine, "ij cutoff of " + name);
        String[] shape = nextTokens("the coefficient shape 'L M N'");
        expectCount(shape, 3, "the coefficient shape 'L M N'");
        int l = Tokens.integer(shape[0], lines, "L");
        int m = Tokens.integer(shape[1], lines, "M");
        int n = Tokens.integer(shape[2], lines, "N");
        if (l != nIj - 4 || m != nIk - 4 || n != nJk - 4) {
            throw lines.error(name + ": shape " + l + " " + m + " " + n + " does not match the knots (expected "
                    + (nIj - 4) + " " + (nIk - 4) + " " + (nJk - 4) + ": nknots = ncoeff + 4 along ij, ik, jk)");
        }
        double[] coeff = new double[l * m * n];
        for (int a = 0; a < l; a++) {
            for (int b = 0; b < m; b++) {
                double[] row = numbers(n, "coefficients c[" + a + "][" + b + "][0.." + (n - 1) + "] of " + name);
                System.arraycopy(row, 0, coeff, (a * m + b) * n, n);
            }
        }
        checkCoefficients(coeff, new int[] {l, m, n}, trail, "3B " + name);
        if (j.equals(k)) {
            checkSameNeighbors(name, kIj, kIk, coeff, l, n, cutLine);
        }
        if (AbsentTriplets.allZero(coeff)) {
            builder.absentTriplet(c, j, k);
            return;
        }
        if (Elements.atomicNumber(j) <= Elements.atomicNumber(k)) {
            builder.triplet(new TripletTerm(c, j, k, kIj, kIk, kJk, coeff));
        } else {
            double[] swapped = new double[coeff.length];
            for (int a = 0; a < l; a++) {
                for (int b = 0; b < m; b++) {
                    System.arraycopy(coeff, (a * m + b) * n, swapped, (b * l + a) * n, n);
                }
            }
            builder.triplet(new TripletTerm(c, k, j, kIk, kIj, kJk, swapped));
        }
    }

    /**
     * Both neighbours of the same element: LAMMPS keeps legs ij and ik of such a block in one slot,
     * so it uses the ij knots for both and copies the l &lt; m half of the tensor onto the other.
     * Reject files where that would change the potential, rather than read something else than LAMMPS.
     */
    private void checkSameNeighbors(String name, KnotSequence ij, KnotSequence ik, double[] c, int l, int n,
                                     int cutLine) {
        if (!ij.equals(ik)) {
            throw Uf3FormatException.atLine(lines.name(), cutLine + 3, name + ": both neighbours are the same element, "
                    + "so the ik knots (line " + (cutLine + 2) + ") must equal the ij knots (line " + (cutLine + 3)
                    + "); LAMMPS would silently use the ij knots for both legs");
        }
        for (int a = 0; a < l; a++) {
            for (int b = 0; b < a; b++) {
                for (int k = 0; k < n; k++) {
                    if (c[(a * l + b) * n + k] != c[(b * l + a) * n + k]) {
                        throw Uf3FormatException.atLine(lines.name(), cutLine + 5 + a * l + b, name + ": both "
                                + "neighbours are the same element, so c[l][m][n] must equal c[m][l][n], but c[" + a
                                + "][" + b + "][" + k + "] = " + c[(a * l + b) * n + k] + " and c[" + b + "][" + a + "]["
                                + k + "] = " + c[(b * l + a) * n + k] + "; LAMMPS would silently use the l < m half");
                    }
                }
            }
        }
    }

    private String element(String symbol) {
        if (!Elements.isElement(symbol)) {
            throw lines.error("'" + symbol + "' is not an element symbol");
        }
        return symbol;
    }

    private boolean spacing(String word) {
        if (!word.equals("uk") && !word.equals("nk")) {
            throw lines.error("expected 'uk' (uniform knots) or 'nk' (non-uniform knots), found '" + word + "'");
        }
        if (firstSpacing == null) {
            firstSpacing = word;
            firstSpacingLine = lines.line();
        } else if (!firstSpacing.equals(word)) {
            throw lines.error("this block says '" + word + "' but line " + firstSpacingLine + " says '" + firstSpacing
                    + "'; LAMMPS needs one knot spacing type for the whole file");
        }
        return word.equals("uk");
    }

    private void duplicate(String what) {
        Integer before = seen.putIfAbsent(what, lines.line());
        if (before != null) {
            throw lines.error(what + " is defined twice (first at line " + before + ")");
        }
    }

    private KnotSequence knots(double[] values, int line, boolean uniform) {
        KnotSequence ks;
        try {
            ks = KnotSequence.of(values);
        } catch (IllegalArgumentException e) {
            throw Uf3FormatException.atLine(lines.name(), line, e.getMessage(), e);
        }
        if (uniform && !ks.isUniform()) {
            throw Uf3FormatException.atLine(lines.name(), line, "the block says 'uk' (uniform knots) but these knots are "
                    + "not equally spaced; LAMMPS would look up the wrong intervals (write 'nk')");
        }
        return ks;
    }

    private void checkCutoff(double written, double lastKnot, int line, String what) {
        if (Math.abs(written - lastKnot) > CUTOFF_TOLERANCE * Math.abs(lastKnot)) {
            throw Uf3FormatException.atLine(lines.name(), line, what + " is " + written + " but the last knot is "
                    + lastKnot + "; they must be equal");
        }
    }

    private double[] numbers(int count, String what) {
        String[] t = nextTokens(what);
        if (t.length != count) {
            throw lines.error("expected " + count + " numbers (" + what + "), found " + t.length);
        }
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = Tokens.number(t[i], lines, what + " (number " + (i + 1) + ")");
        }
        return v;
    }

    private String[] nextTokens(String what) {
        String line = lines.next();
        if (line == null) {
            throw lines.error("file ends inside a block; expected " + what);
        }
        String[] t = Tokens.split(line);
        if (t.length == 0) {
            throw lines.error("empty line inside a block; expected " + what);
        }
        if (t[0].startsWith("#")) {
            throw lines.error("block ends early; expected " + what + ", found '" + abbreviate(line.trim()) + "'");
        }
        return t;
    }

    private void expectCount(String[] t, int count, String what) {
        if (t.length != count) {
            throw lines.error("expected " + count + " values " + what + ", found " + t.length);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}

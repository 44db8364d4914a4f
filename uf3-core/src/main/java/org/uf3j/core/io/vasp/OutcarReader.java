package org.uf3j.core.io.vasp;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.uf3j.core.io.VirialUnits;
import org.uf3j.core.io.text.InputFiles;
import org.uf3j.core.io.text.NumberedLines;
import org.uf3j.core.io.text.PullReader;
import org.uf3j.core.io.text.Tokens;
import org.uf3j.core.model.Elements;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;

/**
 * Streams the ionic steps of a VASP {@code OUTCAR} as {@link Configuration}s, line by line (one
 * ionic step in memory at a time).
 *
 * <p>What is read: the elements, one per POTCAR, from the {@code VRHFIN =El:} lines (else the
 * {@code TITEL = PAW_PBE El_pv ...} lines, else the {@code POTCAR: PAW_PBE El_pv ...} lines, which
 * VASP prints twice) and the counts of {@code ions per type =}; per ionic
 * step the lattice from the latest {@code direct lattice vectors} block (Å), Cartesian positions
 * and forces from the {@code POSITION  TOTAL-FORCE (eV/Angst)} block, the stress from the
 * {@code in kB} line (kBar, ordered XX YY ZZ XY YZ ZX; optional) and the energies of the
 * {@code FREE ENERGIE OF THE ION-ELECTRON SYSTEM} summary: {@code free  energy   TOTEN},
 * {@code energy  without entropy} and {@code energy(sigma->0)} (the per-electronic-step energies are
 * ignored). A step is complete when it has both forces and that summary. The stress becomes the
 * virial W = σ_VASP·V (eV, positive under compression; see {@link VirialUnits} for the source of
 * the sign). Fixed-width Fortran fields that run together ({@code 3.1600-1.5800}) are split;
 * overflowed fields ({@code ******}) are errors.
 *
 * <p>{@code Configuration.info} holds {@code ionic_step} (1-based), the three energies and, when
 * non-zero, {@code pstress_kB}; {@code source} is "file:line" of the step's POSITION line.
 */
public final class OutcarReader extends PullReader {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.\\d*|\\.\\d+|\\d+)(?:[eEdD][-+]?\\d+)?");

    private final NumberedLines lines;
    private final VaspOptions options;
    private boolean ended;
    private int[] ionsPerType;
    private int ionsPerTypeLine;
    private int nions = -1;
    private final List<String> vrhfin = new ArrayList<>();
    private final List<String> titel = new ArrayList<>();
    private final List<String> potcar = new ArrayList<>();
    /** The element of each atom type, null until a POSITION block needs it. */
    private String[] symbols;
    /** The most atoms of one configuration (3 coordinates of each must fit one Java array). */
    private static final int MAX_IONS = Integer.MAX_VALUE / 3;
    /** The elements of the atoms of the pending POSITION block (a later 'ions per type' line cannot change them). */
    private String[] positionSymbols;
    private double pstress;
    private double[] lattice;
    private int steps;
    private Configuration lastComplete;
    // the ionic step being read
    private int stepLine;
    private double[] stressKbar;
    private double[] positions;
    private double[] forces;
    private int positionLine;
    private boolean summary;
    private Double freeEnergy;
    private Double withoutEntropy;
    private Double sigmaZero;
    private boolean summaryDone;

    private OutcarReader(NumberedLines lines, VaspOptions options) {
        super(lines.name());
        this.lines = lines;
        this.options = options == null ? VaspOptions.defaults() : options;
    }

    /** Opens an OUTCAR (or OUTCAR.gz) with default options; close it when done. */
    public static OutcarReader open(Path file) throws IOException {
        return open(file, VaspOptions.defaults());
    }

    /** Opens an OUTCAR (or OUTCAR.gz); close it when done. */
    public static OutcarReader open(Path file, VaspOptions options) throws IOException {
        return new OutcarReader(new NumberedLines(InputFiles.openText(file), file.toString()), options);
    }

    /** Streams from any reader; {@code name} is used in messages and sources. */
    public static OutcarReader of(Reader reader, String name, VaspOptions options) {
        return new OutcarReader(new NumberedLines(reader, name), options);
    }

    /** Every selected ionic step of a file. */
    public static List<Configuration> readAll(Path file, VaspOptions options) throws IOException {
        List<Configuration> out = new ArrayList<>();
        try (OutcarReader r = open(file, options)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    /** Every ionic step of a file, default options. */
    public static List<Configuration> readAll(Path file) throws IOException {
        return readAll(file, VaspOptions.defaults());
    }

    /** A lazy stream of the ionic steps; close the stream to close the file. */
    public static Stream<Configuration> stream(Path file, VaspOptions options) throws IOException {
        return open(file, options).stream();
    }

    @Override
    protected Configuration readNext() {
        if (ended) {
            return null;
        }
        String line;
        while ((line = lines.next()) != null) {
            Configuration c = handle(line);
            if (c != null) {
                if (options.ionicSteps() == VaspOptions.IonicSteps.ALL) {
                    return c;
                }
                lastComplete = c;
            }
        }
        ended = true;
        if (stepLine > 0 || positions != null || stressKbar != null || summary) {
            if (!options.allowIncomplete()) {
                throw lines.error("file ends inside ionic step " + (steps + 1) + (stepLine > 0 ? " (started at line "
                        + stepLine + ")" : "") + ", which has " + missing() + " (truncated: is VASP still running, or "
                        + "was it killed?); " + steps + " complete ionic step(s) before it; allowIncomplete keeps those");
            }
        }
        if (steps == 0 && ionsPerType == null) {
            throw lines.error("no 'ions per type' line and no ionic step: is this a VASP OUTCAR?");
        }
        Configuration c = lastComplete;
        lastComplete = null;
        return c;
    }

    @Override
    protected void closeInput() {
        lines.close();
    }

    private String missing() {
        List<String> no = new ArrayList<>();
        if (positions == null) {
            no.add("no POSITION/TOTAL-FORCE block");
        }
        if (!summaryDone) {
            no.add("no final energy (FREE ENERGIE OF THE ION-ELECTRON SYSTEM)");
        }
        return String.join(" and ", no);
    }

    private Configuration handle(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && line.charAt(i) == ' ') {
            i++;
        }
        if (i == n) {
            return null;
        }
        char c = line.charAt(i);
        switch (c) {
            case '-' -> {
                if (stepLine == 0 && line.indexOf(" Iteration ", i) > 0) {
                    stepLine = lines.line();
                }
            }
            case 'V' -> {
                if (line.startsWith("VRHFIN", i)) {
                    int eq = line.indexOf('=', i);
                    int colon = line.indexOf(':', eq + 1);
                    vrhfin.add(eq < 0 ? "" : line.substring(eq + 1, colon < 0 ? n : colon).trim());
                }
            }
            case 'T' -> {
                if (line.startsWith("TITEL", i)) {
                    int eq = line.indexOf('=', i);
                    String[] t = Tokens.split(eq < 0 ? "" : line.substring(eq + 1));
                    titel.add(t.length >= 2 ? t[1] : t.length == 1 ? t[0] : "");
                }
            }
            case 'i' -> {
                if (line.startsWith("ions per type", i)) {
                    readIonsPerType(line);
                } else if (line.startsWith("in kB", i)) {
                    stressKbar = numbers(line.substring(i + 5), 6, "the six stress components (XX YY ZZ XY YZ ZX) of "
                            + "the 'in kB' line");
                }
            }
            case 'n' -> {
                if (line.startsWith("number of dos", i) && line.contains("NIONS")) {
                    String[] t = Tokens.split(line.substring(line.indexOf('=', line.indexOf("NIONS")) + 1));
                    Integer v = t.length > 0 ? Tokens.parseIntOrNull(t[0]) : null;
                    nions = v == null ? -1 : v;
                }
            }
            case 'P' -> {
                if (line.startsWith("POTCAR:", i)) {
                    String[] t = Tokens.split(line.substring(i + 7));
                    potcar.add(t.length >= 2 ? t[1] : t.length == 1 ? t[0] : "");
                } else if (line.startsWith("PSTRESS", i)) {
                    pstress = firstNumber(line.substring(line.indexOf('=', i) + 1), "PSTRESS");
                } else if (line.startsWith("POSITION", i) && line.contains("TOTAL-FORCE")) {
                    readPositionsAndForces();
                }
            }
            case 'd' -> {
                if (line.startsWith("direct lattice vectors", i)) {
                    double[] m = new double[9];
                    for (int r = 0; r < 3; r++) {
                        String row = lines.next();
                        if (row == null) {
                            throw lines.error("file ends inside the 'direct lattice vectors' block");
                        }
                        double[] v = numbers(row, -1, "lattice vector " + (r + 1));
                        if (v.length < 3) {
                            throw lines.error("lattice vector " + (r + 1) + " of 'direct lattice vectors': expected 3 "
                                    + "(or 6, with the reciprocal vector) numbers, found " + v.length);
                        }
                        System.arraycopy(v, 0, m, 3 * r, 3);
                    }
                    lattice = m;
                }
            }
            case 'F' -> {
                if (line.startsWith("FREE ENERGIE OF THE ION-ELECTRON SYSTEM", i)) {
                    summary = true;
                }
            }
            case 'f' -> {
                if (summary && line.startsWith("free", i) && line.contains("TOTEN")) {
                    freeEnergy = firstNumber(afterEquals(line), "free  energy   TOTEN");
                }
            }
            case 'e' -> {
                if (summary && line.startsWith("energy", i) && line.contains("without entropy")) {
                    int first = line.indexOf('=');
                    int last = line.lastIndexOf('=');
                    if (first < 0 || first == last) {
                        throw lines.error("expected 'energy  without entropy= X  energy(sigma->0) = Y'");
                    }
                    withoutEntropy = firstNumber(line.substring(first + 1), "energy without entropy");
                    sigmaZero = firstNumber(line.substring(last + 1), "energy(sigma->0)");
                    if (freeEnergy == null) {
                        throw lines.error("'energy  without entropy' without a 'free  energy   TOTEN' line before it");
                    }
                    summaryDone = true;
                }
            }
            default -> {
            }
        }
        if (positions != null && summaryDone) {
            return completeStep();
        }
        return null;
    }

    private void readIonsPerType(String line) {
        String[] t = Tokens.split(line.substring(line.indexOf('=') + 1));
        int[] counts = new int[t.length];
        for (int k = 0; k < t.length; k++) {
            Integer v = Tokens.parseIntOrNull(t[k]);
            if (v == null || v < 0) {
                throw lines.error("'ions per type': expected counts of atoms, found '" + t[k] + "'");
            }
            counts[k] = v;
        }
        if (counts.length == 0) {
            throw lines.error("'ions per type' lists no counts");
        }
        ionsPerType = counts;
        ionsPerTypeLine = lines.line();
        symbols = null;
    }

    private String[] symbols() {
        if (symbols != null) {
            return symbols;
        }
        if (ionsPerType == null) {
            throw lines.error("POSITION block before the 'ions per type' line: the number and elements of the atoms "
                    + "are unknown (is the OUTCAR header missing?)");
        }
        int types = ionsPerType.length;
        List<String> names = distinctPerType(vrhfin, types);
        String from = "VRHFIN";
        if (names == null) {
            names = distinctPerType(titel, types);
            from = "TITEL";
        }
        if (names == null) {
            names = distinctPerType(potcar, types);
            from = "POTCAR";
        }
        if (names == null) {
            throw lines.error("cannot tell the elements: 'ions per type' (line " + ionsPerTypeLine + ") has " + types
                    + " types but the header has " + vrhfin.size() + " VRHFIN, " + titel.size() + " TITEL and "
                    + potcar.size() + " POTCAR lines");
        }
        long total = 0;
        for (int v : ionsPerType) {
            total += v;
        }
        if (nions >= 0 && nions != total) {
            throw lines.error("'ions per type' (line " + ionsPerTypeLine + ") adds up to " + total + " but NIONS = "
                    + nions);
        }
        if (total > MAX_IONS) {
            throw lines.error("'ions per type' (line " + ionsPerTypeLine + ") adds up to " + total + " atoms, more than "
                    + "the " + MAX_IONS + " one configuration can hold");
        }
        String[] out = new String[types];
        for (int k = 0; k < types; k++) {
            out[k] = element(names.get(k));
            if (out[k] == null) {
                throw lines.error("POTCAR " + (k + 1) + " has " + from + " '" + names.get(k) + "', which does not name "
                        + "a chemical element");
            }
        }
        symbols = out;
        return out;
    }

    /** The element of every atom, from the element of every type and 'ions per type'. */
    private String[] atomSymbols(String[] perType, int n) {
        String[] out = new String[n];
        int at = 0;
        for (int k = 0; k < perType.length; k++) {
            for (int j = 0; j < ionsPerType[k]; j++) {
                out[at++] = perType[k];
            }
        }
        return out;
    }

    /** The first {@code types} names when the list is exactly those names, possibly repeated; else null. */
    private static List<String> distinctPerType(List<String> names, int types) {
        if (names.isEmpty() || names.size() % types != 0) {
            return null;
        }
        for (int k = types; k < names.size(); k++) {
            if (!names.get(k).equals(names.get(k % types))) {
                return null;
            }
        }
        return names.subList(0, types);
    }

    /** "Nb_pv" → Nb, "H1.75" → H, "nb" → Nb; null when the leading letters name no element. */
    private static String element(String name) {
        int k = 0;
        while (k < name.length() && k < 2 && Character.isLetter(name.charAt(k))) {
            k++;
        }
        for (int len = k; len >= 1; len--) {
            String s = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1, len).toLowerCase(Locale.ROOT);
            if (Elements.isElement(s)) {
                return s;
            }
        }
        return null;
    }

    private void readPositionsAndForces() {
        int header = lines.line();
        String[] perType = symbols();
        int n = 0;
        for (int v : ionsPerType) {
            n += v; // at most MAX_IONS, checked by symbols()
        }
        String dashes = lines.next();
        if (dashes == null || !dashes.trim().startsWith("---")) {
            throw lines.error("expected a line of dashes after the POSITION/TOTAL-FORCE header (line " + header + ")");
        }
        // sized by the rows read, not by the header's count, which a broken file may inflate
        double[] pos = new double[3 * Math.min(n, 1024)];
        double[] f = new double[pos.length];
        for (int a = 0; a < n; a++) {
            if (3 * a == pos.length) {
                pos = java.util.Arrays.copyOf(pos, (int) Math.min(3L * n, 2L * pos.length));
                f = java.util.Arrays.copyOf(f, pos.length);
            }
            String row = lines.next();
            if (row == null) {
                throw lines.error("file ends after " + a + " of the " + n + " atom lines of the POSITION block at line "
                        + header);
            }
            if (row.trim().startsWith("---")) {
                throw lines.error("the POSITION block at line " + header + " has " + a + " atom lines, the header "
                        + "declares " + n + " ions");
            }
            double[] v = numbers(row, 6, "position (Å) and force (eV/Å) of atom " + (a + 1));
            System.arraycopy(v, 0, pos, 3 * a, 3);
            System.arraycopy(v, 3, f, 3 * a, 3);
        }
        String end = lines.next();
        if (end == null || !end.trim().startsWith("---")) {
            throw lines.error("expected the line of dashes that ends the POSITION block at line " + header
                    + " after its " + n + " atoms (does the file have more atoms than 'ions per type' says?)");
        }
        positions = pos;
        forces = f;
        positionSymbols = atomSymbols(perType, n);
        positionLine = header;
    }

    private Configuration completeStep() {
        int step = steps + 1;
        if (lattice == null) {
            throw lines.error(positionLine, "ionic step " + step + ": no 'direct lattice vectors' before its POSITION "
                    + "block");
        }
        Cell cell;
        try {
            cell = new Cell(lattice, new boolean[] {true, true, true});
        } catch (IllegalArgumentException e) {
            throw lines.error(positionLine, "ionic step " + step + ": " + e.getMessage());
        }
        Double energy = switch (options.energy()) {
            case FREE_ENERGY -> freeEnergy;
            case WITHOUT_ENTROPY -> withoutEntropy;
            case SIGMA_ZERO -> sigmaZero;
        };
        Map<String, String> info = new LinkedHashMap<>();
        info.put("ionic_step", Integer.toString(step));
        info.put("e_fr_energy", Tokens.format(freeEnergy));
        info.put("e_wo_entrp", Tokens.format(withoutEntropy));
        info.put("e_0_energy", Tokens.format(sigmaZero));
        if (pstress != 0) {
            info.put("pstress_kB", Tokens.format(pstress));
        }
        double[] virial = stressKbar == null ? null : VirialUnits.fromOutcarKbar(stressKbar, cell.volume());
        Configuration c = new Configuration(new Structure(positionSymbols, positions, cell), energy, forces, virial,
                options.configType(), lines.name() + ":" + positionLine, info);
        steps = step;
        stepLine = 0;
        stressKbar = null;
        positions = null;
        forces = null;
        summary = false;
        summaryDone = false;
        freeEnergy = null;
        withoutEntropy = null;
        sigmaZero = null;
        return c;
    }

    private static String afterEquals(String line) {
        int eq = line.indexOf('=');
        return eq < 0 ? line : line.substring(eq + 1);
    }

    /**
     * The decimal numbers that make up {@code text} (whitespace-separated, or fixed-width fields
     * that run together); {@code expected} of them (at least that many; the first ones are returned),
     * or any positive number when negative. Anything else in the text is an error.
     */
    private double[] numbers(String text, int expected, String what) {
        if (text.indexOf("**") >= 0) {
            throw lines.error(what + ": a Fortran field overflowed (****) in '" + text.trim() + "'");
        }
        Matcher m = NUMBER.matcher(text);
        double[] out = new double[8];
        int count = 0;
        int end = 0;
        while (m.find()) {
            requireBlank(text, end, m.start(), what);
            if (count == out.length) {
                out = java.util.Arrays.copyOf(out, 2 * count);
            }
            double v = Tokens.parseOrNaN(m.group());
            if (Double.isNaN(v)) {
                throw lines.error(what + ": expected a finite number, found '" + m.group() + "'");
            }
            out[count++] = v;
            end = m.end();
        }
        requireBlank(text, end, text.length(), what);
        if (count < Math.max(expected, 1)) {
            throw lines.error(what + ": expected " + (expected < 0 ? "a number" : expected + " numbers") + ", found "
                    + count + " in '" + text.trim() + "'");
        }
        return java.util.Arrays.copyOf(out, expected >= 0 ? expected : count);
    }

    private void requireBlank(String text, int from, int to, String what) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) > ' ') {
                int start = k;
                while (start > 0 && text.charAt(start - 1) > ' ') {
                    start--;
                }
                int stop = k;
                while (stop < text.length() && text.charAt(stop) > ' ') {
                    stop++;
                }
                throw lines.error(what + ": expected numbers, found '" + text.substring(start, stop) + "'");
            }
        }
    }

    /** The number that starts {@code text} (after blanks), e.g. of "  -8.62110015 eV". */
    private double firstNumber(String text, String what) {
        String[] t = Tokens.split(text);
        double v = t.length == 0 ? Double.NaN : Tokens.parseOrNaN(t[0]);
        if (Double.isNaN(v)) {
            throw lines.error(what + ": expected a finite number, found '" + (t.length == 0 ? "" : t[0]) + "'");
        }
        return v;
    }
}

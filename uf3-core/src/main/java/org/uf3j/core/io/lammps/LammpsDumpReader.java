package org.uf3j.core.io.lammps;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.uf3j.core.io.Uf3FormatException;
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
 * Streams the snapshots of a LAMMPS text dump ({@code dump custom} or {@code dump atom}, metal
 * units) as {@link Configuration}s, one frame in memory at a time, atoms sorted by {@code id}.
 *
 * <p>Boxes: orthogonal ({@code ITEM: BOX BOUNDS pp pp pp}, lines {@code lo hi}), restricted
 * triclinic ({@code BOX BOUNDS xy xz yz ...}, lines {@code lo_bound hi_bound tilt}; the bounding
 * box is turned back into xlo = xlo_bound − min(0, xy, xz, xy+xz), xhi = xhi_bound − max(0, xy, xz,
 * xy+xz), ylo = ylo_bound − min(0, yz), yhi = yhi_bound − max(0, yz), lattice a = (xhi−xlo, 0, 0),
 * b = (xy, yhi−ylo, 0), c = (xz, yz, zhi−zlo), as in the LAMMPS Howto_triclinic page) and general
 * triclinic ({@code BOX BOUNDS abc origin ...}, lines {@code ax ay az originx}). A dimension is
 * periodic when its flag is {@code pp}. Positions are shifted so that the box origin is at 0.
 *
 * <p>Columns: {@code id} (optional; atoms are sorted by it), {@code type} and/or {@code element},
 * positions as {@code x y z}, {@code xu yu zu}, {@code xs ys zs} or {@code xsu ysu zsu}, forces
 * {@code fx fy fz} (optional: a dump without them gives unlabelled frames), and the columns named
 * in {@link LammpsDumpOptions}. Energies come from a per-atom energy column (summed) or from the
 * log's thermo row at the frame's step ({@link LammpsLogReader}); the virial from per-atom stress
 * columns or from the log's virial pressure tensor (see {@link VirialUnits}). In a general
 * triclinic dump LAMMPS rotates positions and forces but not compute outputs or thermo
 * pressures, so those tensors are rotated from the restricted into the general frame here.
 *
 * <p>{@code Configuration.info} holds {@code timestep}; {@code source} is "file:line" of the
 * frame's first ITEM line.
 */
public final class LammpsDumpReader extends PullReader {
    private final NumberedLines lines;
    private final LammpsDumpOptions options;
    private final LammpsThermoIndex thermo;
    private String columnsHeader;
    private Columns columns;
    private boolean ended;

    private LammpsDumpReader(NumberedLines lines, LammpsDumpOptions options, LammpsThermoIndex thermo) {
        super(lines.name());
        this.lines = lines;
        this.options = options == null ? LammpsDumpOptions.defaults() : options;
        this.thermo = thermo;
    }

    /** Opens a dump (or .gz) with the given options (reading the log they name, if any); close it when done. */
    public static LammpsDumpReader open(Path dump, LammpsDumpOptions options) throws IOException {
        LammpsThermoIndex index = options == null || options.log() == null ? null : index(options);
        return new LammpsDumpReader(new NumberedLines(InputFiles.openText(dump), dump.toString()), options, index);
    }

    /**
     * Streams a dump from any reader, with the thermo rows of {@code log} (null for none; the
     * options' log path is then ignored); {@code name} is used in messages and sources.
     */
    public static LammpsDumpReader of(Reader dump, String name, LammpsDumpOptions options, LammpsLogReader log) {
        LammpsDumpOptions o = options == null ? LammpsDumpOptions.defaults() : options;
        LammpsThermoIndex index = log == null ? null : new LammpsThermoIndex(log, o.logEnergyColumn(),
                o.logVirialColumns());
        if (index == null && o.logVirialColumns() != null) {
            throw new IllegalArgumentException("logVirialColumns needs a log");
        }
        return new LammpsDumpReader(new NumberedLines(dump, name), o, index);
    }

    /** Every frame of a dump. */
    public static List<Configuration> readAll(Path dump, LammpsDumpOptions options) throws IOException {
        List<Configuration> out = new ArrayList<>();
        try (LammpsDumpReader r = open(dump, options)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    /** A lazy stream of the frames; close the stream to close the file. */
    public static Stream<Configuration> stream(Path dump, LammpsDumpOptions options) throws IOException {
        return open(dump, options).stream();
    }

    private static LammpsThermoIndex index(LammpsDumpOptions o) throws IOException {
        try (LammpsLogReader log = LammpsLogReader.open(o.log())) {
            LammpsThermoIndex index = new LammpsThermoIndex(log, o.logEnergyColumn(), o.logVirialColumns());
            if (index.size() == 0) {
                throw Uf3FormatException.inFile(o.log().toString(), "no thermo table with a 'Step' column (thermo_style "
                        + "one or custom; thermo_modify line multi/yaml is not read)");
            }
            return index;
        }
    }

    @Override
    protected void closeInput() {
        lines.close();
    }

    @Override
    protected Configuration readNext() {
        while (!ended) {
            Frame f = readFrame();
            if (f == null) {
                ended = true;
                return null;
            }
            Configuration c = label(f);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** The raw content of one snapshot. */
    private static final class Frame {
        int start;
        long step = Long.MIN_VALUE;
        int atoms = -1;
        Box box;
        String[][] rows;
    }

    /** A simulation box: lattice rows (Å), origin, periodicity, and the restricted→general rotation (or null). */
    private record Box(double[] lattice, double[] origin, boolean[] pbc, double[] rotation) {
    }

    private Frame readFrame() {
        String line;
        do {
            line = lines.next();
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        Frame f = new Frame();
        f.start = lines.line();
        while (true) {
            String t = line.trim();
            if (!t.startsWith("ITEM:")) {
                throw lines.error("expected an 'ITEM:' line of a LAMMPS dump snapshot, found '" + abbreviate(t) + "'"
                        + (f.start == lines.line() && f.start > 1 ? " (does the previous snapshot have more atom lines "
                        + "than its NUMBER OF ATOMS?)" : ""));
            }
            String item = t.substring(5).trim();
            if (item.equals("TIMESTEP")) {
                String v = value(f, "the timestep");
                if (v == null) {
                    return null;
                }
                try {
                    f.step = Long.parseLong(v.trim());
                } catch (NumberFormatException e) {
                    throw lines.error("expected the timestep (an integer), found '" + abbreviate(v.trim()) + "'");
                }
            } else if (item.equals("UNITS")) {
                String v = value(f, "the units style");
                if (v == null) {
                    return null;
                }
                if (!v.trim().equals("metal")) {
                    throw lines.error("dump is in 'units " + v.trim() + "'; only metal units (eV, Å) are read");
                }
            } else if (item.equals("TIME")) {
                if (value(f, "the simulation time") == null) {
                    return null;
                }
            } else if (item.equals("NUMBER OF ATOMS")) {
                String v = value(f, "the number of atoms");
                if (v == null) {
                    return null;
                }
                Integer n = Tokens.parseIntOrNull(v.trim());
                if (n == null || n < 0) {
                    throw lines.error("expected the number of atoms, found '" + abbreviate(v.trim()) + "'");
                }
                f.atoms = n;
            } else if (item.startsWith("BOX BOUNDS")) {
                f.box = readBox(f, item.substring(10));
                if (f.box == null) {
                    return null;
                }
            } else if (item.startsWith("ATOMS")) {
                return readAtoms(f, item.substring(5).trim()) ? f : null;
            } else {
                throw lines.error("'ITEM: " + abbreviate(item) + "' is not part of a dump atom/custom snapshot (TIMESTEP, "
                        + "NUMBER OF ATOMS, BOX BOUNDS, ATOMS)");
            }
            line = lines.next();
            if (line == null) {
                return truncated(f, "before its ITEM: ATOMS section");
            }
        }
    }

    /** The line after an ITEM line, or null (after the incomplete-file policy) at the end of the file. */
    private String value(Frame f, String what) {
        String v = lines.next();
        if (v == null) {
            truncated(f, "where " + what + " was expected");
        }
        return v;
    }

    private <T> T truncated(Frame f, String where) {
        if (options.allowIncomplete()) {
            ended = true;
            return null;
        }
        throw lines.error("file ends inside the snapshot that starts at line " + f.start + (f.step != Long.MIN_VALUE
                ? " (step " + f.step + ")" : "") + ", " + where + " (truncated dump?)");
    }

    private Box readBox(Frame f, String flagText) {
        String[] flags = Tokens.split(flagText);
        int mode = 0; // 0 orthogonal, 1 restricted triclinic, 2 general triclinic
        int skip = 0;
        if (flags.length >= 3 && flags[0].equals("xy") && flags[1].equals("xz") && flags[2].equals("yz")) {
            mode = 1;
            skip = 3;
        } else if (flags.length >= 2 && flags[0].equals("abc") && flags[1].equals("origin")) {
            mode = 2;
            skip = 2;
        }
        boolean[] pbc = {true, true, true};
        if (flags.length > skip) {
            if (flags.length - skip != 3) {
                throw lines.error("BOX BOUNDS: expected 3 boundary flags (e.g. pp pp pp), found '" + flagText.trim() + "'");
            }
            for (int k = 0; k < 3; k++) {
                pbc[k] = flags[skip + k].equals("pp");
            }
        }
        int width = mode == 0 ? 2 : mode == 1 ? 3 : 4;
        double[][] b = new double[3][];
        for (int r = 0; r < 3; r++) {
            String row = lines.next();
            if (row == null) {
                return truncated(f, "inside its BOX BOUNDS");
            }
            String[] t = Tokens.split(row);
            if (t.length != width) {
                throw lines.error("BOX BOUNDS line " + (r + 1) + ": expected " + width + " numbers ("
                        + (mode == 0 ? "lo hi" : mode == 1 ? "lo_bound hi_bound tilt" : "vector x y z and origin")
                        + "), found " + t.length);
            }
            b[r] = new double[width];
            for (int k = 0; k < width; k++) {
                b[r][k] = Tokens.number(t[k], lines, "BOX BOUNDS line " + (r + 1) + " value " + (k + 1));
            }
        }
        double[] lattice;
        double[] origin;
        double[] rotation = null;
        if (mode == 2) {
            lattice = new double[] {b[0][0], b[0][1], b[0][2], b[1][0], b[1][1], b[1][2], b[2][0], b[2][1], b[2][2]};
            origin = new double[] {b[0][3], b[1][3], b[2][3]};
            rotation = restrictedToGeneral(lattice);
        } else {
            double xy = mode == 1 ? b[0][2] : 0;
            double xz = mode == 1 ? b[1][2] : 0;
            double yz = mode == 1 ? b[2][2] : 0;
            double xlo = b[0][0] - Math.min(Math.min(0.0, xy), Math.min(xz, xy + xz));
            double xhi = b[0][1] - Math.max(Math.max(0.0, xy), Math.max(xz, xy + xz));
            double ylo = b[1][0] - Math.min(0.0, yz);
            double yhi = b[1][1] - Math.max(0.0, yz);
            lattice = new double[] {xhi - xlo, 0, 0, xy, yhi - ylo, 0, xz, yz, b[2][1] - b[2][0]};
            origin = new double[] {xlo, ylo, b[2][0]};
        }
        return new Box(lattice, origin, pbc, rotation);
    }

    /**
     * The rotation R (row-major) that takes LAMMPS' internal restricted frame (a along x, b in the
     * xy plane) to the frame of the general lattice: its columns are â, (â×b̂)×â normalised, â×b̂.
     */
    private static double[] restrictedToGeneral(double[] m) {
        double[] a = {m[0], m[1], m[2]};
        double[] b = {m[3], m[4], m[5]};
        double[] e1 = scale(a, 1 / Math.sqrt(dot(a, a)));
        double[] axb = cross(a, b);
        double[] e3 = scale(axb, 1 / Math.sqrt(dot(axb, axb)));
        double[] e2 = cross(e3, e1);
        return new double[] {e1[0], e2[0], e3[0], e1[1], e2[1], e3[1], e1[2], e2[2], e3[2]};
    }

    private boolean readAtoms(Frame f, String header) {
        if (f.step == Long.MIN_VALUE || f.atoms < 0 || f.box == null) {
            throw lines.error("ITEM: ATOMS before " + (f.step == Long.MIN_VALUE ? "ITEM: TIMESTEP" : f.atoms < 0
                    ? "ITEM: NUMBER OF ATOMS" : "ITEM: BOX BOUNDS") + " in the snapshot that starts at line " + f.start);
        }
        if (!header.equals(columnsHeader)) {
            columns = Columns.resolve(Tokens.split(header), options, lines);
            columnsHeader = header;
        }
        if (f.atoms > Integer.MAX_VALUE / 3) {
            throw lines.error("NUMBER OF ATOMS " + f.atoms + " is more than one snapshot can hold (" + Integer.MAX_VALUE / 3
                    + ")");
        }
        // sized by the lines read, not by NUMBER OF ATOMS, which a broken file may inflate
        List<String[]> rows = new ArrayList<>(Math.min(f.atoms, 1024));
        for (int a = 0; a < f.atoms; a++) {
            String line = lines.next();
            if (line == null) {
                truncated(f, "after " + a + " of its " + f.atoms + " atom lines");
                return false;
            }
            String[] t = Tokens.split(line);
            if (t.length != columns.width) {
                throw lines.error("atom " + (a + 1) + " of " + f.atoms + " (snapshot at line " + f.start + "): expected "
                        + columns.width + " columns (" + header + "), found " + t.length
                        + (t.length > 0 && t[0].startsWith("ITEM:") ? " (the snapshot has fewer atoms than its NUMBER "
                        + "OF ATOMS)" : ""));
            }
            rows.add(t);
        }
        f.rows = rows.toArray(new String[0][]);
        return true;
    }

    private Configuration label(Frame f) {
        int n = f.atoms;
        Columns c = columns;
        int firstAtomLine = lines.line() - n + 1;
        Integer[] order = new Integer[n];
        long[] ids = new long[n];
        for (int a = 0; a < n; a++) {
            order[a] = a;
            if (c.id >= 0) {
                ids[a] = parseId(f.rows[a][c.id], firstAtomLine + a);
            }
        }
        if (c.id >= 0) {
            Arrays.sort(order, (p, q) -> Long.compare(ids[p], ids[q]));
            for (int k = 1; k < n; k++) {
                if (ids[order[k]] == ids[order[k - 1]]) {
                    throw lines.error(firstAtomLine + order[k], "atom id " + ids[order[k]] + " appears twice in the "
                            + "snapshot at line " + f.start);
                }
            }
        }
        Box box = f.box;
        double[] lat = box.lattice();
        String[] symbols = new String[n];
        double[] pos = new double[3 * n];
        double[] forces = c.fx >= 0 ? new double[3 * n] : null;
        double energySum = 0;
        double[] stressSum = c.stress != null ? new double[6] : null;
        for (int k = 0; k < n; k++) {
            int a = order[k];
            String[] t = f.rows[a];
            int line = firstAtomLine + a;
            symbols[k] = symbol(t, line);
            double[] r = new double[3];
            for (int d = 0; d < 3; d++) {
                r[d] = number(t[c.pos + d], line, c.posNames[d]);
            }
            for (int d = 0; d < 3; d++) {
                pos[3 * k + d] = c.scaled ? r[0] * lat[d] + r[1] * lat[3 + d] + r[2] * lat[6 + d] : r[d] - box.origin()[d];
            }
            if (forces != null) {
                for (int d = 0; d < 3; d++) {
                    forces[3 * k + d] = number(t[c.fx + d], line, "f" + "xyz".charAt(d));
                }
            }
            if (c.energy >= 0) {
                energySum += number(t[c.energy], line, options.energyColumn());
            }
            if (stressSum != null) {
                for (int s = 0; s < 6; s++) {
                    stressSum[s] += number(t[c.stress[s]], line, options.stressColumns().get(s));
                }
            }
        }
        Cell cell;
        try {
            cell = new Cell(lat, box.pbc());
        } catch (IllegalArgumentException e) {
            throw lines.error(f.start, "snapshot at step " + f.step + ": " + e.getMessage());
        }
        Double energy = c.energy >= 0 ? energySum : null;
        double[] virial = stressSum == null ? null : VirialUnits.fromLammpsAtomStressSum(stressSum);
        if (thermo != null) {
            LammpsThermoIndex.Row row = thermo.take(f.step);
            if (row == null) {
                switch (options.unmatched()) {
                    case SKIP -> {
                        return null;
                    }
                    case UNLABELLED -> {
                    }
                    default -> throw lines.error(f.start, "the snapshot at step " + f.step + " has no thermo row in "
                            + thermo.name() + " (print thermo at every dumped step, or choose unmatched = skip or "
                            + "unlabelled)");
                }
            } else {
                if (energy == null) {
                    if (Double.isNaN(row.energy())) {
                        throw Uf3FormatException.atLine(thermo.name(), row.line(), "thermo row at step " + f.step
                                + " has no finite " + thermo.energyDescription() + " (columns: "
                                + String.join(" ", row.columns()) + ")");
                    }
                    energy = row.normalized() ? row.energy() * n : row.energy();
                }
                if (row.pressure() != null) {
                    for (int k = 0; k < 6; k++) {
                        if (Double.isNaN(row.pressure()[k])) {
                            throw Uf3FormatException.atLine(thermo.name(), row.line(), "thermo row at step " + f.step
                                    + " has no finite " + options.logVirialColumns().get(k) + " (columns: "
                                    + String.join(" ", row.columns()) + ")");
                        }
                    }
                    virial = VirialUnits.fromLammpsPressureBar(row.pressure(), cell.volume());
                }
            }
        }
        if (virial != null && box.rotation() != null) {
            virial = VirialUnits.rotate(virial, box.rotation());
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("timestep", Long.toString(f.step));
        return new Configuration(new Structure(symbols, pos, cell), energy, forces, virial, options.configType(),
                lines.name() + ":" + f.start, info);
    }

    private String symbol(String[] t, int line) {
        Columns c = columns;
        if (c.element >= 0) {
            String raw = t[c.element];
            String s = raw.isEmpty() ? raw : raw.substring(0, 1).toUpperCase(Locale.ROOT)
                    + raw.substring(1).toLowerCase(Locale.ROOT);
            if (!Elements.isElement(s)) {
                throw lines.error(line, "element column is '" + raw + "', expected a chemical element symbol");
            }
            return s;
        }
        Integer type = Tokens.parseIntOrNull(t[c.type]);
        if (type == null || type < 1) {
            throw lines.error(line, "expected an atom type (1, 2, ...), found '" + t[c.type] + "'");
        }
        List<String> map = options.typeElements();
        if (map == null || type > map.size()) {
            throw lines.error(line, "atom type " + type + " has no element: " + (map == null ? "give the elements of "
                    + "the atom types (typeElements, like pair_coeff * * file El1 El2 ...)" : "the element map has only "
                    + map.size() + " type(s)") + " or dump an element column (dump_modify element)");
        }
        return map.get(type - 1);
    }

    private double number(String token, int line, String what) {
        double v = Tokens.parseOrNaN(token);
        if (Double.isNaN(v)) {
            throw lines.error(line, "expected a finite number for " + what + ", found '" + token + "'");
        }
        return v;
    }

    private long parseId(String token, int line) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw lines.error(line, "expected an atom id (integer), found '" + token + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] scale(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    /** Where the needed quantities are in an ATOMS line. */
    private static final class Columns {
        int width;
        int id = -1;
        int type = -1;
        int element = -1;
        int pos = -1;
        String[] posNames;
        boolean scaled;
        int fx = -1;
        int energy = -1;
        int[] stress;

        static Columns resolve(String[] names, LammpsDumpOptions o, NumberedLines where) {
            List<String> list = Arrays.asList(names);
            Columns c = new Columns();
            c.width = names.length;
            c.id = list.indexOf("id");
            c.type = list.indexOf("type");
            c.element = list.indexOf("element");
            if (c.type < 0 && c.element < 0) {
                throw where.error("ITEM: ATOMS has neither a 'type' nor an 'element' column (found " + String.join(" ",
                        names) + ")");
            }
            String[][] choices = {{"x", "y", "z"}, {"xu", "yu", "zu"}, {"xs", "ys", "zs"}, {"xsu", "ysu", "zsu"}};
            for (int k = 0; k < choices.length && c.pos < 0; k++) {
                int i = consecutive(list, choices[k], where);
                if (i >= 0) {
                    c.pos = i;
                    c.posNames = choices[k];
                    c.scaled = k >= 2;
                }
            }
            if (c.pos < 0) {
                throw where.error("ITEM: ATOMS has no positions: expected columns x y z, xu yu zu, xs ys zs or xsu ysu "
                        + "zsu (found " + String.join(" ", names) + ")");
            }
            c.fx = consecutive(list, new String[] {"fx", "fy", "fz"}, where);
            if (c.fx < 0 && (list.contains("fx") || list.contains("fy") || list.contains("fz"))) {
                throw where.error("ITEM: ATOMS has only some of fx fy fz");
            }
            if (o.energyColumn() != null) {
                c.energy = list.indexOf(o.energyColumn());
                if (c.energy < 0) {
                    throw where.error("ITEM: ATOMS has no per-atom energy column '" + o.energyColumn() + "' (found "
                            + String.join(" ", names) + ")");
                }
            }
            if (o.stressColumns() != null) {
                c.stress = new int[6];
                for (int k = 0; k < 6; k++) {
                    c.stress[k] = list.indexOf(o.stressColumns().get(k));
                    if (c.stress[k] < 0) {
                        throw where.error("ITEM: ATOMS has no per-atom stress column '" + o.stressColumns().get(k)
                                + "' (found " + String.join(" ", names) + ")");
                    }
                }
            }
            return c;
        }

        /** Index of the first of three adjacent columns (e.g. x y z), −1 when absent; an error when scattered. */
        private static int consecutive(List<String> list, String[] three, NumberedLines where) {
            int i = list.indexOf(three[0]);
            int j = list.indexOf(three[1]);
            int k = list.indexOf(three[2]);
            if (i < 0 && j < 0 && k < 0) {
                return -1;
            }
            if (i < 0 || j != i + 1 || k != i + 2) {
                if (i >= 0 && j >= 0 && k >= 0) {
                    throw where.error("ITEM: ATOMS: columns " + String.join(" ", three) + " must be adjacent and in "
                            + "this order");
                }
                return -1;
            }
            return i;
        }
    }
}

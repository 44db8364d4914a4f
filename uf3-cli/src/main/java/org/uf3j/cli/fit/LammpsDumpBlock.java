package org.uf3j.cli.fit;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.uf3j.core.io.lammps.LammpsDumpOptions;
import org.uf3j.core.io.lammps.LammpsLogReader;
import org.uf3j.core.model.Elements;

/**
 * The {@code lammps_dump} block of a data entry: how to turn a LAMMPS dump (+ log) into labelled
 * configurations. Checked against the files themselves where that is cheap (the first
 * {@code ITEM: ATOMS} header of the dump, the first thermo table of the log), so that a missing
 * type map or a misspelt column is reported against its key before anything is read in full.
 */
final class LammpsDumpBlock {
    static final Set<String> KEYS = Set.of("types", "energy_column", "log", "log_energy_column", "log_virial_columns",
            "stress_columns", "unmatched", "config_type", "allow_incomplete");
    /** Lines of a dump searched for the first ITEM: ATOMS header (a snapshot header is 9 lines). */
    private static final int HEADER_LINES = 1000;

    private LammpsDumpBlock() {
    }

    /**
     * Reads and checks the block {@code n} (which must be present) for the dump {@code dump};
     * relative paths are resolved against {@code base}.
     */
    static LammpsDumpOptions read(Node n, Path dump, Path base) {
        n.onlyKeys(KEYS);
        List<String> types = types(n.get("types"));
        String energyColumn = column(n.get("energy_column"));
        Node logNode = n.get("log");
        Path log = null;
        if (!logNode.isMissing()) {
            log = base.resolve(logNode.text()).normalize();
            if (!Files.exists(log)) {
                throw logNode.error("file not found: " + log);
            }
            if (Files.isDirectory(log)) {
                throw logNode.error("is a directory, expected a LAMMPS log file: " + log);
            }
        }
        String logEnergyColumn = column(n.get("log_energy_column"));
        List<String> logVirial = sixColumns(n.get("log_virial_columns"), "c_pv", "compute pv all pressure NULL virial");
        List<String> stress = sixColumns(n.get("stress_columns"), "c_s", "compute s all stress/atom NULL virial");
        LammpsDumpOptions.Unmatched unmatched = unmatched(n.get("unmatched"));
        String configType = n.get("config_type").text(null);
        if (configType != null && configType.isBlank()) {
            throw n.get("config_type").error("expected a config_type name, found an empty text");
        }
        boolean allowIncomplete = n.get("allow_incomplete").bool(false);

        if (log == null) {
            for (String k : List.of("log_energy_column", "log_virial_columns", "unmatched")) {
                if (!n.get(k).isMissing()) {
                    throw n.get(k).error("needs the LAMMPS log whose thermo rows it refers to: give "
                            + n.path() + ".log");
                }
            }
        }
        if (energyColumn != null && logEnergyColumn != null) {
            throw n.error("two energy sources: give either energy_column (per-atom energies in the dump, summed) or "
                    + "log_energy_column (a thermo column of the log), not both");
        }
        if (logVirial != null && stress != null) {
            throw n.error("two virial sources: give either log_virial_columns (thermo pressure tensor) or stress_columns "
                    + "(per-atom stress in the dump), not both");
        }
        if (energyColumn == null && log == null) {
            throw n.error("no energy source: give energy_column (a per-atom energy column of the dump, e.g. c_pe of "
                    + "compute pe/atom) or log (the LAMMPS log whose thermo rows hold PotEng at the dumped steps)");
        }

        List<String> header = atomsHeader(dump);
        if (header != null) {
            if (!header.contains("element") && types == null) {
                throw n.get("types").error("missing: the dump has no element column (ITEM: ATOMS " + String.join(" ", header)
                        + "); give the elements of atom types 1, 2, ... in the order of pair_coeff * * FILE El1 El2 ..., "
                        + "e.g. types: [W, Mo]");
            }
            if (energyColumn != null && !header.contains(energyColumn)) {
                throw n.get("energy_column").error("the dump has no column '" + energyColumn + "' (ITEM: ATOMS "
                        + String.join(" ", header) + ")");
            }
            if (stress != null) {
                for (String s : stress) {
                    if (!header.contains(s)) {
                        throw n.get("stress_columns").error("the dump has no column '" + s + "' (ITEM: ATOMS "
                                + String.join(" ", header) + ")");
                    }
                }
            }
        }
        if (log != null) {
            List<String> thermo = thermoColumns(log, logNode);
            if (energyColumn == null) {
                if (logEnergyColumn != null && !thermo.contains(logEnergyColumn)) {
                    throw n.get("log_energy_column").error("the log's thermo table has no column '" + logEnergyColumn
                            + "' (columns: " + String.join(" ", thermo) + ")");
                }
                if (logEnergyColumn == null && !thermo.contains("PotEng") && !thermo.contains("E_pair")) {
                    throw logNode.error("the log's thermo table has neither PotEng nor E_pair (columns: "
                            + String.join(" ", thermo) + "): add pe to thermo_style custom, or name the column with "
                            + n.path() + ".log_energy_column");
                }
            }
            if (logVirial != null) {
                for (String s : logVirial) {
                    if (!thermo.contains(s)) {
                        throw n.get("log_virial_columns").error("the log's thermo table has no column '" + s
                                + "' (columns: " + String.join(" ", thermo) + ")");
                    }
                }
            }
        }
        try {
            return new LammpsDumpOptions(types, energyColumn, log, logEnergyColumn, logVirial, stress, unmatched,
                    configType, allowIncomplete);
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage()); // every rule is checked above; kept for the library's own checks
        }
    }

    private static List<String> types(Node n) {
        if (n.isMissing()) {
            return null;
        }
        if (n.isObject()) {
            throw n.error("expected a list of element symbols (of atom types 1, 2, ...), e.g. [W, Mo], found a mapping");
        }
        List<Node> items = n.isArray() ? n.items() : List.of(n);
        if (items.isEmpty()) {
            throw n.error("expected a list of element symbols (of atom types 1, 2, ...), e.g. [W, Mo], found an empty list");
        }
        List<String> out = new ArrayList<>();
        for (Node item : items) {
            if (!item.isText()) {
                throw (n.isArray() ? item : n).error("expected a list of element symbols (of atom types 1, 2, ...), "
                        + "e.g. [W, Mo], found " + item.describe() + (n.isArray() ? " as an item" : ""));
            }
            String s = item.text().trim();
            if (!Elements.isElement(s)) {
                throw item.error("'" + s + "' is not a chemical element symbol (atom type " + (out.size() + 1) + ")");
            }
            out.add(s);
        }
        return out;
    }

    private static String column(Node n) {
        if (n.isMissing()) {
            return null;
        }
        if (n.isArray() || n.isObject()) {
            throw n.error("expected one column name, found " + n.describe());
        }
        String s = n.text().trim();
        if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
            throw n.error("expected one column name (no spaces), found '" + s + "'");
        }
        return s;
    }

    /** Six column names, xx yy zz xy xz yz: a list of six, or one prefix P meaning P[1] ... P[6]. */
    private static List<String> sixColumns(Node n, String example, String compute) {
        if (n.isMissing()) {
            return null;
        }
        String expected = "expected the 6 columns xx yy zz xy xz yz of '" + compute + "' as a list, or their prefix ("
                + example + " for " + example + "[1] ... " + example + "[6])";
        if (n.isObject()) {
            throw n.error(expected + ", found a mapping");
        }
        if (!n.isArray()) {
            return LammpsDumpOptions.columns(column(n));
        }
        List<Node> items = n.items();
        if (items.size() != 6) {
            throw n.error(expected + ", found a list of " + items.size());
        }
        List<String> out = new ArrayList<>();
        for (Node item : items) {
            out.add(column(item));
        }
        return out;
    }

    private static LammpsDumpOptions.Unmatched unmatched(Node n) {
        if (n.isMissing()) {
            return LammpsDumpOptions.Unmatched.ERROR;
        }
        String s = n.text().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "error" -> LammpsDumpOptions.Unmatched.ERROR;
            case "skip" -> LammpsDumpOptions.Unmatched.SKIP;
            case "unlabelled", "unlabeled" -> LammpsDumpOptions.Unmatched.UNLABELLED;
            default -> throw n.error("expected error, skip or unlabelled, found '" + n.text() + "'");
        };
    }

    /** The column names of the dump's first ITEM: ATOMS line, or null when none is found near the start. */
    static List<String> atomsHeader(Path dump) {
        try (BufferedReader r = open(dump)) {
            String line;
            for (int k = 0; k < HEADER_LINES && (line = r.readLine()) != null; k++) {
                String t = line.trim();
                if (t.startsWith("ITEM: ATOMS")) {
                    String cols = t.substring("ITEM: ATOMS".length()).trim();
                    return cols.isEmpty() ? List.of() : Arrays.asList(cols.split("\\s+"));
                }
            }
            return null;
        } catch (IOException e) {
            return null; // the reader reports unreadable files with the file name
        }
    }

    /** The columns of the log's first thermo table. */
    private static List<String> thermoColumns(Path log, Node where) {
        try (LammpsLogReader r = LammpsLogReader.open(log)) {
            if (!r.hasNext()) {
                throw where.error("no thermo table with a 'Step' column in " + log + " (thermo_style one or custom; "
                        + "thermo_modify line multi/yaml is not read)");
            }
            return r.next().columns();
        } catch (IOException e) {
            throw where.error("cannot read " + log + ": " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof ConfigException) {
                throw e;
            }
            throw where.error(org.uf3j.cli.ErrorMessages.describe(e));
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream text = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in) : in;
        return new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8));
    }
}

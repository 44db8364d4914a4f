package org.uf3j.cli.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.uf3j.core.io.TrainingData;
import org.uf3j.core.io.TrainingFormat;
import org.uf3j.core.io.lammps.LammpsDumpOptions;

/**
 * The {@code data} section: the data files in order, and the config_type weights their entries
 * give (one weight per config_type across all entries).
 */
public record DataSection(List<DataEntry> entries, Map<String, Double> configTypeWeights) {
    /** Keys of one entry. */
    static final Set<String> KEYS = Set.of("path", "format", "energy_key", "forces_key", "config_type_weights",
            "lammps_dump");
    /** Training-data formats an entry may name (lammps-dump with its {@code lammps_dump} block). */
    static final List<String> FORMATS = List.of("extxyz", "vasprun", "outcar", "lammps-dump", "fitsnap-json", "auto");

    /** Reads the required list (or one entry); relative paths resolve against {@code base}. */
    static DataSection read(Node n, Path base) {
        if (n.isMissing()) {
            throw n.error("missing (required): give a list of data files, e.g. data: [{path: train.xyz}]");
        }
        List<Node> items = n.isArray() ? n.items() : List.of(n);
        if (items.isEmpty()) {
            throw n.error("expected at least one data file");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, String> weightSource = new LinkedHashMap<>();
        List<DataEntry> out = new ArrayList<>();
        for (Node item : items) {
            String pathText;
            String format = "extxyz";
            String energyKey = null;
            String forcesKey = null;
            Node dumpBlock = null;
            Node where = item;
            if (item.isObject()) {
                item.onlyKeys(KEYS);
                where = item.get("path");
                pathText = where.text();
                format = item.get("format").text("extxyz").trim().toLowerCase(Locale.ROOT);
                if (format.equals("xyz") || format.equals("ext-xyz") || format.equals("extended-xyz")) {
                    format = "extxyz";
                }
                if (format.equals("lammps_dump") || format.equals("dump")) {
                    format = "lammps-dump";
                }
                if (format.equals("fitsnap") || format.equals("fitsnap_json")) {
                    format = "fitsnap-json";
                }
                if (!FORMATS.contains(format)) {
                    throw item.get("format").error("format '" + format + "' is not supported by this version; "
                            + "supported: " + FORMATS);
                }
                energyKey = item.get("energy_key").text(null);
                forcesKey = item.get("forces_key").text(null);
                dumpBlock = item.get("lammps_dump");
                Node w = item.get("config_type_weights");
                if (!w.isMissing()) {
                    for (Map.Entry<String, Node> e : w.entries().entrySet()) {
                        double v = e.getValue().number();
                        if (v < 0) {
                            throw e.getValue().error("weight must be >= 0, got " + v);
                        }
                        Double old = weights.put(e.getKey(), v);
                        if (old != null && old != v) {
                            throw e.getValue().error("config_type " + e.getKey() + " already has weight " + old
                                    + " from " + weightSource.get(e.getKey()));
                        }
                        weightSource.put(e.getKey(), e.getValue().path());
                    }
                }
            } else {
                pathText = item.text();
            }
            Path p = base.resolve(pathText).normalize();
            if (!Files.exists(p)) {
                throw where.error("file not found: " + p);
            }
            if (Files.isDirectory(p) && format.equals("auto")) {
                format = "fitsnap-json"; // FitSNAP's layout: a directory of group directories
            }
            if (Files.isDirectory(p) && !format.equals("fitsnap-json")) {
                throw where.error("is a directory, expected a data file (or format: fitsnap-json): " + p);
            }
            LammpsDumpOptions dump = null;
            if (format.equals("auto") && isLammpsDump(p)) {
                format = "lammps-dump";
                if (dumpBlock.isMissing()) {
                    throw where.error("is a LAMMPS dump (format: auto): add a lammps_dump block with its energy "
                            + "source (energy_column or log) and, unless the dump has an element column, types");
                }
            }
            if (format.equals("lammps-dump")) {
                if (dumpBlock.isMissing()) {
                    throw dumpBlock.error("missing (required with format lammps-dump): give the energy source "
                            + "(energy_column or log) and, unless the dump has an element column, types");
                }
                for (String k : List.of("energy_key", "forces_key")) {
                    if (!item.get(k).isMissing()) {
                        throw item.get(k).error("is a key of extended XYZ files; a LAMMPS dump takes its energy from "
                                + "lammps_dump.energy_column or lammps_dump.log, and its forces from fx fy fz");
                    }
                }
                dump = LammpsDumpBlock.read(dumpBlock, p, base);
            } else if (dumpBlock != null && !dumpBlock.isMissing()) {
                throw dumpBlock.error("applies to LAMMPS dumps only, but " + (format.equals("auto")
                        ? where.path() + " is not one (format: auto)" : "the format is " + format)
                        + "; use format: lammps-dump");
            }
            out.add(new DataEntry(p, format, energyKey, forcesKey, dump, where.path()));
        }
        return new DataSection(out, weights);
    }

    /** Whether a file's content is a LAMMPS dump (undecidable content is left to the reader to report). */
    private static boolean isLammpsDump(Path p) {
        try {
            return TrainingData.detect(p) == TrainingFormat.LAMMPS_DUMP;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}

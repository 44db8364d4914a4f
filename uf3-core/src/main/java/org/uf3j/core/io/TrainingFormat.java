package org.uf3j.core.io;

import java.util.Locale;

/** The training-data file formats {@link TrainingData} reads, and "auto" (decide from the content). */
public enum TrainingFormat {
    /** Extended XYZ, every dialect {@link org.uf3j.core.io.extxyz.ExtXyzReader} accepts. */
    EXTXYZ("extxyz"),
    /** VASP vasprun.xml. */
    VASPRUN("vasprun"),
    /** VASP OUTCAR. */
    OUTCAR("outcar"),
    /** LAMMPS text dump (dump custom / atom), optionally labelled by a log file. */
    LAMMPS_DUMP("lammps-dump"),
    /** FitSNAP JSON: a directory of group directories of JSON files, or one file. */
    FITSNAP_JSON("fitsnap-json"),
    /** Sniff the first few kilobytes of the file (see {@link TrainingData#detect}). */
    AUTO("auto");

    private final String id;

    TrainingFormat(String id) {
        this.id = id;
    }

    /** The name used in configuration files: extxyz, vasprun, outcar, lammps-dump, fitsnap-json, auto. */
    public String id() {
        return id;
    }

    /**
     * Parses a format name (any letter case): the {@link #id()}s and the aliases xyz, ext-xyz,
     * extended-xyz, vasprun.xml, vasp-xml, vasp-outcar, dump, lammps, lammps_dump, fitsnap, fitsnap_json.
     */
    public static TrainingFormat parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "extxyz", "xyz", "ext-xyz", "extended-xyz" -> EXTXYZ;
            case "vasprun", "vasprun.xml", "vasp-xml" -> VASPRUN;
            case "outcar", "vasp-outcar" -> OUTCAR;
            case "lammps-dump", "lammps_dump", "dump", "lammps" -> LAMMPS_DUMP;
            case "fitsnap-json", "fitsnap_json", "fitsnap" -> FITSNAP_JSON;
            case "auto" -> AUTO;
            default -> throw new IllegalArgumentException("unknown training-data format '" + name + "'; supported: "
                    + "extxyz, vasprun, outcar, lammps-dump, fitsnap-json, auto");
        };
    }

    @Override
    public String toString() {
        return id;
    }
}

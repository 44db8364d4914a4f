package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.cli.fit.ConfigException;
import org.uf3j.cli.fit.DataEntry;
import org.uf3j.cli.fit.FitConfig;
import org.uf3j.core.io.lammps.LammpsDumpOptions;

/**
 * The {@code lammps_dump} block of a {@code uf3 fit} data entry: what it parses to, and one exact
 * message (file, key path, what is wrong) for every mistake it refuses.
 */
class FitConfigLammpsDumpTest {
    @TempDir
    Path dir;
    Path config;

    /** Two snapshots of a W/Mo pair in LAMMPS' dump custom layout, atom types only. */
    static final String TYPE_DUMP = """
            ITEM: TIMESTEP
            0
            ITEM: NUMBER OF ATOMS
            2
            ITEM: BOX BOUNDS pp pp pp
            0.0000000000000000e+00 3.2000000000000002e+00
            0.0000000000000000e+00 3.2000000000000002e+00
            0.0000000000000000e+00 3.2000000000000002e+00
            ITEM: ATOMS id type x y z fx fy fz c_pe c_s[1] c_s[2] c_s[3] c_s[4] c_s[5] c_s[6]
            1 1 0 0 0 0.5 0 0 -4.5 -1e5 -1e5 -1e5 0 0 0
            2 2 1.7 1.6 1.6 -0.5 0 0 -4.25 -1e5 -1e5 -1e5 0 0 0
            ITEM: TIMESTEP
            10
            ITEM: NUMBER OF ATOMS
            2
            ITEM: BOX BOUNDS pp pp pp
            0.0000000000000000e+00 3.2000000000000002e+00
            0.0000000000000000e+00 3.2000000000000002e+00
            0.0000000000000000e+00 3.2000000000000002e+00
            ITEM: ATOMS id type x y z fx fy fz c_pe c_s[1] c_s[2] c_s[3] c_s[4] c_s[5] c_s[6]
            1 1 0.1 0 0 0.25 0 0 -4.5 -1e5 -1e5 -1e5 0 0 0
            2 2 1.6 1.6 1.6 -0.25 0 0 -4.5 -1e5 -1e5 -1e5 0 0 0
            """;

    /** The same with an element column (dump_modify element). */
    static final String ELEMENT_DUMP = """
            ITEM: TIMESTEP
            0
            ITEM: NUMBER OF ATOMS
            2
            ITEM: BOX BOUNDS pp pp pp
            0 3.2
            0 3.2
            0 3.2
            ITEM: ATOMS id element x y z fx fy fz
            1 W 0 0 0 0.5 0 0
            2 Mo 1.7 1.6 1.6 -0.5 0 0
            """;

    static final String LOG = """
            LAMMPS (4 Feb 2025)
            units           metal
               Step          PotEng        c_pv[1]        c_pv[2]        c_pv[3]        c_pv[4]        c_pv[5]        c_pv[6]
                     0   -8.75   1000   1000   1000   0   0   0
                    10   -9   900   900   900   0   0   0
            Loop time of 0.001 on 1 procs for 10 steps with 2 atoms
            """;

    static final String XYZ = """
            1
            Lattice="3 0 0 0 3 0 0 0 3" Properties=species:S:1:pos:R:3:forces:R:3 energy=-1.5 pbc="T T T"
            W 0 0 0 0 0 0
            """;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("runs"));
        Files.writeString(dir.resolve("runs/wmo.dump"), TYPE_DUMP);
        Files.writeString(dir.resolve("runs/el.dump"), ELEMENT_DUMP);
        Files.writeString(dir.resolve("runs/log.lammps"), LOG);
        Files.writeString(dir.resolve("runs/no-thermo.log"), "LAMMPS (4 Feb 2025)\nunits metal\nTotal wall time: 0:00:00\n");
        Files.writeString(dir.resolve("runs/temp.log"), "LAMMPS (4 Feb 2025)\n   Step   Temp\n   0   300\n   10   310\n"
                + "Loop time of 0.1 on 1 procs for 10 steps with 2 atoms\n");
        Files.writeString(dir.resolve("train.xyz"), XYZ);
        config = dir.resolve("config.yaml");
    }

    /** A configuration with one data entry (the YAML lines of its mapping, indented by 4) and fixed knots. */
    private static String yaml(String entry) {
        return "data:\n  - " + entry.strip().replace("\n", "\n    ") + "\n"
                + "two_body: {r_min: 1.5, r_max: 5.0, resolution: 6}\n";
    }

    private DataEntry parse(String entry) {
        FitConfig c = FitConfig.parse(yaml(entry), config);
        assertEquals(1, c.data().entries().size());
        return c.data().entries().get(0);
    }

    /** Asserts that the entry is refused with exactly "CONFIG: what". */
    private void refused(String entry, String what) {
        ConfigException e = assertThrows(ConfigException.class, () -> FitConfig.parse(yaml(entry), config), entry);
        assertEquals(config + ": " + what, e.getMessage());
    }

    @Test
    void logLabelsWithATypeMapAndEveryOption() {
        DataEntry s = parse("""
                path: runs/wmo.dump
                format: lammps-dump
                lammps_dump:
                  types: [W, Mo]
                  log: runs/log.lammps
                  log_energy_column: PotEng
                  log_virial_columns: c_pv
                  unmatched: skip
                  config_type: md_300
                  allow_incomplete: true
                """);
        assertEquals("lammps-dump", s.format());
        assertEquals(dir.resolve("runs/wmo.dump"), s.path());
        assertEquals("data[0].path", s.key());
        LammpsDumpOptions o = s.lammpsDump();
        assertEquals(List.of("W", "Mo"), o.typeElements(), "atom type order kept (type 1 = W), not sorted by Z");
        assertEquals(dir.resolve("runs/log.lammps"), o.log(), "relative to the configuration file");
        assertEquals("PotEng", o.logEnergyColumn());
        assertEquals(List.of("c_pv[1]", "c_pv[2]", "c_pv[3]", "c_pv[4]", "c_pv[5]", "c_pv[6]"), o.logVirialColumns());
        assertNull(o.energyColumn());
        assertNull(o.stressColumns());
        assertEquals(LammpsDumpOptions.Unmatched.SKIP, o.unmatched());
        assertEquals("md_300", o.configType());
        assertTrue(o.allowIncomplete());
    }

    @Test
    void perAtomColumnsDefaultsAndAliases() {
        LammpsDumpOptions o = parse("""
                path: runs/wmo.dump
                format: dump
                lammps_dump: {types: W, energy_column: c_pe,
                              stress_columns: ['c_s[1]', 'c_s[2]', 'c_s[3]', 'c_s[4]', 'c_s[5]', 'c_s[6]']}
                """).lammpsDump();
        assertEquals(List.of("W"), o.typeElements(), "one symbol is a one-type map");
        assertEquals("c_pe", o.energyColumn());
        assertEquals(LammpsDumpOptions.columns("c_s"), o.stressColumns());
        assertNull(o.log());
        assertEquals(LammpsDumpOptions.Unmatched.ERROR, o.unmatched());
        assertNull(o.configType());
        assertFalse(o.allowIncomplete());
        // the unlabeled spelling, and a dump with an element column needs no type map
        o = parse("""
                path: runs/el.dump
                format: LAMMPS_DUMP
                lammps_dump: {log: runs/log.lammps, unmatched: Unlabeled}
                """).lammpsDump();
        assertNull(o.typeElements());
        assertEquals(LammpsDumpOptions.Unmatched.UNLABELLED, o.unmatched());
    }

    @Test
    void autoRecognisesADumpWhenTheBlockIsThere() {
        DataEntry s = parse("""
                path: runs/wmo.dump
                format: auto
                lammps_dump: {types: [W, Mo], log: runs/log.lammps}
                """);
        assertEquals("lammps-dump", s.format());
        assertEquals(List.of("W", "Mo"), s.lammpsDump().typeElements());
        DataEntry xyz = parse("""
                path: train.xyz
                format: auto
                """);
        assertEquals("auto", xyz.format());
        assertNull(xyz.lammpsDump());
    }

    @Test
    void blockShapeAndFormatMistakes() {
        refused("""
                path: runs/wmo.dump
                format: lammps-dump
                """, "data[0].lammps_dump: missing (required with format lammps-dump): give the energy source "
                + "(energy_column or log) and, unless the dump has an element column, types");
        refused("""
                path: runs/wmo.dump
                format: auto
                """, "data[0].path: is a LAMMPS dump (format: auto): add a lammps_dump block with its energy source "
                + "(energy_column or log) and, unless the dump has an element column, types");
        refused("""
                path: train.xyz
                lammps_dump: {types: [W], energy_column: c_pe}
                """, "data[0].lammps_dump: applies to LAMMPS dumps only, but the format is extxyz; use format: lammps-dump");
        refused("""
                path: train.xyz
                format: auto
                lammps_dump: {types: [W], energy_column: c_pe}
                """, "data[0].lammps_dump: applies to LAMMPS dumps only, but data[0].path is not one (format: auto); "
                + "use format: lammps-dump");
        refused("""
                path: runs/wmo.dump
                format: lammps
                """, "data[0].format: format 'lammps' is not supported by this version; supported: "
                + "[extxyz, vasprun, outcar, lammps-dump, fitsnap-json, auto]");
        refused("""
                path: runs/wmo.dump
                format: lammps-dump
                lammps_dump: [W, Mo]
                """, "data[0].lammps_dump: expected a mapping of keys to values, found a list");
        refused("""
                path: runs/wmo.dump
                format: lammps-dump
                lammps_dump: {typ: [W, Mo], log: runs/log.lammps}
                """, "data[0].lammps_dump.typ: unknown key (did you mean 'types'?); expected one of [allow_incomplete, "
                + "config_type, energy_column, log, log_energy_column, log_virial_columns, stress_columns, types, unmatched]");
        refused("""
                path: runs/wmo.dump
                format: lammps-dump
                energy_key: c_pe
                lammps_dump: {types: [W, Mo], log: runs/log.lammps}
                """, "data[0].energy_key: is a key of extended XYZ files; a LAMMPS dump takes its energy from "
                + "lammps_dump.energy_column or lammps_dump.log, and its forces from fx fy fz");
    }

    @Test
    void typeMapMistakes() {
        String head = "path: runs/wmo.dump\nformat: lammps-dump\nlammps_dump:\n  log: runs/log.lammps\n";
        String expected = "expected a list of element symbols (of atom types 1, 2, ...), e.g. [W, Mo], found ";
        refused(head + "  types: {1: W, 2: Mo}\n", "data[0].lammps_dump.types: " + expected + "a mapping");
        refused(head + "  types: 74\n", "data[0].lammps_dump.types: " + expected + "74");
        refused(head + "  types: []\n", "data[0].lammps_dump.types: " + expected + "an empty list");
        refused(head + "  types: [W, [Mo]]\n", "data[0].lammps_dump.types[1]: " + expected + "a list as an item");
        refused(head + "  types: [W, Xx]\n", "data[0].lammps_dump.types[1]: 'Xx' is not a chemical element symbol "
                + "(atom type 2)");
        refused(head, "data[0].lammps_dump.types: missing: the dump has no element column (ITEM: ATOMS id type x y z fx "
                + "fy fz c_pe c_s[1] c_s[2] c_s[3] c_s[4] c_s[5] c_s[6]); give the elements of atom types 1, 2, ... in the "
                + "order of pair_coeff * * FILE El1 El2 ..., e.g. types: [W, Mo]");
    }

    @Test
    void energyAndVirialSourceMistakes() {
        String head = "path: runs/wmo.dump\nformat: lammps-dump\nlammps_dump:\n  types: [W, Mo]\n";
        refused(head + "  config_type: md\n", "data[0].lammps_dump: no energy source: give energy_column (a per-atom "
                + "energy column of the dump, e.g. c_pe of compute pe/atom) or log (the LAMMPS log whose thermo rows hold "
                + "PotEng at the dumped steps)");
        refused(head + "  energy_column: c_pe\n  log: runs/log.lammps\n  log_energy_column: PotEng\n",
                "data[0].lammps_dump: two energy sources: give either energy_column (per-atom energies in the dump, "
                        + "summed) or log_energy_column (a thermo column of the log), not both");
        refused(head + "  log: runs/log.lammps\n  log_virial_columns: c_pv\n  stress_columns: c_s\n",
                "data[0].lammps_dump: two virial sources: give either log_virial_columns (thermo pressure tensor) or "
                        + "stress_columns (per-atom stress in the dump), not both");
        for (String key : List.of("log_energy_column: PotEng", "log_virial_columns: c_pv", "unmatched: skip")) {
            refused(head + "  energy_column: c_pe\n  " + key + "\n", "data[0].lammps_dump." + key.split(":")[0]
                    + ": needs the LAMMPS log whose thermo rows it refers to: give data[0].lammps_dump.log");
        }
        refused(head + "  log: runs/missing.log\n", "data[0].lammps_dump.log: file not found: "
                + dir.resolve("runs/missing.log"));
        refused(head + "  log: runs\n", "data[0].lammps_dump.log: is a directory, expected a LAMMPS log file: "
                + dir.resolve("runs"));
        refused(head + "  log: runs/log.lammps\n  unmatched: maybe\n",
                "data[0].lammps_dump.unmatched: expected error, skip or unlabelled, found 'maybe'");
        refused(head + "  log: runs/log.lammps\n  log_virial_columns: [a, b, c]\n",
                "data[0].lammps_dump.log_virial_columns: expected the 6 columns xx yy zz xy xz yz of 'compute pv all "
                        + "pressure NULL virial' as a list, or their prefix (c_pv for c_pv[1] ... c_pv[6]), found a list of 3");
        refused(head + "  energy_column: c_pe\n  stress_columns: {xx: c_s1}\n",
                "data[0].lammps_dump.stress_columns: expected the 6 columns xx yy zz xy xz yz of 'compute s all "
                        + "stress/atom NULL virial' as a list, or their prefix (c_s for c_s[1] ... c_s[6]), found a mapping");
        refused(head + "  energy_column: [c_pe, c_ke]\n",
                "data[0].lammps_dump.energy_column: expected one column name, found a list");
        refused(head + "  energy_column: 'c pe'\n",
                "data[0].lammps_dump.energy_column: expected one column name (no spaces), found 'c pe'");
        refused(head + "  energy_column: c_pe\n  allow_incomplete: maybe\n",
                "data[0].lammps_dump.allow_incomplete: expected true or false, found 'maybe'");
        refused(head + "  energy_column: c_pe\n  config_type: ' '\n",
                "data[0].lammps_dump.config_type: expected a config_type name, found an empty text");
    }

    @Test
    void columnsAreCheckedAgainstTheDumpAndTheLog() {
        String head = "path: runs/wmo.dump\nformat: lammps-dump\nlammps_dump:\n  types: [W, Mo]\n";
        String atoms = "(ITEM: ATOMS id type x y z fx fy fz c_pe c_s[1] c_s[2] c_s[3] c_s[4] c_s[5] c_s[6])";
        String thermo = "(columns: Step PotEng c_pv[1] c_pv[2] c_pv[3] c_pv[4] c_pv[5] c_pv[6])";
        refused(head + "  energy_column: c_pea\n", "data[0].lammps_dump.energy_column: the dump has no column 'c_pea' "
                + atoms);
        refused(head + "  energy_column: c_pe\n  stress_columns: c_sa\n",
                "data[0].lammps_dump.stress_columns: the dump has no column 'c_sa[1]' " + atoms);
        refused(head + "  log: runs/log.lammps\n  log_energy_column: TotEng\n",
                "data[0].lammps_dump.log_energy_column: the log's thermo table has no column 'TotEng' " + thermo);
        refused(head + "  log: runs/log.lammps\n  log_virial_columns: c_p\n",
                "data[0].lammps_dump.log_virial_columns: the log's thermo table has no column 'c_p[1]' " + thermo);
        refused(head + "  log: runs/no-thermo.log\n", "data[0].lammps_dump.log: no thermo table with a 'Step' column in "
                + dir.resolve("runs/no-thermo.log") + " (thermo_style one or custom; thermo_modify line multi/yaml is not "
                + "read)");
        refused(head + "  log: runs/temp.log\n", "data[0].lammps_dump.log: the log's thermo table has neither PotEng nor "
                + "E_pair (columns: Step Temp): add pe to thermo_style custom, or name the column with "
                + "data[0].lammps_dump.log_energy_column");
        // a log without an energy column is fine when the energies come from the dump (the log then gives the virial)
        assertEquals(dir.resolve("runs/temp.log"), parse(head + "  energy_column: c_pe\n  log: runs/temp.log\n")
                .lammpsDump().log());
    }

    @Test
    void readingErrorsNameTheDataEntryAndTheTypeMap() throws IOException {
        Path out = dir.resolve("out");
        Files.writeString(config, "elements: [W]\n" + yaml("""
                path: runs/wmo.dump
                format: lammps-dump
                lammps_dump: {types: [W, Mo], log: runs/log.lammps}
                """));
        Cli.run("fit", config.toString(), "-o", out.toString()).assertError("fit", "config.yaml: data[0].path: "
                + dir.resolve("runs/wmo.dump") + ":1: element Mo is not one of the elements [W] (add it to 'elements' or "
                + "correct lammps_dump.types [W, Mo])");
        Files.writeString(config, yaml("""
                path: runs/wmo.dump
                format: lammps-dump
                lammps_dump: {types: [W], log: runs/log.lammps}
                """));
        Cli.run("fit", config.toString(), "-o", out.toString()).assertError("fit", "config.yaml: data[0].path: "
                + dir.resolve("runs/wmo.dump") + ":11: atom type 2 has no element: the element map has only 1 type(s)");
        assertFalse(Files.exists(out));
    }
}

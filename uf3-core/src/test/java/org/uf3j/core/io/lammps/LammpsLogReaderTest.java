package org.uf3j.core.io.lammps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.testing.IoFixtures;

/** Thermo tables of LAMMPS logs: io/lammps/log.nb_tri (written by LAMMPS 4Feb2025) and hand-made variants. */
class LammpsLogReaderTest {

    @Test
    void readsTheThermoTableOfARealLog() throws Exception {
        Path log = IoFixtures.path("lammps/log.nb_tri");
        List<LammpsLogReader.ThermoRow> rows = LammpsLogReader.readAll(log);
        assertEquals(5, rows.size());
        LammpsLogReader.ThermoRow r = rows.get(0);
        assertEquals(0, r.step());
        assertEquals(59, r.line());
        assertEquals("metal", r.units());
        assertFalse(r.normalized());
        assertEquals(13, r.columns().size());
        assertEquals(-67.518428964117, r.value("PotEng"), 0);
        assertEquals(-91591.7797042345, r.value("c_pv[6]"), 0);
        assertTrue(Double.isNaN(r.value("E_pair")));
        assertEquals(20, rows.get(4).step());
        assertEquals(0, rows.get(4).block());
    }

    @Test
    void blocksWarningsUnitsAndNormalization() {
        String log = """
                LAMMPS (4 Feb 2025)
                units lj
                thermo_modify norm no
                Step Temp E_pair E_mol TotEng Press
                       0   1.5  -6.5  0.25  -4.25  -5.0
                WARNING: Communication cutoff is too small (src/comm.cpp:700)
                      10   1.4  -6.4  0.25  -4.26  nan
                Loop time of 0.1 on 1 procs for 10 steps with 100 atoms

                thermo_style custom step pe
                run 5
                   Step          PotEng
                      10          -6.15
                      15          -6.1
                ERROR: Lost atoms: original 100 current 99 (src/thermo.cpp:494)
                """;
        List<LammpsLogReader.ThermoRow> rows = new ArrayList<>();
        try (LammpsLogReader r = LammpsLogReader.of(new StringReader(log), "log.lammps")) {
            r.forEachRemaining(rows::add);
        }
        assertEquals(4, rows.size());
        assertEquals(List.of(0L, 10L, 10L, 15L), rows.stream().map(LammpsLogReader.ThermoRow::step).toList());
        assertEquals(List.of(0, 0, 1, 1), rows.stream().map(LammpsLogReader.ThermoRow::block).toList());
        assertTrue(Double.isNaN(rows.get(1).value("Press")));
        assertEquals("lj", rows.get(0).units());
        assertFalse(rows.get(0).normalized()); // thermo_modify norm no
        assertTrue(rows.get(2).normalized()); // thermo_style resets norm to the lj default (yes)
        assertEquals(7, rows.get(1).line());
    }

    @Test
    void normalisedEnergiesAreScaledAndOtherUnitsRefused(@TempDir Path dir) throws Exception {
        Path dump = IoFixtures.path("lammps/nb_tri.dump");
        String text = IoFixtures.text("lammps/log.nb_tri");
        StringBuilder perAtom = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String[] t = line.trim().split("\\s+");
            if (t.length == 13 && t[0].matches("\\d+")) {
                t[2] = Double.toString(Double.parseDouble(t[2]) / 16);
                line = String.join(" ", t);
            }
            perAtom.append(line).append('\n');
        }
        Path norm = IoFixtures.write(dir, "log.norm", perAtom.toString().replace("thermo_modify   format",
                "thermo_modify   norm yes format"));
        List<Configuration> a = LammpsDumpReader.readAll(dump, LammpsDumpOptions.defaults().withLog(norm));
        List<Configuration> b = LammpsDumpReader.readAll(dump, LammpsDumpOptions.defaults()
                .withLog(IoFixtures.path("lammps/log.nb_tri")));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).energy(), a.get(i).energy(), 1e-12);
        }
        Path real = IoFixtures.write(dir, "log.real", text.replace("units           metal", "units           real"));
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> LammpsDumpReader.readAll(dump,
                LammpsDumpOptions.defaults().withLog(real)));
        assertEquals(real + ":59: the log runs in 'units real'; only metal units (eV, Å, bar) are read", e.getMessage());
        Path none = IoFixtures.write(dir, "log.none", "LAMMPS (4 Feb 2025)\nTotal wall time: 0:00:00\n");
        e = assertThrows(Uf3FormatException.class, () -> LammpsDumpReader.readAll(dump, LammpsDumpOptions.defaults()
                .withLog(none)));
        assertTrue(e.getMessage().startsWith(none + ": no thermo table with a 'Step' column"), e.getMessage());
    }

    @Test
    void defaultThermoStyleFallsBackToEpairPlusEmol() {
        String log = "units metal\nStep Temp E_pair E_mol TotEng Press\n0 0 -10.5 0.5 -10.0 1.0\nLoop time of 0\n";
        String dump = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 3\n0 3\n0 3\n"
                + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n";
        try (LammpsDumpReader r = LammpsDumpReader.of(new StringReader(dump), "d", LammpsDumpOptions.defaults()
                .withTypeElements(List.of("W")), LammpsLogReader.of(new StringReader(log), "log"))) {
            assertEquals(-10.0, r.next().energy(), 0);
        }
    }
}

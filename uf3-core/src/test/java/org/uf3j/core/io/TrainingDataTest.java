package org.uf3j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.io.lammps.LammpsDumpOptions;
import org.uf3j.core.io.lammps.LammpsDumpReader;
import org.uf3j.core.io.vasp.OutcarReader;
import org.uf3j.core.io.vasp.VasprunReader;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.testing.IoFixtures;

/** The single entry point: dispatch by format name, content sniffing ("auto") and transparent gzip. */
class TrainingDataTest {
    private static final String XYZ = """
            2
            Lattice="3 0 0 0 3 0 0 0 3" Properties=species:S:1:pos:R:3:forces:R:3 energy=-1.5 pbc="T T T"
            W 0 0 0 0.1 0 0
            W 1.5 1.5 1.5 -0.1 0 0
            """;

    @Test
    void detectsEveryFormatFromItsContent(@TempDir Path dir) throws Exception {
        assertEquals(TrainingFormat.VASPRUN, TrainingData.detect(IoFixtures.path("vasp/vasprun.xml")));
        assertEquals(TrainingFormat.OUTCAR, TrainingData.detect(IoFixtures.path("vasp/OUTCAR")));
        assertEquals(TrainingFormat.LAMMPS_DUMP, TrainingData.detect(IoFixtures.path("lammps/nb_tri.dump")));
        assertEquals(TrainingFormat.EXTXYZ, TrainingData.detect(IoFixtures.write(dir, "a.xyz", XYZ)));
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> TrainingData.detect(
                IoFixtures.path("lammps/log.nb_tri")));
        assertTrue(e.getMessage().contains("a LAMMPS log file"), e.getMessage());
        Path other = IoFixtures.write(dir, "notes.txt", "\n  some notes\n");
        e = assertThrows(Uf3FormatException.class, () -> TrainingData.detect(other));
        assertEquals(other + ": cannot tell the format from the first line 'some notes': expected extended XYZ (an "
                + "atom count), a VASP vasprun.xml or OUTCAR, or a LAMMPS dump (ITEM: TIMESTEP); name the format "
                + "explicitly", e.getMessage());
        Path xml = IoFixtures.write(dir, "x.xml", "<?xml version=\"1.0\"?><svg/>");
        e = assertThrows(Uf3FormatException.class, () -> TrainingData.detect(xml));
        assertTrue(e.getMessage().contains("not a VASP vasprun.xml"), e.getMessage());
    }

    @Test
    void autoGivesWhatTheNamedReaderGives(@TempDir Path dir) throws Exception {
        TrainingDataOptions o = TrainingDataOptions.defaults().withLammpsDump(LammpsDumpOptions.defaults()
                .withLog(IoFixtures.path("lammps/log.nb_tri")));
        assertSame(VasprunReader.readAll(IoFixtures.path("vasp/vasprun.xml")),
                TrainingData.read(IoFixtures.path("vasp/vasprun.xml"), TrainingFormat.AUTO, o));
        assertSame(OutcarReader.readAll(IoFixtures.path("vasp/OUTCAR")),
                TrainingData.read(IoFixtures.path("vasp/OUTCAR"), TrainingFormat.parse("auto"), o));
        assertSame(LammpsDumpReader.readAll(IoFixtures.path("lammps/nb_tri.dump"), o.lammpsDump()),
                TrainingData.read(IoFixtures.path("lammps/nb_tri.dump"), TrainingFormat.parse("lammps-dump"), o));
        Path xyz = IoFixtures.write(dir, "a.xyz", XYZ);
        assertSame(ExtXyzReader.readAll(xyz), TrainingData.read(xyz, TrainingFormat.AUTO, null));
        try (var s = TrainingData.stream(xyz, TrainingFormat.EXTXYZ, null)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void gzipIsReadTransparently(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"vasp/vasprun.xml", "vasp/OUTCAR", "lammps/nb_tri.dump"}) {
            Path gz = dir.resolve(name.replace('/', '_') + ".gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
                Files.copy(IoFixtures.path(name), out);
            }
            TrainingDataOptions o = TrainingDataOptions.defaults();
            List<Configuration> plain = TrainingData.read(IoFixtures.path(name), TrainingFormat.AUTO, o);
            List<Configuration> zipped = TrainingData.read(gz, TrainingFormat.AUTO, o);
            assertEquals(plain.size(), zipped.size(), name);
            for (int i = 0; i < plain.size(); i++) {
                assertArrayEquals(plain.get(i).forces(), zipped.get(i).forces(), name);
                assertArrayEquals(plain.get(i).structure().positions(), zipped.get(i).structure().positions(), name);
            }
        }
    }

    @Test
    void formatNames() {
        assertEquals(TrainingFormat.EXTXYZ, TrainingFormat.parse("XYZ"));
        assertEquals(TrainingFormat.VASPRUN, TrainingFormat.parse("vasprun.xml"));
        assertEquals(TrainingFormat.OUTCAR, TrainingFormat.parse("OUTCAR"));
        assertEquals(TrainingFormat.LAMMPS_DUMP, TrainingFormat.parse("dump"));
        assertEquals("lammps-dump", TrainingFormat.LAMMPS_DUMP.id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingFormat.parse("cif"));
        assertEquals("unknown training-data format 'cif'; supported: extxyz, vasprun, outcar, lammps-dump, fitsnap-json, auto",
                e.getMessage());
    }

    private static void assertSame(List<Configuration> expected, List<Configuration> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Configuration a = expected.get(i);
            Configuration b = actual.get(i);
            assertEquals(a.energy(), b.energy());
            assertArrayEquals(a.forces(), b.forces());
            assertArrayEquals(a.virial(), b.virial());
            assertArrayEquals(a.structure().positions(), b.structure().positions());
            assertArrayEquals(a.structure().cell().vectors(), b.structure().cell().vectors());
            assertEquals(a.source(), b.source());
            assertEquals(a.info(), b.info());
        }
    }
}

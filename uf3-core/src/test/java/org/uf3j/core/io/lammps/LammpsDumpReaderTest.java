package org.uf3j.core.io.lammps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.testing.IoFixtures;

/**
 * LAMMPS dumps written by LAMMPS 4Feb2025 itself (io/lammps/*.in, official ML-UF3 pair style with
 * potentials/Nb.uf3): a sheared restricted-triclinic box with atoms out of id order (atom_modify
 * sort), the same atoms in a general triclinic box, and a default-precision dump.
 */
class LammpsDumpReaderTest {
    private static final Path TRI = IoFixtures.path("lammps/nb_tri.dump");
    private static final Path TRI_LOG = IoFixtures.path("lammps/log.nb_tri");

    private static LammpsDumpOptions logLabels() {
        return LammpsDumpOptions.defaults().withLog(TRI_LOG).withLogVirialColumns(LammpsDumpOptions.columns("c_pv"));
    }

    @Test
    void triclinicBoxAtomOrderAndLabelsFromTheLog() throws Exception {
        List<Configuration> frames = LammpsDumpReader.readAll(TRI, logLabels());
        assertEquals(3, frames.size());
        Configuration c = frames.get(0);
        assertEquals(16, c.size());
        assertEquals("0", c.info().get("timestep"));
        assertEquals(TRI + ":1", c.source());
        // change_box ... x final 0 6.45 y final 0 6.7 xy 0.9 xz -0.65 yz 0.55 (z stays 2 x 3.30)
        assertArrayEquals(new double[] {6.45, 0, 0, 0.9, 6.7, 0, -0.65, 0.55, 6.6}, c.structure().cell().vectors(), 1e-12);
        assertEquals(285.219, c.structure().cell().volume(), 1e-3);
        // atoms sorted by id: id 1 is the 5th line of the first snapshot (xs ys zs, fx fy fz)
        double[] s1 = {0.0126829966790443, 0.996163575222959, 0.00526649178335661};
        double[] lat = c.structure().cell().vectors();
        for (int k = 0; k < 3; k++) {
            assertEquals(s1[0] * lat[k] + s1[1] * lat[3 + k] + s1[2] * lat[6 + k], c.structure().x(0, k), 1e-12);
        }
        assertArrayEquals(new double[] {-0.829039865540972, 0.660597836852951, -0.696407471085196},
                java.util.Arrays.copyOfRange(c.forces(), 0, 3), 0);
        assertEquals(-67.518428964117, c.energy(), 1e-12); // PotEng of step 0 in the log
        double[] lastEnergies = {-67.0498618208807, -65.822235795232};
        assertEquals(lastEnergies[0], frames.get(1).energy(), 1e-12);
        assertEquals(lastEnergies[1], frames.get(2).energy(), 1e-12);
        assertEquals("Nb", c.structure().symbol(15));
    }

    /** Σ c_pea = PotEng and the virial from Σ stress/atom = c_pv·V/nktv2p: the two LAMMPS routes agree. */
    @Test
    void dumpColumnsAndLogGiveTheSameEnergiesAndVirials() throws Exception {
        List<Configuration> fromLog = LammpsDumpReader.readAll(TRI, logLabels());
        List<Configuration> fromDump = LammpsDumpReader.readAll(TRI, LammpsDumpOptions.defaults()
                .withEnergyColumn("c_pea").withStressColumns(LammpsDumpOptions.columns("c_sa")));
        assertEquals(fromLog.size(), fromDump.size());
        for (int i = 0; i < fromLog.size(); i++) {
            assertEquals(fromLog.get(i).energy(), fromDump.get(i).energy(), 1e-9);
            double[] a = fromLog.get(i).virial();
            double[] b = fromDump.get(i).virial();
            for (int k = 0; k < 6; k++) {
                assertEquals(a[k], b[k], 1e-9 * Math.abs(a[0]), "virial component " + k + " of frame " + i);
            }
            assertTrue(a[0] > 0 && a[1] > 0 && a[2] > 0, "compressed box: positive virial (pressure ~2e5 bar)");
        }
    }

    /** The independent check: our Java evaluator on the structures we read reproduces LAMMPS' labels. */
    @Test
    void labelsEqualTheJavaEvaluatorOnTheStructuresRead() throws Exception {
        JavaEvaluator ev = IoFixtures.nbEvaluator();
        for (Configuration c : LammpsDumpReader.readAll(TRI, logLabels())) {
            assertMatches(ev.evaluate(c.structure()), c, 1e-9);
        }
    }

    @Test
    void generalTriclinicDumpIsRotatedConsistently() throws Exception {
        LammpsDumpOptions o = LammpsDumpOptions.defaults().withTypeElements(List.of("Nb"))
                .withLog(IoFixtures.path("lammps/log.nb_general")).withLogVirialColumns(LammpsDumpOptions.columns("c_pv"));
        Configuration g = LammpsDumpReader.readAll(IoFixtures.path("lammps/nb_general.dump"), o).get(0);
        Configuration gs = LammpsDumpReader.readAll(IoFixtures.path("lammps/nb_general.dump"), LammpsDumpOptions
                .defaults().withTypeElements(List.of("Nb")).withEnergyColumn("c_pea").withStressColumns(LammpsDumpOptions.columns("c_sa"))).get(0);
        Configuration r = LammpsDumpReader.readAll(TRI, logLabels()).get(0);
        assertArrayEquals(new double[] {5.0415726717003109, 3.5482561380431124, -1.8960283159288454},
                java.util.Arrays.copyOf(g.structure().cell().vectors(), 3), 1e-15);
        assertEquals(r.energy(), g.energy(), 1e-9);
        assertEquals(r.energy(), gs.energy(), 1e-9);
        // rotation-invariant: volume, |F|, trace of the virial
        assertEquals(r.structure().cell().volume(), g.structure().cell().volume(), 1e-9);
        for (int a = 0; a < 16; a++) {
            assertEquals(norm(r.forces(), a), norm(g.forces(), a), 1e-9);
        }
        assertEquals(r.virial()[0] + r.virial()[1] + r.virial()[2], g.virial()[0] + g.virial()[1] + g.virial()[2], 1e-9);
        for (int k = 0; k < 6; k++) {
            assertEquals(g.virial()[k], gs.virial()[k], 1e-9 * Math.abs(g.virial()[0]));
        }
        // the rotated tensor is the one of the rotated structure
        assertMatches(IoFixtures.nbEvaluator().evaluate(g.structure()), g, 1e-9);
    }

    @Test
    void defaultPrecisionDumpWithUnwrappedPositionsAndATypeMap() throws Exception {
        Path p = IoFixtures.path("lammps/nb_tri_default.dump");
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> LammpsDumpReader.readAll(p,
                LammpsDumpOptions.defaults()));
        // atoms are processed in id order: id 1 is on line 14
        assertTrue(e.getMessage().startsWith(p + ":14: atom type 1 has no element"), e.getMessage());
        List<Configuration> coarse = LammpsDumpReader.readAll(p, LammpsDumpOptions.defaults().withTypeElements(
                List.of("Nb")).withEnergyColumn("c_pea"));
        List<Configuration> fine = LammpsDumpReader.readAll(TRI, logLabels());
        assertEquals(fine.size(), coarse.size());
        for (int i = 0; i < fine.size(); i++) {
            Configuration a = fine.get(i);
            Configuration b = coarse.get(i);
            assertEquals(a.energy(), b.energy(), 1e-4); // %g: 6 significant digits per atom
            for (int k = 0; k < 48; k++) {
                assertEquals(a.forces()[k], b.forces()[k], 1e-5);
                double d = a.structure().positions()[k] - b.structure().positions()[k];
                assertTrue(Math.abs(d) < 1e-4 || periodicImage(a, b, k / 3), "atom " + k / 3 + " position");
            }
            assertNull(b.virial());
        }
    }

    @Test
    void orthogonalBoxElementColumnAndBoundaryFlags() {
        String dump = """
                ITEM: UNITS
                metal
                ITEM: TIMESTEP
                100
                ITEM: NUMBER OF ATOMS
                2
                ITEM: BOX BOUNDS pp ff pp
                -1.0 2.0
                0.5 4.5
                0 5
                ITEM: ATOMS id element x y z fx fy fz
                2 O 1.5 2.5 3.5 0.5 0.25 -1
                1 W -0.5 0.5 0.0 -0.5 -0.25 1
                """;
        try (LammpsDumpReader r = LammpsDumpReader.of(new StringReader(dump), "ortho.dump", null, null)) {
            Configuration c = r.next();
            assertFalse(r.hasNext());
            assertArrayEquals(new double[] {3, 0, 0, 0, 4, 0, 0, 0, 5}, c.structure().cell().vectors(), 0);
            assertArrayEquals(new boolean[] {true, false, true}, c.structure().cell().pbc());
            assertEquals("W", c.structure().symbol(0));
            assertArrayEquals(new double[] {0.5, 0, 0, 2.5, 2, 3.5}, c.structure().positions(), 0);
            assertArrayEquals(new double[] {-0.5, -0.25, 1, 0.5, 0.25, -1}, c.forces(), 0);
            assertNull(c.energy());
            assertEquals("ortho.dump:1", c.source()); // first ITEM line of the snapshot
        }
    }

    @Test
    void framesWithoutThermoRow(@TempDir Path dir) throws Exception {
        String log = IoFixtures.text("lammps/log.nb_tri");
        String row10 = log.lines().filter(l -> l.trim().startsWith("10 ")).findFirst().orElseThrow();
        Path cut = IoFixtures.write(dir, "log.cut", log.replace(row10 + "\n", ""));
        LammpsDumpOptions o = LammpsDumpOptions.defaults().withLog(cut);
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> LammpsDumpReader.readAll(TRI, o));
        assertTrue(e.getMessage().startsWith(TRI + ":26: the snapshot at step 10 has no thermo row in " + cut),
                e.getMessage());
        assertEquals(2, LammpsDumpReader.readAll(TRI, o.withUnmatched(LammpsDumpOptions.Unmatched.SKIP)).size());
        List<Configuration> all = LammpsDumpReader.readAll(TRI, o.withUnmatched(LammpsDumpOptions.Unmatched.UNLABELLED));
        assertEquals(3, all.size());
        assertNull(all.get(1).energy());
        assertTrue(all.get(1).hasForces());
    }

    @Test
    void logWithoutTheEnergyColumnIsAClearError(@TempDir Path dir) throws Exception {
        Path log = IoFixtures.write(dir, "log", IoFixtures.text("lammps/log.nb_tri").replace("PotEng", "PE"));
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> LammpsDumpReader.readAll(TRI,
                LammpsDumpOptions.defaults().withLog(log)));
        assertTrue(e.getMessage().contains("thermo row at step 0 has no finite column PotEng (or E_pair)"), e.getMessage());
        assertEquals(log.toString(), e.file());
        assertEquals(3, LammpsDumpReader.readAll(TRI, LammpsDumpOptions.defaults().withLog(log).withLogEnergyColumn("PE"))
                .size());
    }

    @Test
    void malformedDumpsNameFileLineAndWhatWasExpected(@TempDir Path dir) throws Exception {
        String text = IoFixtures.text("lammps/nb_tri.dump");
        String[] lines = text.split("\n", -1);
        LammpsDumpOptions o = LammpsDumpOptions.defaults().withEnergyColumn("c_pea");

        Path truncated = IoFixtures.write(dir, "truncated.dump", String.join("\n", java.util.Arrays.copyOf(lines, 40)));
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> LammpsDumpReader.readAll(truncated, o));
        assertTrue(e.getMessage().startsWith(truncated + ":40: file ends inside the snapshot that starts at line 26 "
                + "(step 10), after 6 of its 16 atom lines"), e.getMessage());
        assertEquals(1, LammpsDumpReader.readAll(truncated, o.withAllowIncomplete(true)).size());

        String[] bad = lines.clone();
        String[] t = bad[14].trim().split("\\s+");
        t[9] = "-4.09x";
        bad[14] = String.join(" ", t);
        Path badNumber = IoFixtures.write(dir, "bad.dump", String.join("\n", bad));
        e = assertThrows(Uf3FormatException.class, () -> LammpsDumpReader.readAll(badNumber, o));
        assertEquals(15, e.line());
        assertTrue(e.getMessage().contains("expected a finite number for c_pea, found '-4.09x'"), e.getMessage());

        String[] shortRow = lines.clone();
        shortRow[11] = "4 1 Nb 0.76 0.25";
        Path shortFile = IoFixtures.write(dir, "short.dump", String.join("\n", shortRow));
        e = assertThrows(Uf3FormatException.class, () -> LammpsDumpReader.readAll(shortFile, o));
        assertTrue(e.getMessage().startsWith(shortFile + ":12: atom 3 of 16 (snapshot at line 1): expected 16 columns"),
                e.getMessage());

        e = assertThrows(Uf3FormatException.class, () -> LammpsDumpReader.readAll(TRI, o.withEnergyColumn("c_pe")));
        assertTrue(e.getMessage().startsWith(TRI + ":9: ITEM: ATOMS has no per-atom energy column 'c_pe'"),
                e.getMessage());

        String[] dup = lines.clone();
        dup[11] = dup[11].replaceFirst("^5 ", "2 ");
        Path dupFile = IoFixtures.write(dir, "dup.dump", String.join("\n", dup));
        e = assertThrows(Uf3FormatException.class, () -> LammpsDumpReader.readAll(dupFile, o));
        assertTrue(e.getMessage().contains("atom id 2 appears twice"), e.getMessage());
    }

    private static void assertMatches(Evaluation e, Configuration c, double rel) {
        assertEquals(e.energy(), c.energy(), rel * Math.abs(e.energy()), c.source() + " energy");
        for (int k = 0; k < e.forces().length; k++) {
            assertEquals(e.forces()[k], c.forces()[k], 1e-9, c.source() + " force " + k);
        }
        for (int k = 0; k < 6; k++) {
            assertEquals(e.virial()[k], c.virial()[k], rel * Math.abs(e.virial()[0]), c.source() + " virial " + k);
        }
    }

    private static double norm(double[] f, int atom) {
        return Math.sqrt(f[3 * atom] * f[3 * atom] + f[3 * atom + 1] * f[3 * atom + 1] + f[3 * atom + 2] * f[3 * atom + 2]);
    }

    /** Unwrapped (xu) and wrapped-scaled positions may differ by a lattice vector. */
    private static boolean periodicImage(Configuration a, Configuration b, int atom) {
        double[] lat = a.structure().cell().vectors();
        double[] d = new double[3];
        for (int k = 0; k < 3; k++) {
            d[k] = b.structure().x(atom, k) - a.structure().x(atom, k);
        }
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) {
            f[i] = a.structure().cell().fractional(d[0], d[1], d[2], i);
            if (Math.abs(f[i] - Math.rint(f[i])) > 1e-4) {
                return false;
            }
        }
        return lat.length == 9;
    }
}

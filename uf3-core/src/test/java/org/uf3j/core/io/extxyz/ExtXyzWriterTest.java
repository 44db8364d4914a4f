package org.uf3j.core.io.extxyz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.io.text.Tokens;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.TestData;

/** Whatever the writer writes, the reader reads back bit for bit. */
class ExtXyzWriterTest {
    @TempDir
    Path tmp;

    @Test
    void realDataRoundTripsBitForBit() throws IOException {
        List<Configuration> original = new ArrayList<>();
        try (ExtXyzReader r = ExtXyzReader.open(TestData.file("tungsten/w14.xyz"))) {
            for (int i = 0; i < 300 && r.hasNext(); i++) {
                original.add(r.next());
            }
        }
        original.addAll(ExtXyzReader.readAll(TestData.file("tungsten/w14_md_bulk_5frames_original.xyz")));
        original.addAll(ExtXyzReader.readAll(TestData.file("mlearn-zuo2020/ZuoEtAl2020/Mo_test.xyz")));
        original.addAll(ExtXyzReader.readAll(
                TestData.file("silicon-sw/Si_training_set/varying_alat/Si_alat5.855_scale0.0005_perturb1.xyz")));
        Path f = tmp.resolve("out.xyz");
        ExtXyzWriter.writeAll(f, original);
        List<Configuration> back = ExtXyzReader.readAll(f);
        assertEquals(original.size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            assertSame(original.get(i), back.get(i));
        }
    }

    @Test
    void syntheticLabelsInfoAndClusters() {
        Random rnd = new Random(7);
        double[] pos = new double[9];
        double[] forces = new double[9];
        for (int i = 0; i < 9; i++) {
            pos[i] = rnd.nextGaussian() * 3;
            forces[i] = rnd.nextGaussian() * 1e-7;
        }
        Cell triclinic = new Cell(new double[] {5.1, 0, 0, 0.3, 4.9, 0, -0.2, 0.1, 6.0}, new boolean[] {true, false, true});
        Map<String, String> info = new LinkedHashMap<>();
        info.put("comment", "said \"hi\" = loud, clear \\ done");
        info.put("list", "[1, 2, 3]");
        info.put("flag", "T");
        info.put("energy", "this clashes and is dropped");
        Configuration periodic = new Configuration(new Structure(new String[] {"Nb", "W", "Nb"}, pos, triclinic),
                -1.0 / 3.0, forces, new double[] {1e-300, -2, 3, 0.1, -0.0, 6.02214076e23}, "bulk bcc", "x", info);
        Configuration cluster = new Configuration(new Structure(new String[] {"H", "O", "H"}, pos, null), null, null,
                null, null, "y", null);
        StringWriter out = new StringWriter();
        try (ExtXyzWriter w = new ExtXyzWriter(out)) {
            w.write(periodic).write(cluster);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        List<Configuration> back = ExtXyzReaderTest.read(out.toString());
        assertEquals(2, back.size());
        Map<String, String> expectedInfo = new LinkedHashMap<>(info);
        expectedInfo.remove("energy");
        Configuration p = back.get(0);
        assertEquals(expectedInfo, p.info());
        assertEquals("bulk bcc", p.configType());
        assertArrayEquals(periodic.virial(), p.virial());
        assertArrayEquals(triclinic.pbc(), p.structure().cell().pbc());
        assertSame(new Configuration(periodic.structure(), periodic.energy(), forces, periodic.virial(), "bulk bcc", "",
                expectedInfo), p);
        Configuration c = back.get(1);
        assertNull(c.structure().cell());
        assertNull(c.energy());
        assertNull(c.forces());
        assertEquals("default", c.configType());
        assertArrayEquals(pos, c.structure().positions());
    }

    @Test
    void predictionsGoUnderPrefixedKeys() throws IOException {
        Configuration c = ExtXyzReader.readAll(TestData.file("tungsten/w14_md_bulk_5frames_original.xyz")).get(0);
        double[] f = c.forces().clone();
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i] * 0.9 + 1e-3;
        }
        Evaluation predicted = new Evaluation(c.energy() + 0.125, new double[c.size()], f,
                new double[] {1, 2, 3, 4, 5, 6});
        StringWriter out = new StringWriter();
        try (ExtXyzWriter w = new ExtXyzWriter(out)) {
            w.write(c, predicted);
        }
        String text = out.toString();
        String header = text.split("\n", 3)[1];
        assertTrue(header.contains("Properties=species:S:1:pos:R:3:forces:R:3:uf3_forces:R:3"), header);
        Configuration reference = ExtXyzReaderTest.read(text).get(0);
        assertEquals(c.energy(), reference.energy());
        assertArrayEquals(c.forces(), reference.forces());
        Configuration asPredicted = ExtXyzReaderTest.read(text, new ExtXyzOptions("uf3_energy", "uf3_forces")).get(0);
        assertEquals(predicted.energy(), asPredicted.energy());
        assertArrayEquals(f, asPredicted.forces());
        String[] virial = Tokens.split(reference.info().get("uf3_virial"));
        assertEquals(List.of("1.0", "6.0", "5.0", "6.0", "2.0", "4.0", "5.0", "4.0", "3.0"), Arrays.asList(virial));
    }

    @Test
    void numbersAreShortestRoundTripText() {
        double[] samples = {0.1, -1.431629494590219E+03, 1e-310, Double.MIN_VALUE, -0.0, 123456789.123456789,
                Math.PI, 2.0 / 3.0};
        for (double v : samples) {
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(Tokens.format(v))));
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Tokens.parseOrNaN(Tokens.format(v))));
        }
        assertTrue(Double.isNaN(Tokens.parseOrNaN("NaN")));
        assertTrue(Double.isNaN(Tokens.parseOrNaN("Infinity")));
        assertTrue(Double.isNaN(Tokens.parseOrNaN("0x1p3")));
        assertEquals(1e-3, Tokens.parseOrNaN("1.0D-03"));
    }

    /** Same structure, labels, info and config_type, every double identical. */
    static void assertSame(Configuration expected, Configuration actual) {
        String where = expected.source();
        Structure a = expected.structure();
        Structure b = actual.structure();
        assertArrayEquals(a.symbols(), b.symbols(), where);
        assertArrayEquals(a.positions(), b.positions(), where);
        assertEquals(a.cell(), b.cell(), where);
        assertEquals(expected.energy(), actual.energy(), where);
        assertArrayEquals(expected.forces(), actual.forces(), where);
        assertArrayEquals(expected.virial(), actual.virial(), where);
        assertEquals(expected.configType(), actual.configType(), where);
        assertEquals(expected.info(), actual.info(), where);
    }
}

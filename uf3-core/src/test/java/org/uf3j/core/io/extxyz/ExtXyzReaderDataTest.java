package org.uf3j.core.io.extxyz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.uf3j.core.io.text.Tokens;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.testing.TestData;

/** Every extended-XYZ dialect in the shared reference data parses, checked against the raw text. */
class ExtXyzReaderDataTest {
    private static final Pattern ENERGY = Pattern.compile("(?i)(?:^|\\s)energy=\"?([^\"\\s]+)");
    private static final Pattern LATTICE = Pattern.compile("(?i)lattice=\"([^\"]*)\"");

    @Test
    void w14FirstFramesHaveTheirLabels() throws IOException {
        try (ExtXyzReader r = ExtXyzReader.open(TestData.file("tungsten/w14.xyz"))) {
            Configuration c = r.next();
            assertEquals(1, c.size());
            assertEquals("W", c.structure().symbol(0));
            assertEquals(-11.194840, c.energy(), 0.0);
            assertEquals("slice_sample", c.configType());
            assertEquals("1", c.info().get("w14_index"));
            assertEquals("-567.338 0 0 0 -567.338 0 0 0 -567.338", c.info().get("stress_bar"));
            assertNull(c.virial(), "stress_bar must stay in info, not become a virial");
            assertArrayEquals(new boolean[] {true, true, true}, c.structure().cell().pbc());
            assertEquals(1.5902502429, c.structure().cell().vector(2, 0), 0.0);
            assertTrue(c.source().endsWith("w14.xyz:1"), c.source());
            Configuration second = r.next();
            assertEquals(3.3335359776, second.structure().cell().vector(0, 0), 0.0);
            assertEquals(-11.126990, second.energy(), 0.0);
            assertTrue(second.source().endsWith("w14.xyz:4"), second.source());
            Configuration third = r.next();
            assertEquals(-0.0531985441, third.structure().cell().vector(1, 0), 0.0);
            assertEquals("19075.1", Tokens.split(third.info().get("stress_bar"))[1]);
        }
    }

    @Test
    void w14StreamsCompletely() throws IOException {
        long t0 = System.nanoTime();
        int frames = 0;
        long atoms = 0;
        int withStress = 0;
        int withForces = 0;
        Map<String, Integer> types = new TreeMap<>();
        try (Stream<Configuration> s = ExtXyzReader.stream(TestData.file("tungsten/w14.xyz"), ExtXyzOptions.defaults())) {
            for (Configuration c : (Iterable<Configuration>) s::iterator) {
                frames++;
                atoms += c.size();
                withStress += c.info().containsKey("stress_bar") ? 1 : 0;
                withForces += c.hasForces() && c.hasEnergy() ? 1 : 0;
                types.merge(c.configType(), 1, Integer::sum);
            }
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        System.out.printf("w14.xyz: %d frames, %d atoms, %d with stress_bar, config types %s, streamed in %.2f s%n",
                frames, atoms, withStress, types, seconds);
        assertEquals(9691, frames);
        assertEquals(158256, atoms);
        assertEquals(2183, withStress);
        assertEquals(9691, withForces);
        assertEquals(7, types.size(), types.toString());
        assertTrue(seconds < 20, "streaming took " + seconds + " s");
    }

    @Test
    void originalFiveFramesWithZColumnAndNoPbcKey() throws IOException {
        List<Configuration> all = ExtXyzReader.readAll(TestData.file("tungsten/w14_md_bulk_5frames_original.xyz"));
        assertEquals(5, all.size());
        Configuration c = all.get(0);
        assertEquals(128, c.size());
        assertEquals(-1.431629494590219E+03, c.energy(), 0.0);
        assertEquals(-4.742581516823975E-01, c.forces()[0], 0.0);
        assertEquals(2.841808746431534E-01, c.forces()[5], 0.0);
        assertEquals(1.601113573705750E+00, c.structure().x(1, 0), 0.0);
        assertEquals("md_bulk", c.configType());
        Cell cell = c.structure().cell();
        assertEquals(1.272199597962937E+01, cell.vector(1, 1), 0.0);
        assertArrayEquals(new boolean[] {true, true, true}, cell.pbc(), "Lattice without pbc means periodic (ASE)");
        assertTrue(all.get(1).source().endsWith(":131"), all.get(1).source());
    }

    @Test
    void mlearnFilesWithMomentaMassesAndZ() throws IOException {
        Path dir = TestData.dir().resolve("mlearn-zuo2020/ZuoEtAl2020");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".xyz")).sorted().toList();
        }
        assertEquals(12, files.size());
        int frames = 0;
        for (Path f : files) {
            checkFirstFrameAgainstRawText(f);
            for (Configuration c : ExtXyzReader.readAll(f)) {
                assertTrue(c.hasEnergy() && c.hasForces() && c.structure().isPeriodic(), c.source());
                assertEquals(1, c.structure().elements().size(), c.source());
                frames++;
            }
        }
        assertEquals(1566, frames);
        Configuration ni = ExtXyzReader.readAll(dir.resolve("Ni_train.xyz")).get(0);
        assertEquals(107, ni.size());
        assertEquals(-604.26225029, ni.energy(), 0.0);
        assertArrayEquals(new double[] {-0.19281780, -1.87931786, -0.66374007}, java.util.Arrays.copyOf(ni.forces(), 3));
        assertEquals(10.52410900, ni.structure().cell().vector(0, 0), 0.0);
        assertFalse(ni.info().containsKey("pbc"));
    }

    @Test
    void siliconSwFilesWithCapitalisedKeys() throws IOException {
        Path dir = TestData.dir().resolve("silicon-sw/Si_training_set");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".xyz")).sorted().toList();
        }
        assertEquals(1000, files.size());
        int eight = 0;
        int sixtyFour = 0;
        for (Path f : files) {
            List<Configuration> cs = ExtXyzReader.readAll(f);
            assertEquals(1, cs.size(), f.toString());
            Configuration c = cs.get(0);
            assertTrue(c.hasEnergy() && c.hasForces(), f.toString());
            assertArrayEquals(new boolean[] {true, true, true}, c.structure().cell().pbc(), f.toString());
            eight += c.size() == 8 ? 1 : 0;
            sixtyFour += c.size() == 64 ? 1 : 0;
        }
        // the data README says 400 8-atom strained cells; the files hold 100 of 8 atoms and 300 of 64 (counted with head -1)
        assertEquals(100, eight);
        assertEquals(900, sixtyFour);
        assertEquals(400, files.stream().filter(p -> p.toString().contains("varying_alat")).count());
        for (Path f : List.of(files.get(0), files.get(files.size() - 1))) {
            checkFirstFrameAgainstRawText(f);
        }
        Configuration t900 = ExtXyzReader.readAll(dir.resolve("NVT_runs/T900_step7200.xyz")).get(0);
        assertEquals(-262.95823, t900.energy(), 0.0);
        assertEquals(10.862, t900.structure().cell().vector(2, 2), 0.0);
        assertEquals(-1.98089, t900.forces()[1], 0.0);
    }

    /** Atom count, energy, lattice, first atom's position and force equal the numbers in the file's own text. */
    private static void checkFirstFrameAgainstRawText(Path f) throws IOException {
        String count;
        String header;
        String[] atom;
        try (BufferedReader in = Files.newBufferedReader(f)) {
            count = in.readLine().trim();
            header = in.readLine();
            atom = in.readLine().trim().split("\\s+");
        }
        Configuration c;
        try (ExtXyzReader r = ExtXyzReader.open(f)) {
            c = r.next();
        }
        assertEquals(Integer.parseInt(count), c.size(), f.toString());
        Matcher e = ENERGY.matcher(header);
        assertTrue(e.find(), f.toString());
        assertEquals(Double.parseDouble(e.group(1)), c.energy(), 0.0, f.toString());
        Matcher l = LATTICE.matcher(header);
        assertTrue(l.find(), f.toString());
        String[] lat = l.group(1).trim().split("\\s+");
        List<Double> expected = new ArrayList<>();
        for (String s : lat) {
            expected.add(Double.parseDouble(s));
        }
        List<Double> actual = new ArrayList<>();
        for (double v : c.structure().cell().vectors()) {
            actual.add(v);
        }
        assertEquals(expected, actual, f.toString());
        assertEquals(atom[0], c.structure().symbol(0), f.toString());
        for (int k = 0; k < 3; k++) {
            assertEquals(Double.parseDouble(atom[1 + k]), c.structure().x(0, k), 0.0, f.toString());
            assertEquals(Double.parseDouble(atom[4 + k]), c.forces()[k], 0.0, f.toString());
        }
    }
}

package org.uf3j.core.io.fitsnap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uf3j.core.io.TrainingData;
import org.uf3j.core.io.TrainingFormat;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.structure.Configuration;

/**
 * The FitSNAP JSON reader on hand-written files (values, units, groups, every error class) and on
 * the InP set of Cusentino et al. 2020 (group counts; the stress sign against −dE/dV on the EOS group).
 */
class FitsnapJsonReaderTest {
    /** GPa per eV/Å³ (CODATA 2018 e) and per kB: the conversion written out independently here. */
    private static final double EV_PER_A3_PER_KB = 0.1 / 160.2176634;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FitsnapJsonReaderTest.class.getResource("/io/fitsnap/" + name).toURI());
    }

    private static Path inp() {
        String p = System.getProperty("uf3.data");
        if (p == null || p.isBlank() || !Files.isDirectory(Path.of(p))) {
            p = System.getenv("UF3_DATA");
        }
        Path dir = p == null || p.isBlank() ? null : Path.of(p, "inp-cusentino2020", "JSON");
        assumeTrue(dir != null && Files.isDirectory(dir), "InP FitSNAP data not found (set -Duf3.data or UF3_DATA to "
                + "the shared data directory); skipping");
        return dir;
    }

    @Test
    void readsValuesAndConvertsStressToTheVirial() throws Exception {
        List<Configuration> cs = TrainingData.read(resource("set/Dimer/dimer_1.json"), TrainingFormat.FITSNAP_JSON, null);
        assertEquals(1, cs.size());
        Configuration c = cs.get(0);
        assertEquals("Dimer", c.configType());
        assertArrayEquals(new String[] {"In", "P"}, c.structure().symbols());
        assertEquals(-5.25, c.energy());
        assertArrayEquals(new double[] {0.5, 0, 0, -0.5, 0, 0}, c.forces());
        assertArrayEquals(new double[] {0, 0, 0, 2.5, 0.1, 0.2}, c.structure().positions());
        assertArrayEquals(new double[] {4, 0, 0, 0, 5, 0, 0, 0, 6}, c.structure().cell().vectors());
        double f = 120 * EV_PER_A3_PER_KB; // volume 4·5·6 Å³
        // Voigt xx yy zz yz xz xy from the kB tensor [[10 1 2] [1 20 3] [2 3 30]]
        assertArrayEquals(new double[] {10 * f, 20 * f, 30 * f, 3 * f, 2 * f, 1 * f}, c.virial(), 1e-15);
    }

    @Test
    void groupsAreTheDirectoryNamesAndFilesComeInNameOrder() throws Exception {
        Path set = resource("set");
        assertEquals(TrainingFormat.FITSNAP_JSON, TrainingData.detect(set));
        List<Configuration> cs = TrainingData.read(set, TrainingFormat.AUTO, null);
        assertEquals(List.of("Bulk", "Bulk", "Dimer"), cs.stream().map(Configuration::configType).toList());
        assertEquals(List.of(-1.0, -2.0, -5.25), cs.stream().map(Configuration::energy).toList());
        assertTrue(cs.get(1).source().endsWith("two_frames.json:Data[1]"), cs.get(1).source());
        assertEquals(null, cs.get(0).virial()); // no Stress field: no virial
        // one group directory on its own
        List<Configuration> dimer = TrainingData.read(resource("set/Dimer"), TrainingFormat.FITSNAP_JSON, null);
        assertEquals(List.of("Dimer"), dimer.stream().map(Configuration::configType).toList());
        assertEquals(TrainingFormat.FITSNAP_JSON, TrainingFormat.parse("fitsnap-json"));
        assertEquals(TrainingFormat.FITSNAP_JSON, TrainingData.detect(resource("set/Dimer/dimer_1.json")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "truncated.json       | truncated.json:3: invalid JSON",
        "missing-energy.json  | field 'Dataset.Data[0].Energy': missing; expected a number",
        "unknown-unit.json    | field 'Dataset.StressStyle': unit 'GPa' is not supported; expected \"kB\"",
        "count-mismatch.json  | field 'Dataset.Data[0].AtomTypes': 2 atom types for NumAtoms = 3",
        "energy-text.json     | field 'Dataset.Data[0].Energy': expected a finite number, found \"low\"",
        "unknown-element.json | field 'Dataset.Data[0].AtomTypes[1]': expected an element symbol, found \"Xx\""})
    void everyMalformedFileIsOneLineNamingTheFileAndField(String file, String expected) throws Exception {
        Path p = resource("bad/" + file);
        Uf3FormatException e = assertThrows(Uf3FormatException.class,
                () -> TrainingData.read(p, TrainingFormat.FITSNAP_JSON, null));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aDirectoryWithoutJsonIsAnError(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "nothing here");
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> FitsnapJsonReader.open(dir));
        assertTrue(e.getMessage().contains("no FitSNAP JSON files"), e.getMessage());
    }

    @Test
    void inpGroupsMatchTheDirectories() throws IOException {
        Path dir = inp();
        Map<String, Integer> expected = new TreeMap<>();
        try (Stream<Path> groups = Files.list(dir)) {
            for (Path g : groups.filter(Files::isDirectory).toList()) {
                try (Stream<Path> f = Files.list(g)) {
                    expected.put(g.getFileName().toString(), (int) f.filter(p -> p.toString().endsWith(".json")).count());
                }
            }
        }
        Map<String, Integer> found = new TreeMap<>();
        int atoms = 0;
        try (var r = TrainingData.open(dir, TrainingFormat.AUTO, null)) {
            while (r.hasNext()) {
                Configuration c = r.next();
                found.merge(c.configType(), 1, Integer::sum);
                atoms += c.size();
                assertTrue(c.hasEnergy() && c.hasForces() && c.hasVirial(), c.source());
            }
        }
        assertEquals(expected, found);
        assertEquals(1894, found.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(118214, atoms); // 354,642 force components / 3 in the set's SNAP metrics
    }

    /**
     * The rock-salt EOS series (26 volumes of one 8-atom cell): the pressure from the converted
     * virial, P = tr(W)/(3V), equals −dE/dV from central differences of the energies. A sign error
     * would give the opposite sign at every point; a unit error a slope far from 1 (measured: slope 0.993,
     * worst difference 0.0076 eV/Å³ = 1.2 GPa where |P| reaches 1.1 eV/Å³).
     */
    @Test
    void stressSignAndUnitsAgreeWithTheEnergyVolumeCurve() throws IOException {
        Path eos = inp().resolve("EOS");
        Pattern rs = Pattern.compile("InP_eos_(\\d+)_RS\\.json");
        List<double[]> points = new ArrayList<>(); // V, E, P (eV/Å³)
        try (Stream<Path> files = Files.list(eos)) {
            for (Path f : files.filter(p -> rs.matcher(p.getFileName().toString()).matches()).toList()) {
                Configuration c = TrainingData.read(f, TrainingFormat.FITSNAP_JSON, null).get(0);
                double v = Math.abs(c.structure().cell().volume());
                double[] w = c.virial();
                points.add(new double[] {v, c.energy(), (w[0] + w[1] + w[2]) / (3 * v)});
            }
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        assertEquals(26, points.size());
        double sxy = 0;
        double sxx = 0;
        double worst = 0;
        for (int i = 1; i + 1 < points.size(); i++) {
            double minusDedv = -(points.get(i + 1)[1] - points.get(i - 1)[1]) / (points.get(i + 1)[0] - points.get(i - 1)[0]);
            double p = points.get(i)[2];
            sxy += minusDedv * p;
            sxx += minusDedv * minusDedv;
            worst = Math.max(worst, Math.abs(p - minusDedv));
            if (Math.abs(minusDedv) > 0.05) { // beyond ~8 GPa the sign is unambiguous
                assertEquals(Math.signum(minusDedv), Math.signum(p), "V = " + points.get(i)[0]);
            }
        }
        double slope = sxy / sxx; // least-squares P = slope · (−dE/dV)
        assertEquals(1.0, slope, 0.02, "slope of P against -dE/dV"); // measured 0.993
        assertTrue(worst < 0.02, "worst |P + dE/dV| = " + worst + " eV/Å³");
    }
}

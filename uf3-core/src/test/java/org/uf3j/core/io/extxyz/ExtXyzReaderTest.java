package org.uf3j.core.io.extxyz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.structure.Configuration;

/** Dialects and malformed inputs of extended XYZ, on small texts written here. */
class ExtXyzReaderTest {

    static List<Configuration> read(String text) {
        return read(text, ExtXyzOptions.defaults());
    }

    static List<Configuration> read(String text, ExtXyzOptions options) {
        List<Configuration> out = new ArrayList<>();
        try (ExtXyzReader r = ExtXyzReader.of(new StringReader(text), "t.xyz", options)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    static Uf3FormatException fails(String text) {
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> read(text));
        assertTrue(e.getMessage().startsWith("t.xyz:"), e.getMessage());
        return e;
    }

    private static final String LAT = "Lattice=\"4 0 0 0 4 0 0 0 4\" ";

    @Test
    void plainXyzWithoutLatticeIsACluster() {
        Configuration c = read("2\nwater-ish\nO 0 0 0\nH 0.9572 0 0\n").get(0);
        assertNull(c.structure().cell());
        assertEquals(2, c.size());
        assertNull(c.energy());
        assertNull(c.forces());
        assertEquals("T", c.info().get("water-ish"));
        assertEquals("t.xyz:1", c.source());
    }

    @Test
    void pbcDialects() {
        String atoms = "W 0 0 0\n";
        for (String pbc : new String[] {"pbc=\"T T F\"", "PBC=\"1 1 0\"", "pbc=[T, T, F]", "pbc=\"True True False\""}) {
            Configuration c = read("1\n" + LAT + "Properties=species:S:1:pos:R:3 " + pbc + "\n" + atoms).get(0);
            assertArrayEquals(new boolean[] {true, true, false}, c.structure().cell().pbc(), pbc);
        }
    }

    @Test
    void energyAndForceKeyVariantsAndUserChoice() {
        String text = "1\n" + LAT + "Properties=species:S:1:pos:R:3:force:R:3:dft_forces:R:3 Energy=\"-3.5\" "
                + "free_energy=-3.25\nW 0 0 0 1 2 3 4 5 6\n";
        Configuration auto = read(text).get(0);
        assertEquals(-3.5, auto.energy(), 0.0);
        assertArrayEquals(new double[] {1, 2, 3}, auto.forces());
        assertEquals("-3.25", auto.info().get("free_energy"));
        Configuration chosen = read(text, new ExtXyzOptions("free_energy", "dft_forces")).get(0);
        assertEquals(-3.25, chosen.energy(), 0.0);
        assertArrayEquals(new double[] {4, 5, 6}, chosen.forces());
        assertEquals("-3.5", chosen.info().get("Energy"));
    }

    @Test
    void speciesFromAtomicNumbers() {
        Configuration z = read("2\nProperties=Z:I:1:pos:R:3\n74 0 0 0\n41 2 0 0\n").get(0);
        assertEquals("W", z.structure().symbol(0));
        assertEquals("Nb", z.structure().symbol(1));
        Configuration numeric = read("1\nProperties=species:S:1:pos:R:3\n14 0 0 0\n").get(0);
        assertEquals("Si", numeric.structure().symbol(0));
        Configuration typeNames = read("1\nProperties=species:S:1:pos:R:3:Z:I:1\ntype1 0 0 0 28\n").get(0);
        assertEquals("Ni", typeNames.structure().symbol(0));
    }

    @Test
    void stressBecomesVirialWithAseSign() {
        // ASE stress is positive under tension; the virial W = -sigma V is positive under compression
        Configuration c = read("1\nLattice=\"2 0 0 0 2 0 0 0 2\" Properties=species:S:1:pos:R:3 "
                + "stress=\"1 0.5 0 0.5 2 0 0 0 3\"\nW 0 0 0\n").get(0);
        assertArrayEquals(new double[] {-8, -16, -24, 0, 0, -4}, c.virial());
        Configuration voigt = read("1\nLattice=\"2 0 0 0 2 0 0 0 2\" Properties=species:S:1:pos:R:3 "
                + "stress=\"1 2 3 4 5 6\"\nW 0 0 0\n").get(0);
        assertArrayEquals(new double[] {-8, -16, -24, -32, -40, -48}, voigt.virial());
        Configuration virial = read("1\n" + LAT + "virial=\"1 2 3 2 5 6 3 6 9\"\nW 0 0 0\n").get(0);
        assertArrayEquals(new double[] {1, 5, 9, 6, 3, 2}, virial.virial());
        Configuration bar = read("1\n" + LAT + "stress_bar=\"1 0 0 0 1 0 0 0 1\"\nW 0 0 0\n").get(0);
        assertNull(bar.virial());
        assertEquals("1 0 0 0 1 0 0 0 1", bar.info().get("stress_bar"));
    }

    @Test
    void quotedValuesWithEscapesAndBlankLinesBetweenFrames() {
        List<Configuration> cs = read("1\n" + LAT + "comment=\"say \\\"hi\\\" = there\" config_type=\"bulk fcc\"\n"
                + "W 0 0 0\n\n\n1\n" + LAT + "\nW 1 1 1\n\n");
        assertEquals(2, cs.size());
        assertEquals("say \"hi\" = there", cs.get(0).info().get("comment"));
        assertEquals("bulk fcc", cs.get(0).configType());
        assertEquals("t.xyz:6", cs.get(1).source());
    }

    @Test
    void truncatedFrameNamesFileAndLine() {
        Uf3FormatException e = fails("3\n" + LAT + "\nW 0 0 0\nW 1 1 1\n");
        assertTrue(e.getMessage().startsWith("t.xyz:4:"), e.getMessage());
        assertTrue(e.getMessage().contains("2 of the 3 atom lines"), e.getMessage());
        Uf3FormatException noComment = fails("1\n");
        assertTrue(noComment.getMessage().startsWith("t.xyz:1:"), noComment.getMessage());
    }

    @Test
    void tooFewDeclaredAtomsIsCaughtAtTheNextCountLine() {
        Uf3FormatException e = fails("1\n" + LAT + "\nW 0 0 0\nW 1 1 1\n");
        assertTrue(e.getMessage().startsWith("t.xyz:4:"), e.getMessage());
        assertTrue(e.getMessage().contains("number of atoms"), e.getMessage());
    }

    @Test
    void tooManyDeclaredAtomsIsCaughtAtTheNextFrame() {
        Uf3FormatException e = fails("3\n" + LAT + "\nW 0 0 0\nW 1 1 1\n1\n" + LAT + "\nW 0 0 0\n");
        assertTrue(e.getMessage().startsWith("t.xyz:5:"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 4 columns"), e.getMessage());
    }

    @Test
    void badNumbersNameTheLine() {
        Uf3FormatException e = fails("2\n" + LAT + "\nW 0 0 0\nW 1 abc 1\n");
        assertTrue(e.getMessage().startsWith("t.xyz:4:"), e.getMessage());
        assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
        assertTrue(fails("1\n" + LAT + "\nW 0 0 1.0f\n").getMessage().startsWith("t.xyz:3:"));
        Uf3FormatException count = fails("two\nx\n");
        assertTrue(count.getMessage().startsWith("t.xyz:1:"), count.getMessage());
    }

    @Test
    void nanAndInfinityAreRejected() {
        String props = "Properties=species:S:1:pos:R:3:forces:R:3";
        Uf3FormatException pos = fails("1\n" + LAT + props + "\nW NaN 0 0 0 0 0\n");
        assertTrue(pos.getMessage().startsWith("t.xyz:3:") && pos.getMessage().contains("NaN"), pos.getMessage());
        Uf3FormatException force = fails("1\n" + LAT + props + "\nW 0 0 0 0 inf 0\n");
        assertTrue(force.getMessage().startsWith("t.xyz:3:") && force.getMessage().contains("forces"), force.getMessage());
        Uf3FormatException energy = fails("1\n" + LAT + props + " energy=nan\nW 0 0 0 0 0 0\n");
        assertTrue(energy.getMessage().startsWith("t.xyz:2:") && energy.getMessage().contains("energy"),
                energy.getMessage());
    }

    @Test
    void latticeProblems() {
        Uf3FormatException empty = fails("1\nLattice= Properties=species:S:1:pos:R:3\nW 0 0 0\n");
        assertTrue(empty.getMessage().startsWith("t.xyz:2:") && empty.getMessage().contains("Lattice")
                && empty.getMessage().contains("expected 9 numbers, found 0"), empty.getMessage());
        Uf3FormatException quotedEmpty = fails("1\nLattice=\"\"\nW 0 0 0\n");
        assertTrue(quotedEmpty.getMessage().startsWith("t.xyz:2:"), quotedEmpty.getMessage());
        Uf3FormatException eight = fails("1\nLattice=\"1 0 0 0 1 0 0 0\"\nW 0 0 0\n");
        assertTrue(eight.getMessage().contains("found 8"), eight.getMessage());
        Uf3FormatException flat = fails("1\nLattice=\"1 0 0 2 0 0 0 0 1\"\nW 0 0 0\n");
        assertTrue(flat.getMessage().contains("linearly dependent"), flat.getMessage());
        Uf3FormatException pbcWithoutCell = fails("1\npbc=\"T T T\"\nW 0 0 0\n");
        assertTrue(pbcWithoutCell.getMessage().contains("no Lattice"), pbcWithoutCell.getMessage());
        Uf3FormatException open = fails("1\nLattice=\"1 0 0 0 1 0 0 0 1\nW 0 0 0\n");
        assertTrue(open.getMessage().contains("never closed"), open.getMessage());
    }

    @Test
    void columnProblems() {
        Uf3FormatException noPos = fails("1\nProperties=species:S:1:forces:R:3\nW 0 0 0\n");
        assertTrue(noPos.getMessage().startsWith("t.xyz:2:") && noPos.getMessage().contains("pos:R:3"),
                noPos.getMessage());
        Uf3FormatException badSpec = fails("1\nProperties=species:S:1:pos:R\nW 0 0 0\n");
        assertTrue(badSpec.getMessage().contains("triples"), badSpec.getMessage());
        Uf3FormatException element = fails("1\nProperties=species:S:1:pos:R:3\nXx 0 0 0\n");
        assertTrue(element.getMessage().startsWith("t.xyz:3:") && element.getMessage().contains("'Xx'"),
                element.getMessage());
        Uf3FormatException contradiction = fails("1\nProperties=species:S:1:pos:R:3:Z:I:1\nW 0 0 0 41\n");
        assertTrue(contradiction.getMessage().contains("contradicts"), contradiction.getMessage());
        Uf3FormatException missingForces = assertThrows(Uf3FormatException.class,
                () -> read("1\nProperties=species:S:1:pos:R:3\nW 0 0 0\n", new ExtXyzOptions(null, "dft_forces")));
        assertTrue(missingForces.getMessage().contains("dft_forces"), missingForces.getMessage());
    }
}

package org.uf3j.core.io.potential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.testing.RandomModels;
import org.uf3j.core.testing.TestData;

/** The ML-UF3 LAMMPS potential format: the real Nb.uf3, exact round trips, LAMMPS' rules, malformed files. */
class Uf3FileTest {
    private static final Uf3FileWriter WRITER = Uf3FileWriter.create().withDate("2026-01-01 00:00:00");

    @TempDir
    Path tmp;

    @Test
    void lammpsNiobiumPotentialLoads() throws IOException {
        Path nb = TestData.lammpsNb();
        Uf3Model m = Uf3FileReader.read(nb);
        assertEquals(List.of("Nb"), m.elements());
        assertEquals(3, m.bodyOrder());
        assertEquals(Map.of("Nb", 0.0), m.oneBodyEnergies(), "the .uf3 format has no one-body energies");
        PairTerm p = m.pair("Nb", "Nb");
        assertEquals(27, p.size());
        assertEquals(31, p.knots().size());
        assertEquals(8.0, p.cutoff());
        assertEquals(79.140244588519465, p.coefficient(0), 0.0);
        assertEquals(-0.0013902809146717273, p.coefficient(23), 0.0);
        assertEquals(0.0, p.coefficient(26), 0.0);
        TripletTerm t = m.triplet("Nb", "Nb", "Nb");
        assertArrayEquals(new int[] {11, 11, 19}, t.shape());
        assertTrue(t.isSymmetric());
        assertEquals(4.0, t.knotsIJ().max());
        assertEquals(8.0, t.knotsJK().max());
        assertEquals(-1.1790416072105636e-06, t.coefficient(0, 0, 0), 0.0);
        assertEquals(0.000186151370764668, t.coefficient(0, 0, 5), 0.0);
        assertEquals(3.2366723157260956e-05, t.coefficient(0, 1, 0), 0.0);
        assertEquals(t.coefficient(0, 1, 0), t.coefficient(1, 0, 0), 0.0);
        // and it survives our writer: LAMMPS' own file is near-uniform but marked nk; we decide uk from the knots
        Uf3Model again = Uf3FileReader.parse(WRITER.toText(m), "rewritten.uf3");
        assertEquals(m, again);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void randomTwoElementModelsRoundTripBitForBit(boolean uniform) throws IOException {
        for (long seed = 1; seed <= 5; seed++) {
            Uf3Model m = RandomModels.roundTrip(seed, List.of("W", "Nb"), uniform, false);
            TripletTerm t = m.triplet("W", "Nb", "W");
            assertNotEquals(t.knotsIJ(), t.knotsIK());
            assertNotEquals(t.knotsIK(), t.knotsJK());
            Path f = tmp.resolve("m" + seed + ".uf3");
            WRITER.write(m, f);
            String text = Files.readString(f);
            assertEquals(m, Uf3FileReader.read(f));
            checkLammpsRules(text, uniform ? "uk" : "nk");
            // a model with one-body energies: written as a comment, read back without them
            Uf3Model withE1 = RandomModels.roundTrip(seed, List.of("W", "Nb"), uniform, true);
            String t1 = WRITER.toText(withE1);
            assertTrue(t1.contains("\n# one-body energies"), t1.substring(t1.length() - 200));
            assertEquals(withE1.withOneBodyEnergies(Map.of()), Uf3FileReader.parse(t1, "e1.uf3"));
        }
    }

    /** The rules LAMMPS' reader enforces, checked on the text itself. */
    private static void checkLammpsRules(String text, String spacing) {
        String[] lines = text.split("\n");
        Set<String> blocks = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            assertTrue(lines[i].length() <= 1023, "line " + (i + 1) + " length " + lines[i].length());
            if (!lines[i].startsWith("#UF3 POT")) {
                continue;
            }
            assertTrue(lines[i].startsWith("#UF3 POT UNITS: metal DATE: 2026-01-01 00:00:00 AUTHOR: UF3-J CITATION: Xie"));
            String[] head = lines[i + 1].split(" ");
            blocks.add(lines[i + 1].substring(0, lines[i + 1].length() - 7));
            assertEquals(spacing, head[head.length - 1]);
            assertEquals("0", head[head.length - 3], "leading trim");
            assertEquals("3", head[head.length - 2], "trailing trim");
            if (head[0].equals("2B")) {
                String[] cut = lines[i + 2].split(" ");
                int nk = Integer.parseInt(cut[1]);
                assertEquals(nk, lines[i + 3].split(" ").length);
                int nc = Integer.parseInt(lines[i + 4]);
                assertEquals(nk, nc + 4);
                assertEquals(nc, lines[i + 5].split(" ").length);
                assertEquals("#", lines[i + 6]);
            } else {
                String[] cut = lines[i + 2].split(" ");
                double rjk = Double.parseDouble(cut[0]);
                double rik = Double.parseDouble(cut[1]);
                double rij = Double.parseDouble(cut[2]);
                assertEquals(rij, rik, 0.0);
                assertEquals(2 * rij, rjk, 0.0);
                String[] shape = lines[i + 6].split(" ");
                assertEquals(Integer.parseInt(cut[3]), Integer.parseInt(shape[2]) + 4);
                assertEquals(Integer.parseInt(cut[4]), Integer.parseInt(shape[1]) + 4);
                assertEquals(Integer.parseInt(cut[5]), Integer.parseInt(shape[0]) + 4);
                int rows = Integer.parseInt(shape[0]) * Integer.parseInt(shape[1]);
                for (int r = 0; r < rows; r++) {
                    assertEquals(Integer.parseInt(shape[2]), lines[i + 7 + r].split(" ").length);
                }
                assertEquals("#", lines[i + 7 + rows]);
            }
        }
        assertEquals(Set.of("2B Nb Nb", "2B Nb W", "2B W W", "3B Nb Nb Nb", "3B Nb Nb W", "3B Nb W W", "3B W Nb Nb",
                "3B W Nb W", "3B W W W"), blocks);
    }

    @Test
    void tripletWrittenWithNeighboursInTheOtherOrderIsTransposed() {
        Uf3Model m = RandomModels.roundTrip(11, List.of("Nb", "W"), true, false);
        TripletTerm t = m.triplet("W", "Nb", "W");
        String text = WRITER.toText(m);
        // rewrite block "3B W Nb W" as "3B W W Nb": legs ij and ik swap, and so do l and m
        int[] s = t.shape();
        StringBuilder block = new StringBuilder("3B W W Nb 0 3 uk\n");
        block.append(t.knotsJK().max()).append(' ').append(t.knotsIJ().max()).append(' ').append(t.knotsIK().max())
                .append(' ').append(t.knotsJK().size()).append(' ').append(t.knotsIJ().size()).append(' ')
                .append(t.knotsIK().size()).append('\n');
        block.append(join(t.knotsJK().toArray())).append('\n').append(join(t.knotsIJ().toArray())).append('\n')
                .append(join(t.knotsIK().toArray())).append('\n');
        block.append(s[1]).append(' ').append(s[0]).append(' ').append(s[2]).append('\n');
        for (int a = 0; a < s[1]; a++) {
            for (int b = 0; b < s[0]; b++) {
                double[] row = new double[s[2]];
                for (int n = 0; n < s[2]; n++) {
                    row[n] = t.coefficient(b, a, n);
                }
                block.append(join(row)).append('\n');
            }
        }
        int start = text.indexOf("3B W Nb W");
        int end = text.indexOf("\n#\n", start) + 1;
        String swapped = text.substring(0, start) + block + text.substring(end);
        assertFalse(swapped.contains("3B W Nb W"));
        assertEquals(m, Uf3FileReader.parse(swapped, "swapped.uf3"));
    }

    @Test
    void malformedFilesNameTheLine() {
        Uf3Model m = RandomModels.roundTrip(3, List.of("W"), true, false);
        String good = WRITER.toText(m);
        String[] lines = good.split("\n", -1);
        // line 5 is the pair's ncoeff
        assertError(replaceLine(lines, 5, String.valueOf(Integer.parseInt(lines[4]) + 1)), 5, "nknots = ncoeff + 4");
        assertError(replaceLine(lines, 6, lines[5] + " 1.0"), 6, "found " + (Integer.parseInt(lines[4]) + 1));
        assertError(replaceLine(lines, 6, lines[5].replaceFirst("^\\S+", "1.2.3")), 6, "'1.2.3'");
        assertError(replaceLine(lines, 4, lines[3].replaceFirst("^(\\S+) ", "$1 -7 ").replaceFirst(" \\S+$", "")), 4,
                "non-decreasing");
        assertError(replaceLine(lines, 1, "#UF3 POT DATE: today"), 1, "UNITS:");
        assertError(replaceLine(lines, 1, "#UF3 POT UNITS: real DATE: today"), 1, "metal");
        assertError(replaceLine(lines, 2, "4B W W 0 3 uk"), 2, "'2B' or '3B'");
        assertError(replaceLine(lines, 2, "2B W W 0 3 xk"), 2, "'uk'");
        assertError(replaceLine(lines, 9, lines[8].replace(" uk", " nk")), 9, "one knot spacing type");
        assertError(replaceLine(lines, 2, "2B W Qq 0 3 uk"), 2, "'Qq'");
        // LAMMPS reads only LEAD 0, TRAIL 3, and the writer writes only those (found by fuzzing: '3 0')
        assertError(replaceLine(lines, 2, "2B W W 3 0 uk"), 2, "expected leading trim 0");
        assertError(replaceLine(lines, 2, "2B W W 0 2 uk"), 2, "expected trailing trim 3");
        assertError(replaceLine(lines, 3, "9.5 " + lines[2].split(" ")[1]), 3, "cutoff");
        String truncated = String.join("\n", java.util.Arrays.copyOf(lines, 12));
        Uf3FormatException t = assertThrows(Uf3FormatException.class, () -> Uf3FileReader.parse(truncated, "m.uf3"));
        assertTrue(t.getMessage().contains("ends inside a block"), t.getMessage());
        String noTriplet = good.substring(0, good.indexOf("#UF3 POT", 10));
        Uf3Model pairOnly = Uf3FileReader.parse(noTriplet, "pair.uf3");
        assertEquals(2, pairOnly.bodyOrder());
        Uf3FormatException dup = assertThrows(Uf3FormatException.class,
                () -> Uf3FileReader.parse(noTriplet + noTriplet, "dup.uf3"));
        assertTrue(dup.getMessage().startsWith("dup.uf3:9:") && dup.getMessage().contains("twice"), dup.getMessage());
        Uf3FormatException junk = assertThrows(Uf3FormatException.class,
                () -> Uf3FileReader.parse(noTriplet + "hello\n", "junk.uf3"));
        assertTrue(junk.getMessage().startsWith("junk.uf3:8:"), junk.getMessage());
        Uf3FormatException none = assertThrows(Uf3FormatException.class, () -> Uf3FileReader.parse("# nothing\n", "e.uf3"));
        assertTrue(none.getMessage().contains("no '#UF3 POT' block"), none.getMessage());
    }

    @Test
    void uniformFlagWithNonUniformKnotsAndIncompleteModels() {
        Uf3Model geometric = RandomModels.roundTrip(4, List.of("W"), false, false);
        String text = WRITER.toText(geometric);
        assertTrue(text.contains(" nk\n"));
        Uf3FormatException uk = assertThrows(Uf3FormatException.class,
                () -> Uf3FileReader.parse(text.replaceFirst(" nk\n", " uk\n"), "g.uf3"));
        assertTrue(uk.getMessage().startsWith("g.uf3:4:") && uk.getMessage().contains("not equally spaced"),
                uk.getMessage());
        Uf3Model two = RandomModels.roundTrip(5, List.of("Nb", "W"), true, false);
        String t2 = WRITER.toText(two);
        int start = t2.lastIndexOf("#UF3 POT", t2.indexOf("2B Nb W"));
        int end = t2.indexOf("\n#\n", start) + 3;
        Uf3FormatException missing = assertThrows(Uf3FormatException.class,
                () -> Uf3FileReader.parse(t2.substring(0, start) + t2.substring(end), "missing.uf3"));
        assertTrue(missing.getMessage().contains("no 2-body term for Nb-W"), missing.getMessage());
    }

    @Test
    void writerRefusesWhatLammpsCannotRead() {
        KnotSequence k = KnotSequence.linear(1, 5, 6);
        double[] c = new double[k.basisCount()];
        c[0] = 1;
        c[c.length - 1] = 1e-9;
        Uf3Model notTrimmed = Uf3Model.builder().pair(new PairTerm("W", "W", k, c)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WRITER.toText(notTrimmed));
        assertTrue(e.getMessage().contains("last 3 coefficients"), e.getMessage());
        double[] ok = new double[k.basisCount()];
        KnotSequence ij = KnotSequence.linear(1, 3, 4);
        KnotSequence jk = KnotSequence.linear(1, 5, 8);
        Uf3Model badCutoff = Uf3Model.builder().pair(new PairTerm("W", "W", k, ok))
                .triplet(new TripletTerm("W", "W", "W", ij, ij, jk, new double[7 * 7 * 11])).build();
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class, () -> WRITER.toText(badCutoff));
        assertTrue(cut.getMessage().contains("r_jk cutoff = 2 r_ij"), cut.getMessage());
        KnotSequence many = KnotSequence.linear(0.123456789, 9.87654321, 70);
        Uf3Model wide = Uf3Model.builder().pair(new PairTerm("W", "W", many, new double[many.basisCount()])).build();
        IllegalArgumentException longLine = assertThrows(IllegalArgumentException.class, () -> WRITER.toText(wide));
        assertTrue(longLine.getMessage().contains("1023"), longLine.getMessage());
    }

    @Test
    void sameNeighbourTripletsNeedOneKnotVectorAndASymmetricTensor() {
        Uf3Model m = RandomModels.roundTrip(8, List.of("W"), true, false);
        TripletTerm t = m.triplet("W", "W", "W");
        double[] c = t.coefficients();
        int[] s = t.shape();
        c[(1 * s[1] + 0) * s[2] + 2] += 1e-3;
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> new TripletTerm("W", "W", "W", t.knotsIJ(), t.knotsIK(), t.knotsJK(), c));
        assertTrue(w.getMessage().contains("c[l][m][n] must equal c[m][l][n]"), w.getMessage());
        // the same tensor written by hand: the reader points at the first asymmetric row
        String good = WRITER.toText(m);
        String[] lines = good.split("\n", -1);
        int header = java.util.Arrays.asList(lines).indexOf("3B W W W 0 3 uk") + 1; // 1-based line of the 3B line
        int row10 = header + 6 + 1 * s[1] + 0; // line of c[1][0][*]
        String[] row = lines[row10 - 1].split(" ");
        row[2] = String.valueOf(Double.parseDouble(row[2]) + 1e-3);
        String bad = replaceLine(lines, row10, String.join(" ", row));
        assertError(bad, row10, "c[1][0][2]");
        // different ik knots for W-W-W: LAMMPS would use the ij knots for both legs
        lines = good.replace(" uk\n", " nk\n").split("\n", -1);
        String ik = lines[header + 2];
        String[] knots = ik.split(" ");
        knots[4] = String.valueOf(Double.parseDouble(knots[4]) + 1e-3);
        assertError(replaceLine(lines, header + 3, String.join(" ", knots)), header + 4, "ik knots");
    }

    private static void assertError(String text, int line, String fragment) {
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> Uf3FileReader.parse(text, "m.uf3"));
        assertTrue(e.getMessage().startsWith("m.uf3:" + line + ":"), "expected line " + line + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
        assertEquals(line, e.line());
    }

    private static String replaceLine(String[] lines, int oneBased, String replacement) {
        String[] copy = lines.clone();
        copy[oneBased - 1] = replacement;
        return String.join("\n", copy);
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(b.length() == 0 ? "" : " ").append(x);
        }
        return b.toString();
    }
}

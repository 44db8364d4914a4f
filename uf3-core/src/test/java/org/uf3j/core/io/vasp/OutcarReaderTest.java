package org.uf3j.core.io.vasp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.testing.IoFixtures;

/**
 * io/vasp/OUTCAR: the same two ionic steps as io/vasp/vasprun.xml in the VASP 6 OUTCAR layout
 * (header with POTCAR/VRHFIN/TITEL/ions per type, electronic iterations, stress, lattice,
 * POSITION/TOTAL-FORCE, final energies).
 */
class OutcarReaderTest {
    private static final Path FILE = IoFixtures.path("vasp/OUTCAR");

    @Test
    void readsEveryIonicStep() throws Exception {
        List<Configuration> steps = OutcarReader.readAll(FILE);
        assertEquals(2, steps.size());
        Configuration c = steps.get(0);
        assertEquals(List.of("Nb", "Nb"), Arrays.asList(c.structure().symbols()));
        assertArrayEquals(new double[] {2.937469043, 0.635475384, 1.210391119, -0.718867038, 3.130322478, 0.234970983,
            -1.187791384, -0.437264937, 3.005120797}, c.structure().cell().vectors(), 0);
        assertArrayEquals(new double[] {0, 0, 0, 0.55200, 1.62235, 2.24284}, c.structure().positions(), 0);
        assertArrayEquals(new double[] {0.305077, -0.350046, 0.184402, -0.305077, 0.350046, -0.184402}, c.forces(), 0);
        assertEquals(-8.62110015, c.energy(), 0);
        assertEquals("-8.61897015", c.info().get("e_wo_entrp"));
        assertEquals("-8.62003515", c.info().get("e_0_energy"));
        assertEquals("1", c.info().get("ionic_step"));
        assertEquals(FILE + ":159", c.source());
        assertEquals(FILE + ":270", steps.get(1).source());
        assertEquals(-8.68549592, steps.get(1).energy(), 0);
    }

    /** "in kB" is XX YY ZZ XY YZ ZX; the virial is Voigt xx yy zz yz xz xy times 0.1·V/160.2176634. */
    @Test
    void virialFromTheInKbLine() throws Exception {
        Configuration c = OutcarReader.readAll(FILE).get(0);
        double f = 0.1 * c.structure().cell().volume() / 160.2176634;
        assertArrayEquals(new double[] {271.67708 * f, 280.81997 * f, 273.43156 * f, -15.31582 * f, 12.91171 * f,
            -10.86354 * f}, c.virial(), 1e-12);
        // the OUTCAR's own "Total" line (eV) is the same tensor: 5.76715 5.96123 5.80439 -0.23061 -0.32512 0.27409
        assertArrayEquals(new double[] {5.76715, 5.96123, 5.80439, -0.32512, 0.27409, -0.23061}, c.virial(), 1e-5);
    }

    @Test
    void agreesWithTheVasprunOfTheSameRun() throws Exception {
        List<Configuration> outcar = OutcarReader.readAll(FILE);
        List<Configuration> vasprun = VasprunReader.readAll(IoFixtures.path("vasp/vasprun.xml"));
        for (int i = 0; i < 2; i++) {
            Configuration a = outcar.get(i);
            Configuration b = vasprun.get(i);
            assertEquals(b.energy(), a.energy(), 0);
            assertArrayEquals(b.structure().cell().vectors(), a.structure().cell().vectors(), 1e-8);
            assertArrayEquals(b.structure().positions(), a.structure().positions(), 1e-5);
            assertArrayEquals(b.forces(), a.forces(), 1e-6);
            assertArrayEquals(b.virial(), a.virial(), 1e-6);
            assertEquals(b.info(), a.info());
        }
    }

    @Test
    void optionsEnergyAndLastStep() throws Exception {
        VaspOptions o = VaspOptions.defaults().withEnergy(VaspOptions.Energy.SIGMA_ZERO)
                .withIonicSteps(VaspOptions.IonicSteps.LAST).withConfigType("relax");
        List<Configuration> last = OutcarReader.readAll(FILE, o);
        assertEquals(1, last.size());
        assertEquals(-8.68445592, last.get(0).energy(), 0);
        assertEquals("relax", last.get(0).configType());
    }

    @Test
    void fixedWidthFieldsThatRunTogether() {
        String text = IoFixtures.text("vasp/OUTCAR").replace(
                "      0.55200      1.62235      2.24284        -0.305077      0.350046     -0.184402",
                "    -10.55200-11.62235-12.24284-100.305077-100.350046-100.184402");
        Configuration c = read(text, null).get(0);
        assertArrayEquals(new double[] {-10.552, -11.62235, -12.24284}, Arrays.copyOfRange(c.structure().positions(), 3,
                6), 0);
        assertArrayEquals(new double[] {-100.305077, -100.350046, -100.184402}, Arrays.copyOfRange(c.forces(), 3, 6), 0);
    }

    @Test
    void twoElementsFromVrhfinOrTitel() {
        String two = IoFixtures.text("vasp/OUTCAR").replace("ions per type =               2",
                "ions per type =               1   1").replace("   TITEL  = PAW_PBE Nb_pv 08Apr2002\n",
                "   TITEL  = PAW_PBE Nb_pv 08Apr2002\n   VRHFIN =Mo: 4p5s4d\n   TITEL  = PAW_PBE Mo_pv 08Apr2002\n");
        assertEquals(List.of("Nb", "Mo"), Arrays.asList(read(two, null).get(0).structure().symbols()));
        String titelOnly = two.replaceAll("(?m)^ *VRHFIN.*\\n", "");
        assertEquals(List.of("Nb", "Mo"), Arrays.asList(read(titelOnly, null).get(0).structure().symbols()));
        String potcarOnly = titelOnly.replaceAll("(?m)^ *TITEL.*\\n", "").replace(
                " POTCAR:    PAW_PBE Nb_pv 08Apr2002                 \n POTCAR:    PAW_PBE Nb_pv 08Apr2002",
                " POTCAR:    PAW_PBE Nb_pv 08Apr2002\n POTCAR:    PAW_PBE Mo_pv 08Apr2002\n"
                        + " POTCAR:    PAW_PBE Nb_pv 08Apr2002\n POTCAR:    PAW_PBE Mo_pv 08Apr2002");
        assertEquals(List.of("Nb", "Mo"), Arrays.asList(read(potcarOnly, null).get(0).structure().symbols()));
        String noNames = potcarOnly.replaceAll("(?m)^ *POTCAR:.*\\n", "");
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> read(noNames, null));
        assertTrue(e.getMessage().contains("cannot tell the elements: 'ions per type' (line 39) has 2 types but the "
                + "header has 0 VRHFIN, 0 TITEL and 0 POTCAR lines"), e.getMessage());
    }

    @Test
    void truncatedRuns() {
        String[] lines = IoFixtures.text("vasp/OUTCAR").split("\n", -1);
        String duringScf = String.join("\n", Arrays.copyOf(lines, 230));
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> read(duringScf, null));
        assertEquals("OUTCAR:230: file ends inside ionic step 2 (started at line 184), which has no POSITION/TOTAL-FORCE "
                + "block and no final energy (FREE ENERGIE OF THE ION-ELECTRON SYSTEM) (truncated: is VASP still running, "
                + "or was it killed?); 1 complete ionic step(s) before it; allowIncomplete keeps those", e.getMessage());
        assertEquals(1, read(duringScf, VaspOptions.defaults().withAllowIncomplete(true)).size());
        String afterForces = String.join("\n", Arrays.copyOf(lines, 276));
        e = assertThrows(Uf3FormatException.class, () -> read(afterForces, null));
        assertTrue(e.getMessage().contains("which has no final energy"), e.getMessage());
    }

    @Test
    void malformedContentNamesLineAndWhatWasExpected() {
        String text = IoFixtures.text("vasp/OUTCAR");
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> read(text.replace(
                "0.305077     -0.350046      0.184402", "0.305077 **************  0.184402"), null));
        assertEquals(161, e.line());
        assertTrue(e.getMessage().contains("position (Å) and force (eV/Å) of atom 1: a Fortran field overflowed"),
                e.getMessage());

        e = assertThrows(Uf3FormatException.class, () -> read(text.replace("   ions per type =               2\n", ""),
                null));
        assertTrue(e.getMessage().startsWith("OUTCAR:158: POSITION block before the 'ions per type' line"),
                e.getMessage());

        e = assertThrows(Uf3FormatException.class, () -> read(text.replace(
                "      0.55200      1.62235      2.24284        -0.305077      0.350046     -0.184402\n", ""), null));
        assertEquals("OUTCAR:162: the POSITION block at line 159 has 1 atom lines, the header declares 2 ions",
                e.getMessage());

        e = assertThrows(Uf3FormatException.class, () -> read(text.replace("in kB      271.67708", "in kB      271.6770x"),
                null));
        assertEquals(142, e.line());
        assertTrue(e.getMessage().endsWith("the six stress components (XX YY ZZ XY YZ ZX) of the 'in kB' line: "
                + "expected numbers, found '271.6770x'"), e.getMessage());

        e = assertThrows(Uf3FormatException.class, () -> read("hello\nworld\n", null));
        assertEquals("OUTCAR:2: no 'ions per type' line and no ionic step: is this a VASP OUTCAR?", e.getMessage());
    }

    private static List<Configuration> read(String text, VaspOptions options) {
        List<Configuration> out = new java.util.ArrayList<>();
        try (OutcarReader r = OutcarReader.of(new StringReader(text), "OUTCAR", options)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }
}

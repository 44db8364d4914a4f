package org.uf3j.core.io.vasp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.testing.IoFixtures;

/**
 * io/vasp/vasprun.xml: two ionic steps of a 2-atom Nb cell in VASP 6 layout (general triclinic,
 * compressed; step 2 = step 1 scaled by 1.004), labelled by LAMMPS' Nb.uf3 as described in
 * io/vasp/make_fixtures.py. The stress sign is VASP's documented one (positive = compressed).
 */
class VasprunReaderTest {
    private static final Path FILE = IoFixtures.path("vasp/vasprun.xml");
    private static final double[] BASIS1 = {2.93746904, 0.63547538, 1.21039112, -0.71886704, 3.13032248, 0.23497098,
        -1.18779138, -0.43726494, 3.00512080};

    @Test
    void readsEveryIonicStep() throws Exception {
        List<Configuration> steps = VasprunReader.readAll(FILE);
        assertEquals(2, steps.size());
        Configuration c = steps.get(0);
        assertEquals(List.of("Nb", "Nb"), Arrays.asList(c.structure().symbols()));
        assertArrayEquals(BASIS1, c.structure().cell().vectors(), 0);
        assertArrayEquals(new boolean[] {true, true, true}, c.structure().cell().pbc());
        double[] frac = {0.51, 0.485, 0.503};
        for (int k = 0; k < 3; k++) {
            assertEquals(frac[0] * BASIS1[k] + frac[1] * BASIS1[3 + k] + frac[2] * BASIS1[6 + k], c.structure().x(1, k),
                    1e-15);
            assertEquals(0, c.structure().x(0, k));
        }
        assertArrayEquals(new double[] {0.30507668, -0.35004596, 0.18440240, -0.30507668, 0.35004596, -0.18440240},
                c.forces(), 0);
        assertEquals(-8.62110015, c.energy(), 0);
        assertEquals("1", c.info().get("ionic_step"));
        assertEquals("-8.61897015", c.info().get("e_wo_entrp"));
        assertEquals("-8.62003515", c.info().get("e_0_energy"));
        assertEquals(FILE + ":101", c.source());
        assertEquals("default", c.configType());
        Configuration d = steps.get(1);
        assertEquals(FILE + ":210", d.source());
        assertEquals(-8.68549592, d.energy(), 0);
        assertEquals(1.004 * BASIS1[4], d.structure().cell().vectors()[4], 1e-8);
    }

    /** W = σ(kB) · 0.1 GPa/kB · V / 160.2176634 GPa per eV/Å³, Voigt xx yy zz yz xz xy, from the file's numbers. */
    @Test
    void virialIsTheStressTimesVolumeInEv() throws Exception {
        Configuration c = VasprunReader.readAll(FILE).get(0);
        double xx = 271.67707515;
        double yy = 280.81996875;
        double zz = 273.43156258;
        double xy = -10.86354492;
        double xz = 12.91170928;
        double yz = -15.31581515;
        double v = c.structure().cell().volume();
        assertEquals(34.010928, v, 1e-6);
        double f = 0.1 * v / 160.2176634;
        assertArrayEquals(new double[] {xx * f, yy * f, zz * f, yz * f, xz * f, xy * f}, c.virial(), 1e-12);
    }

    /**
     * The same tensor through the project's extended-XYZ convention: ASE turns VASP's stress into its
     * own (positive under tension, eV/Å³) as −0.1 GPa/kB · σ_VASP / 160.2176634, and
     * {@link ExtXyzReader} stores an ASE stress as W = −σ_ASE·V. Both routes give one virial.
     */
    @Test
    void sameVirialAsAnAseStressInExtendedXyz() throws Exception {
        Configuration c = VasprunReader.readAll(FILE).get(0);
        double[] s = {271.67707515, -10.86354492, 12.91170928, -10.86354492, 280.81996875, -15.31581515, 12.91170928,
            -15.31581515, 273.43156258};
        StringBuilder stress = new StringBuilder();
        for (double v : s) {
            stress.append(stress.length() == 0 ? "" : " ").append(-0.1 * v / 160.2176634);
        }
        StringBuilder lattice = new StringBuilder();
        for (double v : BASIS1) {
            lattice.append(lattice.length() == 0 ? "" : " ").append(v);
        }
        String xyz = "2\nLattice=\"" + lattice + "\" Properties=species:S:1:pos:R:3 stress=\"" + stress
                + "\" pbc=\"T T T\"\nNb 0 0 0\nNb 1 1 1\n";
        Configuration x = ExtXyzReader.of(new java.io.StringReader(xyz), "ase.xyz", null).next();
        assertArrayEquals(c.virial(), x.virial(), 1e-12);
    }

    /**
     * The documented sign, checked against the file's own energies: along the homogeneous scaling
     * s (step 2 = 1.004 × step 1), dE/ds = −tr(W)/s for W = −∂E/∂ε. The trapezoid rule over Δs =
     * 0.004 is good to ~0.2 % here; a wrong sign or a factor 10 in the units would be off by 200 % or more.
     */
    @Test
    void stressSignMatchesTheEnergyChangeUnderExpansion() throws Exception {
        List<Configuration> steps = VasprunReader.readAll(FILE);
        double tr1 = trace(steps.get(0).virial());
        double tr2 = trace(steps.get(1).virial());
        assertTrue(tr1 > 0 && tr2 > 0, "a compressed cell has a positive virial (VASP: positive stress)");
        double dE = steps.get(1).energy() - steps.get(0).energy();
        double integral = -0.5 * (tr1 / 1.0 + tr2 / 1.004) * 0.004;
        assertEquals(dE, integral, 0.01 * Math.abs(dE));
    }

    /**
     * Independent check: the Java evaluator on the structures read reproduces the labels (forces and
     * virial in the rotated frame). The lattice is printed to 1e-8 Å, which moves forces and virial
     * by a few 1e-7 (the virial's strain derivative is ~C·V ~ 50 eV).
     */
    @Test
    void labelsEqualTheJavaEvaluatorOnTheStructuresRead() throws Exception {
        JavaEvaluator ev = IoFixtures.nbEvaluator();
        for (Configuration c : VasprunReader.readAll(FILE)) {
            Evaluation e = ev.evaluate(c.structure());
            assertEquals(e.energy(), c.energy(), 1e-8);
            assertArrayEquals(e.forces(), c.forces(), 2e-6);
            assertArrayEquals(e.virial(), c.virial(), 2e-6);
        }
    }

    @Test
    void energyChoiceIonicStepsAndConfigType() throws Exception {
        VaspOptions o = VaspOptions.defaults().withConfigType("strained");
        assertEquals(-8.61897015, VasprunReader.readAll(FILE, o.withEnergy(VaspOptions.Energy.WITHOUT_ENTROPY))
                .get(0).energy(), 1e-12);
        assertEquals(-8.62003515, VasprunReader.readAll(FILE, o.withEnergy(VaspOptions.Energy.parse("e_0_energy")))
                .get(0).energy(), 1e-12);
        List<Configuration> last = VasprunReader.readAll(FILE, o.withIonicSteps(VaspOptions.IonicSteps.LAST));
        assertEquals(1, last.size());
        assertEquals("2", last.get(0).info().get("ionic_step"));
        assertEquals("strained", last.get(0).configType());
    }

    /**
     * VASP 5 writes e_wo_entrp and e_0_energy swapped in each calculation's energy block; the
     * electronic steps are right. Both routes give the true values.
     */
    @Test
    void vasp5SwappedEnergiesAreUndone() {
        String swapped = IoFixtures.text("vasp/vasprun.xml").replace("6.3.2  ", "5.4.4.18Apr17-6-g9f103f2a35  ");
        String calcOnly = swapped.substring(swapped.indexOf("<scstep>")); // swap names in calculation blocks only
        String head = swapped.substring(0, swapped.indexOf("<scstep>"));
        String[] parts = calcOnly.split("</scstep>", -1);
        StringBuilder b = new StringBuilder(head);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i > 0 && !p.trim().startsWith("<scstep>")) { // the stretch after the last scstep of a calculation
                p = p.replace("\"e_wo_entrp\"", "\"TMP\"").replace("\"e_0_energy\"", "\"e_wo_entrp\"")
                        .replace("\"TMP\"", "\"e_0_energy\"");
            }
            b.append(p).append(i < parts.length - 1 ? "</scstep>" : "");
        }
        String withScsteps = b.toString();
        String withoutScsteps = withScsteps.replaceAll("(?s)\\s*<scstep>.*?</scstep>", "");
        for (String text : new String[] {withScsteps, withoutScsteps}) {
            Configuration c = read(text, VaspOptions.defaults().withEnergy(VaspOptions.Energy.SIGMA_ZERO)).get(0);
            assertEquals(-8.62003515, c.energy(), 1e-12);
            assertEquals("-8.61897015", c.info().get("e_wo_entrp"));
        }
    }

    @Test
    void truncatedFiles(@TempDir Path dir) throws Exception {
        String[] lines = IoFixtures.text("vasp/vasprun.xml").split("\n", -1);
        Path insideStep = IoFixtures.write(dir, "inside.xml", String.join("\n", Arrays.copyOf(lines, 240)));
        try (VasprunReader r = VasprunReader.open(insideStep)) {
            assertEquals("1", r.next().info().get("ionic_step")); // streams: step 1 comes before the damage is seen
            Uf3FormatException e = assertThrows(Uf3FormatException.class, r::hasNext);
            assertTrue(e.getMessage().startsWith(insideStep + ":240: file ends inside the <calculation> of ionic "
                    + "step 2 that starts at line 210 (truncated"), e.getMessage());
            assertTrue(e.getMessage().contains("1 complete ionic step(s) before it"), e.getMessage());
        }
        assertEquals(1, VasprunReader.readAll(insideStep, VaspOptions.defaults().withAllowIncomplete(true)).size());
        Path betweenSteps = IoFixtures.write(dir, "between.xml", String.join("\n", Arrays.copyOf(lines, 209)));
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> VasprunReader.readAll(betweenSteps));
        assertTrue(e.getMessage().contains("file ends before </modeling>"), e.getMessage());
        List<Configuration> kept = VasprunReader.readAll(betweenSteps, VaspOptions.defaults().withAllowIncomplete(true)
                .withIonicSteps(VaspOptions.IonicSteps.LAST));
        assertEquals(1, kept.size());
    }

    @Test
    void malformedContentNamesLineAndWhatWasExpected() {
        String text = IoFixtures.text("vasp/vasprun.xml");
        String[] lines = text.split("\n", -1);

        String[] noForces = lines.clone();
        for (int i = 259; i <= 262; i++) { // <varray name="forces"> of step 2 (lines 260-263)
            noForces[i] = "";
        }
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> read(String.join("\n", noForces), null));
        assertEquals("vasprun.xml:318: ionic step 2 (<calculation> at line 210) has no <varray name=\"forces\">",
                e.getMessage());

        String[] badNumber = lines.clone();
        badNumber[151] = badNumber[151].replace("0.30507668", "**********");
        e = assertThrows(Uf3FormatException.class, () -> read(String.join("\n", badNumber), null));
        assertEquals(152, e.line());
        assertTrue(e.getMessage().endsWith("<varray name=\"forces\"> atom 1 component 1: expected a finite number, "
                + "found '**********'"), e.getMessage());

        String[] oneForce = lines.clone();
        oneForce[152] = "";
        e = assertThrows(Uf3FormatException.class, () -> read(String.join("\n", oneForce), null));
        assertEquals("vasprun.xml:151: <varray name=\"forces\"> has 1 rows, expected 2 (one per atom)", e.getMessage());

        e = assertThrows(Uf3FormatException.class, () -> read(text.replace("<rc><c>Nb</c><c>   1</c></rc>",
                "<rc><c>Xq</c><c>   1</c></rc>"), null));
        assertTrue(e.getMessage().contains("atom 1 has element 'Xq' in <atominfo>"), e.getMessage());

        e = assertThrows(Uf3FormatException.class, () -> read("<?xml version=\"1.0\"?>\n<html><body/></html>\n", null));
        assertEquals("vasprun.xml:2: root element is <html>, expected <modeling> (is this a vasprun.xml?)",
                e.getMessage());

        e = assertThrows(Uf3FormatException.class, () -> read(text.replace("</generator>", "</generatr>"), null));
        assertTrue(e.getMessage().startsWith("vasprun.xml:10: malformed XML before </modeling>"), e.getMessage());
    }

    @Test
    void iteratorContract() throws Exception {
        try (VasprunReader r = VasprunReader.open(FILE)) {
            assertTrue(r.hasNext());
            assertTrue(r.hasNext());
            r.next();
            r.next();
            assertFalse(r.hasNext());
            assertThrows(java.util.NoSuchElementException.class, r::next);
        }
        try (var s = VasprunReader.stream(FILE, VaspOptions.defaults())) {
            assertEquals(2, s.count());
        }
    }

    private static List<Configuration> read(String text, VaspOptions options) {
        List<Configuration> out = new java.util.ArrayList<>();
        try (VasprunReader r = VasprunReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                "vasprun.xml", options)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    private static double trace(double[] w) {
        return w[0] + w[1] + w[2];
    }
}

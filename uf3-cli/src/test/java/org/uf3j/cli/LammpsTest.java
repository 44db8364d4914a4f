package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.io.potential.ProjectModelIO;
import org.uf3j.core.io.potential.Uf3FileWriter;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.LammpsData;

/**
 * What the CLI writes for LAMMPS, run by LAMMPS itself ({@code bin/lmp}): the exported pair table
 * reproduces {@code pair_style uf3 2} energies within table interpolation error, and a
 * {@code lammps-input} script runs and starts at the Java energy.
 */
class LammpsTest {
    private static final Pattern ENERGY = Pattern.compile("ENERGY (\\S+) PRESSURE (\\S+)");

    @TempDir
    Path dir;

    @Test
    void exportedTableReproducesPairStyleUf3Energies() throws Exception {
        Uf3Model m = TestModels.uf2();
        Path json = dir.resolve("m.json");
        ProjectModelIO.write(ProjectModel.of(m), json);
        Cli.run("export", "-p", json.toString(), "--to", "uf3", "-o", dir.resolve("W.uf3").toString()).assertOk();
        Cli.run("export", "-p", json.toString(), "--to", "table", "--points", "4000", "-o", dir.resolve("W.table").toString())
                .assertOk();
        Random rnd = new Random(11);
        double worst = 0;
        for (double a : new double[] {3.0, 3.165, 3.4}) {
            Structure s = rattledBcc(a, 4, 0.12, rnd);
            LammpsData.write(s, List.of("W"), dir.resolve("cell.data"));
            double[] uf3 = energy("pair_style uf3 2\npair_coeff * * W.uf3 W\n");
            double[] table = energy("pair_style table linear 4000\npair_coeff 1 1 W.table W_W 5.5\n");
            double perAtom = Math.abs(uf3[0] - table[0]) / s.size();
            worst = Math.max(worst, perAtom);
            assertTrue(perAtom < 2e-5, String.format(Locale.ROOT, "a=%.3f: uf3 %.10f eV vs table %.10f eV", a, uf3[0],
                    table[0]));
            assertEquals(uf3[1], table[1], 1e-3 * Math.abs(uf3[1]) + 0.5, "pressure (bar)");
            // and LAMMPS' uf3 agrees with the Java evaluator (no one-body energy in the .uf3 file)
            double java = new JavaEvaluator(m).evaluate(s).energy() - m.oneBodyEnergy("W") * s.size();
            assertEquals(java, uf3[0], 1e-9 * Math.abs(java) + 1e-9);
        }
        System.out.printf(Locale.ROOT, "pair table vs pair_style uf3 2: worst |ΔE| = %.3g eV/atom%n", worst);
    }

    @Test
    void lammpsInputRunsAndStartsAtTheJavaEnergy() throws Exception {
        Uf3Model m = TestModels.uf23();
        Path uf3 = dir.resolve("W.uf3");
        Uf3FileWriter.create().write(m, uf3);
        Path in = dir.resolve("in.lammps");
        Cli.run("lammps-input", "--potential", uf3.toString(), "--structure", "bcc:3.2", "--size", "4", "--steps", "50",
                "--thermo", "10", "-o", in.toString()).assertOk();
        String text = Files.readString(in);
        assertTrue(text.contains("pair_style      uf3 3"), text);
        assertTrue(text.contains("pair_coeff      * * W.uf3 W"), text);
        assertTrue(text.contains("mass            1 183.84"), text);
        Cli.Result r = Cli.lmp(dir, "-in", "in.lammps", "-log", "none");
        List<double[]> rows = thermo(r.out());
        assertEquals(6, rows.size(), r.out());
        Structure s = bcc(3.2, 4);
        double java = new JavaEvaluator(m).evaluate(s).energy() - m.oneBodyEnergy("W") * s.size();
        assertEquals(java, rows.get(0)[3], 1e-6 * Math.abs(java), "PotEng at step 0");
        for (double[] row : rows) {
            assertTrue(Double.isFinite(row[5]), "finite total energy");
        }
    }

    @Test
    void latticeConstantDefaultsToTheMinimumOfThePotential() throws Exception {
        Path uf3 = dir.resolve("W.uf3");
        Uf3FileWriter.create().write(TestModels.uf2(), uf3);
        Cli.Result r = Cli.run("lammps-input", "-p", uf3.toString(), "--structure", "fcc", "--ensemble", "nve").assertOk();
        assertTrue(r.out().contains("the minimum of E(a) of fcc W"), r.out());
        assertTrue(r.out().contains("fix             md all nve"), r.out());
        Cli.run("lammps-input", "-p", uf3.toString(), "--structure", "hcp:3").assertError("lammps-input", "hcp:3");
        Path json = dir.resolve("m.json");
        ProjectModelIO.write(ProjectModel.of(TestModels.uf2()), json);
        Cli.run("lammps-input", "-p", json.toString()).assertError("lammps-input", "LAMMPS reads .uf3 files", "uf3 export");
    }

    private double[] energy(String pair) throws Exception {
        String in = "units metal\natom_style atomic\nboundary p p p\nread_data cell.data\nmass 1 183.84\n" + pair
                + "run 0\nprint \"ENERGY $(pe:%.15g) PRESSURE $(press:%.15g)\"\n";
        Files.writeString(dir.resolve("in.e"), in);
        Cli.Result r = Cli.lmp(dir, "-in", "in.e", "-log", "none", "-echo", "none");
        Matcher mt = ENERGY.matcher(r.out());
        assertTrue(mt.find(), r.out());
        return new double[] {Double.parseDouble(mt.group(1)), Double.parseDouble(mt.group(2))};
    }

    /** Thermo rows (numbers only) of a LAMMPS screen output. */
    private static List<double[]> thermo(String out) {
        List<double[]> rows = new ArrayList<>();
        boolean in = false;
        for (String line : out.split("\n")) {
            String t = line.trim();
            if (t.startsWith("Step")) {
                in = true;
                continue;
            }
            if (in && t.startsWith("Loop time")) {
                break;
            }
            if (in && !t.isEmpty()) {
                String[] f = t.split("\\s+");
                double[] v = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    v[i] = Double.parseDouble(f[i]);
                }
                rows.add(v);
            }
        }
        return rows;
    }

    static Structure bcc(double a, int n) {
        return rattledBcc(a, n, 0, new Random(0));
    }

    static Structure rattledBcc(double a, int n, double amplitude, Random rnd) {
        int atoms = 2 * n * n * n;
        String[] sym = new String[atoms];
        double[] pos = new double[3 * atoms];
        int k = 0;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                for (int z = 0; z < n; z++) {
                    for (double[] b : new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}}) {
                        sym[k] = "W";
                        pos[3 * k] = a * (x + b[0]) + amplitude * (2 * rnd.nextDouble() - 1);
                        pos[3 * k + 1] = a * (y + b[1]) + amplitude * (2 * rnd.nextDouble() - 1);
                        pos[3 * k + 2] = a * (z + b[2]) + amplitude * (2 * rnd.nextDouble() - 1);
                        k++;
                    }
                }
            }
        }
        return new Structure(sym, pos, Cell.orthorhombic(n * a, n * a, n * a));
    }
}

package org.uf3j.nativekernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.uf3j.core.model.Elements;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.units.MetalUnits;

/** Runs bin/lmp (our plugin) or bin/lmp --reference (official ML-UF3) on a structure and reads the results back. */
final class Lammps {

    private Lammps() {
    }

    static Path root() {
        return Path.of(System.getProperty("uf3.root", "..")).toAbsolutePath().normalize();
    }

    /** Result of a LAMMPS run 0: energy without one-body terms, forces (3N, atom order), virial in our Voigt order. */
    record Result(double energy, double[] forces, double[] virial, String log) {
    }

    /** Writes a LAMMPS data file for a structure with a lower-triangular cell, types in element order. */
    static void writeData(Structure s, List<String> elements, Path file) throws IOException {
        Cell c = s.cell();
        if (Math.abs(c.vector(0, 1)) > 0 || Math.abs(c.vector(0, 2)) > 0 || Math.abs(c.vector(1, 2)) > 0) {
            throw new IllegalArgumentException("LAMMPS needs a lower-triangular cell");
        }
        StringBuilder b = new StringBuilder("UF3-J agreement test\n\n");
        b.append(s.size()).append(" atoms\n").append(elements.size()).append(" atom types\n");
        b.append(String.format(Locale.ROOT, "0 %.17g xlo xhi%n0 %.17g ylo yhi%n0 %.17g zlo zhi%n%.17g %.17g %.17g xy xz yz%n%n",
                c.vector(0, 0), c.vector(1, 1), c.vector(2, 2), c.vector(1, 0), c.vector(2, 0), c.vector(2, 1)));
        b.append("Masses\n\n");
        for (int t = 0; t < elements.size(); t++) {
            b.append(t + 1).append(' ').append(Elements.mass(elements.get(t))).append('\n');
        }
        b.append("\nAtoms # atomic\n\n");
        for (int i = 0; i < s.size(); i++) {
            b.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g%n", i + 1, elements.indexOf(s.symbol(i)) + 1,
                    s.x(i, 0), s.x(i, 1), s.x(i, 2)));
        }
        Files.writeString(file, b.toString());
    }

    /** run 0 with pair_style uf3 {body} and the .uf3 file; newton on or off; ours or the official style. */
    static Result run(Structure s, List<String> elements, Path potential, int body, boolean newton, boolean reference,
                      Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        writeData(s, elements, dir.resolve("data.lmp"));
        String in = String.join("\n",
                "units metal", "atom_style atomic", "boundary p p p", "newton " + (newton ? "on" : "off"),
                "read_data data.lmp",
                "pair_style uf3 " + body,
                "pair_coeff * * " + potential.toAbsolutePath() + " " + String.join(" ", elements),
                "neighbor 1.0 bin",
                "compute w all pressure NULL virial",
                "thermo_style custom step pe vol c_w[1] c_w[2] c_w[3] c_w[4] c_w[5] c_w[6]",
                "thermo_modify format float %.17g",
                "dump f all custom 1 forces.dump id fx fy fz",
                "dump_modify f format float %.17g sort id",
                "run 0", "");
        Files.writeString(dir.resolve("in.lmp"), in);
        List<String> cmd = new ArrayList<>(List.of(root().resolve("bin/lmp").toString()));
        if (reference) {
            cmd.add("--reference");
        }
        cmd.addAll(List.of("-in", "in.lmp", "-log", "log.lammps", "-screen", "none"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("LAMMPS timed out in " + dir);
        }
        String log = Files.exists(dir.resolve("log.lammps")) ? Files.readString(dir.resolve("log.lammps")) : "";
        if (p.exitValue() != 0) {
            throw new IllegalStateException("LAMMPS failed in " + dir + ":\n" + Files.readString(dir.resolve("stdout.txt")));
        }
        return parse(s.size(), log, Files.readAllLines(dir.resolve("forces.dump"), StandardCharsets.UTF_8));
    }

    private static Result parse(int n, String log, List<String> dump) {
        String[] lines = log.split("\n");
        double[] thermo = null;
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].trim().startsWith("Step") && lines[i].contains("PotEng")) {
                String[] w = lines[i + 1].trim().split("\\s+");
                thermo = new double[w.length];
                for (int k = 0; k < w.length; k++) {
                    thermo[k] = Double.parseDouble(w[k]);
                }
                break;
            }
        }
        if (thermo == null) {
            throw new IllegalStateException("no thermo line in the LAMMPS log");
        }
        double volume = thermo[2];
        double[] p = new double[6];
        for (int k = 0; k < 6; k++) {
            p[k] = thermo[3 + k] * volume / MetalUnits.LAMMPS_NKTV2P; // bar × Å³ → eV; LAMMPS order xx yy zz xy xz yz
        }
        double[] virial = {p[0], p[1], p[2], p[5], p[4], p[3]};
        double[] f = new double[3 * n];
        int at = 0;
        boolean atoms = false;
        for (String line : dump) {
            if (line.startsWith("ITEM: ATOMS")) {
                atoms = true;
                continue;
            }
            if (atoms && !line.isBlank()) {
                String[] w = line.trim().split("\\s+");
                int id = Integer.parseInt(w[0]) - 1;
                for (int k = 0; k < 3; k++) {
                    f[3 * id + k] = Double.parseDouble(w[1 + k]);
                }
                at++;
            }
        }
        if (at != n) {
            throw new IllegalStateException("dump has " + at + " atoms, expected " + n);
        }
        return new Result(thermo[1], f, virial, log);
    }
}

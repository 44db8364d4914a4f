package org.uf3j.nativekernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.LammpsData;
import org.uf3j.core.testing.LammpsProcess;
import org.uf3j.core.units.MetalUnits;

/**
 * run 0 of a structure in bin/lmp (our plugin) or bin/lmp --reference (official ML-UF3), through the
 * core test fixtures (LammpsData, LammpsProcess), and the energy, forces and virial read back.
 */
final class Lammps {

    private Lammps() {
    }

    static Path root() {
        return LammpsProcess.projectRoot();
    }

    /** Result of a LAMMPS run 0: energy without one-body terms, forces (3N, atom order), virial in our Voigt order. */
    record Result(double energy, double[] forces, double[] virial, String log) {
    }

    /** run 0 with pair_style uf3 {body} and the .uf3 file; newton on or off; ours or the official style. */
    static Result run(Structure s, List<String> elements, Path potential, int body, boolean newton, boolean reference,
                      Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        LammpsData.write(s, elements, dir.resolve("data.lmp"));
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
        LammpsProcess.Result r = LammpsProcess.run(dir, reference, 600, "-in", "in.lmp", "-log", "log.lammps", "-screen", "none");
        String log = Files.exists(dir.resolve("log.lammps")) ? Files.readString(dir.resolve("log.lammps")) : "";
        if (r.code() != 0) {
            throw new IllegalStateException("LAMMPS failed in " + dir + ":\n" + r.out() + r.err());
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

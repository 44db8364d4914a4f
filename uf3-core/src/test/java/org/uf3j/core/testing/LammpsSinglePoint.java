package org.uf3j.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.units.MetalUnits;

/**
 * One LAMMPS {@code run 0} of a structure with any pair style (given as its input lines), through
 * {@link LammpsData} and {@link LammpsProcess}: the potential energy, the forces in atom order and
 * the virial in our Voigt order (xx, yy, zz, yz, xz, xy; eV), all printed with 17 digits. Tests
 * compare these with the Java evaluator or with numbers another LAMMPS command reported.
 */
public final class LammpsSinglePoint {
    private static final Pattern RESULT = Pattern.compile("^SINGLEPOINT((?: \\S+){8})$", Pattern.MULTILINE);

    private LammpsSinglePoint() {
    }

    /** Energy (eV), forces (3N, eV/Å) and virial (eV, our Voigt order) of a run 0, with the LAMMPS log. */
    public record Result(double energy, double[] forces, double[] virial, String log) {
    }

    /**
     * Runs {@code bin/lmp [--reference]} in {@code dir} on {@code s} (atom type t+1 = element t),
     * newton on or off, with {@code pairLines} (pair_style, pair_coeff, ...) as the potential.
     * A failed run is an assertion-style exception carrying LAMMPS' output.
     */
    public static Result run(Path dir, Structure s, List<String> elements, boolean newton, boolean reference,
                             String... pairLines) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        LammpsData.write(s, elements, dir.resolve("single.data"));
        List<String> in = new ArrayList<>(List.of("units metal", "atom_style atomic", "boundary p p p",
                "newton " + (newton ? "on" : "off"), "read_data single.data"));
        in.addAll(List.of(pairLines));
        in.addAll(List.of("neighbor 1.0 bin",
                "compute w all pressure NULL virial",
                "thermo_style custom step pe",
                "dump f all custom 1 single.forces id fx fy fz",
                "dump_modify f format float %.17g sort id",
                "run 0",
                "print \"SINGLEPOINT $(pe:%.17g) $(vol:%.17g) $(c_w[1]:%.17g) $(c_w[2]:%.17g) $(c_w[3]:%.17g) "
                        + "$(c_w[4]:%.17g) $(c_w[5]:%.17g) $(c_w[6]:%.17g)\"", ""));
        Files.writeString(dir.resolve("single.in"), String.join("\n", in));
        Files.deleteIfExists(dir.resolve("single.forces"));
        LammpsProcess.Result r = LammpsProcess.run(dir, reference, 600, "-in", "single.in", "-log", "single.log",
                "-echo", "none");
        String log = Files.exists(dir.resolve("single.log")) ? Files.readString(dir.resolve("single.log")) : "";
        Matcher m = RESULT.matcher(r.out());
        if (r.code() != 0 || !m.find()) {
            throw new IllegalStateException("bin/lmp" + (reference ? " --reference" : "") + " failed in " + dir
                    + " (exit " + r.code() + "):\n" + r.out() + r.err());
        }
        String[] w = m.group(1).trim().split(" ");
        double volume = Double.parseDouble(w[1]);
        double[] p = new double[6];
        for (int k = 0; k < 6; k++) {
            p[k] = Double.parseDouble(w[2 + k]) * volume / MetalUnits.LAMMPS_NKTV2P; // bar·Å³ → eV
        }
        // LAMMPS order xx yy zz xy xz yz → ours xx yy zz yz xz xy
        double[] virial = {p[0], p[1], p[2], p[5], p[4], p[3]};
        return new Result(Double.parseDouble(w[0]), forces(dir.resolve("single.forces"), s.size()), virial, log);
    }

    private static double[] forces(Path dump, int n) throws IOException {
        double[] f = new double[3 * n];
        boolean atoms = false;
        int seen = 0;
        for (String line : Files.readAllLines(dump)) {
            if (line.startsWith("ITEM: ATOMS")) {
                atoms = true;
            } else if (atoms && !line.isBlank()) {
                String[] w = line.trim().split("\\s+");
                int id = Integer.parseInt(w[0]) - 1;
                for (int k = 0; k < 3; k++) {
                    f[3 * id + k] = Double.parseDouble(w[1 + k]);
                }
                seen++;
            }
        }
        if (seen != n) {
            throw new IllegalStateException(dump + " has " + seen + " atoms, expected " + n);
        }
        return f;
    }
}

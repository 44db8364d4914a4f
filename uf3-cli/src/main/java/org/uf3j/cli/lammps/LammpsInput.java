package org.uf3j.cli.lammps;

import java.util.List;
import java.util.Locale;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.Uf3Model;

/**
 * A ready LAMMPS input for a UF3 potential: metal units, atomic style, masses from the periodic
 * table, {@code pair_style uf3 2|3} with {@code pair_coeff * * FILE El…} (atom type i = element i of
 * the model, by atomic number), thermo output and a short MD run (NVT Nosé–Hoover or NVE). The
 * structure is either a cubic lattice built by LAMMPS or a data file read with {@code read_data}.
 *
 * @param potentialPath path of the .uf3 file as LAMMPS should open it
 * @param lattice       sc, bcc, fcc or diamond; null when reading a data file
 * @param a0            lattice constant (Å)
 * @param a0Note        where a0 came from, for a comment (may be null)
 * @param dataFile      the LAMMPS data file, or null for a lattice
 * @param repeat        unit cells along each axis
 * @param element       element of a lattice (one of the model's)
 */
public record LammpsInput(Uf3Model model, String potentialPath, String source, String lattice, double a0, String a0Note,
                          String dataFile, int repeat, String element, double temperature, int steps, double timestep,
                          boolean nvt, int thermo, int seed) {

    /** A number without trailing zeros ("0.1", "300", "183.84"). */
    static String num(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.10g", v)).stripTrailingZeros().toPlainString();
    }

    /** The input script. */
    public String text() {
        List<String> els = model.elements();
        StringBuilder b = new StringBuilder();
        b.append("# LAMMPS input written by 'uf3 lammps-input' for ").append(source).append('\n');
        b.append("# ").append(model.bodyOrder() == 3 ? "UF2,3" : "UF2").append(" potential for ")
                .append(String.join(" ", els)).append("; atom type i = element i: ");
        for (int i = 0; i < els.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(i + 1).append(" = ").append(els.get(i));
        }
        b.append('\n');
        b.append("# Run with: bin/lmp -in THIS_FILE (pair_style uf3 is UF3-J's plugin there; the official ML-UF3\n");
        b.append("# pair_style uf3 of LAMMPS >= 27Jun2024 reads the same file).\n\n");
        b.append("units           metal\n");
        b.append("atom_style      atomic\n");
        b.append("boundary        p p p\n\n");
        if (dataFile == null) {
            if (a0Note != null) {
                b.append("# ").append(a0Note).append('\n');
            }
            b.append(String.format(Locale.ROOT, "lattice         %s %s%n", lattice, num(a0)));
            b.append(String.format(Locale.ROOT, "region          box block 0 %d 0 %d 0 %d%n", repeat, repeat, repeat));
            b.append("create_box      ").append(els.size()).append(" box\n");
            b.append("create_atoms    ").append(els.indexOf(element) + 1).append(" box\n");
        } else {
            b.append("read_data       ").append(dataFile).append('\n');
        }
        for (int i = 0; i < els.size(); i++) {
            b.append(String.format(Locale.ROOT, "mass            %d %s   # %s%n", i + 1, num(Elements.mass(els.get(i))), els.get(i)));
        }
        b.append('\n');
        b.append("pair_style      uf3 ").append(model.bodyOrder()).append('\n');
        b.append("pair_coeff      * * ").append(potentialPath).append(' ').append(String.join(" ", els)).append("\n\n");
        b.append("neighbor        1.0 bin\n");
        b.append("neigh_modify    every 1 delay 0 check yes\n\n");
        double start = dataFile == null ? 2 * temperature : temperature;
        if (temperature > 0) {
            b.append(String.format(Locale.ROOT, "velocity        all create %s %d mom yes rot yes dist gaussian%s%n", num(start),
                    seed, dataFile == null ? "   # 2T: half goes into the lattice" : ""));
        }
        b.append(String.format(Locale.ROOT, "timestep        %s%n", num(timestep)));
        if (nvt) {
            b.append(String.format(Locale.ROOT, "fix             md all nvt temp %s %s %s%n", num(temperature), num(temperature),
                    num(100 * timestep)));
        } else {
            b.append("fix             md all nve\n");
        }
        b.append("thermo_style    custom step time temp pe ke etotal econserve press vol\n");
        b.append("thermo_modify   norm no flush yes format float %14.6f\n");
        b.append("thermo          ").append(thermo).append('\n');
        b.append("run             ").append(steps).append('\n');
        return b.toString();
    }
}

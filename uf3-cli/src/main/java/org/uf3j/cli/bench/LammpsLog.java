package org.uf3j.cli.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code uf3 bench} reads from the screen output of one LAMMPS MD run: the loop time per
 * atom and step, the potential energy at step 0 (thermo column PotEng) and whether our plugin
 * provided {@code pair_style uf3}.
 *
 * @param usPerAtomStep  LAMMPS' "Loop time" in μs per atom and step
 * @param cpuPercent     LAMMPS' "% CPU use" of the loop (NaN when not printed)
 * @param potentialEnergy0 PotEng at step 0 (eV)
 * @param atoms          atoms in the run
 * @param plugin         whether LAMMPS reported overriding its pair style uf3 with the plugin's
 */
public record LammpsLog(double usPerAtomStep, double cpuPercent, double potentialEnergy0, long atoms, boolean plugin) {
    private static final Pattern LOOP = Pattern.compile(
            "Loop time of (\\S+) on (\\d+) procs for (\\d+) steps with (\\d+) atoms");
    private static final Pattern CPU = Pattern.compile("(\\S+)% CPU use with");
    private static final String PLUGIN = "Overriding built-in pair style uf3 from plugin";

    /**
     * Parses the output of a run whose thermo header line contains {@code PotEng}.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public static LammpsLog parse(String out) {
        Matcher loop = LOOP.matcher(out);
        if (!loop.find()) {
            throw new IllegalArgumentException("no 'Loop time of ... for N steps with N atoms' line");
        }
        double seconds = Double.parseDouble(loop.group(1));
        long steps = Long.parseLong(loop.group(3));
        long atoms = Long.parseLong(loop.group(4));
        if (steps < 1 || atoms < 1) {
            throw new IllegalArgumentException("the run had " + steps + " steps and " + atoms + " atoms");
        }
        Matcher cpu = CPU.matcher(out);
        double cpuPercent = cpu.find(loop.end()) ? Double.parseDouble(cpu.group(1)) : Double.NaN;
        return new LammpsLog(seconds * 1e6 / (steps * (double) atoms), cpuPercent, stepZeroEnergy(out), atoms,
                out.contains(PLUGIN));
    }

    /** PotEng on the first thermo row (step 0) after the first header holding PotEng. */
    private static double stepZeroEnergy(String out) {
        String[] lines = out.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            String[] head = lines[i].trim().split("\\s+");
            int col = java.util.Arrays.asList(head).indexOf("PotEng");
            if (col >= 0 && head[0].equals("Step")) {
                String[] row = lines[i + 1].trim().split("\\s+");
                if (row.length == head.length && row[0].equals("0")) {
                    return Double.parseDouble(row[col]);
                }
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "expected the step-0 thermo row after '%s', found '%s'", lines[i].trim(), lines[i + 1].trim()));
            }
        }
        throw new IllegalArgumentException("no thermo header with PotEng");
    }
}

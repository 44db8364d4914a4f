package org.uf3j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.uf3j.cli.bench.JavaSpeed;
import org.uf3j.cli.bench.LammpsLauncher;
import org.uf3j.cli.bench.LammpsLog;
import org.uf3j.cli.lammps.LammpsInput;
import org.uf3j.core.eval.EvaluationException;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.io.PotentialFormat;
import org.uf3j.core.io.potential.Uf3FileWriter;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code uf3 bench}: how fast a potential runs, on a crystal of the user's choice: the Java
 * evaluator in this JVM and MD in LAMMPS with our {@code pair_style uf3} (and the official one),
 * with a check that LAMMPS and Java give the same energy for the same crystal.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Measure the speed of a potential on a cubic crystal, one thread: the Java evaluator (neighbour",
                "list, then energy, forces and virial; atoms jittered by up to 0.05 Å) and LAMMPS NVE MD with UF3-J's",
                "pair_style uf3 (bin/lmp), optionally also with LAMMPS' official ML-UF3 style (--reference). Medians",
                "over --repeats; LAMMPS runs interleaved. Also checks that LAMMPS' energy of the perfect crystal at",
                "step 0 equals the Java evaluator's (one-body energies aside), and stops with an error if not."},
        footer = {"", "Examples:",
                "  uf3 bench --potential out/potential.uf3                        2,000-atom bcc, Java and LAMMPS",
                "  uf3 bench --potential Nb.uf3 --structure bcc:3.3008 --size 20 --reference --repeats 5",
                "  uf3 bench --potential out/model.json --lammps none --json      Java only, JSON"})
public final class BenchCommand implements Callable<Integer> {
    private static final double JITTER = 0.05;
    private static final double ENERGY_TOLERANCE = 1e-8;

    @ParentCommand
    Uf3Command root;

    @Spec
    CommandSpec spec;

    @Mixin
    PotentialOption potential;

    @Option(names = "--structure", paramLabel = "SPEC",
            description = "bcc[:A0] | fcc[:A0] | sc[:A0] | diamond[:A0]; without A0 the minimum of E(a) "
                    + "(default: ${DEFAULT-VALUE}).")
    String structure = "bcc";

    @Option(names = "--element", paramLabel = "EL", description = "Element of the crystal (default: the potential's first).")
    String element;

    @Option(names = "--size", paramLabel = "N",
            description = "Unit cells along each axis (default: ${DEFAULT-VALUE}: 2,000 atoms of bcc).")
    int size = 10;

    @Option(names = "--repeats", paramLabel = "N", description = "Timed rounds / LAMMPS runs (default: ${DEFAULT-VALUE}).")
    int repeats = 3;

    @Option(names = "--steps", paramLabel = "N", description = "MD steps per LAMMPS run (default: ${DEFAULT-VALUE}).")
    int steps = 100;

    @Option(names = "--lammps", paramLabel = "auto|none|PATH",
            description = "LAMMPS launcher: auto (UF3_LMP or this installation's bin/lmp; skipped with a note when "
                    + "there is none), none, or the path of a launcher taking bin/lmp's arguments (default: "
                    + "${DEFAULT-VALUE}).")
    String lammps = "auto";

    @Option(names = "--reference", description = "Also time LAMMPS' official ML-UF3 pair_style uf3 (bin/lmp --reference).")
    boolean reference;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (size < 1 || size > 200 || repeats < 1 || repeats > 100 || steps < 1) {
            throw new CliException("need 1 <= --size <= 200, 1 <= --repeats <= 100 and --steps >= 1");
        }
        LoadedPotential lp = potential.load();
        Uf3Model model = lp.model();
        String el = PotentialOption.element(model, element);
        LatticeSpec ls = LatticeSpec.resolve(structure, "--structure", "bcc[:A0], fcc[:A0], sc[:A0] or diamond[:A0]",
                model, el, potential.file());
        Structure crystal = ls.lattice().conventional(el, ls.a0()).supercell(size, size, size);
        String what = String.format(Locale.ROOT, "%s %s a0 = %.5f Å, %d³ cells = %,d atoms", ls.lattice().label(), el,
                ls.a0(), size, crystal.size());
        LammpsLauncher launcher = launcher();

        JavaEvaluator ev = new JavaEvaluator(model);
        double javaEnergy;
        try {
            javaEnergy = ev.evaluate(crystal).energy() - model.oneBodyEnergy(el) * crystal.size();
        } catch (EvaluationException e) {
            throw new CliException(potential.file() + " on " + what + ": " + e.getMessage());
        }
        root.err().println("uf3 bench: timing the Java evaluator on " + what + " (" + repeats + " rounds after a 2 s "
                + "warm-up)");
        JavaSpeed java = JavaSpeed.measure(ev, jittered(crystal), repeats);

        List<LammpsLog> ours = new ArrayList<>();
        List<LammpsLog> official = new ArrayList<>();
        String officialError = null;
        if (launcher != null) {
            root.err().println("uf3 bench: " + repeats + " LAMMPS runs of " + steps + " NVE steps with " + launcher.command()
                    + (reference ? ", interleaved with the official style" : ""));
            Path dir = Files.createTempDirectory("uf3-bench");
            try {
                String input = writeInput(dir, lp, model, el, ls);
                for (int r = 0; r < repeats; r++) {
                    LammpsLog log = parse(launcher.run(dir, input, false), "ours");
                    if (!log.plugin()) {
                        throw new CliException(launcher.command() + " did not load the UF3-J plugin (no 'Overriding "
                                + "built-in pair style uf3 from plugin' in its output): use this project's bin/lmp");
                    }
                    ours.add(log);
                    if (reference && officialError == null) {
                        try {
                            official.add(parse(launcher.run(dir, input, true), "official"));
                        } catch (CliException e) {
                            officialError = e.getMessage();
                        }
                    }
                }
            } finally {
                deleteTree(dir);
            }
            double e0 = ours.get(0).potentialEnergy0();
            double rel = relativeDifference(e0, javaEnergy);
            if (!(rel <= ENERGY_TOLERANCE)) {
                throw new CliException(String.format(Locale.ROOT, "LAMMPS and the Java evaluator disagree on the energy of "
                        + "%s: %.6f eV (LAMMPS, step 0) vs %.6f eV (Java, without one-body energies), relative difference "
                        + "%.1e; the numbers above would be for different potentials", what, e0, javaEnergy, rel));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(JsonText.pretty(document(model, what, crystal.size(), java, ours, official, officialError, javaEnergy)));
        } else {
            out.print(table(model, what, java, ours, official, officialError, javaEnergy, launcher));
        }
        out.flush();
        return 0;
    }

    private LammpsLauncher launcher() {
        return switch (lammps) {
            case "none" -> null;
            case "auto" -> {
                LammpsLauncher l = LammpsLauncher.find();
                if (l == null) {
                    root.err().println("uf3 bench: no bin/lmp beside this installation and no UF3_LMP: LAMMPS skipped "
                            + "(--lammps PATH names one)");
                }
                yield l;
            }
            default -> LammpsLauncher.at(Path.of(lammps));
        };
    }

    /** The LAMMPS input (and the .uf3 file when the potential is JSON) in {@code dir}; returns the input's name. */
    private String writeInput(Path dir, LoadedPotential lp, Uf3Model model, String el, LatticeSpec ls) throws IOException {
        Path uf3;
        if (lp.format() == PotentialFormat.LAMMPS_UF3) {
            uf3 = potential.file().toAbsolutePath();
        } else {
            uf3 = dir.resolve("potential.uf3");
            Uf3FileWriter.create().write(model, uf3);
        }
        LammpsInput in = new LammpsInput(model, uf3.toString(), potential.file().getFileName().toString(),
                ls.lattice().label(), ls.a0(), ls.note(), null, size, el, 300, steps, 0.001, false, steps, 4928459);
        Files.writeString(dir.resolve("in.bench"), in.text().replace("THIS_FILE", "in.bench"));
        return "in.bench";
    }

    private static LammpsLog parse(String output, String which) {
        try {
            return LammpsLog.parse(output);
        } catch (IllegalArgumentException e) {
            throw new CliException("cannot read the timing of the " + which + " LAMMPS run: " + e.getMessage());
        }
    }

    /** The crystal with every atom moved by up to JITTER along each axis (fixed seed). */
    private static Structure jittered(Structure s) {
        Random rnd = new Random(20261202);
        double[] x = s.positions().clone();
        for (int q = 0; q < x.length; q++) {
            x[q] += JITTER * (2 * rnd.nextDouble() - 1);
        }
        return s.withPositions(x);
    }

    private static double relativeDifference(double lammps, double java) {
        return Math.abs(lammps - java) / Math.max(1e-300, Math.abs(java));
    }

    private static double medianUs(List<LammpsLog> logs) {
        return JavaSpeed.median(logs.stream().mapToDouble(LammpsLog::usPerAtomStep).toArray());
    }

    private String table(Uf3Model model, String what, JavaSpeed java, List<LammpsLog> ours, List<LammpsLog> official,
                         String officialError, double javaEnergy, LammpsLauncher launcher) {
        StringBuilder b = new StringBuilder();
        String kind = model.bodyOrder() == 3 ? "UF2,3" : "UF2";
        b.append(String.format(Locale.ROOT, "%s potential for %s (%s) on %s, one thread%n%n", kind,
                String.join(" ", model.elements()), potential.file().getFileName(), what));
        b.append(String.format(Locale.ROOT, "%-56s %12s   %s%n", "", "μs per atom", "median of"));
        b.append(row("Java: neighbour list", java.neighborListUs(), java.rounds() + " rounds"));
        b.append(row("Java: energy, forces, virial", java.evaluateUs(), java.rounds() + " rounds"));
        b.append(row("Java: whole evaluation", java.totalUs(), java.rounds() + " rounds"));
        String style = "pair_style uf3 " + model.bodyOrder();
        if (!ours.isEmpty()) {
            b.append(row("LAMMPS MD, " + style + " (UF3-J plugin), per step", medianUs(ours),
                    ours.size() + " runs of " + steps + " steps"));
        }
        if (!official.isEmpty()) {
            double o = medianUs(official);
            b.append(row("LAMMPS MD, " + style + " (official ML-UF3), per step", o,
                    official.size() + " runs of " + steps + " steps"));
            b.append(String.format(Locale.ROOT, "%nours / official: %.2f%n", medianUs(ours) / o));
        } else if (officialError != null) {
            b.append(String.format(Locale.ROOT, "%nthe official style did not run: %s%n", officialError));
        }
        if (!ours.isEmpty()) {
            double e0 = ours.get(0).potentialEnergy0();
            b.append(String.format(Locale.ROOT, "%ncheck: energy of the perfect crystal, LAMMPS (step 0) %.6f eV, Java %.6f eV"
                    + " (relative difference %.1e)%n", e0, javaEnergy, relativeDifference(e0, javaEnergy)));
        } else if (launcher == null) {
            b.append(String.format(Locale.ROOT, "%n(LAMMPS not run)%n"));
        }
        return b.toString();
    }

    private static String row(String label, double us, String over) {
        return String.format(Locale.ROOT, "%-56s %12.3f   %s%n", label, us, over);
    }

    private Map<String, Object> document(Uf3Model model, String what, int atoms, JavaSpeed java, List<LammpsLog> ours,
                                         List<LammpsLog> official, String officialError, double javaEnergy) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("potential", potential.file().toString());
        d.put("body_order", model.bodyOrder());
        d.put("crystal", what);
        d.put("atoms", atoms);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("neighbour_list_us_per_atom", java.neighborListUs());
        j.put("evaluate_us_per_atom", java.evaluateUs());
        j.put("rounds", java.rounds());
        d.put("java", j);
        if (!ours.isEmpty()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("steps_per_run", steps);
            l.put("ours_us_per_atom_step", medianUs(ours));
            l.put("ours_runs_us_per_atom_step", ours.stream().map(LammpsLog::usPerAtomStep).toList());
            if (!official.isEmpty()) {
                l.put("official_us_per_atom_step", medianUs(official));
                l.put("official_runs_us_per_atom_step", official.stream().map(LammpsLog::usPerAtomStep).toList());
            }
            if (officialError != null) {
                l.put("official_error", officialError);
            }
            l.put("step0_energy_eV", ours.get(0).potentialEnergy0());
            l.put("java_energy_eV", javaEnergy);
            d.put("lammps", l);
        }
        return d;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

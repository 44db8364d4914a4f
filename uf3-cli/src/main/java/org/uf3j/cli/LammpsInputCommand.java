package org.uf3j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.uf3j.cli.lammps.LammpsInput;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.io.PotentialFormat;
import org.uf3j.core.model.Uf3Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uf3 lammps-input}: a ready LAMMPS input for a .uf3 potential. */
@Command(name = "lammps-input", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Write a LAMMPS input for a .uf3 potential: units metal, atom_style atomic, masses, pair_style",
                "uf3 2|3, pair_coeff * * FILE El..., thermo output and a short NVT (or NVE) run.",
                "--structure: bcc:A0, fcc:A0, sc:A0, diamond:A0 (lattice constant in Å; without ':A0' it is the",
                "minimum of the potential's E(a)), or data:FILE for a LAMMPS data file (types in the order of the",
                "model's elements, by atomic number)."},
        footer = {"", "Examples:",
                "  uf3 lammps-input --potential W.uf3 --structure bcc:3.165 -o in.lammps && bin/lmp -in in.lammps",
                "  uf3 lammps-input --potential W.uf3 --structure bcc --size 12 --temperature 1000 --steps 5000",
                "  uf3 lammps-input --potential NbW.uf3 --structure data:cell.data --ensemble nve"})
public final class LammpsInputCommand implements Callable<Integer> {
    enum Ensemble { nvt, nve }

    @ParentCommand
    Uf3Command root;

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--potential"}, required = true, paramLabel = "FILE.uf3", description = "The .uf3 potential.")
    Path potential;

    @Option(names = "--structure", paramLabel = "SPEC",
            description = "bcc[:A0] | fcc[:A0] | sc[:A0] | diamond[:A0] | data:FILE (default: ${DEFAULT-VALUE}).")
    String structure = "bcc";

    @Option(names = "--element", paramLabel = "EL", description = "Element of a lattice (default: the model's first).")
    String element;

    @Option(names = "--size", paramLabel = "N",
            description = "Unit cells along each axis of a lattice (default: ${DEFAULT-VALUE}: 2000 atoms of bcc).")
    int size = 10;

    @Option(names = {"-T", "--temperature"}, paramLabel = "K", description = "Temperature (default: ${DEFAULT-VALUE} K).")
    double temperature = 300;

    @Option(names = "--steps", paramLabel = "N", description = "MD steps (default: ${DEFAULT-VALUE}).")
    int steps = 1000;

    @Option(names = "--timestep", paramLabel = "PS", description = "Time step in ps (default: ${DEFAULT-VALUE}).")
    double timestep = 0.001;

    @Option(names = "--ensemble", paramLabel = "nvt|nve", description = "Ensemble (default: ${DEFAULT-VALUE}).")
    Ensemble ensemble = Ensemble.nvt;

    @Option(names = "--thermo", paramLabel = "N", description = "Thermo output every N steps (default: ${DEFAULT-VALUE}).")
    int thermo = 100;

    @Option(names = "--seed", paramLabel = "N", description = "Velocity seed (default: ${DEFAULT-VALUE}).")
    int seed = 4928459;

    @Option(names = {"-o", "--output"}, paramLabel = "in.lammps", description = "Output file (default: stdout).")
    Path output;

    @Override
    public Integer call() throws IOException {
        LoadedPotential lp = Potentials.load(potential);
        if (lp.format() != PotentialFormat.LAMMPS_UF3) {
            throw new CliException(potential + " is a " + Potentials.formatName(lp.format()) + "; LAMMPS reads .uf3 files: "
                    + "convert it first with 'uf3 export --potential " + potential + " --to uf3 -o FILE.uf3'");
        }
        Uf3Model model = lp.model();
        if (size < 1 || steps < 0 || thermo < 1 || !(timestep > 0) || !(temperature >= 0) || seed < 1) {
            throw new CliException("need --size >= 1, --steps >= 0, --thermo >= 1, --timestep > 0, --temperature >= 0 "
                    + "and --seed >= 1");
        }
        String el = PotentialOption.element(model, element);
        String spec0 = structure.trim();
        String kind = spec0.contains(":") ? spec0.substring(0, spec0.indexOf(':')) : spec0;
        String lattice = null;
        double a0 = Double.NaN;
        String note = null;
        String dataFile = null;
        if (kind.equalsIgnoreCase("data")) {
            String arg = spec0.contains(":") ? spec0.substring(spec0.indexOf(':') + 1) : null;
            if (arg == null || arg.isBlank()) {
                throw new CliException("--structure data needs a file: data:FILE (a LAMMPS data file)");
            }
            dataFile = relativeTo(Path.of(arg));
            if (!Files.exists(Path.of(arg))) {
                throw new CliException("--structure " + structure + ": " + arg + ": file not found");
            }
        } else {
            LatticeSpec ls = LatticeSpec.resolve(spec0, "--structure",
                    "bcc[:A0], fcc[:A0], sc[:A0], diamond[:A0] or data:FILE", model, el, potential);
            lattice = ls.lattice().label();
            a0 = ls.a0();
            note = ls.note();
        }
        String potPath = relativeTo(potential);
        LammpsInput in = new LammpsInput(model, potPath, potential.getFileName().toString(), lattice, a0, note, dataFile,
                size, el, temperature, steps, timestep, ensemble == Ensemble.nvt, thermo, seed);
        String text = in.text();
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text.replace("THIS_FILE", "in.lammps"));
            out.flush();
        } else {
            ExportCommand.writeAtomically(output, text.replace("THIS_FILE", output.getFileName().toString()));
            root.err().println("uf3 lammps-input: wrote " + output + " (" + (lattice != null ? String.format(Locale.ROOT,
                    "%s %s a0 = %.5f Å, %d³ cells", lattice, el, a0, size) : "read_data " + dataFile)
                    + (ensemble == Ensemble.nvt ? ", NVT " + temperature + " K" : ", NVE") + ", " + steps + " steps); run it "
                    + "from " + (output.toAbsolutePath().getParent() == null ? "." : output.toAbsolutePath().getParent())
                    + " with bin/lmp -in " + output.getFileName());
        }
        return 0;
    }

    /** A path as LAMMPS should open it when run in the output file's directory (relative when possible). */
    private String relativeTo(Path p) {
        Path base = output == null ? Path.of("").toAbsolutePath() : output.toAbsolutePath().getParent();
        Path abs = p.toAbsolutePath().normalize();
        try {
            String rel = base.relativize(abs).toString();
            return rel.isEmpty() ? abs.toString() : rel;
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }
}

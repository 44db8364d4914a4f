package org.uf3j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.uf3j.cli.lammps.PairTableWriter;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.io.PotentialFormat;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.io.potential.ProjectModelIO;
import org.uf3j.core.io.potential.Uf3FileWriter;
import org.uf3j.core.io.potential.Uf3JsonModelWriter;
import org.uf3j.core.model.Uf3Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code uf3 export}: converts a potential between .uf3, project JSON, uf3 JSON and a LAMMPS pair table. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Convert a potential to another format:",
                "  uf3       ML-UF3 LAMMPS file (pair_style uf3); one-body energies cannot be stored",
                "  json      UF3-J project model (keeps hyper-parameters, provenance and metrics when present)",
                "  uf3-json  the uf3 Python package's JSON (WeightedLinearModel.from_json)",
                "  table     LAMMPS pair_style table file, pair (UF2) potentials only: E(r) = 2·V2(r)",
                "The input format is recognised by content. Without -o the result goes to stdout.",
                "With --samples K: write K models drawn from the fit's Bayesian posterior instead of the model",
                "itself, OUT-001.EXT … OUT-K.EXT (an ensemble for LAMMPS; needs -o and --to uf3, json or uf3-json)."},
        footer = {"", "Examples:",
                "  uf3 export --potential out/model.json --to uf3 -o W.uf3",
                "  uf3 export --potential W.uf3 --to uf3-json -o W.json",
                "  uf3 export --potential uf2.json --to table --points 2000 -o W.table",
                "  uf3 export --potential fit/model.json --to uf3 --samples 8 --seed 1 -o ens/W   (ens/W-001.uf3 … W-008.uf3)",
                "     then in LAMMPS: pair_style table linear 2000 / pair_coeff 1 1 W.table W_W 5.5"})
public final class ExportCommand implements Callable<Integer> {
    enum Target { uf3, json, uf3_json, table }

    @ParentCommand
    Uf3Command root;

    @Spec
    CommandSpec spec;

    @Mixin
    PotentialOption potential;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", converter = TargetConverter.class,
            description = "uf3 | json | uf3-json | table")
    Target to;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (default: stdout).")
    Path output;

    @Option(names = "--points", paramLabel = "N", description = "Rows per pair of a table (default: ${DEFAULT-VALUE}).")
    int points = 2000;

    @Option(names = "--author", paramLabel = "NAME", description = "AUTHOR field of a .uf3 header (default: UF3-J).")
    String author;

    @Mixin
    PosteriorSamplesOption draws;

    @Override
    public Integer call() throws IOException {
        LoadedPotential lp = potential.load();
        if (draws.count() != 0) {
            return writeSamples(lp);
        }
        Uf3Model model = lp.model();
        String text;
        switch (to) {
            case uf3 -> {
                Uf3FileWriter w = Uf3FileWriter.create();
                if (author != null) {
                    w = w.withAuthor(author);
                }
                text = w.toText(model);
                if (Potentials.hasOneBodyEnergies(model)) {
                    note("the .uf3 format has no one-body energies: they are listed in a trailing comment only "
                            + "(LAMMPS energies shift by a constant per atom; forces are unaffected)");
                }
            }
            case json -> {
                ProjectModel pm = lp.project() != null ? lp.project() : ProjectModel.of(model);
                text = ProjectModelIO.toJson(pm);
                if (lp.format() == PotentialFormat.LAMMPS_UF3) {
                    note("the input is a .uf3 file: one-body energies are 0 in the exported model");
                }
            }
            case uf3_json -> {
                text = Uf3JsonModelWriter.toJson(model);
                if (lp.format() == PotentialFormat.LAMMPS_UF3) {
                    note("the input is a .uf3 file: one-body energies are 0 in the exported model");
                }
            }
            default -> {
                String source = potential.file().getFileName().toString();
                text = PairTableWriter.write(model, points, source);
                if (output != null) {
                    text = text.replace("THIS_FILE", output.getFileName().toString());
                }
            }
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            writeAtomically(output, text);
            note("wrote " + output + " (" + label(to) + ")");
        }
        return 0;
    }

    /** --samples: K models drawn from the posterior, each written in the --to format. */
    private int writeSamples(LoadedPotential lp) throws IOException {
        draws.checkNotNegative(1);
        if (output == null) {
            throw new CliException("--samples needs -o OUT (the files are OUT-001." + extension(to) + " ...)");
        }
        if (to == Target.table) {
            throw new CliException("--samples writes uf3, json or uf3-json models, not tables");
        }
        List<Uf3Model> models = draws.draw(potential.file(), lp.model());
        int samples = draws.count();
        String base = output.toString();
        String ext = "." + extension(to);
        if (base.endsWith(ext)) {
            base = base.substring(0, base.length() - ext.length());
        }
        int width = Math.max(3, String.valueOf(samples).length());
        for (int k = 0; k < samples; k++) {
            Uf3Model m = models.get(k);
            String text = switch (to) {
                case uf3 -> (author != null ? Uf3FileWriter.create().withAuthor(author) : Uf3FileWriter.create()).toText(m);
                case json -> ProjectModelIO.toJson(ProjectModel.of(m));
                default -> Uf3JsonModelWriter.toJson(m);
            };
            writeAtomically(Path.of(base + "-" + String.format("%0" + width + "d", k + 1) + ext), text);
        }
        note("wrote " + samples + " models drawn from the posterior (seed " + draws.seed() + "): " + base + "-" + String.format("%0" + width + "d", 1) + ext + " ... " + base + "-" + String.format("%0" + width + "d", samples)
                + ext + " (" + label(to) + ")");
        return 0;
    }

    private static String extension(Target t) {
        return t == Target.uf3 ? "uf3" : t == Target.table ? "table" : "json";
    }

    private void note(String s) {
        if (root != null) {
            root.err().println("uf3 export: " + s);
        }
    }

    private static String label(Target t) {
        return switch (t) {
            case uf3 -> "ML-UF3 .uf3";
            case json -> "UF3-J project JSON";
            case uf3_json -> "uf3 JSON";
            case table -> "LAMMPS pair_style table";
        };
    }

    /** Writes next to the target and renames, so that an interrupted export leaves no partial file. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new CliException(target + ": directory " + dir + " does not exist");
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Accepts uf3, json, uf3-json (or uf3_json), table, case-insensitively. */
    static final class TargetConverter implements picocli.CommandLine.ITypeConverter<Target> {
        @Override
        public Target convert(String value) {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
            for (Target t : Target.values()) {
                if (t.name().equals(v)) {
                    return t;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value
                    + "' is not a format; expected one of uf3, json, uf3-json, table");
        }
    }
}

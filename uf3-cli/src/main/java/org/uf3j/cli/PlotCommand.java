package org.uf3j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.uf3j.plot.ParityPlots;
import org.uf3j.cli.plot.PotentialPlots;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.io.PotentialFormat;
import org.uf3j.core.io.extxyz.ExtXyzOptions;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.metrics.BatchEvaluator;
import org.uf3j.fit.metrics.MetricsAccumulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code uf3 plot}: PNG pictures of a potential and, with data, of its errors. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Draw a potential as PNG files:",
                "  pair-A-B.png             every 2-body term V2(r) with its knots (and the data's pair distances)",
                "  triplet-C-A-B-angle.png  3-body heat map V3(r, r, θ) with equal legs against the angle",
                "  triplet-C-A-B-legs.png   3-body heat map V3(r_ij, r_ik) at a fixed angle (--angle)",
                "With --data FILE.xyz --predictions, also parity plots and error histograms per config_type:",
                "  parity-energy.png, parity-forces.png, errors-energy.png, errors-forces.png"},
        footer = {"", "Examples:",
                "  uf3 plot --potential out/model.json -o plots",
                "  uf3 plot --potential W.uf3 --data w.xyz --predictions -o plots"})
public final class PlotCommand implements Callable<Integer> {
    @ParentCommand
    Uf3Command root;

    @Spec
    CommandSpec spec;

    @Mixin
    PotentialOption potential;

    @Option(names = {"-d", "--data"}, paramLabel = "FILE.xyz",
            description = "Structures (extended XYZ): their pair distances are drawn under each pair term.")
    Path data;

    @Option(names = "--predictions",
            description = "With --data: also parity plots and error histograms against the data's reference labels.")
    boolean predictions;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Directory for the PNG files.")
    Path output;

    @Option(names = "--angle", paramLabel = "DEGREES",
            description = "Angle θ_jik of the fixed-angle 3-body slice (default: ${DEFAULT-VALUE}).")
    double angle = 90;

    @Option(names = "--energy-key", paramLabel = "KEY", description = "Key of the reference energy in the data.")
    String energyKey;

    @Option(names = "--forces-key", paramLabel = "KEY", description = "Property with the reference forces in the data.")
    String forcesKey;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        if (predictions && data == null) {
            throw new CliException("--predictions needs --data FILE.xyz with reference energies or forces");
        }
        if (!(angle > 0 && angle < 180)) {
            throw new CliException("--angle must lie strictly between 0 and 180 degrees, got " + angle);
        }
        LoadedPotential lp = potential.load();
        List<Configuration> configs = data == null ? List.of()
                : StructureFiles.readAll(data, new ExtXyzOptions(energyKey, forcesKey), Progress.of(root));
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new CliException(output + ": exists and is not a directory");
        }
        Files.createDirectories(output);
        List<Path> files = new ArrayList<>(write(lp, configs, predictions, angle, threads, output, Progress.of(root), ""));
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + files.size() + " plots to " + output + ":");
        for (Path f : files) {
            out.println("  " + f.getFileName());
        }
        out.flush();
        return 0;
    }

    /** All plots of a potential (and data): shared by {@code plot} and {@code fit}. */
    public static List<Path> write(LoadedPotential lp, List<Configuration> configs, boolean parity, double angle,
                                   int threads, Path dir, Progress progress, String set) throws IOException {
        List<Path> files = new ArrayList<>();
        Map<String, double[]> distances = configs.isEmpty() ? null
                : PotentialPlots.pairDistances(lp.model(), configs, 2000);
        files.addAll(PotentialPlots.pairs(lp.model(), distances, dir));
        files.addAll(PotentialPlots.triplets(lp.model(), angle, dir));
        if (parity) {
            boolean labelled = configs.stream().anyMatch(c -> c.hasEnergy() || c.hasForces());
            if (!labelled) {
                throw new CliException("--predictions: the data has no reference energies or forces to compare with");
            }
            Evaluation[] pred;
            try (Progress.Bar bar = progress.start("evaluating", configs.size(), "configs")) {
                pred = new BatchEvaluator(new JavaEvaluator(lp.model()), threads).evaluate(configs, () -> bar.step(1));
            }
            Map<String, Double> offsets = Map.of();
            if (lp.format() == PotentialFormat.LAMMPS_UF3) {
                MetricsAccumulator m = new MetricsAccumulator(lp.model().elements(), true);
                for (int i = 0; i < configs.size(); i++) {
                    m.add(configs.get(i), pred[i]);
                }
                offsets = m.offsets();
            }
            files.addAll(ParityPlots.write(configs, pred, offsets, set, dir));
        }
        return files;
    }
}

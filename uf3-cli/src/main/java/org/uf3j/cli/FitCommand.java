package org.uf3j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.uf3j.cli.fit.FitConfig;
import org.uf3j.cli.fit.FitRun;
import org.uf3j.cli.fit.Uf3Settings;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.Regularization;
import org.uf3j.fit.metrics.MetricsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uf3 fit}: the whole fitting workflow from one YAML or JSON configuration file. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Fit a UF2 or UF2,3 potential as a YAML (or JSON) configuration describes (data, elements, knots,",
                "κ, λ grid, cross-validation, train/test split; every key in docs/config-reference.md) and write to DIR:",
                "  model.json         UF3-J project model: coefficients, one-body energies, hyper-parameters,",
                "                     provenance (data files with sha256 and counts, command, date) and metrics",
                "  potential.uf3      the potential for LAMMPS (pair_style uf3 2|3)",
                "  metrics.json/.md   energy and force RMSE/MAE, overall and per config_type, train and test",
                "  train-indices.txt  the training configurations (0-based), reusable as split.train_indices",
                "  potential.asi      with --active-set: the active set for the extrapolation grade γ",
                "  config.yaml        a copy of the configuration",
                "  plots/             pair terms, 3-body slices, parity plots and error histograms (PNG)",
                "The output appears complete or not at all: an interrupted fit (Ctrl-C) leaves DIR untouched."},
        footer = {"", "Example:",
                "  uf3 fit examples/quickstart/fit.yaml -o quickstart-out",
                "  uf3 fit uf3-settings.yaml     (a uf3 Python package settings file, converted as uf3 convert-settings does)", "",
                "A minimal configuration:",
                "  data:",
                "    - path: train.xyz",
                "  two_body:   {r_min: 1.5, r_max: 5.5, resolution: 20}",
                "  three_body: {r_min: 1.5, r_max: 3.5, resolution: 6}",
                "  regularization: {curvature_2b: [1e-8, 1e-6, 1e-4], curvature_3b: 1e-6}",
                "  split: {test_fraction: 0.2, seed: 0}"})
public final class FitCommand implements Callable<Integer> {
    @ParentCommand
    Uf3Command root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "Fit configuration (YAML or JSON).")
    Path configFile;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output directory (default: ${DEFAULT-VALUE}); a previous fit output there is replaced.")
    Path output = Path.of("uf3-fit-out");

    @Option(names = "--active-set",
            description = "Also write potential.asi: the D-optimal active set of the training atoms, which uf3 eval --gamma, "
                    + "uf3 select and pair_style uf3 ... gamma FILE use for the extrapolation grade (docs/gamma.md).")
    boolean activeSet;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        FitConfig config;
        if (Uf3Settings.recognises(configFile)) {
            Uf3Settings converted = Uf3Settings.convert(configFile, null, null, null);
            out.println("reading " + configFile + " as uf3 package settings (docs/from-uf3.md; uf3 convert-settings prints "
                    + "the configuration)");
            for (String n : converted.notes()) {
                out.println("note: " + n);
            }
            config = FitConfig.parse(converted.yaml(), configFile);
        } else {
            config = FitConfig.read(configFile);
        }
        String command = "uf3 fit " + configFile + " -o " + output;
        FitRun.Outcome o = new FitRun(config, output, command + (activeSet ? " --active-set" : ""), Progress.of(root), out,
                activeSet).run();
        printSummary(out, o);
        out.flush();
        return 0;
    }

    private static void printSummary(PrintWriter out, FitRun.Outcome o) {
        FitResult f = o.fit();
        Regularization r = f.regularization();
        out.println();
        out.printf(Locale.ROOT, "%s, %d coefficients%n", Potentials.describe(o.model()), f.layout().size());
        out.printf(Locale.ROOT, "κ = %.3g, λ curvature 2-body %.3g, 3-body %.3g, ridge %.3g / %.3g%s, solver %s%n",
                f.kappa(), r.curvature2(), r.curvature3(), r.ridge2(), r.ridge3(),
                f.crossValidation() != null ? " (chosen by " + f.crossValidation().folds() + "-fold cross-validation over "
                        + f.crossValidation().rows().size() + " candidates)" : "",
                f.method().name().toLowerCase(Locale.ROOT));
        if (f.posterior() != null) {
            org.uf3j.fit.uncertainty.Posterior.Noise n = f.posterior().noise();
            out.printf(Locale.ROOT, "posterior: noise σ %.3f meV/atom, %.4f eV/Å from the %s residuals, calibration %s%n",
                    1000 * Math.sqrt(n.energyNoise()), Math.sqrt(n.forceNoise()), n.source(), n.calibration());
        }
        out.println();
        out.print(MetricsReport.table(o.train(), o.test()));
        out.println("(energies per atom; force errors per Cartesian component; potential.uf3 has no one-body energies, "
                + "model.json has)");
        out.println();
        StringBuilder t = new StringBuilder("time: ");
        boolean first = true;
        for (Map.Entry<String, Double> e : o.seconds().entrySet()) {
            t.append(first ? "" : ", ").append(e.getKey()).append(String.format(Locale.ROOT, " %.2f s", e.getValue()));
            first = false;
        }
        out.println(t);
        out.printf(Locale.ROOT, "memory: peak live heap %,d MB during the fit (largest occupancy after a garbage collection;"
                + " heap limit %,d MB)%n", Math.round(f.peakLiveHeapBytes() / 1e6), Math.round(Runtime.getRuntime().maxMemory() / 1e6));
        out.println("wrote " + o.output() + "/: " + String.join(" ", o.files().stream()
                .filter(p -> p.getParent() == null).map(Path::toString).toList())
                + (o.files().stream().anyMatch(p -> p.getParent() != null)
                ? " plots/ (" + o.files().stream().filter(p -> p.getParent() != null).count() + " PNG)" : ""));
    }
}

package org.uf3j.cli.fit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.uf3j.cli.CliException;
import org.uf3j.cli.ErrorMessages;
import org.uf3j.cli.PlotCommand;
import org.uf3j.cli.Potentials;
import org.uf3j.cli.Progress;
import org.uf3j.cli.StructureFiles;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.io.PotentialFormat;
import org.uf3j.core.io.TrainingData;
import org.uf3j.core.io.TrainingDataOptions;
import org.uf3j.core.io.TrainingFormat;
import org.uf3j.core.io.extxyz.ExtXyzOptions;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.io.potential.ProjectModelIO;
import org.uf3j.core.io.potential.Uf3FileWriter;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.DataSplit;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.Regularization;
import org.uf3j.fit.Fitter;
import org.uf3j.fit.InsufficientMemoryException;
import org.uf3j.fit.MemoryPlan;
import org.uf3j.fit.metrics.BatchEvaluator;
import org.uf3j.fit.metrics.Metrics;
import org.uf3j.fit.metrics.MetricsReport;

/**
 * The whole {@code uf3 fit} workflow, a pipeline of stages: read the data → split train/test →
 * build the model specification and settings from the configuration → fit (featurise, cross-
 * validate, solve) → evaluate train and test → write model.json, potential.uf3, metrics.json,
 * metrics.md, train-indices.txt, the configuration and plots into a temporary directory that
 * replaces the output directory only when everything is written.
 */
public final class FitRun {
    private final FitConfig config;
    private final Path output;
    private final String command;
    private final Progress progress;
    private final PrintWriter out;
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final boolean activeSet;

    /** What the run produced (for tests and the summary). */
    public record Outcome(Path output, Uf3Model model, FitResult fit, Metrics train, Metrics test, int nTrain, int nTest,
                          List<Path> files, Map<String, Double> seconds) {
    }

    /** The data as read: all configurations, and per file its provenance. */
    private record Data(List<Configuration> all, List<Map<String, Object>> provenance, List<String> elements) {
    }

    public FitRun(FitConfig config, Path output, String command, Progress progress, PrintWriter out) {
        this(config, output, command, progress, out, false);
    }

    /** With {@code activeSet}, also writes potential.asi: the training atoms' active set (extrapolation grade). */
    public FitRun(FitConfig config, Path output, String command, Progress progress, PrintWriter out, boolean activeSet) {
        this.config = config;
        this.output = output;
        this.command = command;
        this.progress = progress;
        this.out = out;
        this.activeSet = activeSet;
    }

    /**
     * Prints the memory plan and stops with its message when it does not fit, before any data is
     * read (the data's share estimated from the files' sizes). Needs the elements from the
     * configuration; without them the fit itself checks after reading.
     */
    private void checkMemory() throws IOException {
        if (config.elements() == null) {
            return;
        }
        long dataBytes = 0;
        for (DataEntry src : config.data().entries()) {
            if (Files.isRegularFile(src.path())) {
                dataBytes += Files.size(src.path());
            }
        }
        MemoryPlan plan = new Fitter(FitConfigMapping.settings(config, config.elements(), Integer.MAX_VALUE)).plan(dataBytes);
        out.println(plan.describe());
        out.flush();
        if (plan.refusal() != null) {
            throw new InsufficientMemoryException(plan.refusal());
        }
    }

    public Outcome run() throws IOException {
        long start = System.nanoTime();
        checkMemory();
        long t = System.nanoTime();
        Data data = read();
        seconds.put("reading", since(t));
        List<Configuration> all = data.all();

        DataSplit split = FitConfigMapping.split(config, all, w -> out.println("warning: " + w));
        List<Configuration> train = split.train(all);
        List<Configuration> test = split.test(all);
        if (train.isEmpty()) {
            throw new ConfigException(config.file().toString(), "split", "leaves no training configurations");
        }
        FitSettings settings = FitConfigMapping.settings(config, data.elements(), train.size());
        out.printf(Locale.ROOT, "fitting %s to %d training configurations (%d test), %d threads%n",
                describe(settings.spec()), train.size(), test.size(), settings.threads());
        out.flush();

        FitResult fit = FitPipeline.fit(settings, train, progress);
        seconds.put("featurising", fit.timings().accumulate());
        if (fit.crossValidation() != null) {
            seconds.put("cross-validation", fit.timings().crossValidation());
        }
        seconds.put("solving", fit.timings().solve());
        Uf3Model model = fit.model();

        t = System.nanoTime();
        BatchEvaluator ev = new BatchEvaluator(new JavaEvaluator(model), settings.threads());
        Evaluation[] trainPred;
        Evaluation[] testPred;
        try (Progress.Bar bar = progress.start("evaluating", all.size(), "configs")) {
            trainPred = ev.evaluate(train, () -> bar.step(1));
            testPred = ev.evaluate(test, () -> bar.step(1));
        }
        Metrics trainMetrics = Metrics.of(train, List.of(trainPred));
        Metrics testMetrics = test.isEmpty() ? null : Metrics.of(test, List.of(testPred));
        seconds.put("evaluating", since(t));

        List<Path> files = new ArrayList<>();
        try (OutputDirectory dir = OutputDirectory.create(output)) {
            for (String r : dir.repairs()) {
                out.println("note: " + r);
            }
            Path d = dir.dir();
            t = System.nanoTime();
            Map<String, Object> metricsMap = MetricsReport.toMap(trainMetrics, testMetrics, train.size(), test.size());
            ProjectModel pm = new ProjectModel(model, FitProvenance.hyperparameters(settings, fit),
                    FitProvenance.of(command, config, data.provenance(), train.size(), test.size()), metricsMap);
            ProjectModelIO.write(pm, d.resolve("model.json"));
            try {
                Uf3FileWriter.create().withAuthor("UF3-J").write(model, d.resolve("potential.uf3"));
            } catch (IllegalArgumentException e) {
                throw new CliException("cannot write potential.uf3: " + e.getMessage(), e);
            }
            if (fit.posterior() != null) {
                org.uf3j.fit.uncertainty.PosteriorFile.write(fit.posterior(), d.resolve(org.uf3j.fit.uncertainty.PosteriorFile.NAME));
            }
            Files.writeString(d.resolve("metrics.json"), org.uf3j.cli.JsonText.pretty(metricsMap), StandardCharsets.UTF_8);
            Files.writeString(d.resolve("metrics.md"), markdown(fit, trainMetrics, testMetrics, train.size(), test.size()),
                    StandardCharsets.UTF_8);
            Files.writeString(d.resolve("train-indices.txt"), indices(split), StandardCharsets.UTF_8);
            Files.copy(config.file(), d.resolve("config" + extension(config.file())));
            seconds.put("writing", since(t));
            if (activeSet) {
                t = System.nanoTime();
                org.uf3j.core.gamma.ActiveSet as = new org.uf3j.fit.gamma.ActiveSetBuilder(fit.layout(), model).build(train);
                org.uf3j.core.gamma.ActiveSetFile.write(as, d.resolve("potential.asi"),
                        "active set of the " + train.size() + " training configurations of " + command
                                + "\nfor potential.uf3 / model.json (docs/gamma.md)");
                files.add(Path.of("potential.asi"));
                seconds.put("active set", since(t));
            }
            if (config.plots().enabled()) {
                t = System.nanoTime();
                LoadedPotential lp = new LoadedPotential(PotentialFormat.PROJECT_JSON, model, pm);
                Path plots = d.resolve("plots");
                Files.createDirectories(plots);
                List<Path> png = new ArrayList<>(PlotCommand.write(lp, train, false, config.plots().angle(), settings.threads(),
                        plots, Progress.off(), ""));
                png.addAll(org.uf3j.plot.ParityPlots.write(train, trainPred, Map.of(), "train", plots));
                if (!test.isEmpty()) {
                    png.addAll(org.uf3j.plot.ParityPlots.write(test, testPred, Map.of(), "test", plots));
                }
                for (Path p : png) {
                    files.add(Path.of("plots").resolve(p.getFileName()));
                }
                seconds.put("plots", since(t));
            }
            dir.commit();
        } catch (IOException e) {
            // a full disk, a read-only or vanished directory: the temporary output is gone (close)
            throw new CliException(output + ": cannot write the fit output (" + ErrorMessages.describe(e)
                    + "); nothing was written and any previous output there is unchanged", e);
        }
        seconds.put("total", since(start));
        List<Path> top = new ArrayList<>(List.of(Path.of("model.json"), Path.of("potential.uf3"), Path.of("metrics.json"),
                Path.of("metrics.md"), Path.of("train-indices.txt"), Path.of("config" + extension(config.file()))));
        if (fit.posterior() != null) {
            top.add(2, Path.of(org.uf3j.fit.uncertainty.PosteriorFile.NAME));
        }
        top.addAll(files);
        return new Outcome(output, model, fit, trainMetrics, testMetrics, train.size(), test.size(), top, seconds);
    }

    private Data read() throws IOException {
        List<Configuration> all = new ArrayList<>();
        List<Map<String, Object>> prov = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (DataEntry src : config.data().entries()) {
            ExtXyzOptions opt = new ExtXyzOptions(src.energyKey(), src.forcesKey());
            List<Configuration> configs;
            try {
                TrainingDataOptions options = TrainingDataOptions.defaults().withExtXyz(opt);
                if (src.lammpsDump() != null) {
                    options = options.withLammpsDump(src.lammpsDump());
                }
                configs = src.format().equals("extxyz") ? StructureFiles.readAll(src.path(), opt, progress)
                        : TrainingData.read(src.path(), TrainingFormat.parse(src.format()), options);
            } catch (CliException e) {
                throw new ConfigException(config.file().toString(), src.key(), e.getMessage());
            } catch (RuntimeException e) {
                throw new ConfigException(config.file().toString(), src.key(), org.uf3j.cli.ErrorMessages.describe(e));
            }
            for (Configuration c : configs) {
                for (String e : c.structure().elements()) {
                    if (config.elements() != null && !config.elements().contains(e)) {
                        throw new ConfigException(config.file().toString(), src.key(), c.source() + ": element " + e
                                + " is not one of the elements " + config.elements() + " (add it to 'elements'"
                                + (src.lammpsDump() != null && src.lammpsDump().typeElements() != null
                                ? " or correct lammps_dump.types " + src.lammpsDump().typeElements() : "") + ")");
                    }
                    found.add(e);
                }
            }
            FitProvenance.FileCounts counts = FitProvenance.FileCounts.of(configs);
            if (counts.withEnergy() == 0 && counts.withForces() == 0) {
                throw new ConfigException(config.file().toString(), src.key(), src.path() + " has no reference energies "
                        + "or forces" + (src.lammpsDump() != null ? "" : src.energyKey() == null
                        ? " (set energy_key / forces_key if they use other names)" : ""));
            }
            prov.add(FitProvenance.dataFile(src, configs.size(), counts));
            all.addAll(configs);
        }
        List<String> elements = config.elements() != null ? config.elements() : Elements.sorted(found);
        config.checkElements(elements);
        for (String t : config.data().configTypeWeights().keySet()) {
            if (all.stream().noneMatch(c -> c.configType().equals(t))) {
                out.println("note: config_type_weights names config_type '" + t + "', which no configuration has");
            }
        }
        return new Data(all, prov, elements);
    }

    private String describe(ModelSpec spec) {
        return (spec.bodyOrder() == 3 ? "UF2,3" : "UF2") + " for " + String.join(", ", spec.elements());
    }

    private String markdown(FitResult fit, Metrics train, Metrics test, int nTrain, int nTest) {
        List<String> summary = new ArrayList<>();
        summary.add("Model: " + Potentials.describe(fit.model()) + ", " + fit.layout().size() + " fitted coefficients");
        Regularization r = fit.regularization();
        summary.add(String.format(Locale.ROOT, "κ = %.3g; λ curvature 2-body %.3g, 3-body %.3g; ridge 2-body %.3g, "
                        + "3-body %.3g%s; solver %s", fit.kappa(), r.curvature2(), r.curvature3(), r.ridge2(), r.ridge3(),
                fit.crossValidation() != null ? " (chosen by " + fit.crossValidation().folds() + "-fold cross-validation)" : "",
                fit.method().name().toLowerCase(Locale.ROOT)));
        summary.add("Command: `" + command + "`");
        summary.add("Energies are per atom; force errors are per Cartesian component.");
        return MetricsReport.markdown("UF3 fit metrics", summary, train, test, nTrain, nTest, fit.crossValidation(),
                List.of("potential.uf3 carries no one-body energies (the ML-UF3 format has no place for them): LAMMPS "
                        + "energies differ from these by a constant per atom; forces are identical. model.json has them."));
    }

    private static String indices(DataSplit split) {
        StringBuilder b = new StringBuilder("# 0-based indices of the training configurations (data files concatenated in "
                + "order); usable as split.train_indices\n");
        for (int i : split.train()) {
            b.append(i).append('\n');
        }
        return b.toString();
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot >= 0 ? n.substring(dot) : ".yaml";
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}

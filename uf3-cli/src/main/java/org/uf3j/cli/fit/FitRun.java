package org.uf3j.cli.fit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.uf3j.cli.BatchEvaluator;
import org.uf3j.cli.CliException;
import org.uf3j.cli.PlotCommand;
import org.uf3j.cli.Potentials;
import org.uf3j.cli.Progress;
import org.uf3j.cli.StructureFiles;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.ExtXyzOptions;
import org.uf3j.core.io.LammpsDumpOptions;
import org.uf3j.core.io.TrainingData;
import org.uf3j.core.io.TrainingDataOptions;
import org.uf3j.core.io.TrainingFormat;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.io.PotentialFormat;
import org.uf3j.core.io.ProjectModel;
import org.uf3j.core.io.ProjectModelIO;
import org.uf3j.core.io.Uf3FileWriter;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.DataSplit;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.KnotSpec;
import org.uf3j.fit.Metrics;
import org.uf3j.fit.Fitter;
import org.uf3j.fit.InsufficientMemoryException;
import org.uf3j.fit.MemoryPlan;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.Regularization;

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

    /** What the run produced (for tests and the summary). */
    public record Outcome(Path output, Uf3Model model, FitResult fit, Metrics train, Metrics test, int nTrain, int nTest,
                          List<Path> files, Map<String, Double> seconds) {
    }

    /** The data as read: all configurations, and per file its provenance. */
    private record Data(List<Configuration> all, List<Map<String, Object>> provenance, List<String> elements) {
    }

    public FitRun(FitConfig config, Path output, String command, Progress progress, PrintWriter out) {
        this.config = config;
        this.output = output;
        this.command = command;
        this.progress = progress;
        this.out = out;
    }

    public Outcome run() throws IOException {
        long start = System.nanoTime();
        checkMemory();
        long t = System.nanoTime();
        Data data = read();
        seconds.put("reading", since(t));
        List<Configuration> all = data.all();

        DataSplit split = split(all);
        List<Configuration> train = split.train(all);
        List<Configuration> test = split.test(all);
        if (train.isEmpty()) {
            throw new ConfigException(config.file().toString(), "split", "leaves no training configurations");
        }
        FitSettings settings = settings(data.elements(), train.size());
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
            trainPred = ev.evaluate(train, bar);
            testPred = ev.evaluate(test, bar);
        }
        Metrics trainMetrics = Metrics.of(train, List.of(trainPred));
        Metrics testMetrics = test.isEmpty() ? null : Metrics.of(test, List.of(testPred));
        seconds.put("evaluating", since(t));

        List<Path> files = new ArrayList<>();
        try (OutputDirectory dir = OutputDirectory.create(output)) {
            Path d = dir.dir();
            t = System.nanoTime();
            Map<String, Object> metricsMap = MetricsReport.toMap(trainMetrics, testMetrics, train.size(), test.size());
            ProjectModel pm = new ProjectModel(model, hyperparameters(settings, fit), provenance(data, split, train, test),
                    metricsMap);
            ProjectModelIO.write(pm, d.resolve("model.json"));
            try {
                Uf3FileWriter.create().withAuthor("UF3-J").write(model, d.resolve("potential.uf3"));
            } catch (IllegalArgumentException e) {
                throw new CliException("cannot write potential.uf3: " + e.getMessage(), e);
            }
            Files.writeString(d.resolve("metrics.json"), org.uf3j.cli.JsonText.pretty(metricsMap), StandardCharsets.UTF_8);
            Files.writeString(d.resolve("metrics.md"), markdown(fit, trainMetrics, testMetrics, train.size(), test.size()),
                    StandardCharsets.UTF_8);
            Files.writeString(d.resolve("train-indices.txt"), indices(split), StandardCharsets.UTF_8);
            Files.copy(config.file(), d.resolve("config" + extension(config.file())));
            seconds.put("writing", since(t));
            if (config.plots()) {
                t = System.nanoTime();
                LoadedPotential lp = new LoadedPotential(PotentialFormat.PROJECT_JSON, model, pm);
                Path plots = d.resolve("plots");
                Files.createDirectories(plots);
                List<Path> png = new ArrayList<>(PlotCommand.write(lp, train, false, config.plotAngle(), settings.threads(),
                        plots, Progress.off(), ""));
                png.addAll(org.uf3j.cli.plot.ParityPlots.write(train, trainPred, Map.of(), "train", plots));
                if (!test.isEmpty()) {
                    png.addAll(org.uf3j.cli.plot.ParityPlots.write(test, testPred, Map.of(), "test", plots));
                }
                for (Path p : png) {
                    files.add(Path.of("plots").resolve(p.getFileName()));
                }
                seconds.put("plots", since(t));
            }
            dir.commit();
        }
        seconds.put("total", since(start));
        List<Path> top = new ArrayList<>(List.of(Path.of("model.json"), Path.of("potential.uf3"), Path.of("metrics.json"),
                Path.of("metrics.md"), Path.of("train-indices.txt"), Path.of("config" + extension(config.file()))));
        top.addAll(files);
        return new Outcome(output, model, fit, trainMetrics, testMetrics, train.size(), test.size(), top, seconds);
    }

    private Data read() throws IOException {
        List<Configuration> all = new ArrayList<>();
        List<Map<String, Object>> prov = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (FitConfig.DataSource src : config.data()) {
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
            long atoms = 0;
            Map<String, Integer> types = new TreeMap<>();
            int energies = 0;
            int forces = 0;
            for (Configuration c : configs) {
                atoms += c.size();
                types.merge(c.configType(), 1, Integer::sum);
                energies += c.hasEnergy() ? 1 : 0;
                forces += c.hasForces() ? 1 : 0;
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
            if (energies == 0 && forces == 0) {
                throw new ConfigException(config.file().toString(), src.key(), src.path() + " has no reference energies "
                        + "or forces" + (src.lammpsDump() != null ? "" : src.energyKey() == null
                        ? " (set energy_key / forces_key if they use other names)" : ""));
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("path", src.path().toString());
            p.put("format", src.format());
            p.put("sha256", sha256(src.path()));
            p.put("configurations", configs.size());
            p.put("atoms", atoms);
            p.put("with_energy", energies);
            p.put("with_forces", forces);
            p.put("config_types", new LinkedHashMap<>(types));
            if (src.energyKey() != null) {
                p.put("energy_key", src.energyKey());
            }
            if (src.forcesKey() != null) {
                p.put("forces_key", src.forcesKey());
            }
            if (src.lammpsDump() != null) {
                p.put("lammps_dump", dumpProvenance(src.lammpsDump()));
            }
            prov.add(p);
            all.addAll(configs);
        }
        List<String> elements = config.elements() != null ? config.elements() : Elements.sorted(found);
        config.checkElements(elements);
        for (String t : config.configTypeWeights().keySet()) {
            if (all.stream().noneMatch(c -> c.configType().equals(t))) {
                out.println("note: config_type_weights names config_type '" + t + "', which no configuration has");
            }
        }
        return new Data(all, prov, elements);
    }

    /** The LAMMPS dump settings as recorded in model.json (the log with its sha256). */
    private static Map<String, Object> dumpProvenance(LammpsDumpOptions o) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        if (o.typeElements() != null) {
            m.put("types", o.typeElements());
        }
        if (o.energyColumn() != null) {
            m.put("energy_column", o.energyColumn());
        }
        if (o.log() != null) {
            m.put("log", o.log().toString());
            m.put("log_sha256", sha256(o.log()));
            if (o.energyColumn() == null) {
                m.put("log_energy_column", o.logEnergyColumn() != null ? o.logEnergyColumn()
                        : "PotEng (else E_pair + E_mol)");
            }
            if (o.logVirialColumns() != null) {
                m.put("log_virial_columns", o.logVirialColumns());
            }
            m.put("unmatched", o.unmatched().name().toLowerCase(Locale.ROOT));
        }
        if (o.stressColumns() != null) {
            m.put("stress_columns", o.stressColumns());
        }
        if (o.configType() != null) {
            m.put("config_type", o.configType());
        }
        if (o.allowIncomplete()) {
            m.put("allow_incomplete", true);
        }
        return m;
    }

    private DataSplit split(List<Configuration> all) throws IOException {
        FitConfig.Split s = config.split();
        String file = config.file().toString();
        if (s.trainIndices() != null) {
            try {
                int[] idx = DataSplit.readIndices(s.trainIndices());
                return DataSplit.fromIndices(idx, all.size(), false);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file, "split.train_indices", e.getMessage());
            }
        }
        if (s.testFraction() == 0) {
            return DataSplit.random(all.size(), 1.0, s.seed());
        }
        return s.stratified() ? DataSplit.stratified(all, 1 - s.testFraction(), s.seed())
                : DataSplit.random(all.size(), 1 - s.testFraction(), s.seed());
    }

    private FitSettings settings(List<String> elements, int nTrain) {
        String file = config.file().toString();
        ModelSpec.Builder b = ModelSpec.builder(elements).spacing(config.spacing());
        FitConfig.Knots two = config.twoBody();
        b.pairs(two.rMin(), two.rMax(), two.resolution());
        config.pairs().forEach((key, k) -> {
            String[] el = key.split("-");
            b.pair(el[0], el[1], k.rMin(), k.rMax(), k.resolution());
        });
        if (config.threeBodyFit()) {
            FitConfig.Triplet d = config.threeBody();
            b.triplets(leg(d), leg(d), jk(d));
            config.triplets().forEach((key, tr) -> {
                String[] el = key.split("-");
                b.triplet(el[0], el[1], el[2], leg(tr), leg(tr), jk(tr));
            });
        }
        ModelSpec spec;
        try {
            spec = b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, "", e.getMessage());
        }
        double[] c3 = config.threeBodyFit() ? config.curvature3() : new double[] {config.curvature3()[0]};
        List<Regularization> grid = CrossValidation.grid(config.curvature2(), c3, config.ridge2(), config.ridge3());
        FitSettings.Builder s = FitSettings.builder(spec).grid(grid).folds(config.folds())
                .stratifiedFolds(config.stratifiedFolds())
                .seed(config.cvSeed() != null ? config.cvSeed() : config.split().seed())
                .configTypeWeights(config.configTypeWeights()).virialWeight(config.virialWeight())
                .threads(config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors())
                .solver(config.solver());
        if (config.kappas().length == 1) {
            s.kappa(config.kappas()[0]);
        } else {
            s.kappa(0.5).kappas(config.kappas());
        }
        FitSettings fs = s.build();
        if (fs.crossValidates() && nTrain < 2) {
            throw new ConfigException(file, "cross_validation", "needs at least 2 training configurations, have " + nTrain);
        }
        return fs;
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
        for (FitConfig.DataSource src : config.data()) {
            if (java.nio.file.Files.isRegularFile(src.path())) {
                dataBytes += java.nio.file.Files.size(src.path());
            }
        }
        MemoryPlan plan = new Fitter(settings(config.elements(),
                Integer.MAX_VALUE)).plan(dataBytes);
        out.println(plan.describe());
        out.flush();
        if (plan.refusal() != null) {
            throw new InsufficientMemoryException(plan.refusal());
        }
    }

    private static KnotSpec leg(FitConfig.Triplet t) {
        return new KnotSpec(t.rMin(), t.rMax(), t.resolution());
    }

    private static KnotSpec jk(FitConfig.Triplet t) {
        return new KnotSpec(t.rMin(), 2 * t.rMax(), t.resolutionJk());
    }

    private String describe(ModelSpec spec) {
        return (spec.bodyOrder() == 3 ? "UF2,3" : "UF2") + " for " + String.join(", ", spec.elements());
    }

    private Map<String, Object> hyperparameters(FitSettings s, FitResult fit) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("elements", s.spec().elements());
        h.put("body_order", s.spec().bodyOrder());
        h.put("knot_spacing", s.spec().spacing().name().toLowerCase(Locale.ROOT));
        Map<String, Object> two = new LinkedHashMap<>();
        for (int a = 0; a < s.spec().elements().size(); a++) {
            for (int c = a; c < s.spec().elements().size(); c++) {
                String ea = s.spec().elements().get(a);
                String ec = s.spec().elements().get(c);
                two.put(Uf3Model.pairKey(ea, ec), knot(s.spec().pair(ea, ec)));
            }
        }
        h.put("two_body", two);
        if (s.spec().bodyOrder() == 3) {
            Map<String, Object> three = new LinkedHashMap<>();
            for (String centre : s.spec().elements()) {
                for (int a = 0; a < s.spec().elements().size(); a++) {
                    for (int c = a; c < s.spec().elements().size(); c++) {
                        KnotSpec[] k = s.spec().triplet(centre, s.spec().elements().get(a), s.spec().elements().get(c));
                        Map<String, Object> legs = new LinkedHashMap<>();
                        legs.put("ij", knot(k[0]));
                        legs.put("ik", knot(k[1]));
                        legs.put("jk", knot(k[2]));
                        three.put(Uf3Model.tripletKey(centre, s.spec().elements().get(a), s.spec().elements().get(c)), legs);
                    }
                }
            }
            h.put("three_body", three);
        }
        h.put("kappa", fit.kappa());
        h.put("regularization", reg(fit.regularization()));
        if (fit.crossValidation() != null) {
            Map<String, Object> cv = new LinkedHashMap<>();
            cv.put("folds", fit.crossValidation().folds());
            cv.put("stratified", s.stratifiedFolds());
            cv.put("seed", s.seed());
            cv.put("kappa_candidates", toList(s.kappas()));
            List<Object> grid = new ArrayList<>();
            for (Regularization r : s.grid()) {
                grid.add(reg(r));
            }
            cv.put("grid", grid);
            h.put("cross_validation", cv);
        }
        h.put("config_type_weights", new TreeMap<>(s.configTypeWeights()));
        h.put("virial_weight", s.virialWeight());
        h.put("solver", fit.method().name().toLowerCase(Locale.ROOT));
        h.put("coefficients", fit.layout().size());
        h.put("sigma_energy_eV_per_atom", fit.statistics().sigmaEnergy());
        h.put("sigma_force_eV_per_A", fit.statistics().sigmaForce());
        return h;
    }

    private static Map<String, Object> knot(KnotSpec k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("r_min", k.rMin());
        m.put("r_max", k.rMax());
        m.put("resolution", k.intervals());
        return m;
    }

    private static Map<String, Object> reg(Regularization r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("curvature_2b", r.curvature2());
        m.put("curvature_3b", r.curvature3());
        m.put("ridge_2b", r.ridge2());
        m.put("ridge_3b", r.ridge3());
        return m;
    }

    private static List<Object> toList(double[] v) {
        List<Object> l = new ArrayList<>();
        for (double d : v) {
            l.add(d);
        }
        return l;
    }

    private Map<String, Object> provenance(Data data, DataSplit split, List<Configuration> train,
                                           List<Configuration> test) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("command", command);
        p.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        p.put("config_file", config.file().toAbsolutePath().normalize().toString());
        p.put("config_sha256", sha256(config.file()));
        p.put("data", data.provenance());
        Map<String, Object> s = new LinkedHashMap<>();
        FitConfig.Split cs = config.split();
        if (cs.trainIndices() != null) {
            s.put("train_indices", cs.trainIndices().toString());
            s.put("train_indices_sha256", sha256(cs.trainIndices()));
        } else {
            s.put("test_fraction", cs.testFraction());
            s.put("seed", cs.seed());
            s.put("stratified", cs.stratified());
        }
        s.put("train_configurations", train.size());
        s.put("test_configurations", test.size());
        s.put("indices", "0-based positions in the data files, concatenated in order; training indices in train-indices.txt");
        p.put("split", s);
        p.put("software", "UF3-J " + version() + ", Java " + System.getProperty("java.version"));
        return p;
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

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String version() {
        String v = FitRun.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}

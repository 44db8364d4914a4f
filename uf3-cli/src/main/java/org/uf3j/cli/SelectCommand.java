package org.uf3j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.uf3j.core.gamma.ActiveSet;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.io.TrainingData;
import org.uf3j.core.io.TrainingDataOptions;
import org.uf3j.core.io.TrainingFormat;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.extxyz.ExtXyzOptions;
import org.uf3j.core.io.extxyz.ExtXyzWriter;
import org.uf3j.core.io.lammps.LammpsDumpOptions;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.fit.FeatureBlock;
import org.uf3j.fit.FeaturizationException;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.gamma.DesignRows;
import org.uf3j.fit.gamma.InformationSelection;
import org.uf3j.fit.gamma.StratumQuota;
import org.uf3j.fit.gamma.PoolSelection;
import org.uf3j.fit.solve.SolverOptions;
import org.uf3j.fit.uncertainty.Posterior;
import org.uf3j.fit.uncertainty.SelectionDesign;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code uf3 select}: the configurations of a pool that add the most information, for labelling. */
@Command(name = "select", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Choose the N configurations of a pool (extended XYZ, or a LAMMPS dump) that add the most information to",
                "the training set of a potential: by the extrapolation grade γ of their atoms (greedy, max-gamma; needs the",
                "potential's active set, potential.asi from uf3 fit --active-set) or by what their energy and force rows add",
                "to the fit (force-variance, information; need the fit's posterior, posterior.uf3p). Writes them as extended",
                "XYZ, each with select_reason, select_pool_index and select_max_gamma or select_gain in its comment line."},
        footer = {"", "Examples:",
                "  uf3 select --potential fit/model.json --pool md.xyz -n 50 -o to-label.xyz",
                "  uf3 select --potential fit/potential.uf3 --pool md.dump --pool-types W -n 20 --method max-gamma -o pick.xyz",
                "", "greedy (default): pick the best, let the active set absorb its atoms (maxvol), grade the rest again;",
                "max-gamma: the N largest max γ. Both rank first the configurations touching basis functions no training",
                "atom touched (γ infinite), by how many new ones they touch.",
                "force-variance: greedy, the largest fall of the pool's summed predicted force variance when a",
                "configuration's energy and force rows join the fit (V-optimal); information: greedy, the largest",
                "log det gain (D-optimal on the rows). Both weigh energy and force rows by the noise the fit's",
                "calibration measured for each, not by the fit's κ balance. See docs/gamma.md."})
public final class SelectCommand implements Callable<Integer> {
    @ParentCommand
    Uf3Command root;

    @Spec
    CommandSpec spec;

    @Mixin
    PotentialOption potential;

    @Option(names = "--active-set", paramLabel = "FILE.asi",
            description = "Active-set file (default: potential.asi beside the potential file).")
    Path activeSetFile;

    @Option(names = "--pool", required = true, paramLabel = "FILE", description = "Candidate configurations: extended XYZ or a LAMMPS dump.")
    Path pool;

    @Option(names = "--pool-types", split = ",", paramLabel = "El,...",
            description = "For a LAMMPS dump without an element column: the elements of atom types 1, 2, ...")
    List<String> poolTypes;

    @Option(names = {"-n", "--count"}, required = true, paramLabel = "N", description = "How many configurations to choose.")
    int count;

    @Option(names = "--method", paramLabel = "greedy|max-gamma|force-variance|information",
            description = "Ranking (default: ${DEFAULT-VALUE}).")
    String method = "greedy";

    @Mixin
    PosteriorOption posteriorOption;

    @Option(names = "--stratify", paramLabel = "config_type", description = "force-variance and information: split the N picks "
            + "over the pool's config_types in proportion to their counts (largest remainder) and pick greedily within each.")
    String stratify;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for force-variance and information "
            + "(default: all processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.xyz", description = "Chosen configurations (extended XYZ).")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (count < 1) {
            throw new CliException("-n " + count + ": expected a positive number of configurations");
        }
        if (!List.of("greedy", "max-gamma", "force-variance", "information").contains(method)) {
            throw new CliException("--method " + method + ": expected greedy, max-gamma, force-variance or information");
        }
        if (stratify != null && !stratify.equals("config_type")) {
            throw new CliException("--stratify " + stratify + ": expected config_type");
        }
        if (stratify != null && !List.of("force-variance", "information").contains(method)) {
            throw new CliException("--stratify: only with --method force-variance or information, not " + method);
        }
        LoadedPotential lp = potential.load();
        boolean rows = method.equals("force-variance") || method.equals("information");
        Posterior post = rows ? posteriorOption.load(potential.file(), lp.model()) : null;
        ActiveSet set = rows ? null : GammaOption.load(potential.file(), activeSetFile);
        List<Configuration> configs = readPool();
        if (configs.isEmpty()) {
            throw new CliException(pool + ": contains no configurations");
        }
        List<Written> picks = rows ? byRows(post, configs) : byGamma(lp, set, configs);
        try (ExtXyzWriter w = ExtXyzWriter.create(output)) {
            for (Written p : picks) {
                Configuration c = configs.get(p.index());
                Map<String, String> info = new LinkedHashMap<>(c.info());
                info.put("select_reason", p.reason());
                info.put(p.scoreKey(), Double.isInfinite(p.score()) ? "inf" : Double.toString(p.score()));
                info.put("select_pool_index", Integer.toString(p.index()));
                w.write(new Configuration(c.structure(), c.energy(), c.forces(), c.virial(), c.configType(), c.source(), info));
            }
        }
        out.printf(Locale.ROOT, "chose %d of %d configurations of %s (%s) -> %s%n", picks.size(), configs.size(), pool, method, output);
        if (rows) {
            out.printf(Locale.ROOT, "rows weighted by their calibrated noise: an energy-per-atom row counts %.4g times its weight in "
                    + "the fit (α = τ_F/τ_E of the posterior), a force row as in the fit%n", post.design().alpha());
        }
        for (Written p : picks) {
            out.printf(Locale.ROOT, "%4d  pool #%d  %s%n", p.round(), p.index(), p.reason());
        }
        out.flush();
        return 0;
    }

    /** One chosen configuration as written: pool index, round, reason and its score (max γ or gain). */
    private record Written(int index, int round, String reason, String scoreKey, double score) {
    }

    private List<Written> byGamma(LoadedPotential lp, ActiveSet set, List<Configuration> configs) {
        List<Structure> structures = new ArrayList<>();
        for (Configuration c : configs) {
            structures.add(c.structure());
        }
        PoolSelection.Method m = method.equals("greedy") ? PoolSelection.Method.GREEDY : PoolSelection.Method.MAX_GAMMA;
        try {
            List<Written> out = new ArrayList<>();
            for (PoolSelection.Pick p : new PoolSelection(lp.model(), set).select(structures, count, m)) {
                out.add(new Written(p.index(), p.round(), p.reason(), "select_max_gamma", p.maxGamma()));
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    private List<Written> byRows(Posterior post, List<Configuration> configs) {
        SelectionDesign design = post.design();
        if (design == null) {
            throw new CliException("--method " + method + ": the posterior file has no selection design (design_alpha; "
                    + "written by uf3 fit from this version on): fit again");
        }
        Featurizer fz = new Featurizer(post.layout());
        FeatureBlock block = fz.newBlock();
        List<DesignRows> rows = new ArrayList<>();
        try {
            for (Configuration c : configs) {
                rows.add(DesignRows.of(fz, block, c));
            }
        } catch (FeaturizationException e) {
            throw new CliException(pool + ": " + e.getMessage());
        }
        InformationSelection.Criterion crit = method.equals("information") ? InformationSelection.Criterion.D_OPTIMAL
                : InformationSelection.Criterion.FORCE_VARIANCE;
        double[] inverse;
        try {
            inverse = design.inverse(SolverOptions.auto(Math.max(1, threads)));
        } catch (IllegalStateException e) {
            throw new CliException(posteriorOption.file(potential.file()) + ": " + e.getMessage() + "; fit again with stronger "
                    + "regularisation");
        }
        InformationSelection sel = new InformationSelection(crit, rows, inverse, post.size(), design.energyRowWeight(),
                design.forceRowWeight(), Math.max(1, threads));
        List<Written> out = new ArrayList<>();
        List<InformationSelection.Pick> chosen;
        if (stratify != null) {
            List<String> types = configs.stream().map(Configuration::configType).distinct().toList();
            int[] stratum = new int[configs.size()];
            int[] available = new int[types.size()];
            for (int i = 0; i < configs.size(); i++) {
                stratum[i] = types.indexOf(configs.get(i).configType());
                available[stratum[i]]++;
            }
            double[] share = java.util.Arrays.stream(available).asDoubleStream().toArray();
            chosen = sel.select(rows, stratum, StratumQuota.apportion(share, count, available));
        } else {
            chosen = sel.select(rows, count);
        }
        for (InformationSelection.Pick p : chosen) {
            out.add(new Written(p.index(), p.round(), p.reason(), "select_gain", p.gain()));
        }
        return out;
    }

    private List<Configuration> readPool() throws IOException {
        StructureFiles.checkReadable(pool);
        try {
            TrainingFormat f = TrainingData.detect(pool);
            if (f == TrainingFormat.EXTXYZ) {
                return StructureFiles.readAll(pool, new ExtXyzOptions(null, null), Progress.of(root));
            }
            TrainingDataOptions o = TrainingDataOptions.defaults();
            if (poolTypes != null) {
                o = o.withLammpsDump(LammpsDumpOptions.defaults().withTypeElements(poolTypes));
            }
            return TrainingData.read(pool, f, o);
        } catch (Uf3FormatException | IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}

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
import org.uf3j.fit.gamma.PoolSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code uf3 select}: the configurations of a pool that add the most information, for labelling. */
@Command(name = "select", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Choose the N configurations of a pool (extended XYZ, or a LAMMPS dump) that add the most information to",
                "the training set of a potential, by the extrapolation grade γ of their atoms (D-optimality; needs the",
                "potential's active set, potential.asi from uf3 fit --active-set). Writes them as extended XYZ, each with",
                "select_reason, select_max_gamma and select_pool_index in its comment line, ready for DFT labelling."},
        footer = {"", "Examples:",
                "  uf3 select --potential fit/model.json --pool md.xyz -n 50 -o to-label.xyz",
                "  uf3 select --potential fit/potential.uf3 --pool md.dump --pool-types W -n 20 --method max-gamma -o pick.xyz",
                "", "greedy (default): pick the best, let the active set absorb its atoms (maxvol), grade the rest again;",
                "max-gamma: the N largest max γ. Both rank first the configurations touching basis functions no training",
                "atom touched (γ infinite), by how many new ones they touch."})
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

    @Option(names = "--method", paramLabel = "greedy|max-gamma", description = "Ranking (default: ${DEFAULT-VALUE}).")
    String method = "greedy";

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.xyz", description = "Chosen configurations (extended XYZ).")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (count < 1) {
            throw new CliException("-n " + count + ": expected a positive number of configurations");
        }
        PoolSelection.Method m = switch (method) {
            case "greedy" -> PoolSelection.Method.GREEDY;
            case "max-gamma" -> PoolSelection.Method.MAX_GAMMA;
            default -> throw new CliException("--method " + method + ": expected greedy or max-gamma");
        };
        LoadedPotential lp = potential.load();
        ActiveSet set = GammaOption.load(potential.file(), activeSetFile);
        List<Configuration> configs = readPool();
        if (configs.isEmpty()) {
            throw new CliException(pool + ": contains no configurations");
        }
        List<Structure> structures = new ArrayList<>();
        for (Configuration c : configs) {
            structures.add(c.structure());
        }
        List<PoolSelection.Pick> picks;
        try {
            picks = new PoolSelection(lp.model(), set).select(structures, count, m);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        try (ExtXyzWriter w = ExtXyzWriter.create(output)) {
            for (PoolSelection.Pick p : picks) {
                Configuration c = configs.get(p.index());
                Map<String, String> info = new LinkedHashMap<>(c.info());
                info.put("select_reason", p.reason());
                info.put("select_max_gamma", Double.isInfinite(p.maxGamma()) ? "inf" : Double.toString(p.maxGamma()));
                info.put("select_pool_index", Integer.toString(p.index()));
                w.write(new Configuration(c.structure(), c.energy(), c.forces(), c.virial(), c.configType(), c.source(), info));
            }
        }
        out.printf(Locale.ROOT, "chose %d of %d configurations of %s (%s) -> %s%n", picks.size(), configs.size(), pool, method, output);
        for (PoolSelection.Pick p : picks) {
            out.printf(Locale.ROOT, "%4d  pool #%d  %s%n", p.round(), p.index(), p.reason());
        }
        out.flush();
        return 0;
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

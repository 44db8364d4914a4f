package org.uf3j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.gamma.ExtrapolationGrade;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.io.PotentialFormat;
import org.uf3j.core.io.extxyz.ExtXyzOptions;
import org.uf3j.core.io.extxyz.ExtXyzWriter;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.DataSplit;
import org.uf3j.fit.FeaturizationException;
import org.uf3j.fit.uncertainty.Calibration;
import org.uf3j.fit.uncertainty.Uncertainty;
import org.uf3j.fit.uncertainty.UncertaintyBatch;
import org.uf3j.plot.CalibrationPlots;
import org.uf3j.fit.metrics.BatchEvaluator;
import org.uf3j.fit.metrics.MetricsAccumulator;
import org.uf3j.fit.metrics.MetricsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code uf3 eval}: energies, forces and virials of structures, and errors against their reference labels. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Evaluate a potential on structures: energy (eV), forces (eV/Å) and virial (eV).",
                "FILE may be a .uf3 file, a uf3 JSON model or a UF3-J project model (recognised by content).",
                "When the structures carry reference energies/forces, prints RMSE/MAE overall and per config_type."},
        footer = {"", "Examples:",
                "  uf3 eval --potential W.uf3 --structures test.xyz",
                "  uf3 eval --potential model.json --structures test.xyz --json > predictions.json",
                "  uf3 eval --potential model.json --structures test.xyz --write-xyz predicted.xyz",
                "  uf3 eval --potential model.json --structures all.xyz --exclude-indices fit/train-indices.txt",
                "  uf3 eval --potential fit/model.json --structures test.xyz --uncertainty --calibration-plot cal.png",
                "  uf3 eval --potential fit/model.json --structures md.xyz --gamma     (fit with uf3 fit --active-set)",
                "", "--json prints {\"structures\":[{\"energy\":E,\"forces\":[[fx,fy,fz],...],"
                + "\"virial\":[xx,yy,zz,yz,xz,xy]},...]}",
                "(with --uncertainty also \"energy_std\":s,\"forces_std\":[[sx,sy,sz],...])",
                "(eV, eV/Å, eV; virial positive under compression, as LAMMPS) with full double precision;",
                "with --gamma also \"gamma\":[per atom],\"max_gamma\":g (Infinity where infinite, as Python's json reads)."})
public final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    Uf3Command root;

    @Spec
    CommandSpec spec;

    @Mixin
    PotentialOption potential;

    @Option(names = {"-s", "--structures"}, required = true, paramLabel = "FILE.xyz",
            description = "Structures in extended XYZ (any number of frames).")
    Path structures;

    @Option(names = "--json", description = "Print predictions as JSON on stdout (nothing else).")
    boolean json;

    @Option(names = "--energy-key", paramLabel = "KEY",
            description = "Comment-line key of the reference energy (default: energy or Energy).")
    String energyKey;

    @Option(names = "--forces-key", paramLabel = "KEY",
            description = "Per-atom property with the reference forces (default: forces or force).")
    String forcesKey;

    @Option(names = "--write-xyz", paramLabel = "OUT.xyz",
            description = "Also write the structures with the predictions as uf3_energy, uf3_forces, uf3_virial.")
    Path writeXyz;

    @Option(names = "--exclude-indices", paramLabel = "FILE",
            description = "Skip the structures whose 0-based positions in --structures FILE lists (whitespace or comma "
                    + "separated, # comments), e.g. a fit's train-indices.txt or split.train_indices file: what is left "
                    + "is its test set.")
    Path excludeIndices;

    @Option(names = "--uncertainty",
            description = "Also predict the standard deviation of every energy and force component from the fit's "
                    + "Bayesian posterior (posterior.uf3p beside the potential, or --posterior); with reference data, "
                    + "report the fraction of errors within 1σ and 2σ.")
    boolean uncertainty;

    @Mixin
    PosteriorOption posteriorOption;

    @Option(names = "--calibration-plot", paramLabel = "OUT.png",
            description = "With --uncertainty and reference data: write the calibration plot (observed vs expected "
                    + "coverage; |error| vs predicted σ for energies and forces).")
    Path calibrationPlot;

    @Option(names = "--gamma",
            description = "Also the extrapolation grade γ of every atom and its maximum per structure (D-optimality over the "
                    + "training atoms' features: ≤ 1 inside the training data, > 1 outside; Infinity when an atom touches a "
                    + "basis function no training atom touched). Needs the active set, potential.asi (uf3 fit --active-set).")
    boolean gamma;

    @Option(names = "--active-set", paramLabel = "FILE.asi",
            description = "Active-set file for --gamma (default: potential.asi beside the potential file).")
    Path activeSetFile;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    private static final int BATCH = 256;

    /** The indices --exclude-indices read, in file order. */
    private int[] excluded = new int[0];

    private record Row(String source, String type, int atoms, double energy, Double reference, double maxForce,
                       double forceRmse, int energyIndex, double sigmaPerAtom, double[] gamma) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        LoadedPotential lp = potential.load();
        boolean uf3File = lp.format() == PotentialFormat.LAMMPS_UF3;
        JavaEvaluator evaluator = new JavaEvaluator(lp.model());
        if (calibrationPlot != null && !uncertainty) {
            throw new CliException("--calibration-plot needs --uncertainty");
        }
        UncertaintyBatch sigmas = uncertainty ? new UncertaintyBatch(posteriorOption.load(potential.file(), lp.model()), threads)
                : null;
        Calibration.Builder calibration = new Calibration.Builder();
        ExtrapolationGrade grade = gamma ? GammaOption.grade(lp.model(), potential.file(), activeSetFile) : null;
        BatchEvaluator batch = new BatchEvaluator(evaluator, threads);
        ExtXyzOptions options = new ExtXyzOptions(energyKey, forcesKey);
        Progress progress = json ? Progress.off() : Progress.of(root);
        MetricsAccumulator metrics = new MetricsAccumulator(lp.model().elements(), uf3File);
        List<Row> rows = new ArrayList<>();
        int[] count = {0};
        int[] atoms = {0};
        int[] withEnergy = {0};
        ExtXyzWriter xyz = writeXyz == null ? null : ExtXyzWriter.create(writeXyz);
        if (json) {
            out.print("{\"structures\":[");
        }
        boolean[] skip = skipped();
        int[] position = {0};
        int[] skippedCount = {0};
        List<Configuration> pending = new ArrayList<>(BATCH);
        Runnable flush = () -> {
            Evaluation[] ev = batch.evaluate(pending);
            Uncertainty[] un = sigmas == null ? null : predictSigmas(sigmas, pending);
            for (int i = 0; i < pending.size(); i++) {
                Configuration c = pending.get(i);
                Evaluation e = ev[i];
                double[] g = grade == null ? null : grade.grades(c.structure());
                if (json) {
                    if (count[0] > 0) {
                        out.print(',');
                    }
                    String obj = un == null ? Json.evaluation(e) : Json.evaluation(e, un[i].energyStd(), un[i].forceStd());
                    out.print(g == null ? obj : obj.substring(0, obj.length() - 1) + GammaOption.json(g) + "}");
                } else {
                    rows.add(row(c, e, c.hasEnergy() ? withEnergy[0]++ : -1,
                            un == null ? Double.NaN : un[i].energyStdPerAtom(), g));
                }
                if (un != null && c.hasForces()) {
                    double[] err = e.forces().clone();
                    for (int q = 0; q < err.length; q++) {
                        err[q] -= c.forces()[q];
                    }
                    calibration.forces(err, un[i].forceStd());
                }
                metrics.add(c, e);
                if (xyz != null) {
                    xyz.write(c, e, ExtXyzWriter.DEFAULT_PREDICTION_PREFIX);
                }
                count[0]++;
                atoms[0] += c.size();
            }
            pending.clear();
        };
        try {
            StructureFiles.forEach(structures, options, progress, c -> {
                int at = position[0]++;
                if (at < skip.length && skip[at]) {
                    skippedCount[0]++;
                    return;
                }
                pending.add(c);
                if (pending.size() == BATCH) {
                    flush.run();
                }
            });
            flush.run();
        } finally {
            if (xyz != null) {
                xyz.close();
            }
        }
        if (excludeIndices != null) {
            warnBeyond(position[0]);
        }
        if (count[0] == 0 && skippedCount[0] > 0) {
            throw new CliException(excludeIndices + ": excludes all " + skippedCount[0] + " structures of " + structures);
        }
        if (count[0] == 0) {
            throw new CliException(structures + ": contains no structures (expected extended XYZ frames)");
        }
        if (json) {
            out.println("]}");
            out.flush();
            return 0;
        }
        printText(out, lp, rows, metrics, count[0], atoms[0], skippedCount[0]);
        if (sigmas != null) {
            printCalibration(out, lp, rows, metrics, calibration);
        }
        out.flush();
        return 0;
    }

    private static Uncertainty[] predictSigmas(UncertaintyBatch sigmas, List<Configuration> configs) {
        try {
            return sigmas.predict(configs);
        } catch (FeaturizationException e) {
            throw new CliException("--uncertainty: " + e.getMessage(), e);
        }
    }

    /** The calibration report (and plot) of the predicted σ against the reference labels. */
    private void printCalibration(PrintWriter out, LoadedPotential lp, List<Row> rows, MetricsAccumulator metrics,
                                  Calibration.Builder calibration) throws IOException {
        for (Row r : rows) {
            if (r.reference != null) {
                double predicted = r.energy + metrics.offsetOf(r.energyIndex);
                calibration.energy(r.type, (predicted - r.reference) / r.atoms, r.sigmaPerAtom);
            }
        }
        Calibration cal = calibration.build();
        out.println();
        if (cal.energies() == 0 && cal.forces() == 0) {
            out.println("(no reference energies or forces: no calibration of the predicted σ)");
            return;
        }
        out.print(cal.report());
        if (lp.format() == PotentialFormat.LAMMPS_UF3) {
            out.println("  (energy errors after the per-element offsets above: a .uf3 file has no one-body energies)");
        }
        if (calibrationPlot != null) {
            CalibrationPlots.write(cal, structures.getFileName().toString(), calibrationPlot);
            out.println("wrote " + calibrationPlot + " (calibration: coverage; |error| vs σ)");
        }
    }

    private static Row row(Configuration c, Evaluation e, int energyIndex, double sigmaPerAtom, double[] gamma) {
        double maxF = 0;
        double sq = 0;
        double[] f = e.forces();
        for (int a = 0; a < c.size(); a++) {
            double n2 = f[3 * a] * f[3 * a] + f[3 * a + 1] * f[3 * a + 1] + f[3 * a + 2] * f[3 * a + 2];
            maxF = Math.max(maxF, Math.sqrt(n2));
        }
        double rmse = Double.NaN;
        if (c.hasForces()) {
            double[] ref = c.forces();
            for (int q = 0; q < ref.length; q++) {
                sq += (f[q] - ref[q]) * (f[q] - ref[q]);
            }
            rmse = Math.sqrt(sq / ref.length);
        }
        return new Row(c.source(), c.configType(), c.size(), e.energy(), c.hasEnergy() ? c.energy() : null, maxF, rmse,
                energyIndex, sigmaPerAtom, gamma);
    }

    /** The positions --exclude-indices names (empty without the option). */
    private boolean[] skipped() throws IOException {
        if (excludeIndices == null) {
            return new boolean[0];
        }
        if (!java.nio.file.Files.isRegularFile(excludeIndices)) {
            throw new CliException(excludeIndices + ": file not found (--exclude-indices)");
        }
        int[] idx;
        try {
            idx = DataSplit.readIndices(excludeIndices);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage() + " (--exclude-indices)");
        }
        int max = -1;
        for (int i : idx) {
            if (i < 0) {
                throw new CliException(excludeIndices + ": index " + i + " is negative; expected 0-based positions in "
                        + structures);
            }
            max = Math.max(max, i);
        }
        boolean[] skip = new boolean[max + 1];
        for (int i : idx) {
            skip[i] = true;
        }
        excluded = idx;
        return skip;
    }

    /**
     * An excluded index beyond the structures read changes nothing evaluated, but says the file was
     * written for other data (W-14's uf3_training_idx.txt names frame 9692 of the original 9,693):
     * one warning line on stderr lists such indices.
     */
    private void warnBeyond(int n) {
        int[] beyond = DataSplit.beyond(excluded, n);
        if (beyond.length > 0) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Math.min(beyond.length, 10); i++) {
                b.append(i == 0 ? "" : ", ").append(beyond[i]);
            }
            if (beyond.length > 10) {
                b.append(", ... (").append(beyond.length).append(" in all)");
            }
            spec.commandLine().getErr().println("uf3 eval: warning: " + excludeIndices + ": "
                    + (beyond.length == 1 ? "index " + b + " names" : beyond.length + " indices " + b + " name")
                    + " no structure of " + structures + " (" + n + " structures, 0-based positions 0.." + (n - 1)
                    + "); nothing to exclude there");
            spec.commandLine().getErr().flush();
        }
    }

    private void printText(PrintWriter out, LoadedPotential lp, List<Row> rows, MetricsAccumulator metrics, int count,
                           int atoms, int skippedCount) {
        boolean uf3File = lp.format() == PotentialFormat.LAMMPS_UF3;
        out.println("potential:  " + potential.file() + " (" + Potentials.formatName(lp.format()) + "), "
                + Potentials.describe(lp.model()));
        out.println("structures: " + structures + ", " + count + " structures, " + atoms + " atoms"
                + (excludeIndices == null ? "" : " (" + skippedCount + " more skipped: listed in " + excludeIndices + ")"));
        out.println();
        boolean refs = metrics.hasEnergies();
        Map<String, Double> offsets = metrics.offsets();
        StringBuilder h = new StringBuilder(String.format("%5s  %-28s %-16s %6s %16s %13s", "#", "source", "config_type",
                "atoms", "energy (eV)", "E/atom (eV)"));
        if (refs) {
            h.append(String.format(" %13s %13s", "ref E/atom", "ΔE meV/atom"));
        }
        boolean withSigma = rows.stream().anyMatch(r -> !Double.isNaN(r.sigmaPerAtom));
        if (withSigma) {
            h.append(String.format(" %13s", "σE meV/atom"));
        }
        h.append(String.format(" %13s", "max|F| eV/Å"));
        boolean forceRefs = rows.stream().anyMatch(r -> !Double.isNaN(r.forceRmse));
        if (forceRefs) {
            h.append(String.format(" %13s", "F RMSE eV/Å"));
        }
        if (gamma) {
            h.append(String.format(" %10s", "max γ"));
        }
        out.println(h);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            StringBuilder b = new StringBuilder(String.format("%5d  %-28s %-16s %6d %16.6f %13.6f", i, shorten(displaySource(r.source), 28),
                    shorten(r.type, 16), r.atoms, r.energy, r.energy / r.atoms));
            if (refs) {
                if (r.reference != null) {
                    double predicted = r.energy + metrics.offsetOf(r.energyIndex);
                    b.append(String.format(" %13.6f %13.3f", r.reference / r.atoms, 1000 * (predicted - r.reference) / r.atoms));
                } else {
                    b.append(String.format(" %13s %13s", "-", "-"));
                }
            }
            if (withSigma) {
                b.append(String.format(" %13.3f", 1000 * r.sigmaPerAtom));
            }
            b.append(String.format(" %13.5f", r.maxForce));
            if (forceRefs) {
                b.append(Double.isNaN(r.forceRmse) ? String.format(" %13s", "-") : String.format(" %13.5f", r.forceRmse));
            }
            if (gamma) {
                b.append(String.format(" %10s", GammaOption.format(ExtrapolationGrade.max(r.gamma))));
            }
            out.println(b);
        }
        if (gamma) {
            out.println();
            out.print(GammaOption.report(rows.stream().map(Row::gamma).toList()));
        }
        if (metrics.hasReferences()) {
            out.println();
            out.println("Errors against the reference labels (energy per atom, force components):");
            out.print(MetricsReport.table(structures.getFileName().toString(), metrics.metrics()));
            if (uf3File && refs) {
                out.println();
                StringBuilder o = new StringBuilder();
                offsets.forEach((el, v) -> o.append(o.length() == 0 ? "" : ", ").append(el).append(' ')
                        .append(String.format("%.6f", v)).append(" eV/atom"));
                out.println("note: " + potential.file().getFileName() + " is a .uf3 file, and .uf3 files carry no one-body energies,");
                out.println("      so energies are compared after removing a constant per-atom offset per element,");
                out.println("      fitted to these structures by least squares (" + o + "); the energy column above");
                out.println("      is without it. Forces are unaffected. Evaluate the project model (model.json) for");
                out.println("      absolute energies.");
            }
        } else {
            out.println();
            out.println("(no reference energies or forces in " + structures.getFileName() + ": no errors to report)");
        }
        if (writeXyz != null) {
            out.println();
            out.println("wrote " + writeXyz + " (predictions under uf3_energy, uf3_forces, uf3_virial"
                    + (uf3File ? "; energies without one-body terms" : "") + ")");
        }
    }

    /** "dir/file.xyz:12" as "file.xyz:12". */
    static String displaySource(String source) {
        int colon = source.lastIndexOf(':');
        if (colon <= 0) {
            return source;
        }
        try {
            return Path.of(source.substring(0, colon)).getFileName() + source.substring(colon);
        } catch (RuntimeException e) {
            return source;
        }
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : "…" + s.substring(s.length() - n + 1);
    }
}

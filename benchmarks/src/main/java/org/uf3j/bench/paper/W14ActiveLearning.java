package org.uf3j.bench.paper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.FeatureBlock;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.LinearSolver;
import org.uf3j.fit.LossWeights;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.NormalEquations;
import org.uf3j.fit.Regularization;
import org.uf3j.fit.Regularizer;
import org.uf3j.fit.RowWeights;
import org.uf3j.fit.TargetStatistics;
import org.uf3j.fit.gamma.DesignRows;
import org.uf3j.fit.gamma.InformationSelection;
import org.uf3j.fit.gamma.StratumQuota;
import org.uf3j.fit.solve.SolverOptions;
import org.uf3j.fit.uncertainty.Posterior;
import org.uf3j.fit.uncertainty.PosteriorEstimator;
import org.uf3j.fit.uncertainty.SelectionDesign;
import org.uf3j.plot.Charts;

/**
 * Issue 13 acceptance, active learning against random on W-14: the paper's training split is the
 * pool; start with 100 random configurations and grow to 1,000 in steps of 100, either by
 * {@code uf3 select --method force-variance} (or {@code information}; {@link InformationSelection}
 * against the current fit's selection design M, or its normal matrix A with {@code --fit-weights};
 * the pool's remaining configurations as candidates and targets) or at random (the same seed's shuffled order); test = the paper's test split. The model
 * is a UF2,3 with the paper's pair knots, coarser triplet knots (278 columns, whose random curve
 * still falls at 1,000 configurations) and the paper's κ and λ, fixed (no CV). Each curve's normal
 * equations grow by the sums of the configurations added, so a step featurises only those.
 *
 * <pre>options: --seeds 5 --start 100 --step 100 --end 1000 --threads N --random-only
 *          --method force-variance|information --stratify --fit-weights
 *          --pairs 1.5,5.5,25 --triplets 1.5,4.25,6,12 --kappa 0.95 --c2 1e-8 --c3 1e-7 --ridge 1e-8</pre>
 */
public final class W14ActiveLearning {
    private W14ActiveLearning() {
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv, "random-only", "stratify", "fit-weights");
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        int seeds = args.getInt("seeds", 5);
        int start = args.getInt("start", 100);
        int step = args.getInt("step", 100);
        int end = args.getInt("end", 1000);
        int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
        boolean randomOnly = args.flag("random-only");
        boolean stratify = args.flag("stratify");
        boolean fitWeights = args.flag("fit-weights");
        String method = args.get("method", "force-variance");
        InformationSelection.Criterion criterion = switch (method) {
            case "force-variance" -> InformationSelection.Criterion.FORCE_VARIANCE;
            case "information" -> InformationSelection.Criterion.D_OPTIMAL;
            default -> throw new IllegalArgumentException("--method " + method + ": expected force-variance or information");
        };
        double[] pr = args.doubles("pairs", 1.5, 5.5, 25);
        double[] tr = args.doubles("triplets", 1.5, 4.25, 6, 12);
        double kappa = args.getDouble("kappa", 0.95);
        Regularization reg = new Regularization(args.getDouble("c2", 1e-8), args.getDouble("c3", 1e-7), args.getDouble("ridge", 1e-8),
                args.getDouble("ridge", 1e-8));
        ModelSpec spec = ModelSpec.builder(List.of("W")).pairs(pr[0], pr[1], (int) pr[2])
                .triplets(tr[0], tr[1], (int) tr[2], (int) tr[3]).build();
        String knots = String.format(Locale.ROOT, "UF2,3 2b[%s,%s]/%d 3b[%s,%s]/%d,%d", pr[0], pr[1], (int) pr[2], tr[0], tr[1],
                (int) tr[2], (int) tr[3]);
        Path dir = PaperPaths.results("w14-active-learning");
        String stem = (method.equals("force-variance") ? "active-learning" : "active-learning-" + method)
                + (stratify ? "-stratified" : "") + (fitWeights ? "-fit-weights" : ""); // the acceptance run: force-variance

        W14Data data = W14Data.load();
        List<Configuration> pool = data.train();
        List<Configuration> test = data.test();
        BasisLayout layout = new BasisLayout(spec);
        int p = layout.size();
        Featurizer fz = new Featurizer(layout);
        Regularizer regularizer = new Regularizer(layout);
        out.printf(Locale.ROOT, "W-14: %s%nmodel: %s, %d columns, κ %.2f, %s%n", data.note(), knots, p, kappa, reg);

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", "w14-active-learning: uf3 select (" + method + ") vs random additions (issue 13)");
        doc.put("data", data.provenance());
        doc.put("method", method);
        doc.put("stratified_by_config_type", stratify);
        doc.put("rows_weighted_by", fitWeights ? "the fit's loss factors (A)" : "the calibrated noise (selection design M)");
        doc.put("model", Outputs.map("knots", knots, "columns", p, "kappa", kappa, "regularization", reg.toString()));

        long t1 = System.nanoTime();
        NormalEquations testSums = NormalEquations.accumulate(fz, test, RowWeights.uniform(), threads);
        testSums.symmetrize();
        out.printf(Locale.ROOT, "featurised %d test configurations in %.0f s%n", test.size(), (System.nanoTime() - t1) * 1e-9);
        DesignRows[] rows = new DesignRows[pool.size()];
        if (!randomOnly) {
            long t2 = System.nanoTime();
            ThreadLocal<FeatureBlock> block = ThreadLocal.withInitial(fz::newBlock);
            IntStream.range(0, pool.size()).parallel().forEach(i -> rows[i] = DesignRows.of(fz, block.get(), pool.get(i)));
            long entries = 0;
            for (DesignRows r : rows) {
                entries += (long) r.rowCount() * r.columnCount();
            }
            out.printf(Locale.ROOT, "design rows of the %d pool configurations: %.0f MB, %.0f s%n", pool.size(), entries * 8e-6,
                    (System.nanoTime() - t2) * 1e-9);
        }

        // the floor of this model and κ on this data: the fit of the whole pool
        List<Integer> everything = IntStream.range(0, pool.size()).boxed().toList();
        NormalEquations poolSums = accumulate(fz, pool, everything, threads);
        double[] full = errors(testSums, fit(layout, regularizer, poolSums, everything, pool, reg, kappa, false, false).x);
        out.printf(Locale.ROOT, "full pool (%d configurations): %.4f eV/Å %.2f meV/atom%n", pool.size(), full[1], full[0]);
        doc.put("full_pool", Outputs.map("configurations", pool.size(), "force_rmse", full[1], "energy_rmse_meV", full[0]));
        List<String> typeNames = pool.stream().map(Configuration::configType).distinct().sorted().toList();
        double[] typeShares = new double[typeNames.size()];
        pool.forEach(c -> typeShares[typeNames.indexOf(c.configType())]++);
        int steps = (end - start) / step + 1;
        double[][][] force = new double[2][seeds][steps]; // [random|select][seed][step]
        double[][][] energy = new double[2][seeds][steps];
        List<Object> runs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            long ts = System.nanoTime();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(1000 + s));
            NormalEquations sums = new NormalEquations(p, false);
            for (int k = 0; k < steps; k++) {
                int from = k == 0 ? 0 : start + (k - 1) * step;
                List<Integer> chosen = order.subList(0, start + k * step);
                sums.add(accumulate(fz, pool, order.subList(from, chosen.size()), threads), 1.0);
                Fit f = fit(layout, regularizer, sums, chosen, pool, reg, kappa, false, fitWeights);
                double[] e = errors(testSums, f.x);
                energy[0][s][k] = e[0];
                force[0][s][k] = e[1];
                out.printf(Locale.ROOT, "seed %d random %4d: %.4f eV/Å %.2f meV/atom%n", s, chosen.size(), e[1], e[0]);
            }
            Map<String, Long> types = new TreeMap<>();
            if (!randomOnly) {
                List<Integer> current = new ArrayList<>(order.subList(0, start));
                sums = accumulate(fz, pool, current, threads);
                for (int k = 0; k < steps; k++) {
                    long tk = System.nanoTime();
                    Fit f = fit(layout, regularizer, sums, current, pool, reg, kappa, k < steps - 1, fitWeights);
                    double[] e = errors(testSums, f.x);
                    energy[1][s][k] = e[0];
                    force[1][s][k] = e[1];
                    if (k == steps - 1) {
                        out.printf(Locale.ROOT, "seed %d selected %4d: %.4f eV/Å %.2f meV/atom (random %.4f)%n", s, current.size(),
                                e[1], e[0], force[0][s][k]);
                        break;
                    }
                    boolean[] in = new boolean[pool.size()];
                    current.forEach(i -> in[i] = true);
                    List<Integer> rest = new ArrayList<>();
                    List<DesignRows> cands = new ArrayList<>();
                    for (int i = 0; i < pool.size(); i++) {
                        if (!in[i]) {
                            rest.add(i);
                            cands.add(rows[i]);
                        }
                    }
                    InformationSelection sel = new InformationSelection(criterion, cands, f.inverse, p, f.energyWeight,
                            f.forceWeight, threads);
                    List<InformationSelection.Pick> picks;
                    if (stratify) { // each batch in the whole pool's config_type proportions
                        int[] stratum = new int[rest.size()];
                        int[] available = new int[typeNames.size()];
                        for (int r = 0; r < rest.size(); r++) {
                            stratum[r] = typeNames.indexOf(pool.get(rest.get(r)).configType());
                            available[stratum[r]]++;
                        }
                        picks = sel.select(cands, stratum, StratumQuota.apportion(typeShares, step, available));
                    } else {
                        picks = sel.select(cands, step);
                    }
                    List<Integer> added = new ArrayList<>();
                    picks.forEach(q -> added.add(rest.get(q.index())));
                    current.addAll(added);
                    sums.add(accumulate(fz, pool, added, threads), 1.0);
                    out.printf(Locale.ROOT, "seed %d selected %4d: %.4f eV/Å %.2f meV/atom (random %.4f); picked %d, gains %.3g..%.3g"
                            + " (%.0f s)%n", s, current.size() - added.size(), e[1], e[0], force[0][s][k], added.size(),
                            picks.get(0).gain(), picks.get(picks.size() - 1).gain(), (System.nanoTime() - tk) * 1e-9);
                }
                current.forEach(i -> types.merge(pool.get(i).configType(), 1L, Long::sum));
            }
            out.printf(Locale.ROOT, "seed %d done in %.0f s%n", s, (System.nanoTime() - ts) * 1e-9);
            runs.add(Outputs.map("seed", s, "random_force_rmse", Outputs.nums(force[0][s]), "selected_force_rmse",
                    Outputs.nums(force[1][s]), "random_energy_rmse_meV", Outputs.nums(energy[0][s]), "selected_energy_rmse_meV",
                    Outputs.nums(energy[1][s]), "selected_config_types_at_end", types));
            if (!randomOnly) {
                doc.put("runs", runs);
                Outputs.json(dir.resolve(stem + ".json"), doc);
            }
        }
        double[] sizes = new double[steps];
        for (int k = 0; k < steps; k++) {
            sizes[k] = start + k * step;
        }
        double[][] mean = new double[2][steps], std = new double[2][steps], meanE = new double[2][steps];
        for (int m = 0; m < 2; m++) {
            for (int k = 0; k < steps; k++) {
                double[] v = new double[seeds], ve = new double[seeds];
                for (int s = 0; s < seeds; s++) {
                    v[s] = force[m][s][k];
                    ve[s] = energy[m][s][k];
                }
                mean[m][k] = W14LearningCurve.mean(v);
                std[m][k] = seeds > 1 ? W14LearningCurve.std(v) : 0;
                meanE[m][k] = W14LearningCurve.mean(ve);
            }
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%8s %22s %22s %14s %14s%n", "configs",
                "random F RMSE (eV/Å)", "selected F RMSE", "random E meV", "selected E meV"));
        for (int k = 0; k < steps; k++) {
            table.append(String.format(Locale.ROOT, "%8d %12.4f ± %.4f %12.4f ± %.4f %14.2f %14.2f%n", (int) sizes[k], mean[0][k],
                    std[0][k], mean[1][k], std[1][k], meanE[0][k], meanE[1][k]));
        }
        out.println();
        out.print(table);
        if (randomOnly) {
            out.printf(Locale.ROOT, "random only: nothing written (%.0f s)%n", (System.nanoTime() - t0) * 1e-9);
            return;
        }
        double target = mean[0][steps - 1];
        int reach = -1;
        for (int k = 0; k < steps && reach < 0; k++) {
            reach = mean[1][k] <= target ? k : -1;
        }
        String verdict = reach < 0 ? "selection does not reach random's force RMSE at " + end + " within " + end + " configurations"
                : String.format(Locale.ROOT, "selection reaches random's mean force RMSE at %d configurations (%.4f eV/Å) with %d "
                        + "(%.0f %%; mean %.4f eV/Å)", end, target, (int) sizes[reach], 100 * sizes[reach] / end, mean[1][reach]);
        out.println(verdict);
        String png = "learning-curve" + (method.equals("force-variance") ? "" : "-" + method) + (stratify ? "-stratified" : "")
                + (fitWeights ? "-fit-weights" : "") + ".png";
        plot(sizes, mean, std, seeds, method + (stratify ? ", stratified by config_type" : "") + (fitWeights ? ", fit's weights" : ""),
                dir.resolve(png));
        doc.put("sizes", Outputs.nums(sizes));
        doc.put("mean_force_rmse", Outputs.map("random", Outputs.nums(mean[0]), "selected", Outputs.nums(mean[1])));
        doc.put("std_force_rmse", Outputs.map("random", Outputs.nums(std[0]), "selected", Outputs.nums(std[1])));
        doc.put("mean_energy_rmse_meV", Outputs.map("random", Outputs.nums(meanE[0]), "selected", Outputs.nums(meanE[1])));
        doc.put("reach_configurations", reach < 0 ? null : (int) sizes[reach]);
        doc.put("verdict", verdict);
        doc.put("seeds", seeds);
        doc.put("seconds", (System.nanoTime() - t0) * 1e-9);
        doc.put("machine", Outputs.machine());
        doc.put("command_args", List.of(argv));
        doc.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Outputs.json(dir.resolve(stem + ".json"), doc);
        Outputs.text(dir.resolve(stem + ".md"), "# W-14: active learning against random (issue 13)\n\n"
                + data.note() + ".\n\nModel: " + doc.get("model") + "; fixed κ and λ, no cross-validation.\n\n"
                + "## uf3 select --method " + method + (stratify ? " (batches stratified by config_type)" : "")
                + (fitWeights ? " (rows weighted by the fit's loss factors, as before the selection design)"
                        : " (rows weighted by the calibrated noise: the selection design)") + " vs random additions, " + seeds + " seeds, test = paper test split ("
                + test.size() + " configurations); force RMSE mean ± sd over seeds\n\n```\n" + table + "```\n\n" + verdict
                + String.format(Locale.ROOT, ".\n\nThe fit of the whole pool (%d configurations): %.4f eV/Å, %.2f meV/atom", pool.size(),
                        full[1], full[0])
                + ".\n\nPlot: " + png + "\n");
        out.printf(Locale.ROOT, "wrote %s in %.0f s%n", dir, (System.nanoTime() - t0) * 1e-9);
    }

    /** A fit: coefficients and, when asked, A⁻¹ and the row weights of its normal matrix A. */
    private record Fit(double[] x, double[] inverse, double energyWeight, double forceWeight) {
    }

    /**
     * The fit of the chosen configurations and, when asked, what {@code uf3 select} would read from the
     * posterior file {@code uf3 fit --posterior} writes for it without cross-validation: the selection
     * design ({@link SelectionDesign}, temperatures from the training residuals) or, with
     * {@code fitWeights}, the fit's own A⁻¹ and row factors (the selection before the design existed).
     */
    private static Fit fit(BasisLayout layout, Regularizer regularizer, NormalEquations sums, List<Integer> chosen,
                           List<Configuration> pool, Regularization reg, double kappa, boolean withInverse, boolean fitWeights) {
        sums.symmetrize();
        TargetStatistics sigma = TargetStatistics.of(chosen.stream().map(pool::get).toList());
        LossWeights lw = sigma.lossWeights(kappa, 0);
        DMatrixRMaj a = sums.matrix(lw);
        regularizer.addTo(a, reg);
        int p = a.numRows;
        double[][] inv = new double[1][];
        double[] x = LinearSolver.solve(a, sums.rhs(lw), SolverOptions.ejml(),
                withInverse ? factor -> inv[0] = PosteriorEstimator.inverse(factor, p) : null).x();
        if (!withInverse) {
            return new Fit(x, null, Double.NaN, Double.NaN);
        }
        if (inv[0] == null) {
            throw new IllegalStateException("normal matrix of " + chosen.size() + " configurations is not positive definite");
        }
        if (fitWeights) {
            return new Fit(x, inv[0], lw.energyFactor(sums.energy().weight()), lw.forceFactor(sums.forces().weight()));
        }
        Posterior post = PosteriorEstimator.estimate(layout, sums, lw, inv[0], x, null);
        SelectionDesign d = SelectionDesign.of(sums, lw, regularizer, reg, post.noise());
        return new Fit(x, d.inverse(SolverOptions.ejml()), d.energyRowWeight(), d.forceRowWeight());
    }

    private static NormalEquations accumulate(Featurizer fz, List<Configuration> pool, List<Integer> which, int threads) {
        return NormalEquations.accumulate(fz, which.stream().map(pool::get).toList(), RowWeights.uniform(), threads);
    }

    /** Test energy RMSE (meV/atom) and force RMSE (eV/Å). */
    private static double[] errors(NormalEquations test, double[] x) {
        return new double[] {1000 * Math.sqrt(test.energy().sumSquaredErrors(x) / test.energy().weight()),
                Math.sqrt(test.forces().sumSquaredErrors(x) / test.forces().weight())};
    }

    private static void plot(double[] sizes, double[][] mean, double[][] std, int seeds, String method, Path file) throws IOException {
        XYChart c = Charts.xy("W-14 active learning: test force RMSE (" + seeds + " seeds)", "training configurations",
                "test force RMSE (eV/Å)");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setXAxisDecimalPattern("0");
        org.knowm.xchart.XYSeries r = c.addSeries("random additions", sizes, mean[0], std[0]);
        r.setLineColor(Charts.color(0));
        r.setMarkerColor(Charts.color(0));
        org.knowm.xchart.XYSeries a = c.addSeries("uf3 select --method " + method, sizes, mean[1], std[1]);
        a.setLineColor(Charts.color(1));
        a.setMarkerColor(Charts.color(1));
        Charts.save(c, file);
    }
}

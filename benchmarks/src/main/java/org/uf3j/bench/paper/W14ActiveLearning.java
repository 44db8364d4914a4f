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
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.uf3j.core.gamma.ActiveSet;
import org.uf3j.core.gamma.ExtrapolationGrade;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.NormalEquations;
import org.uf3j.fit.Regularization;
import org.uf3j.fit.Regularizer;
import org.uf3j.fit.RowWeights;
import org.uf3j.fit.TargetStatistics;
import org.uf3j.fit.gamma.ActiveSetBuilder;
import org.uf3j.fit.gamma.PoolSelection;
import org.uf3j.plot.Charts;

/**
 * Issue 13 acceptance: (A) does γ separate? The active set of the paper's training split without
 * one config_type grades every configuration of that type (left out) and the test-split
 * configurations of the other types (held out, trained types); reported: the fractions with max
 * γ &gt; 1 (+1e-6, the maxvol tolerance). (B) active learning against random: from the paper's
 * training split as the pool, start with 100 random configurations, grow to 1,000 in steps of 100
 * by {@code uf3 select}'s greedy D-optimal selection (active set of the current training set) or at
 * random; test = the paper's test split; a modest UF2,3 with fixed κ and λ (no CV), each pool
 * configuration featurised once into its own normal-equation sums so a fit is a sum and a solve.
 *
 * <pre>options: --seeds 5 --start 100 --step 100 --end 1000 --leave-out dislocation_quadrupole,... --threads N</pre>
 */
public final class W14ActiveLearning {
    private static final double EXTRAPOLATING = 1 + 1e-6;

    private W14ActiveLearning() {
    }

    static ModelSpec spec() {
        return ModelSpec.builder(List.of("W")).pairs(1.5, 5.5, 12).triplets(1.5, 4.25, 4).build();
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv);
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        int seeds = args.getInt("seeds", 5);
        int start = args.getInt("start", 100);
        int step = args.getInt("step", 100);
        int end = args.getInt("end", 1000);
        int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
        String[] leaveOut = args.get("leave-out", "dislocation_quadrupole,surface,gamma_surface_vacancy").split(",");
        double kappa = 0.5;
        Regularization reg = new Regularization(1e-6, 1e-6, 1e-8, 1e-8);
        Path dir = PaperPaths.results("w14-active-learning");

        W14Data data = W14Data.load();
        List<Configuration> pool = data.train();
        List<Configuration> test = data.test();
        BasisLayout layout = new BasisLayout(spec());
        Uf3Model shape = layout.toModel(new double[layout.size()]); // knots only: features do not depend on coefficients
        out.printf(Locale.ROOT, "W-14: %s%nmodel: UF2,3 pairs 1.5-5.5 Å /12, triplets 1.5-4.25 Å /4 (jk /8), %d columns, κ %.1f, %s%n",
                data.note(), layout.size(), kappa, reg);

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", "w14-active-learning: γ separation and active learning vs random (issue 13)");
        doc.put("data", data.provenance());
        doc.put("model", Outputs.map("knots", "UF2,3 pairs 1.5-5.5 A /12 intervals, triplets 1.5-4.25 A /4 (jk /8)",
                "columns", layout.size(), "kappa", kappa, "regularization", reg.toString()));

        // (A) separation
        List<Object> sep = new ArrayList<>();
        StringBuilder sepTable = new StringBuilder(String.format(Locale.ROOT, "%-24s %8s %8s %10s %12s %10s %12s%n", "left out",
                "train", "n left", "γ>1 left", "median left", "γ>1 held", "median held"));
        for (String type : leaveOut) {
            long t = System.nanoTime();
            List<Configuration> tr = pool.stream().filter(c -> !c.configType().equals(type)).toList();
            List<Configuration> left = data.all.stream().filter(c -> c.configType().equals(type)).toList();
            List<Configuration> held = test.stream().filter(c -> !c.configType().equals(type)).toList();
            if (left.isEmpty()) {
                out.println("no configurations of type " + type + "; skipped");
                continue;
            }
            ActiveSet set = new ActiveSetBuilder(layout, shape).build(tr);
            ExtrapolationGrade g = new ExtrapolationGrade(shape, set);
            double[] gl = maxGrades(g, left, threads);
            double[] gh = maxGrades(g, held, threads);
            double fl = fraction(gl), fh = fraction(gh);
            sepTable.append(String.format(Locale.ROOT, "%-24s %8d %8d %9.1f%% %12s %9.1f%% %12s%n", type, tr.size(), left.size(),
                    100 * fl, fmt(median(gl)), 100 * fh, fmt(median(gh))));
            sep.add(Outputs.map("left_out_type", type, "training_configurations", tr.size(), "active_set_features",
                    set.of("W").dimension(), "left_out_configurations", left.size(), "left_out_fraction_max_gamma_above_1", fl,
                    "left_out_median_max_gamma", finite(median(gl)), "held_out_configurations", held.size(),
                    "held_out_fraction_max_gamma_above_1", fh, "held_out_median_max_gamma", finite(median(gh)),
                    "held_out_fraction_max_gamma_above_2", fraction(gh, 2), "left_out_fraction_max_gamma_above_2", fraction(gl, 2),
                    "seconds", (System.nanoTime() - t) * 1e-9));
            out.print(sepTable.substring(sepTable.lastIndexOf("\n", sepTable.length() - 2) + 1));
        }
        doc.put("separation", sep);
        Outputs.json(dir.resolve("active-learning.json"), doc);

        // (B) active learning vs random
        long t1 = System.nanoTime();
        Featurizer fz = new Featurizer(layout);
        NormalEquations[] sums = new NormalEquations[pool.size()];
        IntStream.range(0, pool.size()).parallel()
                .forEach(i -> sums[i] = NormalEquations.accumulate(fz, List.of(pool.get(i)), RowWeights.uniform(), 1));
        NormalEquations testSums = NormalEquations.accumulate(fz, test, RowWeights.uniform(), threads);
        out.printf(Locale.ROOT, "featurised %d pool and %d test configurations in %.0f s%n", pool.size(), test.size(),
                (System.nanoTime() - t1) * 1e-9);
        Regularizer regularizer = new Regularizer(layout);
        int steps = (end - start) / step + 1;
        double[][][] curves = new double[2][seeds][steps]; // [random|select][seed][step] force RMSE
        double[][][] energy = new double[2][seeds][steps];
        List<Object> runs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(1000 + s));
            for (int k = 0; k < steps; k++) {
                List<Integer> chosen = order.subList(0, start + k * step);
                double[] e = errors(regularizer, sums, chosen, pool, testSums, reg, kappa);
                energy[0][s][k] = e[0];
                curves[0][s][k] = e[1];
            }
            List<Integer> current = new ArrayList<>(order.subList(0, start));
            for (int k = 0; k < steps; k++) {
                long tr = System.nanoTime();
                double[] e = errors(regularizer, sums, current, pool, testSums, reg, kappa);
                energy[1][s][k] = e[0];
                curves[1][s][k] = e[1];
                out.printf(Locale.ROOT, "seed %d, %4d configurations: random %.4f eV/Å %.2f meV/atom | selected %.4f eV/Å %.2f meV/atom%n",
                        s, current.size(), curves[0][s][k], energy[0][s][k], e[1], e[0]);
                if (k == steps - 1) {
                    break;
                }
                List<Configuration> trainConfigs = current.stream().map(pool::get).toList();
                ActiveSet set = new ActiveSetBuilder(layout, shape).build(trainConfigs);
                boolean[] in = new boolean[pool.size()];
                current.forEach(i -> in[i] = true);
                List<Integer> rest = new ArrayList<>();
                List<Structure> candidates = new ArrayList<>();
                for (int i = 0; i < pool.size(); i++) {
                    if (!in[i]) {
                        rest.add(i);
                        candidates.add(pool.get(i).structure());
                    }
                }
                List<PoolSelection.Pick> picks = new PoolSelection(shape, set).select(candidates, step, PoolSelection.Method.GREEDY);
                for (PoolSelection.Pick p : picks) {
                    current.add(rest.get(p.index()));
                }
                out.printf(Locale.ROOT, "  selected %d (%.0f s)%n", picks.size(), (System.nanoTime() - tr) * 1e-9);
            }
            Map<String, Long> types = new java.util.TreeMap<>();
            current.forEach(i -> types.merge(pool.get(i).configType(), 1L, Long::sum));
            runs.add(Outputs.map("seed", s, "random_force_rmse", Outputs.nums(curves[0][s]), "selected_force_rmse",
                    Outputs.nums(curves[1][s]), "random_energy_rmse_meV", Outputs.nums(energy[0][s]), "selected_energy_rmse_meV",
                    Outputs.nums(energy[1][s]), "selected_config_types_at_end", types));
            doc.put("runs", runs);
            Outputs.json(dir.resolve("active-learning.json"), doc);
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
                    v[s] = curves[m][s][k];
                    ve[s] = energy[m][s][k];
                }
                mean[m][k] = W14LearningCurve.mean(v);
                std[m][k] = seeds > 1 ? W14LearningCurve.std(v) : 0;
                meanE[m][k] = W14LearningCurve.mean(ve);
            }
        }
        double target = mean[0][steps - 1];
        int reach = -1;
        for (int k = 0; k < steps; k++) {
            if (mean[1][k] <= target) {
                reach = k;
                break;
            }
        }
        String verdict = reach < 0 ? "selection does not reach random's force RMSE at " + end + " within " + end + " configurations"
                : String.format(Locale.ROOT, "selection reaches random's force RMSE at %d configurations (%.4f eV/Å) with %d (%.0f %%)",
                        end, target, (int) sizes[reach], 100 * sizes[reach] / end);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%8s %22s %22s %14s %14s%n", "configs",
                "random F RMSE (eV/Å)", "selected F RMSE", "random E meV", "selected E meV"));
        for (int k = 0; k < steps; k++) {
            table.append(String.format(Locale.ROOT, "%8d %12.4f ± %.4f %12.4f ± %.4f %14.2f %14.2f%n", (int) sizes[k], mean[0][k],
                    std[0][k], mean[1][k], std[1][k], meanE[0][k], meanE[1][k]));
        }
        out.println();
        out.print(sepTable);
        out.println();
        out.print(table);
        out.println(verdict);
        plot(sizes, mean, std, seeds, dir.resolve("learning-curve.png"));
        doc.put("sizes", Outputs.nums(sizes));
        doc.put("mean_force_rmse", Outputs.map("random", Outputs.nums(mean[0]), "selected", Outputs.nums(mean[1])));
        doc.put("std_force_rmse", Outputs.map("random", Outputs.nums(std[0]), "selected", Outputs.nums(std[1])));
        doc.put("mean_energy_rmse_meV", Outputs.map("random", Outputs.nums(meanE[0]), "selected", Outputs.nums(meanE[1])));
        doc.put("verdict", verdict);
        doc.put("seeds", seeds);
        doc.put("seconds", (System.nanoTime() - t0) * 1e-9);
        doc.put("machine", Outputs.machine());
        doc.put("command_args", List.of(argv));
        doc.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Outputs.json(dir.resolve("active-learning.json"), doc);
        Outputs.text(dir.resolve("active-learning.md"), "# W-14: extrapolation grade and active learning (issue 13)\n\n"
                + data.note() + ".\n\nModel: " + doc.get("model") + "; fixed κ and λ, no cross-validation.\n\n"
                + "## γ separation (max γ per configuration; > 1 means above 1 + 1e-6)\n\n```\n" + sepTable + "```\n\n"
                + "## Active learning (greedy D-optimal uf3 select) vs random, " + seeds + " seeds, test = paper test split ("
                + test.size() + " configurations)\n\n```\n" + table + "```\n\n" + verdict + ".\n\nPlot: learning-curve.png\n");
        out.printf(Locale.ROOT, "wrote %s in %.0f s%n", dir, (System.nanoTime() - t0) * 1e-9);
    }

    private static double[] errors(Regularizer regularizer, NormalEquations[] sums, List<Integer> chosen, List<Configuration> pool,
                                   NormalEquations test, Regularization reg, double kappa) {
        NormalEquations[] parts = chosen.stream().map(i -> sums[i]).toArray(NormalEquations[]::new);
        TargetStatistics sigma = TargetStatistics.of(chosen.stream().map(pool::get).toList());
        double[] x = FoldSums.solution(regularizer, parts, sigma, reg, kappa);
        return new double[] {1000 * Math.sqrt(test.energy().sumSquaredErrors(x) / test.energy().weight()),
                Math.sqrt(test.forces().sumSquaredErrors(x) / test.forces().weight())};
    }

    private static double[] maxGrades(ExtrapolationGrade g, List<Configuration> configs, int threads) {
        return configs.parallelStream().mapToDouble(c -> ExtrapolationGrade.max(g.grades(c.structure()))).toArray();
    }

    private static double fraction(double[] g) {
        return fraction(g, EXTRAPOLATING);
    }

    private static double fraction(double[] g, double above) {
        int n = 0;
        for (double v : g) {
            n += v > above ? 1 : 0;
        }
        return g.length == 0 ? Double.NaN : (double) n / g.length;
    }

    private static double median(double[] g) {
        double[] s = g.clone();
        java.util.Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : "inf";
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static void plot(double[] sizes, double[][] mean, double[][] std, int seeds, Path file) throws IOException {
        XYChart c = Charts.xy("W-14 active learning: test force RMSE (" + seeds + " seeds)", "training configurations",
                "test force RMSE (eV/Å)");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setXAxisDecimalPattern("0");
        org.knowm.xchart.XYSeries r = c.addSeries("random additions", sizes, mean[0], std[0]);
        r.setLineColor(Charts.color(0));
        r.setMarkerColor(Charts.color(0));
        org.knowm.xchart.XYSeries a = c.addSeries("uf3 select (greedy D-optimal)", sizes, mean[1], std[1]);
        a.setLineColor(Charts.color(1));
        a.setMarkerColor(Charts.color(1));
        Charts.save(c, file);
    }
}

package org.uf3j.bench.paper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.uf3j.plot.Charts;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.DataSplit;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.NormalEquations;
import org.uf3j.fit.Regularizer;
import org.uf3j.fit.RowWeights;
import org.uf3j.fit.TargetStatistics;
import org.uf3j.fit.metrics.Metrics;

/**
 * Study 2 (the paper's Fig. 3): test errors against training-set size for UF2 and UF2,3 with the
 * knots, λ and κ chosen in study 1 (read from {@code results/w14-accuracy/}).
 *
 * <p>Method: the 9,691 W-14 configurations are dealt at random (seeded) into B equal blocks (40: one
 * block = 2.5 %), and each block is featurised once into its own normal-equation sums. A training
 * set of fraction f is m = f·B blocks drawn at random (a new draw for every repeat); its model is
 * solved from the summed blocks (σ's from its own configurations, as any fit), and its test set is
 * every other block (the remaining 1 − f of the data: ≥ 60 % up to f = 40 %, 20 % at f = 80 %).
 * Test errors come from the blocks' sums as
 * Σ (x·r − y)² = xᵀGx − 2xᵀh + Σy², which equals evaluating the model configuration by
 * configuration; the study checks that on one training set by evaluating the test configurations
 * directly and reports the difference. No test-set subsampling is needed.
 *
 * <pre>options: --fractions 0.025,0.05,0.1,0.2,0.4,0.8 --repeats 5 --blocks 40 --seed 1 --threads N --models uf23,uf2</pre>
 */
public final class W14LearningCurve {
    private W14LearningCurve() {
    }

    /** Errors of one training set. */
    record Point(double fraction, int repeat, int trainConfigs, int testConfigs, double testE, double testF, double trainE,
                 double trainF) {
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv);
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        double[] fractions = args.doubles("fractions", 0.025, 0.05, 0.1, 0.2, 0.4, 0.8);
        int repeats = args.getInt("repeats", 5);
        int blocks = args.getInt("blocks", 40);
        long seed = args.getInt("seed", 1);
        int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
        String[] names = args.get("models", "uf23,uf2").split(",");
        Path dir = PaperPaths.results("w14-learning-curve");

        W14Data data = W14Data.load();
        List<Configuration> all = data.all;
        int[] label = DataSplit.folds(all.size(), blocks, seed);
        List<List<Configuration>> parts = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
            parts.get(label[i]).add(all.get(i));
        }
        out.printf(Locale.ROOT, "W-14: %d configurations dealt into %d random blocks of ~%d (seed %d); fractions %s, %d repeats%n",
                all.size(), blocks, all.size() / blocks, seed, java.util.Arrays.toString(fractions), repeats);

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", "w14-learning-curve: test RMSE vs training-set size (UF3 paper Fig. 3)");
        doc.put("method", "random blocks of 1/" + blocks + " of W-14, each featurised once; training = m random blocks, "
                + "test = all other blocks (the remaining 1 - f of the data, not subsampled); errors from normal-equation sums; "
                + "hyper-parameters fixed to those chosen by CV in w14-accuracy");
        Map<String, List<Point>> curves = new LinkedHashMap<>();
        Map<String, Object> seconds = new LinkedHashMap<>();
        for (String name : names) {
            FittedPotential fp = FittedPotential.load(name.trim());
            long t1 = System.nanoTime();
            BasisLayout layout = new BasisLayout(fp.knots().spec("W"));
            Featurizer fz = new Featurizer(layout);
            NormalEquations[] sums = new NormalEquations[blocks];
            for (int b = 0; b < blocks; b++) {
                sums[b] = NormalEquations.accumulate(fz, parts.get(b), RowWeights.uniform(), threads);
            }
            double featurize = (System.nanoTime() - t1) * 1e-9;
            out.printf(Locale.ROOT, "%s %s (%d columns), κ=%.2f, %s: featurised all blocks in %.0f s%n", fp.label(),
                    fp.knots().label(), layout.size(), fp.kappa(), fp.regularization(), featurize);
            Regularizer reg = new Regularizer(layout);
            List<Point> pts = new ArrayList<>();
            Map<String, Object> check = null;
            for (double f : fractions) {
                int m = Math.max(1, (int) Math.round(f * blocks));
                for (int r = 0; r < repeats; r++) {
                    Random rnd = new Random(seed * 1_000_003L + Math.round(f * 1e6) * 31 + r);
                    boolean[] chosen = choose(blocks, m, rnd);
                    List<NormalEquations> tr = new ArrayList<>();
                    List<Configuration> trainConfigs = new ArrayList<>();
                    for (int b = 0; b < blocks; b++) {
                        if (chosen[b]) {
                            tr.add(sums[b]);
                            trainConfigs.addAll(parts.get(b));
                        }
                    }
                    double[] x = FoldSums.solution(reg, tr.toArray(NormalEquations[]::new), TargetStatistics.of(trainConfigs),
                            fp.regularization(), fp.kappa());
                    double[] te = errors(sums, chosen, false, x);
                    double[] trn = errors(sums, chosen, true, x);
                    Point p = new Point(f, r, trainConfigs.size(), all.size() - trainConfigs.size(), te[0], te[1], trn[0], trn[1]);
                    pts.add(p);
                    if (check == null && Math.abs(f - 0.2) < 1e-9) {
                        check = directCheck(layout.toModel(x), parts, chosen, p, threads, out);
                    }
                }
            }
            curves.put(name, pts);
            seconds.put(name, (System.nanoTime() - t1) * 1e-9);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("model", fp.label());
            entry.put("knots", fp.knots().label());
            entry.put("columns", layout.size());
            entry.put("kappa", fp.kappa());
            entry.put("regularization", fp.regularization().toString());
            entry.put("featurise_seconds", featurize);
            entry.put("summary", summary(pts, fractions));
            entry.put("runs", runs(pts));
            entry.put("direct_evaluation_check", check);
            doc.put(name, entry);
        }
        String table = table(curves, fractions, repeats);
        out.println();
        out.print(table);
        plot(curves, fractions, all.size(), true, dir.resolve("learning-curve-energy.png"));
        plot(curves, fractions, all.size(), false, dir.resolve("learning-curve-forces.png"));
        seconds.put("total", (System.nanoTime() - t0) * 1e-9);
        doc.put("seconds", seconds);
        doc.put("machine", Outputs.machine());
        doc.put("published_at_20_percent", Outputs.map("UF23", Outputs.map("energy_rmse_meV", 5.0, "force_rmse_eVA", 0.125),
                "UF2", Outputs.map("energy_rmse_meV", 28.0, "force_rmse_eVA", 0.313)));
        doc.put("command_args", List.of(argv));
        doc.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Outputs.json(dir.resolve("learning-curve.json"), doc);
        StringBuilder checks = new StringBuilder();
        for (String name : names) {
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) doc.get(name.trim());
            checks.append("- ").append(e.get("model")).append(" ").append(e.get("knots")).append(", κ ").append(e.get("kappa"))
                    .append(", ").append(e.get("regularization")).append("; check of the sums against direct evaluation "
                            + "(20 %, repeat 0): ").append(e.get("direct_evaluation_check")).append('\n');
        }
        Outputs.text(dir.resolve("learning-curve.md"), "# W-14 learning curves\n\n" + doc.get("method") + ".\n\n```\n"
                + table + "```\n\n" + checks + "\nPlots: learning-curve-energy.png, learning-curve-forces.png\n");
        out.printf(Locale.ROOT, "%nwrote %s in %.0f s%n", dir, (System.nanoTime() - t0) * 1e-9);
    }

    private static boolean[] choose(int blocks, int m, Random rnd) {
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            order.add(b);
        }
        java.util.Collections.shuffle(order, rnd);
        boolean[] c = new boolean[blocks];
        for (int q = 0; q < m; q++) {
            c[order.get(q)] = true;
        }
        return c;
    }

    /** {energy RMSE meV/atom, force RMSE eV/Å} over the chosen (train) or other (test) blocks. */
    private static double[] errors(NormalEquations[] sums, boolean[] chosen, boolean train, double[] x) {
        double se = 0, ne = 0, sf = 0, nf = 0;
        for (int b = 0; b < sums.length; b++) {
            if (chosen[b] == train) {
                se += sums[b].energy().sumSquaredErrors(x);
                ne += sums[b].energy().weight();
                sf += sums[b].forces().sumSquaredErrors(x);
                nf += sums[b].forces().weight();
            }
        }
        return new double[] {1000 * Math.sqrt(se / ne), Math.sqrt(sf / nf)};
    }

    /** Evaluates one training set's model on its test configurations directly and compares. */
    private static Map<String, Object> directCheck(Uf3Model model, List<List<Configuration>> parts, boolean[] chosen, Point p,
                                                   int threads, PrintStream out) {
        List<Configuration> test = new ArrayList<>();
        for (int b = 0; b < parts.size(); b++) {
            if (!chosen[b]) {
                test.addAll(parts.get(b));
            }
        }
        long t = System.nanoTime();
        Metrics m = Metrics.evaluate(model, test, threads);
        double dE = Math.abs(m.energy().rmse() - p.testE());
        double dF = Math.abs(m.forces().rmse() - p.testF());
        out.printf(Locale.ROOT, "  check (20 %%, repeat 0): test RMSE from sums %.6f meV/atom %.7f eV/Å, evaluated directly "
                        + "%.6f meV/atom %.7f eV/Å on %d configurations (%.0f s)%n", p.testE(), p.testF(), m.energy().rmse(),
                m.forces().rmse(), test.size(), (System.nanoTime() - t) * 1e-9);
        return Outputs.map("test_configurations", test.size(), "from_sums_energy_meV", p.testE(),
                "direct_energy_meV", m.energy().rmse(), "from_sums_force_eVA", p.testF(), "direct_force_eVA",
                m.forces().rmse(), "abs_difference_energy_meV", dE, "abs_difference_force_eVA", dF);
    }

    /** Mean and sample standard deviation per fraction. */
    private static List<Object> summary(List<Point> pts, double[] fractions) {
        List<Object> rows = new ArrayList<>();
        for (double f : fractions) {
            double[] e = pick(pts, f, 0);
            double[] fo = pick(pts, f, 1);
            double[] te = pick(pts, f, 2);
            double[] tf = pick(pts, f, 3);
            rows.add(Outputs.map("fraction", f, "train_configurations_mean", mean(pick(pts, f, 4)),
                    "test_energy_rmse_meV_mean", mean(e), "test_energy_rmse_meV_std", std(e),
                    "test_force_rmse_eVA_mean", mean(fo), "test_force_rmse_eVA_std", std(fo),
                    "train_energy_rmse_meV_mean", mean(te), "train_force_rmse_eVA_mean", mean(tf), "repeats", e.length));
        }
        return rows;
    }

    private static List<Object> runs(List<Point> pts) {
        List<Object> l = new ArrayList<>();
        for (Point p : pts) {
            l.add(Outputs.map("fraction", p.fraction(), "repeat", p.repeat(), "train_configurations", p.trainConfigs(),
                    "test_configurations", p.testConfigs(), "test_energy_rmse_meV", p.testE(), "test_force_rmse_eVA",
                    p.testF(), "train_energy_rmse_meV", p.trainE(), "train_force_rmse_eVA", p.trainF()));
        }
        return l;
    }

    private static double[] pick(List<Point> pts, double f, int what) {
        return pts.stream().filter(p -> p.fraction() == f).mapToDouble(p -> switch (what) {
            case 0 -> p.testE();
            case 1 -> p.testF();
            case 2 -> p.trainE();
            case 3 -> p.trainF();
            default -> p.trainConfigs();
        }).toArray();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    static double std(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v), s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static String table(Map<String, List<Point>> curves, double[] fractions, int repeats) {
        List<String> head = new ArrayList<>(List.of("training fraction", "train configs"));
        for (String n : curves.keySet()) {
            String l = n.equals("uf23") ? "UF2,3" : "UF2";
            head.add(l + " E meV/atom");
            head.add(l + " F eV/Å");
        }
        TextTable t = new TextTable(head.toArray(String[]::new));
        for (double f : fractions) {
            List<Object> row = new ArrayList<>();
            row.add(String.format(Locale.ROOT, "%.1f %%", 100 * f));
            row.add(String.format(Locale.ROOT, "%.0f", mean(pick(curves.values().iterator().next(), f, 4))));
            for (List<Point> pts : curves.values()) {
                double[] e = pick(pts, f, 0);
                double[] fo = pick(pts, f, 1);
                row.add(String.format(Locale.ROOT, "%.2f ± %.2f", mean(e), std(e)));
                row.add(String.format(Locale.ROOT, "%.4f ± %.4f", mean(fo), std(fo)));
            }
            t.row(row.toArray());
        }
        return "Test RMSE (mean ± sample std over " + repeats + " random training sets; test = all data not in training)\n"
                + t.text();
    }

    private static void plot(Map<String, List<Point>> curves, double[] fractions, int total, boolean energy, Path file)
            throws IOException {
        XYChart c = Charts.xy(energy ? "W-14 learning curve: energy" : "W-14 learning curve: forces",
                "training configurations", energy ? "test energy RMSE (meV/atom)" : "test force RMSE (eV/Å)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setXAxisLogarithmicDecadeOnly(false);
        c.getStyler().setYAxisLogarithmicDecadeOnly(false);
        c.getStyler().setYAxisDecimalPattern(energy ? "0" : "0.00");
        // small enough that the 1-9 × 10^k tick labels of the logarithmic axes do not overlap
        c.getStyler().setAxisTickLabelsFont(new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 11));
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setXAxisDecimalPattern("0");
        double lowest = Double.MAX_VALUE;
        for (List<Point> pts : curves.values()) {
            for (Point p : pts) {
                lowest = Math.min(lowest, energy ? p.testE() : p.testF());
            }
        }
        double floor = energy ? 3.0 : 0.1;
        if (lowest > floor) {
            c.getStyler().setYAxisMin(floor);
        }
        int k = 0;
        for (Map.Entry<String, List<Point>> e : curves.entrySet()) {
            double[] x = new double[fractions.length];
            double[] y = new double[fractions.length];
            double[] err = new double[fractions.length];
            for (int i = 0; i < fractions.length; i++) {
                x[i] = mean(pick(e.getValue(), fractions[i], 4));
                double[] v = pick(e.getValue(), fractions[i], energy ? 0 : 1);
                y[i] = mean(v);
                err[i] = std(v);
            }
            boolean three = e.getKey().equals("uf23");
            XYSeries s = c.addSeries(three ? "UF2,3 (this work)" : "UF2 (this work)", x, y, err);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(Charts.color(k));
            s.setMarkerColor(Charts.color(k));
            double[] px = {0.2 * total};
            double[] py = {three ? (energy ? 5.0 : 0.125) : (energy ? 28.0 : 0.313)};
            XYSeries ps = c.addSeries(three ? "UF2,3 paper (~20 %)" : "UF2 paper (~20 %)", px, py);
            ps.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            ps.setMarker(SeriesMarkers.DIAMOND);
            ps.setMarkerColor(Charts.alpha(Charts.color(k), 150));
            k++;
        }
        Charts.save(c, file);
    }
}

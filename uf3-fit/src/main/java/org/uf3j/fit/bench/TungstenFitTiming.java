package org.uf3j.fit.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.uf3j.core.io.ExtXyzReader;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.DataSplit;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.Fitter;
import org.uf3j.fit.Metrics;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.Regularization;

/**
 * Times a UF2 or UF2,3 fit to the tungsten W-14 data of the UF3 paper: the 1,938 training
 * configurations of {@code uf3_training_idx.txt} (read as 0-based positions in the original
 * w-14.xyz, matched through each frame's {@code w14_index} − 1; index 9692 is one of the two
 * frames missing from w14.xyz and is dropped), tested on all other configurations.
 *
 * <pre>
 * java -Xmx2g -cp ... org.uf3j.fit.bench.TungstenFitTiming [DATA_DIR] [key=value ...]
 *   body=2|3            (3)     pair=R_MIN,R_MAX,INTERVALS (1.5,5.5,25)
 *   triplet=R_MIN,R_MAX,INTERVALS (1.5,3.5,6; jk leg to 2 R_MAX with 2 INTERVALS)
 *   kappa=K (0.5)  curv=C2[/C2b..],C3 lists e.g. curv2=1e-6/1e-4 curv3=1e-6/1e-4  ridge=R (1e-8)
 *   folds=K (5; used when the grid has more than one point)  threads=T (all)
 *   solver=auto|ejml|openblas (auto)
 *   reference=1  also run today's reference method on the same training data (one EJML Cholesky per
 *                candidate, then an EJML final solve) and print whether it chose the same point and
 *                the largest coefficient difference relative to the largest coefficient
 * </pre>
 */
public final class TungstenFitTiming {

    private TungstenFitTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 && !args[0].contains("=") ? args[0] : defaultDataDir());
        java.util.Map<String, String> opt = new java.util.HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                opt.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        int body = Integer.parseInt(opt.getOrDefault("body", "3"));
        double[] pair = numbers(opt.getOrDefault("pair", "1.5,5.5,25"));
        double[] trip = numbers(opt.getOrDefault("triplet", "1.5,3.5,6"));
        double kappa = Double.parseDouble(opt.getOrDefault("kappa", "0.5"));
        double[] curv2 = numbers(opt.getOrDefault("curv2", "1e-6").replace('/', ','));
        double[] curv3 = numbers(opt.getOrDefault("curv3", "1e-6").replace('/', ','));
        double ridge = Double.parseDouble(opt.getOrDefault("ridge", "1e-8"));
        int folds = Integer.parseInt(opt.getOrDefault("folds", "5"));
        int threads = Integer.parseInt(opt.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));

        long t0 = System.nanoTime();
        List<Configuration> all = ExtXyzReader.readAll(dir.resolve("w14.xyz"));
        int[] idx = DataSplit.readIndices(dir.resolve("uf3_training_idx.txt"));
        int[] positions = originalPositions(all);
        int maxOriginal = 0;
        for (int p : positions) {
            maxOriginal = Math.max(maxOriginal, p);
        }
        // training indices are positions in the original file; map them to positions in this list
        int[] toList = new int[maxOriginal + 1];
        java.util.Arrays.fill(toList, -1);
        for (int i = 0; i < positions.length; i++) {
            toList[positions[i]] = i;
        }
        List<Integer> mapped = new ArrayList<>();
        int dropped = 0;
        for (int i : idx) {
            if (i >= 0 && i < toList.length && toList[i] >= 0) {
                mapped.add(toList[i]);
            } else {
                dropped++;
            }
        }
        DataSplit split = DataSplit.fromIndices(mapped.stream().mapToInt(Integer::intValue).toArray(), all.size(), false);
        List<Configuration> train = split.train(all);
        List<Configuration> test = split.test(all);
        double readSeconds = (System.nanoTime() - t0) * 1e-9;
        System.out.printf("read %d configurations in %.1f s; %d training indices (0-based), %d not in w14.xyz dropped;"
                + " train %d configs / %d atoms, test %d configs%n", all.size(), readSeconds, idx.length, dropped,
                train.size(), train.stream().mapToInt(Configuration::size).sum(), test.size());

        ModelSpec.Builder sb = ModelSpec.builder(List.of("W")).pairs(pair[0], pair[1], (int) pair[2]);
        if (body == 3) {
            sb.triplets(trip[0], trip[1], (int) trip[2]);
        }
        ModelSpec spec = sb.build();
        FitSettings settings = FitSettings.builder(spec).kappa(kappa).folds(folds).threads(threads)
                .solver(org.uf3j.fit.solve.SolverOptions.Backend.parse(opt.getOrDefault("solver", "auto")))
                .grid(CrossValidation.grid(curv2, body == 3 ? curv3 : new double[] {0}, ridge, ridge)).build();
        System.out.println(spec);
        System.gc();
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        FitResult fit = new Fitter(settings).fit(train);
        long cpu1 = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        System.out.printf("process CPU time during fit %.1f s on %d processors; load average %.2f%n", (cpu1 - cpu0) * 1e-9,
                os.getAvailableProcessors(), os.getSystemLoadAverage());
        System.out.printf("UF%s: %d columns; %s%n", body == 3 ? "2,3" : "2", fit.layout().size(), fit.timings());
        System.out.printf("heap during fit: peak live %.0f MB (after GC), pools' peaks %.0f MB (incl. garbage), -Xmx %.0f MB;"
                + " solver %s; chosen %s kappa %.2f%n", fit.peakLiveHeapBytes() / 1e6, fit.peakPoolBytes() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6, fit.method(), fit.regularization(), fit.kappa());
        if (fit.crossValidation() != null) {
            System.out.print(fit.crossValidation().table());
        }
        System.out.println("training set:");
        System.out.println(fit.train().table());
        if ("1".equals(opt.get("reference")) && fit.crossValidation() != null) {
            reference(settings, train, fit);
        }
        long t1 = System.nanoTime();
        Metrics m = Metrics.evaluate(fit.model(), test, threads);
        System.out.printf("test set (%d configurations, evaluated in %.1f s):%n", test.size(), (System.nanoTime() - t1) * 1e-9);
        System.out.println(m.table());
        System.out.printf("RESULT UF%s columns=%d fit_seconds=%.2f (featurise+CV+solve, without training metrics)"
                + " peak_live_heap_MB=%.0f test_E_RMSE_meV_per_atom=%.2f test_F_RMSE_eV_per_A=%.4f%n",
                body == 3 ? "2,3" : "2", fit.layout().size(), fit.timings().total() - fit.timings().metrics(),
                fit.peakLiveHeapBytes() / 1e6, m.energy().rmse(), m.forces().rmse());
    }

    /** Today's method on the same folds: one EJML Cholesky per candidate, EJML final solve; compared with the fit. */
    static void reference(FitSettings settings, List<Configuration> train, FitResult fit) {
        reference(settings, train, fit, org.uf3j.fit.solve.SolverOptions.ejml());
    }

    /** As {@link #reference(FitSettings, List, FitResult)}, the per-candidate Cholesky on {@code cvSolver}. */
    static void reference(FitSettings settings, List<Configuration> train, FitResult fit,
                          org.uf3j.fit.solve.SolverOptions cvSolver) {
        int k = Math.min(settings.folds(), train.size());
        int[] fold = settings.stratifiedFolds() ? DataSplit.stratifiedFolds(train, k, settings.seed())
                : DataSplit.folds(train.size(), k, settings.seed());
        org.uf3j.fit.BasisLayout layout = new org.uf3j.fit.BasisLayout(settings.spec());
        org.uf3j.fit.NormalEquations[] folds = org.uf3j.fit.NormalEquations.accumulateFolds(new org.uf3j.fit.Featurizer(layout),
                train, fold, k, settings.rowWeights(), settings.threads());
        org.uf3j.fit.LossWeights scoring = org.uf3j.fit.TargetStatistics.of(train).lossWeights(settings.kappa(),
                settings.virialWeight());
        long t0 = System.nanoTime();
        CrossValidation.Result ref = CrossValidation.runPerCandidate(folds, new org.uf3j.fit.Regularizer(layout),
                settings.grid(), settings.kappas(), scoring, settings.threads(), org.uf3j.fit.FitProgress.NONE, cvSolver);
        double cvSeconds = (System.nanoTime() - t0) * 1e-9;
        org.uf3j.fit.NormalEquations total = org.uf3j.fit.NormalEquations.sum(folds);
        org.uf3j.fit.LossWeights lw = scoring.withKappa(ref.best().kappa());
        org.ejml.data.DMatrixRMaj a = total.matrix(lw);
        new org.uf3j.fit.Regularizer(layout).addTo(a, ref.best().regularization());
        double[] x = org.uf3j.fit.LinearSolver.solve(a, total.rhs(lw)).x();
        double scale = 0, diff = 0, scoreDiff = 0;
        for (int q = 0; q < x.length; q++) {
            scale = Math.max(scale, Math.abs(x[q]));
            diff = Math.max(diff, Math.abs(x[q] - fit.solution()[q]));
        }
        for (int r = 0; r < ref.rows().size(); r++) {
            double l = ref.rows().get(r).loss();
            scoreDiff = Math.max(scoreDiff, Math.abs(l - fit.crossValidation().rows().get(r).loss()) / l);
        }
        boolean same = ref.best().regularization().equals(fit.regularization()) && ref.best().kappa() == fit.kappa();
        System.out.printf("REFERENCE per-candidate " + cvSolver.backend() + " CV %.2f s; same chosen point: %s (%s kappa %.2f); largest score difference"
                + " %.2e relative; largest coefficient difference %.2e of the largest coefficient (max |x| %.4g)%n", cvSeconds,
                same, ref.best().regularization(), ref.best().kappa(), scoreDiff, diff / scale, scale);
    }

    private static String defaultDataDir() {
        String env = System.getenv("UF3_DATA");
        String base = env != null ? env : System.getProperty("uf3.data", "../shared/data");
        return Path.of(base, "tungsten").toString();
    }

    /** 0-based position of each frame in the original w-14.xyz (w14_index − 1), or its list position. */
    private static int[] originalPositions(List<Configuration> all) {
        int[] out = new int[all.size()];
        for (int i = 0; i < out.length; i++) {
            String w = all.get(i).info().get("w14_index");
            out[i] = w == null ? i : Integer.parseInt(w.trim()) - 1;
        }
        return out;
    }

    private static double[] numbers(String csv) {
        String[] t = csv.split(",");
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = Double.parseDouble(t[i].trim());
        }
        return out;
    }

}

package org.uf3j.bench.paper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.util.List;
import org.uf3j.bench.solver.ReferenceCheck;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.Fitter;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.metrics.Metrics;
import org.uf3j.fit.metrics.MetricsReport;
import org.uf3j.fit.solve.SolverOptions;

/**
 * Wall time, CPU time and peak heap of one UF2 or UF2,3 fit to the W-14 tungsten data of the UF3
 * paper with its 20/80 split ({@link W14Data}), then the test errors. Unlike study 1
 * ({@link W14Accuracy}) the knots are given, not searched: this measures the fit, not the model.
 *
 * <pre>
 * benchmarks/paper/w14-fit-timing.sh [options]      (PAPER_JAVA_OPTS=-Xmx400m to bound the heap)
 *   --body 2|3 (3)   --pair R_MIN,R_MAX,INTERVALS (1.5,5.5,25)
 *   --triplet R_MIN,R_MAX,INTERVALS (1.5,3.5,6; the jk leg to 2 R_MAX with 2 INTERVALS)
 *   --kappa K (0.5)  --curv2 C,C,... (1e-6)  --curv3 C,C,... (1e-6)  --ridge R (1e-8)
 *   --folds K (5; used when the λ grid has more than one point)  --threads T (all)
 *   --data DIR (the directory holding w14.xyz; default $UF3_DATA/tungsten)
 *   --solver auto|ejml|openblas (auto)
 *   --reference  also run the plain cross-validation (one EJML Cholesky per candidate, EJML final
 *                solve) on the same folds and print whether it chose the same point and the largest
 *                coefficient difference ({@link org.uf3j.bench.solver.ReferenceCheck})
 * </pre>
 */
public final class W14FitTiming {

    private W14FitTiming() {
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv, "reference");
        int body = args.getInt("body", 3);
        double[] pair = args.doubles("pair", 1.5, 5.5, 25);
        double[] trip = args.doubles("triplet", 1.5, 3.5, 6);
        double kappa = args.getDouble("kappa", 0.5);
        double[] curv2 = args.doubles("curv2", 1e-6);
        double[] curv3 = args.doubles("curv3", 1e-6);
        double ridge = args.getDouble("ridge", 1e-8);
        int folds = args.getInt("folds", 5);
        int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
        String data = args.get("data", null);
        SolverOptions.Backend solver = SolverOptions.Backend.parse(args.get("solver", "auto"));

        long t0 = System.nanoTime();
        W14Data w14 = data == null ? W14Data.load() : W14Data.load(Path.of(data));
        List<Configuration> train = w14.train();
        List<Configuration> test = w14.test();
        System.out.printf("read %d configurations in %.1f s; train %d configs / %d atoms, test %d configs%n%s%n",
                w14.all.size(), (System.nanoTime() - t0) * 1e-9, train.size(),
                train.stream().mapToInt(Configuration::size).sum(), test.size(), w14.note());

        ModelSpec.Builder sb = ModelSpec.builder(List.of("W")).pairs(pair[0], pair[1], (int) pair[2]);
        if (body == 3) {
            sb.triplets(trip[0], trip[1], (int) trip[2]);
        }
        ModelSpec spec = sb.build();
        FitSettings settings = FitSettings.builder(spec).kappa(kappa).folds(folds).threads(threads).solver(solver)
                .grid(CrossValidation.grid(curv2, body == 3 ? curv3 : new double[] {0}, ridge, ridge)).build();
        System.out.println(spec);
        System.gc();
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        FitResult fit = new Fitter(settings).fit(train);
        long cpu1 = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        System.out.printf("process CPU time during fit %.1f s on %d processors; load average %.2f%n", (cpu1 - cpu0) * 1e-9,
                os.getAvailableProcessors(), os.getSystemLoadAverage());
        String name = body == 3 ? "2,3" : "2";
        System.out.printf("UF%s: %d columns; %s%n", name, fit.layout().size(), fit.timings());
        System.out.printf("heap during fit: peak live %.0f MB (after GC), pools' peaks %.0f MB (incl. garbage), -Xmx %.0f MB;"
                + " solver %s; chosen %s kappa %.2f%n", fit.peakLiveHeapBytes() / 1e6, fit.peakPoolBytes() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6, fit.method(), fit.regularization(), fit.kappa());
        if (fit.crossValidation() != null) {
            System.out.print(fit.crossValidation().table());
            if (args.flag("reference")) {
                ReferenceCheck.print(settings, train, fit, SolverOptions.ejml());
            }
        }
        long t1 = System.nanoTime();
        Metrics mTrain = Metrics.evaluate(fit.model(), train, threads);
        Metrics m = Metrics.evaluate(fit.model(), test, threads);
        System.out.printf("errors (%d + %d configurations evaluated in %.1f s):%n", train.size(), test.size(),
                (System.nanoTime() - t1) * 1e-9);
        System.out.print(MetricsReport.table(mTrain, m));
        System.out.printf("RESULT UF%s columns=%d fit_seconds=%.2f (featurise+CV+solve)"
                + " peak_live_heap_MB=%.0f test_E_RMSE_meV_per_atom=%.2f test_F_RMSE_eV_per_A=%.4f%n",
                name, fit.layout().size(), fit.timings().total(),
                fit.peakLiveHeapBytes() / 1e6, m.energy().rmse(), m.forces().rmse());
    }
}

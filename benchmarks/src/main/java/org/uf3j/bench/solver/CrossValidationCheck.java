package org.uf3j.bench.solver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.uf3j.core.io.TrainingData;
import org.uf3j.core.io.TrainingDataOptions;
import org.uf3j.core.io.TrainingFormat;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.DataSplit;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.Fitter;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.solve.SolverOptions;

/**
 * Times a cross-validated UF2,3 fit of any data set (any format {@code uf3 fit} reads, detected;
 * e.g. the InP FitSNAP directory) (per stage, CPU time, peak live
 * heap) and checks it against the per-candidate reference on the same folds: the same chosen
 * point, the scores and the final coefficients (reference final solve: EJML). The training set is
 * the CLI's: a stratified 80 % split with seed 0.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.uf3j.bench.solver.CrossValidationCheck FILE|DIR elements=In,P pair=1.5,5.5,20
 *   triplet=1.5,4.5,8 kappas=0.5,0.9 curv2=1e-8/1e-6/1e-4 curv3=1e-8/1e-6/1e-4 ridge=1e-10 folds=5
 *   threads=T solver=auto|ejml|openblas reference=none|ejml|openblas (openblas: the same per-candidate
 *   method with OpenBLAS factorisations, minutes instead of the better part of an hour for p ~ 4,400)
 * </pre>
 */
public final class CrossValidationCheck {

    private CrossValidationCheck() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new java.util.HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                opt.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        Path input = Path.of(args[0]);
        List<Configuration> all = TrainingData.read(input, TrainingFormat.AUTO, TrainingDataOptions.defaults());
        List<Configuration> train = DataSplit.stratified(all, 0.8, 0).train(all);
        double[] pair = numbers(opt.getOrDefault("pair", "1.5,5.5,20"));
        double[] trip = numbers(opt.getOrDefault("triplet", "1.5,4.5,8"));
        ModelSpec spec = ModelSpec.builder(List.of(opt.getOrDefault("elements", "In,P").split(",")))
                .pairs(pair[0], pair[1], (int) pair[2]).triplets(trip[0], trip[1], (int) trip[2]).build();
        double ridge = Double.parseDouble(opt.getOrDefault("ridge", "1e-10"));
        int threads = Integer.parseInt(opt.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        FitSettings settings = FitSettings.builder(spec).kappa(0.5).kappas(numbers(opt.getOrDefault("kappas", "0.5,0.9")))
                .grid(CrossValidation.grid(numbers(opt.getOrDefault("curv2", "1e-8/1e-6/1e-4").replace('/', ',')),
                        numbers(opt.getOrDefault("curv3", "1e-8/1e-6/1e-4").replace('/', ',')), ridge, ridge))
                .folds(Integer.parseInt(opt.getOrDefault("folds", "5"))).threads(threads)
                .solver(SolverOptions.Backend.parse(opt.getOrDefault("solver", "auto"))).build();
        Fitter fitter = new Fitter(settings);
        System.out.println(fitter.plan(0).describe());
        System.out.printf("%d configurations, %d training%n", all.size(), train.size());
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        FitResult fit = fitter.fit(train);
        long cpu1 = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        System.out.print(fit.crossValidation().table());
        System.out.printf("RESULT columns=%d %s; process CPU %.1f s; load average %.2f; peak live heap %.0f MB (pools %.0f MB);"
                        + " chosen %s kappa %.2f%n", fit.layout().size(), fit.timings(), (cpu1 - cpu0) * 1e-9,
                os.getSystemLoadAverage(), fit.peakLiveHeapBytes() / 1e6, fit.peakPoolBytes() / 1e6, fit.regularization(),
                fit.kappa());
        String ref = opt.getOrDefault("reference", "openblas");
        if (!ref.equals("none")) {
            SolverOptions o = ref.equals("ejml") ? SolverOptions.ejml()
                    : new SolverOptions(SolverOptions.Backend.OPENBLAS, SolverOptions.DEFAULT_THRESHOLD, 1);
            ReferenceCheck.print(settings, train, fit, o);
        }
    }

    private static double[] numbers(String csv) {
        return java.util.Arrays.stream(csv.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
    }
}

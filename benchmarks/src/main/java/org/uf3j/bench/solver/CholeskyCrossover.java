package org.uf3j.bench.solver;

import java.util.Arrays;
import java.util.Random;
import org.uf3j.fit.solve.CholeskyFactor;
import org.uf3j.fit.solve.DenseCholesky;
import org.uf3j.fit.solve.EjmlCholesky;
import org.uf3j.fit.solve.LapackCholesky;

/**
 * Times one Cholesky factorisation plus one solve of a random symmetric positive-definite n×n
 * system with EJML and with OpenBLAS LAPACK (1 and {@code threads} threads), medians of a few
 * repeats after a warm-up: where the lines cross is {@code SolverOptions.DEFAULT_THRESHOLD}.
 *
 * <pre>
 * java -cp ... org.uf3j.bench.solver.CholeskyCrossover [n,n,...] [threads]   (default 100,200,...,4400; all cores)
 * </pre>
 */
public final class CholeskyCrossover {

    private CholeskyCrossover() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {100, 200, 300, 400, 600, 800, 1100, 1600, 2400, 3200, 4400};
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        System.out.printf("%6s %12s %16s %16s %12s %12s%n", "n", "EJML ms", "OpenBLAS 1t ms", "OpenBLAS " + threads + "t ms",
                "EJML/OB 1t", "EJML/OB " + threads + "t");
        double[] warm = spd(300, new Random(0)); // first calls load the library and compile the Java paths
        for (int r = 0; r < 20; r++) {
            time(EjmlCholesky.INSTANCE, warm, 300);
            time(new LapackCholesky(1), warm, 300);
        }
        for (int n : sizes) {
            double[] a = spd(n, new Random(n));
            double e = time(EjmlCholesky.INSTANCE, a, n);
            double o1 = time(new LapackCholesky(1), a, n);
            double ot = time(new LapackCholesky(threads), a, n);
            System.out.printf("%6d %12.2f %16.2f %16.2f %12.2f %12.2f%n", n, e, o1, ot, e / o1, e / ot);
        }
    }

    private static double time(DenseCholesky backend, double[] a, int n) {
        int reps = n <= 800 ? 7 : 3;
        double[] ms = new double[reps];
        double[] b = new double[n];
        for (int r = -1; r < reps; r++) {
            Arrays.fill(b, 1.0);
            long t = System.nanoTime();
            try (CholeskyFactor f = backend.factor(a, n)) {
                f.solve(b, 1);
            }
            if (r >= 0) {
                ms[r] = (System.nanoTime() - t) * 1e-6;
            }
        }
        Arrays.sort(ms);
        return ms[reps / 2];
    }

    /** XᵀX/n + I for a random n×n X: well conditioned, dense. */
    static double[] spd(int n, Random rnd) {
        double[] x = new double[n * n];
        for (int q = 0; q < x.length; q++) {
            x[q] = rnd.nextGaussian();
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double xki = x[k * n + i];
                for (int j = 0; j < n; j++) {
                    a[i * n + j] += xki * x[k * n + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] /= n;
            }
            a[i * n + i] += 1.0;
        }
        return a;
    }
}

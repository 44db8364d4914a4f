package org.uf3j.fit.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** OpenBLAS LAPACK and EJML Cholesky agree; both refuse a matrix that is not positive definite. */
class DenseCholeskyTest {

    /** XᵀX + 0.1 I for a random (n+3)×n X. */
    private static double[] spd(int n, long seed) {
        Random rnd = new Random(seed);
        int rows = n + 3;
        double[] x = new double[rows * n];
        for (int q = 0; q < x.length; q++) {
            x[q] = rnd.nextGaussian();
        }
        double[] a = new double[n * n];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i * n + j] += x[r * n + i] * x[r * n + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            a[i * n + i] += 0.1;
        }
        return a;
    }

    @Test
    void lapackAgreesWithEjml() {
        assertTrue(LapackCholesky.available(), "the OpenBLAS preset ships linux-x86_64 binaries");
        for (int n : new int[] {1, 7, 120, 513}) {
            double[] a = spd(n, n);
            double[] copy = a.clone();
            int nrhs = 3;
            double[] b = new double[n * nrhs];
            Random rnd = new Random(1);
            for (int q = 0; q < b.length; q++) {
                b[q] = rnd.nextGaussian();
            }
            double[] xe = b.clone(), x1 = b.clone(), x2 = b.clone();
            try (CholeskyFactor e = EjmlCholesky.INSTANCE.factor(a, n);
                 CholeskyFactor l1 = new LapackCholesky(1).factor(a, n);
                 CholeskyFactor l2 = new LapackCholesky(2).factor(a, n)) {
                e.solve(xe, nrhs);
                l1.solve(x1, nrhs);
                l2.solve(x2, nrhs);
            }
            assertArrayEquals(copy, a, 0.0, "the matrix is not modified");
            double scale = 0, d1 = 0, d2 = 0, res = 0;
            for (int q = 0; q < b.length; q++) {
                scale = Math.max(scale, Math.abs(xe[q]));
                d1 = Math.max(d1, Math.abs(xe[q] - x1[q]));
                d2 = Math.max(d2, Math.abs(xe[q] - x2[q]));
            }
            // and the solution really solves the system
            for (int j = 0; j < nrhs; j++) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += a[i * n + k] * x1[j * n + k];
                    }
                    res = Math.max(res, Math.abs(s - b[j * n + i]));
                }
            }
            assertTrue(d1 / scale < 1e-9 && d2 / scale < 1e-9, "n=" + n + ": " + d1 / scale + ", " + d2 / scale);
            assertTrue(res < 1e-8, "n=" + n + " residual " + res);
        }
    }

    @Test
    void notPositiveDefiniteGivesNull() {
        int n = 40;
        double[] a = spd(n, 3);
        a[5 * n + 5] = -1.0;
        assertNull(EjmlCholesky.INSTANCE.factor(a, n));
        assertNull(new LapackCholesky(2).factor(a, n));
        a = spd(n, 3);
        try (CholeskyFactor f = new LapackCholesky(2).factor(a, n)) {
            assertNotNull(f);
        }
    }
}

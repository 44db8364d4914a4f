package org.uf3j.fit.uncertainty;

import org.bytedeco.openblas.global.openblas;
import org.uf3j.fit.solve.LapackCholesky;

/**
 * The diagonal of M S Mᵀ (one quadratic form mᵀSm per row m of M) for a dense m×k matrix M and a
 * symmetric k×k matrix S, both row-major: the predicted variances of many rows at once. The
 * product M·S goes to OpenBLAS' dgemm on one thread where the library loads and the product is
 * large enough to pay for the copy, else to a plain loop; the row dots are then taken in Java.
 */
final class QuadraticForms {
    /** Flops (m·k²) from which dgemm is used. */
    private static final long BLAS_FROM = 1L << 20;

    private QuadraticForms() {
    }

    /**
     * out[r] = Σ_ij M[r,i] S[i,j] M[r,j] for r < m.
     *
     * @param product work array of at least m·k entries (overwritten)
     */
    static void diagonal(double[] mat, int m, int k, double[] s, double[] product, double[] out) {
        if ((long) m * k * k >= BLAS_FROM && LapackCholesky.available()) {
            openblas.blas_set_num_threads(1);
            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, k, k, 1.0, mat, k,
                    s, k, 0.0, product, k);
        } else {
            for (int r = 0; r < m; r++) {
                int ro = r * k;
                java.util.Arrays.fill(product, ro, ro + k, 0.0);
                for (int i = 0; i < k; i++) {
                    double v = mat[ro + i];
                    if (v == 0.0) {
                        continue;
                    }
                    int so = i * k;
                    for (int j = 0; j < k; j++) {
                        product[ro + j] += v * s[so + j];
                    }
                }
            }
        }
        for (int r = 0; r < m; r++) {
            int ro = r * k;
            double q = 0;
            for (int j = 0; j < k; j++) {
                q += product[ro + j] * mat[ro + j];
            }
            out[r] = q;
        }
    }
}

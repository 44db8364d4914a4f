package org.uf3j.fit.solve;

/**
 * The Cholesky factor L Lᵀ of a symmetric positive-definite n×n matrix, kept to solve for any
 * number of right-hand sides. Close it to free native memory (a no-op for on-heap factors).
 */
public interface CholeskyFactor extends AutoCloseable {

    /** The order n of the factored matrix. */
    int size();

    /**
     * Overwrites B (n×nrhs, column-major: column j at {@code b[j·n .. j·n + n)}) with A⁻¹ B.
     * A single right-hand side is simply a vector of length n.
     */
    void solve(double[] b, int nrhs);

    @Override
    void close();
}

package org.uf3j.fit.solve;

/**
 * A dense Cholesky back end: factors a symmetric n×n matrix given row-major (both triangles
 * filled; only one is read). Implementations: {@link EjmlCholesky} (pure Java, deterministic,
 * best for small n) and {@link LapackCholesky} (OpenBLAS LAPACK, multithreaded, best for large n).
 */
public interface DenseCholesky {

    /** The factor of a (not modified), or null when a is not positive definite. */
    CholeskyFactor factor(double[] a, int n);

    /** A short name for logs and reports ("ejml", "openblas"). */
    String name();
}

package org.uf3j.fit.solve;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Cholesky through OpenBLAS' LAPACK ({@code dpotrf}/{@code dpotrs}, JavaCPP preset) on an
 * off-heap copy of the matrix, with {@code threads} BLAS threads. Several times faster than EJML
 * from a few hundred unknowns on (see {@link SolverOptions#DEFAULT_THRESHOLD}). OpenBLAS' thread
 * count is a process-wide setting: it is set before every call, and callers run one factorisation
 * or solve at a time.
 */
public final class LapackCholesky implements DenseCholesky {
    private final int threads;

    /** A back end using {@code threads} BLAS threads (at least 1). */
    public LapackCholesky(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** Whether the native library loads on this machine (the preset ships linux-x86_64 binaries). */
    public static boolean available() {
        return Native.LOADED;
    }

    /** Loads the library once, on first use. */
    private static final class Native {
        static final boolean LOADED = load();

        private static boolean load() {
            try {
                Loader.load(openblas.class);
                return true;
            } catch (Throwable e) { // UnsatisfiedLinkError, or no binaries for this platform
                return false;
            }
        }
    }

    @Override
    public CholeskyFactor factor(double[] a, int n) {
        if (!available()) {
            throw new IllegalStateException("OpenBLAS is not available on this platform; use solver: ejml");
        }
        DoublePointer m = new DoublePointer((long) n * n);
        m.put(a, 0, n * n);
        openblas.blas_set_num_threads(threads);
        // a row-major symmetric matrix read column-major is the same matrix
        int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, m, n);
        if (info != 0) {
            m.close();
            return null;
        }
        return new Factor(m, n, threads);
    }

    @Override
    public String name() {
        return "openblas";
    }

    private static final class Factor implements CholeskyFactor {
        private final DoublePointer l;
        private final int n;
        private final int threads;

        Factor(DoublePointer l, int n, int threads) {
            this.l = l;
            this.n = n;
            this.threads = threads;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public void solve(double[] b, int nrhs) {
            try (DoublePointer rhs = new DoublePointer((long) n * nrhs)) {
                rhs.put(b, 0, n * nrhs);
                openblas.blas_set_num_threads(threads);
                int info = openblas.LAPACKE_dpotrs(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, nrhs, l, n, rhs, n);
                if (info != 0) {
                    throw new IllegalStateException("LAPACK dpotrs failed with info " + info);
                }
                rhs.get(b, 0, n * nrhs);
            }
        }

        @Override
        public void close() {
            l.close();
        }
    }
}

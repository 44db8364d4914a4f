package org.uf3j.fit.solve;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Cholesky through EJML's dense solver, one thread per factorisation: the same arithmetic in the
 * same order on every run, so results are bit-for-bit reproducible. The default for small systems.
 */
public final class EjmlCholesky implements DenseCholesky {

    /** The (stateless) instance. */
    public static final EjmlCholesky INSTANCE = new EjmlCholesky();

    private EjmlCholesky() {
    }

    @Override
    public CholeskyFactor factor(double[] a, int n) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        System.arraycopy(a, 0, m.data, 0, n * n);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(m)) {
            return null;
        }
        return new Factor(chol, n);
    }

    @Override
    public String name() {
        return "ejml";
    }

    private static final class Factor implements CholeskyFactor {
        private final LinearSolverDense<DMatrixRMaj> chol;
        private final int n;

        Factor(LinearSolverDense<DMatrixRMaj> chol, int n) {
            this.chol = chol;
            this.n = n;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public void solve(double[] b, int nrhs) {
            DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
            DMatrixRMaj x = new DMatrixRMaj(n, 1);
            for (int j = 0; j < nrhs; j++) {
                System.arraycopy(b, j * n, rhs.data, 0, n);
                chol.solve(rhs, x);
                System.arraycopy(x.data, 0, b, j * n, n);
            }
        }

        @Override
        public void close() {
            // on-heap: nothing to free
        }
    }
}

package org.uf3j.fit;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.uf3j.fit.solve.CholeskyFactor;
import org.uf3j.fit.solve.SolverOptions;

/**
 * Solves the regularised normal equations A c = b with A symmetric: Cholesky first (EJML, or
 * OpenBLAS LAPACK for large systems, see {@link SolverOptions}); when A is not
 * positive definite, LU with a logged warning; when LU finds A singular, the SVD pseudo-inverse
 * (minimum-norm least squares), also with a warning. Columns that no row and no penalty touches
 * (zero diagonal, e.g. an element absent from the data with no ridge) are pinned to 0 first.
 */
public final class LinearSolver {
    private static final Logger LOG = System.getLogger(LinearSolver.class.getName());

    /** How the system was solved. */
    public enum Method { CHOLESKY, LU, PSEUDO_INVERSE }

    /** Coefficients and the factorisation that produced them. */
    public record Solution(double[] x, Method method, int pinnedColumns) {
    }

    private LinearSolver() {
    }

    /** Solves A x = b with EJML (bit-for-bit reproducible); A is not modified. */
    public static Solution solve(DMatrixRMaj a, double[] b) {
        return solve(a, b, SolverOptions.ejml());
    }

    /** Solves A x = b, the Cholesky on the back end {@code options} picks for this size; A is not modified. */
    public static Solution solve(DMatrixRMaj a, double[] b, SolverOptions options) {
        return solve(a, b, options, null);
    }

    /**
     * As {@link #solve(DMatrixRMaj, double[], SolverOptions)}, handing the Cholesky factor of A (pinned
     * columns set to 1 on the diagonal) to {@code factorUse} before it is closed, so that a caller
     * needing more than one solve (the posterior covariance A⁻¹, {@code org.uf3j.fit.uncertainty})
     * does not factor A again. {@code factorUse} is not called when A is not positive definite.
     */
    public static Solution solve(DMatrixRMaj a, double[] b, SolverOptions options, java.util.function.Consumer<CholeskyFactor> factorUse) {
        int p = a.numRows;
        if (a.numCols != p || b.length != p) {
            throw new IllegalArgumentException("need a square matrix and a matching right-hand side, got " + a.numRows + "x"
                    + a.numCols + " and " + b.length);
        }
        DMatrixRMaj m = a.copy();
        DMatrixRMaj rhs = new DMatrixRMaj(p, 1, true, b);
        int pinned = 0;
        for (int c = 0; c < p; c++) {
            if (m.data[c * p + c] == 0.0) {
                boolean empty = true;
                for (int q = 0; q < p && empty; q++) {
                    empty = m.data[c * p + q] == 0.0;
                }
                if (empty) {
                    m.data[c * p + c] = 1.0;
                    rhs.data[c] = 0.0;
                    pinned++;
                }
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(p, 1);
        try (CholeskyFactor chol = options.forSize(p).factor(m.data, p)) {
            if (chol != null) {
                double[] sol = rhs.data.clone();
                chol.solve(sol, 1);
                if (finite(sol)) {
                    if (factorUse != null) {
                        factorUse.accept(chol);
                    }
                    return new Solution(sol, Method.CHOLESKY, pinned);
                }
            }
        }
        LOG.log(Level.WARNING, "normal matrix ({0} columns) is not positive definite; solving by LU. "
                + "Consider stronger regularisation.", p);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(p);
        if (lu.setA(lu.modifiesA() ? m.copy() : m) && lu.quality() > 1e-14) {
            lu.solve(rhs.copy(), x);
            if (finite(x)) {
                return new Solution(x.data, Method.LU, pinned);
            }
        }
        LOG.log(Level.WARNING, "normal matrix ({0} columns) is singular; using the pseudo-inverse (minimum-norm solution)", p);
        LinearSolverDense<DMatrixRMaj> pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!pinv.setA(pinv.modifiesA() ? m.copy() : m)) {
            throw new IllegalStateException("the SVD of the normal matrix failed");
        }
        pinv.solve(rhs.copy(), x);
        return new Solution(x.data, Method.PSEUDO_INVERSE, pinned);
    }

    /** Whether every entry is finite. */
    private static boolean finite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(DMatrixRMaj x) {
        return finite(x.data);
    }
}

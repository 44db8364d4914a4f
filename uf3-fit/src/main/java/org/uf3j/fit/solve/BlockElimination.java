package org.uf3j.fit.solve;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Solves a symmetric system split into a small leading block (s unknowns) and a large trailing
 * one (t unknowns),
 * <pre>
 *   [A11 + R1   A12    ] [x1]   [b1]
 *   [A21        A22 + R2] [x2] = [b2],
 * </pre>
 * for many small-block penalties R1 with one factorisation of the large block: S = A22 + R2 is
 * factored once, W = S⁻¹A21 and z = S⁻¹b2 are kept, and every R1 costs a Cholesky of the s×s
 * Schur complement C + R1 (C = A11 − A12 W) and x2 = z − W x1. In cross-validation R1 holds the
 * 2-body strengths (a few dozen columns) and R2 the 3-body ones (thousands), so a line of λ2
 * candidates costs one large factorisation instead of one each.
 */
public final class BlockElimination {
    private final int s;
    private final int t;
    private final double[] w;
    private final double[] z;
    private final double[] schur;
    private final double[] reduced;

    private BlockElimination(int s, int t, double[] w, double[] z, double[] schur, double[] reduced) {
        this.s = s;
        this.t = t;
        this.w = w;
        this.z = z;
        this.schur = schur;
        this.reduced = reduced;
    }

    /**
     * Eliminates the large block.
     *
     * @param a       the p×p row-major matrix without R1 (its trailing block is not read: {@code large} replaces it)
     * @param b       the right-hand side, length p
     * @param s       size of the leading block (p − s trailing unknowns)
     * @param large   the t×t row-major matrix A22 + R2 (not modified)
     * @param backend the Cholesky used for {@code large}
     * @return the elimination, or null when {@code large} is not positive definite
     */
    public static BlockElimination of(double[] a, double[] b, int s, double[] large, DenseCholesky backend) {
        int p = b.length;
        int t = p - s;
        double[] rhs = new double[t * (s + 1)];
        for (int k = 0; k < t; k++) {
            int row = (s + k) * p;
            for (int j = 0; j < s; j++) {
                rhs[j * t + k] = a[row + j]; // column j of A21
            }
            rhs[s * t + k] = b[s + k];
        }
        try (CholeskyFactor f = backend.factor(large, t)) {
            if (f == null) {
                return null;
            }
            f.solve(rhs, s + 1);
        }
        for (double v : rhs) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        double[] schur = new double[s * s];
        double[] reduced = new double[s];
        for (int i = 0; i < s; i++) {
            int row = i * p + s;
            for (int j = 0; j <= i; j++) {
                int col = j * t;
                double acc = 0;
                for (int k = 0; k < t; k++) {
                    acc += a[row + k] * rhs[col + k];
                }
                schur[i * s + j] = a[i * p + j] - acc;
            }
            double acc = 0;
            for (int k = 0; k < t; k++) {
                acc += a[row + k] * rhs[s * t + k];
            }
            reduced[i] = b[i] - acc;
        }
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                schur[j * s + i] = schur[i * s + j];
            }
        }
        double[] z = new double[t];
        System.arraycopy(rhs, s * t, z, 0, t);
        double[] w = new double[s * t];
        System.arraycopy(rhs, 0, w, 0, s * t);
        return new BlockElimination(s, t, w, z, schur, reduced);
    }

    /** Size of the leading block. */
    public int leading() {
        return s;
    }

    /** A copy of the Schur complement A11 − A12 S⁻¹ A21 (s×s, row-major). */
    public double[] schurComplement() {
        return schur.clone();
    }

    /** A copy of the reduced right-hand side b1 − A12 S⁻¹ b2. */
    public double[] reducedRhs() {
        return reduced.clone();
    }

    /**
     * The full solution for a leading block matrix {@code m} = C + R1 and right-hand side {@code d}
     * (as from {@link #schurComplement()} and {@link #reducedRhs()}, with R1 added and empty
     * columns pinned), or null when m is not positive definite or the result is not finite.
     */
    public double[] solve(double[] m, double[] d) {
        double[] x = new double[s + t];
        if (s > 0) {
            DMatrixRMaj mm = new DMatrixRMaj(s, s);
            System.arraycopy(m, 0, mm.data, 0, s * s);
            LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(s);
            if (!chol.setA(mm)) {
                return null;
            }
            DMatrixRMaj x1 = new DMatrixRMaj(s, 1);
            chol.solve(new DMatrixRMaj(s, 1, true, d), x1);
            System.arraycopy(x1.data, 0, x, 0, s);
        }
        for (int k = 0; k < t; k++) {
            double acc = z[k];
            for (int j = 0; j < s; j++) {
                acc -= w[j * t + k] * x[j];
            }
            x[s + k] = acc;
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return x;
    }
}

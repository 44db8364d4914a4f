package org.uf3j.fit.gamma;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** The inverse of a small dense square matrix (EJML LU); fails on a singular one. */
final class Inverse {
    private Inverse() {
    }

    static double[] of(double[] a, int d) {
        DMatrixRMaj m = DMatrixRMaj.wrap(d, d, a.clone());
        if (!CommonOps_DDRM.invert(m)) {
            throw new IllegalStateException("active-set matrix is singular (" + d + " × " + d + ")");
        }
        return m.getData();
    }
}

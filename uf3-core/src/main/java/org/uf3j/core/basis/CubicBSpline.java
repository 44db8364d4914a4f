package org.uf3j.core.basis;

/**
 * Values and first and second derivatives of the four cubic B-spline basis functions that are
 * non-zero at a distance (Cox-de Boor recurrence). The one place the basis is defined: the Java
 * evaluator and the featuriser both call it. Allocation-free: results go into a caller array.
 */
public final class CubicBSpline {
    /** Length of the output array of {@link #evaluate}: 4 values, 4 first, 4 second derivatives. */
    public static final int OUT_LENGTH = 12;

    private CubicBSpline() {
    }

    /**
     * Evaluates B_{s..s+3}(r), their first derivatives and second derivatives.
     *
     * @param knots the knot sequence
     * @param r     distance in [knots.min(), knots.max()]
     * @param out   array of at least {@link #OUT_LENGTH}: out[a] = B_{s+a}(r), out[4+a] = B'_{s+a}(r),
     *              out[8+a] = B''_{s+a}(r)
     * @return s, the index of the first of the four basis functions, or -1 when r is outside the knots
     *         (out is then untouched)
     */
    public static int evaluate(KnotSequence knots, double r, double[] out) {
        int i = knots.interval(r);
        if (i < 0) {
            return -1;
        }
        double t0 = knots.knot(i - 2), t1 = knots.knot(i - 1), t2 = knots.knot(i), t3 = knots.knot(i + 1);
        double t4 = knots.knot(i + 2), t5 = knots.knot(i + 3);
        // t2..t3 is the interval [t_i, t_{i+1}] that holds r; t0 = t_{i-2}, t5 = t_{i+3}
        // degree 1: B_{i-1,1}, B_{i,1}
        double a1 = ratio(r - t2, t3 - t2);
        double n1a = 1.0 - a1; // B_{i-1,1}
        double n1b = a1;       // B_{i,1}
        // degree 2: B_{i-2,2}, B_{i-1,2}, B_{i,2}
        double n2a = ratio(t3 - r, t3 - t1) * n1a;
        double n2b = ratio(r - t1, t3 - t1) * n1a + ratio(t4 - r, t4 - t2) * n1b;
        double n2c = ratio(r - t2, t4 - t2) * n1b;
        // degree 3: B_{i-3,3} .. B_{i,3}
        out[0] = ratio(t3 - r, t3 - t0) * n2a;
        out[1] = ratio(r - t0, t3 - t0) * n2a + ratio(t4 - r, t4 - t1) * n2b;
        out[2] = ratio(r - t1, t4 - t1) * n2b + ratio(t5 - r, t5 - t2) * n2c;
        out[3] = ratio(r - t2, t5 - t2) * n2c;
        // first derivatives: B'_{k,3} = 3 (B_{k,2}/(t_{k+3}-t_k) - B_{k+1,2}/(t_{k+4}-t_{k+1}))
        double d2a = ratio(3.0 * n2a, t3 - t0);
        double d2b = ratio(3.0 * n2b, t4 - t1);
        double d2c = ratio(3.0 * n2c, t5 - t2);
        out[4] = -d2a;
        out[5] = d2a - d2b;
        out[6] = d2b - d2c;
        out[7] = d2c;
        // derivatives of the degree-2 functions: B'_{k,2} = 2 (B_{k,1}/(t_{k+2}-t_k) - B_{k+1,1}/(t_{k+3}-t_{k+1}))
        double e1a = ratio(2.0 * n1a, t3 - t1);
        double e1b = ratio(2.0 * n1b, t4 - t2);
        double dn2a = -e1a;
        double dn2b = e1a - e1b;
        double dn2c = e1b;
        double f2a = ratio(3.0 * dn2a, t3 - t0);
        double f2b = ratio(3.0 * dn2b, t4 - t1);
        double f2c = ratio(3.0 * dn2c, t5 - t2);
        out[8] = -f2a;
        out[9] = f2a - f2b;
        out[10] = f2b - f2c;
        out[11] = f2c;
        return i - 3;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0.0 ? 0.0 : numerator / denominator;
    }
}

package org.uf3j.core.basis;

/**
 * Values and first and second derivatives of the four cubic B-spline basis functions that are
 * non-zero at a distance (Cox-de Boor recurrence). The one place the basis is defined: the Java
 * evaluator and the featuriser both call it. Allocation-free: results go into a caller array.
 * {@link Table} holds the same basis as per-interval polynomials for fast repeated evaluation.
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

    /**
     * The cubic B-spline basis of one knot sequence as a cubic polynomial per knot interval, for fast
     * repeated evaluation (no divisions, no recurrence). On the interval [t_i, t_{i+1}) the four
     * non-zero functions are B_{i-3+b}(t_i + x) = Σ_p P[i][p][b] x^p, b = 0..3.
     *
     * <p>Not a second definition of the basis: the table is the Taylor expansion at each interval's
     * left knot of {@link CubicBSpline#evaluate} itself (value, first and second derivative at t_i; the
     * constant third derivative from the second derivative at the interval's midpoint), so it agrees
     * with {@link CubicBSpline#evaluate} to rounding. Immutable and thread-safe.
     */
    public static final class Table {
        /** Doubles per knot index in {@link #splineTable}: a0..a3 of V, then a1, 2a2, 3a3 of V', then 0. */
        public static final int SPLINE_STRIDE = 8;

        private final KnotSequence knots;
        private final double[] basis; // [i][p][b], 16 per knot index i; zero rows for empty intervals

        private Table(KnotSequence knots, double[] basis) {
            this.knots = knots;
            this.basis = basis;
        }

        /** The per-interval polynomials of the basis of these knots. */
        public static Table of(KnotSequence knots) {
            double[] table = new double[16 * knots.size()];
            double[] left = new double[OUT_LENGTH];
            double[] middle = new double[OUT_LENGTH];
            for (int i = 3; i <= knots.size() - 5; i++) {
                double t0 = knots.knot(i);
                double h = knots.knot(i + 1) - t0;
                if (!(h > 0)) {
                    continue; // empty interval: KnotSequence.interval never returns it
                }
                double half = 0.5 * h;
                int s = CubicBSpline.evaluate(knots, t0, left);
                int sm = CubicBSpline.evaluate(knots, t0 + half, middle);
                if (s != i - 3 || sm != i - 3) {
                    throw new IllegalStateException("knot interval " + i + " of " + knots + " not found by interval()");
                }
                for (int b = 0; b < 4; b++) {
                    table[16 * i + b] = left[b];
                    table[16 * i + 4 + b] = left[4 + b];
                    table[16 * i + 8 + b] = 0.5 * left[8 + b];
                    table[16 * i + 12 + b] = (middle[8 + b] - left[8 + b]) / half / 6.0;
                }
            }
            return new Table(knots, table);
        }

        public KnotSequence knots() {
            return knots;
        }

        /**
         * Values and first derivatives of the four basis functions that are non-zero at r, like
         * {@link CubicBSpline#evaluate} without the second derivatives. Allocation-free.
         *
         * @param out    receives B_{s+a}(r) at out[offset + a] and B'_{s+a}(r) at out[offset + 4 + a], a = 0..3
         * @return s, the index of the first of the four functions, or -1 when r is outside the knots
         *         (out is then untouched)
         */
        public int evaluate(double r, double[] out, int offset) {
            int i = knots.interval(r);
            if (i < 0) {
                return -1;
            }
            return evaluate(i, r, out, offset);
        }

        /**
         * As {@link #evaluate(double, double[], int)} on a knot interval the caller found: i with
         * t_i ≤ r ≤ t_{i+1} (to rounding), 3 ≤ i ≤ knots().size() − 5.
         *
         * @return i − 3, the index of the first of the four functions
         */
        public int evaluate(int i, double r, double[] out, int offset) {
            double x = r - knots.knot(i);
            int o = 16 * i;
            double[] p = basis;
            for (int b = 0; b < 4; b++) {
                double c1 = p[o + 4 + b], c2 = p[o + 8 + b], c3 = p[o + 12 + b];
                out[offset + b] = p[o + b] + x * (c1 + x * (c2 + x * c3));
                out[offset + 4 + b] = c1 + x * (2.0 * c2 + x * (3.0 * c3));
            }
            return i - 3;
        }

        /**
         * The polynomials of the spline V(r) = Σ_n c_n B_n(r) per interval, {@value #SPLINE_STRIDE}
         * doubles per knot index i (x = r − t_i):
         * V = a0 + x (a1 + x (a2 + x a3)) from entries 0..3 and V' = a1 + x (2 a2 + x 3 a3) from
         * entries 4..6, so that a hot loop needs only {@link KnotSequence#interval} and this array.
         *
         * @param coefficients one per basis function ({@link KnotSequence#basisCount()})
         */
        public double[] splineTable(double[] coefficients) {
            if (coefficients.length != knots.basisCount()) {
                throw new IllegalArgumentException(coefficients.length + " coefficients for " + knots.basisCount()
                        + " basis functions");
            }
            double[] a = new double[SPLINE_STRIDE * knots.size()];
            for (int i = 3; i <= knots.size() - 5; i++) {
                double[] power = new double[4];
                for (int p = 0; p < 4; p++) {
                    for (int b = 0; b < 4; b++) {
                        power[p] += coefficients[i - 3 + b] * basis[16 * i + 4 * p + b];
                    }
                }
                int o = SPLINE_STRIDE * i;
                a[o] = power[0];
                a[o + 1] = power[1];
                a[o + 2] = power[2];
                a[o + 3] = power[3];
                a[o + 4] = power[1];
                a[o + 5] = 2.0 * power[2];
                a[o + 6] = 3.0 * power[3];
            }
            return a;
        }
    }
}

package org.uf3j.fit.uncertainty;

/**
 * The standard normal quantile Φ⁻¹(q): Acklam's rational approximation (relative error 1.2e-9)
 * which is ample for calibration levels.
 */
final class NormalQuantile {
    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};

    private NormalQuantile() {
    }

    static double of(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("quantile level must lie in (0, 1), got " + q);
        }
        double x;
        if (q < 0.02425) {
            double t = Math.sqrt(-2 * Math.log(q));
            x = (((((C[0] * t + C[1]) * t + C[2]) * t + C[3]) * t + C[4]) * t + C[5])
                    / ((((D[0] * t + D[1]) * t + D[2]) * t + D[3]) * t + 1);
        } else if (q <= 1 - 0.02425) {
            double u = q - 0.5, r = u * u;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * u
                    / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        } else {
            double t = Math.sqrt(-2 * Math.log(1 - q));
            x = -(((((C[0] * t + C[1]) * t + C[2]) * t + C[3]) * t + C[4]) * t + C[5])
                    / ((((D[0] * t + D[1]) * t + D[2]) * t + D[3]) * t + 1);
        }
        return x;
    }
}

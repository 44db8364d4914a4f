package org.uf3j.properties;

import java.util.function.DoubleUnaryOperator;

/**
 * One-dimensional root finding: Brent–Dekker (inverse quadratic interpolation and secant steps,
 * safeguarded by bisection), and bracketing of the zero of an increasing function such as the
 * derivative of an energy near its minimum.
 */
public final class Brent {
    private Brent() {
    }

    /**
     * A root of f in [lo, hi], where f(lo) and f(hi) have opposite signs (or one is zero), located to
     * within {@code tolerance} in x.
     */
    public static double root(DoubleUnaryOperator f, double lo, double hi, double tolerance) {
        return root(f, lo, f.applyAsDouble(lo), hi, f.applyAsDouble(hi), tolerance, 200);
    }

    /** As {@link #root(DoubleUnaryOperator, double, double, double)} with the end values already known. */
    public static double root(DoubleUnaryOperator f, double a, double fa, double b, double fb, double tolerance,
                              int maxIterations) {
        if (fa == 0) {
            return a;
        }
        if (fb == 0) {
            return b;
        }
        if (Math.signum(fa) == Math.signum(fb)) {
            throw new IllegalArgumentException("root not bracketed: f(" + a + ") = " + fa + ", f(" + b + ") = " + fb);
        }
        // b is the best estimate, a the contrapoint (f(a) f(b) < 0), c the previous b
        if (Math.abs(fa) < Math.abs(fb)) {
            double t = a; a = b; b = t;
            t = fa; fa = fb; fb = t;
        }
        double c = a;
        double fc = fa;
        double d = c;
        boolean bisected = true;
        for (int it = 0; it < maxIterations; it++) {
            if (fb == 0 || Math.abs(b - a) <= tolerance) {
                return b;
            }
            double s;
            if (fa != fc && fb != fc) {
                s = a * fb * fc / ((fa - fb) * (fa - fc)) + b * fa * fc / ((fb - fa) * (fb - fc))
                        + c * fa * fb / ((fc - fa) * (fc - fb));
            } else {
                s = b - fb * (b - a) / (fb - fa);
            }
            double lo = Math.min((3 * a + b) / 4, b);
            double hi = Math.max((3 * a + b) / 4, b);
            boolean outside = !(s > lo && s < hi);
            boolean slow = bisected ? Math.abs(s - b) >= Math.abs(b - c) / 2 : Math.abs(s - b) >= Math.abs(c - d) / 2;
            boolean tiny = bisected ? Math.abs(b - c) < tolerance : Math.abs(c - d) < tolerance;
            if (outside || slow || tiny) {
                s = (a + b) / 2;
                bisected = true;
            } else {
                bisected = false;
            }
            double fs = f.applyAsDouble(s);
            d = c;
            c = b;
            fc = fb;
            if (Math.signum(fa) != Math.signum(fs)) {
                b = s;
                fb = fs;
            } else {
                a = s;
                fa = fs;
            }
            if (Math.abs(fa) < Math.abs(fb)) {
                double t = a; a = b; b = t;
                t = fa; fa = fb; fb = t;
            }
        }
        return b;
    }

    /**
     * Finds [lo, hi] with g(lo) &lt; 0 &lt; g(hi) around x0, stepping outwards with doubling steps: the
     * bracket of the minimum of a function whose derivative is g. Returns {lo, g(lo), hi, g(hi)}.
     *
     * @throws IllegalStateException when no sign change is found within {@code maxSteps} steps
     */
    public static double[] bracketIncreasing(DoubleUnaryOperator g, double x0, double step, int maxSteps) {
        double g0 = g.applyAsDouble(x0);
        if (g0 == 0) {
            return new double[] {x0, g0, x0, g0};
        }
        double dir = g0 > 0 ? -1 : 1; // g > 0: the minimum lies below x0
        double x = x0;
        double gx = g0;
        double h = step;
        for (int i = 0; i < maxSteps; i++) {
            double xn = x + dir * h;
            double gn = g.applyAsDouble(xn);
            if (Math.signum(gn) != Math.signum(gx)) {
                return dir > 0 ? new double[] {x, gx, xn, gn} : new double[] {xn, gn, x, gx};
            }
            x = xn;
            gx = gn;
            h *= 1.6;
        }
        throw new IllegalStateException("no minimum found within " + maxSteps + " steps from " + x0
                + " (derivative still " + gx + " at " + x + ")");
    }
}

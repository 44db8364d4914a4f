package org.uf3j.core.basis;

import java.util.Arrays;

/**
 * An immutable clamped knot vector for cubic B-splines: the first and last knots are repeated
 * four times, so there are {@code size() - 4} basis functions and at most four are non-zero at
 * any r. Finds the knot interval of a distance in O(1) when the knots are uniform.
 */
public final class KnotSequence {
    /** Relative tolerance for deciding that interior knots are equally spaced. */
    private static final double UNIFORM_TOLERANCE = 1e-9;

    private final double[] knots;
    private final boolean uniform;
    private final double inverseSpacing;

    private KnotSequence(double[] knots) {
        this.knots = knots;
        this.uniform = detectUniform(knots);
        double h = knots[4] - knots[3];
        this.inverseSpacing = uniform && h > 0 ? 1.0 / h : 0.0;
    }

    /**
     * Wraps a full knot vector, checking that it is clamped (4 equal knots at each end),
     * non-decreasing, finite, and has at least one non-empty interval.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static KnotSequence of(double... knots) {
        if (knots.length < 8) {
            throw new IllegalArgumentException("a clamped cubic knot vector needs at least 8 knots, got " + knots.length);
        }
        for (int i = 0; i < knots.length; i++) {
            if (!Double.isFinite(knots[i])) {
                throw new IllegalArgumentException("knot " + i + " is not a finite number: " + knots[i]);
            }
            if (i > 0 && knots[i] < knots[i - 1]) {
                throw new IllegalArgumentException("knots must be non-decreasing, but knot " + i + " (" + knots[i]
                        + ") < knot " + (i - 1) + " (" + knots[i - 1] + ")");
            }
        }
        int n = knots.length;
        if (knots[0] != knots[3] || knots[n - 1] != knots[n - 4]) {
            throw new IllegalArgumentException("knot vector is not clamped: the first 4 and the last 4 knots must be equal, got "
                    + Arrays.toString(Arrays.copyOfRange(knots, 0, 4)) + " ... "
                    + Arrays.toString(Arrays.copyOfRange(knots, n - 4, n)));
        }
        if (!(knots[n - 1] > knots[0])) {
            throw new IllegalArgumentException("knot vector spans no distance: first and last knot are both " + knots[0]);
        }
        return new KnotSequence(knots.clone());
    }

    /**
     * Clamped knots from {@code rMin} to {@code rMax} with {@code intervals} intervals, spaced as asked.
     * Gives {@code intervals + 3} basis functions.
     */
    public static KnotSequence create(KnotSpacing spacing, double rMin, double rMax, int intervals) {
        if (intervals < 1) {
            throw new IllegalArgumentException("need at least 1 knot interval, got " + intervals);
        }
        if (!(rMin >= 0) || !(rMax > rMin) || !Double.isFinite(rMax)) {
            throw new IllegalArgumentException("need 0 <= r_min < r_max, got r_min=" + rMin + ", r_max=" + rMax);
        }
        if (spacing != KnotSpacing.LINEAR && rMin <= 0) {
            throw new IllegalArgumentException(spacing + " knot spacing needs r_min > 0, got " + rMin);
        }
        double[] t = new double[intervals + 7];
        for (int k = 0; k <= intervals; k++) {
            double f = (double) k / intervals;
            double r = switch (spacing) {
                case LINEAR -> rMin + f * (rMax - rMin);
                case GEOMETRIC -> rMin * Math.pow(rMax / rMin, f);
                case INVERSE -> 1.0 / (1.0 / rMin + f * (1.0 / rMax - 1.0 / rMin));
            };
            t[k + 3] = r;
        }
        t[3] = rMin;
        t[intervals + 3] = rMax;
        for (int k = 0; k < 3; k++) {
            t[k] = rMin;
            t[intervals + 4 + k] = rMax;
        }
        return new KnotSequence(t);
    }

    /** Uniform clamped knots, {@code create(LINEAR, ...)}. */
    public static KnotSequence linear(double rMin, double rMax, int intervals) {
        return create(KnotSpacing.LINEAR, rMin, rMax, intervals);
    }

    private static boolean detectUniform(double[] t) {
        int n = t.length;
        double h = (t[n - 4] - t[3]) / (n - 7);
        for (int i = 3; i < n - 4; i++) {
            if (Math.abs((t[i + 1] - t[i]) - h) > UNIFORM_TOLERANCE * Math.max(h, t[n - 1])) {
                return false;
            }
        }
        return true;
    }

    /** Number of knots, including the repeated end knots. */
    public int size() {
        return knots.length;
    }

    /** Number of cubic basis functions, {@code size() - 4}. */
    public int basisCount() {
        return knots.length - 4;
    }

    /** Number of non-empty-or-empty intervals between the clamped ends, {@code size() - 7}. */
    public int intervalCount() {
        return knots.length - 7;
    }

    public double knot(int i) {
        return knots[i];
    }

    /** A copy of the full knot vector. */
    public double[] toArray() {
        return knots.clone();
    }

    /** The inner (first) knot: below it the basis is undefined. */
    public double min() {
        return knots[0];
    }

    /** The outer (last) knot: the cutoff of the term. */
    public double max() {
        return knots[knots.length - 1];
    }

    /** Whether the interior knots are equally spaced (O(1) interval look-up). */
    public boolean isUniform() {
        return uniform;
    }

    /**
     * The knot index i with t[i] <= r < t[i+1], 3 <= i <= size()-5, whose four basis functions
     * i-3..i are the non-zero ones at r; r equal to the last knot maps to the last interval.
     * Returns -1 when r lies outside [min(), max()].
     */
    public int interval(double r) {
        int n = knots.length;
        if (!(r >= knots[0]) || r > knots[n - 1]) {
            return -1;
        }
        int lo = 3;
        int hi = n - 5;
        int i;
        if (uniform) {
            i = 3 + (int) ((r - knots[3]) * inverseSpacing);
            if (i > hi) {
                i = hi;
            }
            while (i < hi && r >= knots[i + 1]) {
                i++;
            }
            while (i > lo && r < knots[i]) {
                i--;
            }
        } else {
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (knots[mid] <= r) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            i = lo;
        }
        // skip empty intervals (repeated interior knots) so t[i] < t[i+1]
        while (i > 3 && knots[i] == knots[i + 1]) {
            i--;
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnotSequence other && Arrays.equals(knots, other.knots);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(knots);
    }

    @Override
    public String toString() {
        return "KnotSequence[" + knots.length + " knots, " + min() + ".." + max() + (uniform ? ", uniform]" : "]");
    }
}

package org.uf3j.core.model;

import java.util.Arrays;
import org.uf3j.core.basis.CubicBSpline;
import org.uf3j.core.basis.KnotSequence;

/**
 * The two-body term V2(r) = Σ c_n B_n(r) of one unordered element pair (elements ordered by
 * atomic number). Immutable.
 */
public final class PairTerm {
    private final String first;
    private final String second;
    private final KnotSequence knots;
    private final double[] coefficients;

    public PairTerm(String first, String second, KnotSequence knots, double[] coefficients) {
        if (Elements.atomicNumber(first) > Elements.atomicNumber(second)) {
            String t = first;
            first = second;
            second = t;
        }
        if (coefficients.length != knots.basisCount()) {
            throw new IllegalArgumentException("pair " + first + "-" + second + ": " + coefficients.length
                    + " coefficients for " + knots.size() + " knots (expected " + knots.basisCount() + ")");
        }
        for (int i = 0; i < coefficients.length; i++) {
            if (!Double.isFinite(coefficients[i])) {
                throw new IllegalArgumentException("pair " + first + "-" + second + ": coefficient " + i + " is " + coefficients[i]);
            }
        }
        this.first = first;
        this.second = second;
        this.knots = knots;
        this.coefficients = coefficients.clone();
    }

    public String first() {
        return first;
    }

    public String second() {
        return second;
    }

    public KnotSequence knots() {
        return knots;
    }

    /** Cutoff radius: the last knot. */
    public double cutoff() {
        return knots.max();
    }

    public int size() {
        return coefficients.length;
    }

    public double coefficient(int n) {
        return coefficients[n];
    }

    /** A copy of the coefficients. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** V2(r) in eV, 0 at and beyond the cutoff; NaN below the first knot (undefined). */
    public double value(double r) {
        return valueAndDerivative(r, new double[CubicBSpline.OUT_LENGTH])[0];
    }

    /** {V2(r), V2'(r)}; {0, 0} beyond the cutoff, NaN below the first knot. */
    public double[] valueAndDerivative(double r, double[] work) {
        if (r >= knots.max()) {
            return new double[] {0, 0};
        }
        int s = CubicBSpline.evaluate(knots, r, work);
        if (s < 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double v = 0;
        double d = 0;
        for (int a = 0; a < 4; a++) {
            v += coefficients[s + a] * work[a];
            d += coefficients[s + a] * work[4 + a];
        }
        return new double[] {v, d};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PairTerm p && first.equals(p.first) && second.equals(p.second) && knots.equals(p.knots)
                && Arrays.equals(coefficients, p.coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients) * 31 + knots.hashCode();
    }

    @Override
    public String toString() {
        return "PairTerm[" + first + "-" + second + ", " + knots + "]";
    }
}

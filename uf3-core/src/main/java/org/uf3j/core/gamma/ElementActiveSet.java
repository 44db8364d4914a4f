package org.uf3j.core.gamma;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The active set of one element (the element of the central atom): how an atom's per-atom
 * energy features are gathered from the raw B-spline basis sums of the model's terms, and the
 * inverse A⁻¹ of the d × d matrix whose rows are the feature vectors of the d training atoms
 * that maxvol chose. The extrapolation grade of an atom with features x is max_j |(x A⁻¹)_j|.
 *
 * <p>{@code termIndex} maps a term name ("2B W W", "3B W W W", as in the {@code .uf3} file) to
 * one entry per raw coefficient of that term (flat index, [l][m][n] row-major for triplets): the
 * feature the coefficient's basis sum adds to, {@link #IGNORED} (frozen, or linearly dependent on
 * the others in the training set) or {@link #UNSEEN} (never non-zero for a training atom of this
 * element: a non-zero value makes the grade infinite). Immutable.
 */
public final class ElementActiveSet {
    /** A raw coefficient that adds to no feature. */
    public static final int IGNORED = -1;
    /** A raw coefficient no training atom ever touched. */
    public static final int UNSEEN = -2;

    private final String element;
    private final int dimension;
    private final int oneBodyFeature;
    private final Map<String, int[]> termIndex;
    private final double[] inverse;
    private final String[] origins;

    /**
     * @param oneBodyFeature feature of the constant 1 (the one-body energy column), or −1
     * @param inverse        A⁻¹, d × d row-major
     * @param origins        for each active-set row, where its atom came from (free text), or null
     */
    public ElementActiveSet(String element, int dimension, int oneBodyFeature, Map<String, int[]> termIndex, double[] inverse,
            String[] origins) {
        if (inverse.length != dimension * dimension) {
            throw new IllegalArgumentException("inverse of element " + element + " has " + inverse.length + " entries, expected "
                    + dimension + "²");
        }
        this.element = element;
        this.dimension = dimension;
        this.oneBodyFeature = oneBodyFeature;
        Map<String, int[]> copy = new LinkedHashMap<>();
        termIndex.forEach((k, v) -> copy.put(k, v.clone()));
        this.termIndex = Collections.unmodifiableMap(copy);
        this.inverse = inverse.clone();
        this.origins = origins == null ? null : origins.clone();
    }

    public String element() {
        return element;
    }

    /** Number of features d (rows and columns of A⁻¹). */
    public int dimension() {
        return dimension;
    }

    public int oneBodyFeature() {
        return oneBodyFeature;
    }

    /** Term names this element's features use, in file order. */
    public Iterable<String> terms() {
        return termIndex.keySet();
    }

    /** The feature index of every raw coefficient of a term, or null when the term is not used. */
    public int[] index(String term) {
        int[] v = termIndex.get(term);
        return v == null ? null : v.clone();
    }

    /** Internal array (no copy) for the hot loop of {@link AtomFeatures}. */
    int[] indexView(String term) {
        return termIndex.get(term);
    }

    /** Entry (k, j) of A⁻¹. */
    public double inverse(int k, int j) {
        return inverse[k * dimension + j];
    }

    double[] inverseView() {
        return inverse;
    }

    /** Where each active-set row came from, or null when not recorded. */
    public String[] origins() {
        return origins == null ? null : origins.clone();
    }

    /** γ of a feature vector: max_j |(x A⁻¹)_j|. */
    public double grade(double[] x) {
        return grade(x, new double[dimension]);
    }

    /** γ of a feature vector with a work array of length ≥ d (x A⁻¹ row by row, zero features skipped). */
    public double grade(double[] x, double[] work) {
        return grade(x, inverse, dimension, work);
    }

    /**
     * The one definition of γ = max_j |(x A⁻¹)_j| for any d × d row-major {@code inverse} (also the
     * changing inverse {@code uf3 select} keeps), with a work array of length ≥ d; zero features skipped.
     */
    public static double grade(double[] x, double[] inverse, int d, double[] work) {
        java.util.Arrays.fill(work, 0, d, 0.0);
        for (int k = 0; k < d; k++) {
            double xk = x[k];
            if (xk == 0.0) {
                continue;
            }
            int o = k * d;
            for (int j = 0; j < d; j++) {
                work[j] += xk * inverse[o + j];
            }
        }
        double best = 0;
        for (int j = 0; j < d; j++) {
            best = Math.max(best, Math.abs(work[j]));
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ElementActiveSet e)) {
            return false;
        }
        if (!element.equals(e.element) || dimension != e.dimension || oneBodyFeature != e.oneBodyFeature
                || !Arrays.equals(inverse, e.inverse) || !termIndex.keySet().equals(e.termIndex.keySet())) {
            return false;
        }
        for (Map.Entry<String, int[]> t : termIndex.entrySet()) {
            if (!Arrays.equals(t.getValue(), e.termIndex.get(t.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return element.hashCode() * 31 + dimension;
    }
}

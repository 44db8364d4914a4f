package org.uf3j.cli.fit;

import java.util.List;
import org.uf3j.core.model.Elements;

/** Checked readers of the values several configuration sections share: distances, knot counts, element keys, λ lists. */
final class ConfigValues {
    private ConfigValues() {
    }

    /** A distance in Å, at least 0. */
    static double distance(Node n) {
        double v = n.number();
        if (v < 0) {
            throw n.error("negative cutoff " + v + " Å: distances must be >= 0");
        }
        return v;
    }

    /** A distance in Å, or {@code fallback} when the key is missing. */
    static double distance(Node n, double fallback) {
        return n.isMissing() ? fallback : distance(n);
    }

    /** A number of knot intervals in [1, 500]. */
    static int resolution(Node n) {
        int v = n.integer();
        if (v < 1) {
            throw n.error("the number of knot intervals must be at least 1, got " + v);
        }
        if (v > 500) {
            throw n.error("the number of knot intervals must be at most 500, got " + v);
        }
        return v;
    }

    /** A number of knot intervals, or {@code fallback} when the key is missing. */
    static int resolution(Node n, int fallback) {
        return n.isMissing() ? fallback : resolution(n);
    }

    /** r_min < r_max, and r_min > 0 for geometric and inverse spacing; errors name the key of the section {@code n}. */
    static void checkRange(Node n, double rMin, double rMax, boolean needsPositive) {
        if (!(rMin < rMax)) {
            throw n.get("r_max").error("r_min (" + rMin + " Å) must be smaller than r_max (" + rMax + " Å)");
        }
        if (needsPositive && rMin <= 0) {
            throw n.get("r_min").error("geometric and inverse knot spacing need r_min > 0, got " + rMin);
        }
    }

    /** The elements of a pair key 'A-B' ({@code count} 2) or triplet key 'C-A-B' ({@code count} 3), checked. */
    static String[] elementKey(Node where, String key, int count, List<String> elements) {
        String[] parts = key.split("-", -1);
        if (parts.length != count) {
            throw where.error("expected " + (count == 2 ? "a pair key 'A-B', e.g. W-W" : "a triplet key 'C-A-B' "
                    + "(centre first), e.g. W-W-W") + ", found '" + key + "'");
        }
        for (String p : parts) {
            if (!Elements.isElement(p)) {
                throw where.error("'" + p + "' is not a chemical element symbol");
            }
            if (elements != null && !elements.contains(p)) {
                throw where.error("element " + p + " is not one of the elements " + elements);
            }
        }
        return parts;
    }

    /** One number or a list of numbers, each at least 0 (regularisation strengths), or {@code fallback}. */
    static double[] nonNegative(Node n, double[] fallback) {
        if (n.isMissing()) {
            return fallback;
        }
        double[] v = n.numbers();
        for (double d : v) {
            if (d < 0) {
                throw n.error("regularisation strengths must be >= 0, got " + d);
            }
        }
        return v;
    }
}

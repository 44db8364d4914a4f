package org.uf3j.cli.fit;

import java.util.Set;

/**
 * Knots of one 2-body axis as configured: inner radius, cutoff (Å) and number of intervals
 * ({@code two_body} and each entry of {@code two_body.pairs}).
 */
public record Knots(double rMin, double rMax, int resolution) {
    /** Keys of a {@code two_body.pairs} entry. */
    static final Set<String> KEYS = Set.of("r_min", "r_max", "resolution");

    /** Reads r_min, r_max, resolution; with a {@code fallback}, missing keys take its values. */
    static Knots read(Node n, Knots fallback, boolean needsPositive) {
        double rMin = fallback == null ? ConfigValues.distance(n.get("r_min"))
                : ConfigValues.distance(n.get("r_min"), fallback.rMin());
        double rMax = fallback == null ? ConfigValues.distance(n.get("r_max"))
                : ConfigValues.distance(n.get("r_max"), fallback.rMax());
        int res = fallback == null ? ConfigValues.resolution(n.get("resolution"))
                : ConfigValues.resolution(n.get("resolution"), fallback.resolution());
        ConfigValues.checkRange(n, rMin, rMax, needsPositive);
        return new Knots(rMin, rMax, res);
    }
}

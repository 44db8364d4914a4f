package org.uf3j.cli.fit;

import java.util.Set;

/**
 * Knots of a 3-body term as configured: legs ij and ik on [r_min, r_max] with {@code resolution}
 * intervals, leg jk on [r_min, 2 r_max] ({@code ModelSpec.jkLeg}) with {@code resolutionJk}.
 */
public record TripletKnots(double rMin, double rMax, int resolution, int resolutionJk) {
    /** Keys of a {@code three_body.triplets} entry. */
    static final Set<String> KEYS = Set.of("r_min", "r_max", "resolution", "resolution_jk");

    /**
     * Reads r_min, r_max, resolution, resolution_jk; with a {@code fallback}, missing keys take its
     * values (resolution_jk: the fallback's when resolution is missing too, else 2 × resolution).
     */
    static TripletKnots read(Node n, TripletKnots fallback, boolean needsPositive) {
        double rMin = fallback == null ? ConfigValues.distance(n.get("r_min"))
                : ConfigValues.distance(n.get("r_min"), fallback.rMin());
        double rMax = fallback == null ? ConfigValues.distance(n.get("r_max"))
                : ConfigValues.distance(n.get("r_max"), fallback.rMax());
        int res = fallback == null ? ConfigValues.resolution(n.get("resolution"))
                : ConfigValues.resolution(n.get("resolution"), fallback.resolution());
        ConfigValues.checkRange(n, rMin, rMax, needsPositive);
        int resJk;
        if (n.get("resolution_jk").isMissing()) {
            resJk = fallback != null && n.get("resolution").isMissing() ? fallback.resolutionJk() : 2 * res;
        } else {
            resJk = ConfigValues.resolution(n.get("resolution_jk"));
        }
        return new TripletKnots(rMin, rMax, res, resJk);
    }
}

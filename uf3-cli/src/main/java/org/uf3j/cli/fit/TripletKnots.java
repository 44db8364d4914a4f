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
        Knots legs = Knots.read(n, fallback == null ? null : fallback.legs(), needsPositive);
        double rMin = legs.rMin();
        double rMax = legs.rMax();
        int res = legs.resolution();
        int resJk;
        if (n.get("resolution_jk").isMissing()) {
            resJk = fallback != null && n.get("resolution").isMissing() ? fallback.resolutionJk() : 2 * res;
        } else {
            resJk = ConfigValues.resolution(n.get("resolution_jk"));
        }
        return new TripletKnots(rMin, rMax, res, resJk);
    }

    /** The knots of the ij and ik legs. */
    Knots legs() {
        return new Knots(rMin, rMax, resolution);
    }
}

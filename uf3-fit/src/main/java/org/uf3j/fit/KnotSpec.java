package org.uf3j.fit;

import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.basis.KnotSpacing;

/**
 * One knot axis of a term as the user asks for it: inner radius, outer radius (the cutoff of
 * that axis) and the number of knot intervals ("resolution"); gives {@code intervals + 3} cubic
 * basis functions.
 */
public record KnotSpec(double rMin, double rMax, int intervals) {

    public KnotSpec {
        if (intervals < 1) {
            throw new IllegalArgumentException("a knot axis needs at least 1 interval, got " + intervals);
        }
        if (!(rMin >= 0) || !(rMax > rMin) || !Double.isFinite(rMax)) {
            throw new IllegalArgumentException("a knot axis needs 0 <= r_min < r_max, got r_min=" + rMin + ", r_max=" + rMax);
        }
    }

    /** The clamped knot sequence of this axis with the given spacing. */
    public KnotSequence knots(KnotSpacing spacing) {
        return KnotSequence.create(spacing, rMin, rMax, intervals);
    }
}

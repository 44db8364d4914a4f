package org.uf3j.core.basis;

/** How the interior knots of a {@link KnotSequence} are spaced between the inner and outer radius. */
public enum KnotSpacing {
    /** Equal steps in r (the uf3 default). */
    LINEAR,
    /** Equal ratios r_{k+1}/r_k: denser at short range. */
    GEOMETRIC,
    /** Equal steps in 1/r: densest at short range, where potentials are steep. */
    INVERSE
}

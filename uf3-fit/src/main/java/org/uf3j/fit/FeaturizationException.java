package org.uf3j.fit;

/** A configuration whose rows cannot be computed (atoms closer than a first knot, unknown element). */
public final class FeaturizationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeaturizationException(String message) {
        super(message);
    }
}

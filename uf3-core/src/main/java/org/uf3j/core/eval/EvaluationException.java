package org.uf3j.core.eval;

/** A structure that the potential cannot evaluate (missing element, atoms closer than the first knot). */
public final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvaluationException(String message) {
        super(message);
    }
}

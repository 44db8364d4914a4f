package org.uf3j.fit;

/**
 * A fit refused before any work because its {@link MemoryPlan} does not fit the heap; the message
 * says what to change. An IllegalArgumentException: the settings are too large for this JVM.
 */
public final class InsufficientMemoryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InsufficientMemoryException(String message) {
        super(message);
    }
}

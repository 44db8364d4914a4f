package org.uf3j.fit;

/**
 * Progress of a fit, for progress bars. Methods may be called from worker threads (implementations
 * must be thread-safe) and should return quickly. All methods default to doing nothing.
 */
public interface FitProgress {
    /** Does nothing. */
    FitProgress NONE = new FitProgress() {
    };

    /**
     * A stage starts: "featurising" (units: configurations) or "solving" (units: linear systems,
     * cross-validation fits plus the final solve).
     */
    default void stage(String name, long total) {
    }

    /** {@code count} more units of the current stage are done. */
    default void advance(long count) {
    }
}

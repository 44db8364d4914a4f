package org.uf3j.fit;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The worker threads of the fitting stages (accumulation, cross-validation, calibration, prediction):
 * a pool of named daemon threads, and waiting for a task so that its own exception surfaces unwrapped.
 */
public final class Workers {
    private Workers() {}

    /** A fixed pool of {@code max(1, threads)} daemon threads named {@code name} (they never keep the JVM alive). */
    public static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread th = new Thread(r, name);
            th.setDaemon(true);
            return th;
        });
    }

    /**
     * Waits for {@code task}; rethrows its RuntimeException or Error as it was thrown (so one-line
     * messages reach the user), anything else wrapped. {@code what} completes "interrupted while …".
     */
    public static void join(Future<?> task, String what) {
        try {
            task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }
}

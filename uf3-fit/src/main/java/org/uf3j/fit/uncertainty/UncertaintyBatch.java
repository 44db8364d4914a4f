package org.uf3j.fit.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.Workers;

/**
 * {@link UncertaintyPredictor} over many structures on several threads: thread t takes structures
 * t, t + threads, …, each thread with its own predictor (kept between calls), one BLAS thread each.
 * The results do not depend on the number of threads.
 */
public final class UncertaintyBatch {
    private final UncertaintyPredictor[] predictors;

    public UncertaintyBatch(Posterior posterior, int threads) {
        predictors = new UncertaintyPredictor[Math.max(1, threads)];
        for (int t = 0; t < predictors.length; t++) {
            predictors[t] = new UncertaintyPredictor(posterior);
        }
    }

    /** The uncertainties of every configuration, in list order. */
    public Uncertainty[] predict(List<Configuration> configs) {
        Uncertainty[] out = new Uncertainty[configs.size()];
        int workers = Math.min(predictors.length, Math.max(1, configs.size()));
        if (workers == 1) {
            for (int i = 0; i < out.length; i++) {
                out[i] = predictors[0].predict(configs.get(i));
            }
            return out;
        }
        ExecutorService pool = Workers.pool(workers, "uf3-uncertainty");
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                final int lane = t;
                tasks.add(pool.submit(() -> {
                    for (int i = lane; i < out.length; i += workers) {
                        out[i] = predictors[lane].predict(configs.get(i));
                    }
                }));
            }
            for (Future<?> f : tasks) {
                Workers.join(f, "predicting uncertainties");
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }
}

package org.uf3j.fit.metrics;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.EvaluationException;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.structure.Configuration;

/**
 * The one way configurations are evaluated for their errors: in parallel on a fixed number of
 * threads, results in the order of the input; an evaluation error names the configuration's source.
 */
public final class BatchEvaluator {
    private final Evaluator evaluator;
    private final int threads;

    public BatchEvaluator(Evaluator evaluator, int threads) {
        this.evaluator = evaluator;
        this.threads = Math.max(1, threads);
    }

    /** Predictions in the order of {@code configs}. */
    public Evaluation[] evaluate(List<Configuration> configs) {
        return evaluate(configs, null);
    }

    /** Predictions in the order of {@code configs}; {@code onEach} (may be null) runs after every configuration. */
    public Evaluation[] evaluate(List<Configuration> configs, Runnable onEach) {
        Evaluation[] out = new Evaluation[configs.size()];
        if (threads == 1 || configs.size() < 2) {
            for (int i = 0; i < configs.size(); i++) {
                out[i] = evaluateOne(configs.get(i));
                if (onEach != null) {
                    onEach.run();
                }
            }
            return out;
        }
        RuntimeException[] failed = new RuntimeException[configs.size()];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, configs.size()).parallel().forEach(i -> {
                try {
                    out[i] = evaluateOne(configs.get(i));
                } catch (RuntimeException e) {
                    failed[i] = e;
                }
                if (onEach != null) {
                    onEach.run();
                }
            })).join();
        } finally {
            pool.shutdown();
        }
        for (RuntimeException e : failed) {
            if (e != null) {
                throw e; // the first failing configuration in file order, whatever thread met it first
            }
        }
        return out;
    }

    /** One configuration; an {@link EvaluationException} is re-thrown with the configuration's file and line. */
    public Evaluation evaluateOne(Configuration c) {
        try {
            return evaluator.evaluate(c.structure());
        } catch (EvaluationException e) {
            throw new EvaluationException(c.source() + ": " + e.getMessage());
        }
    }
}

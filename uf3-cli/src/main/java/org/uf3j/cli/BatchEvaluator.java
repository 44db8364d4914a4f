package org.uf3j.cli;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.EvaluationException;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.structure.Configuration;

/** Evaluates many configurations in parallel, keeping their order; errors name the configuration's source. */
public final class BatchEvaluator {
    private final JavaEvaluator evaluator;
    private final int threads;

    public BatchEvaluator(JavaEvaluator evaluator, int threads) {
        this.evaluator = evaluator;
        this.threads = Math.max(1, threads);
    }

    /** Predictions in the order of {@code configs}; each finished one steps the bar by 1. */
    public Evaluation[] evaluate(List<Configuration> configs, Progress.Bar bar) {
        Evaluation[] out = new Evaluation[configs.size()];
        RuntimeException[] failed = new RuntimeException[configs.size()];
        Runnable work = () -> IntStream.range(0, configs.size()).parallel().forEach(i -> {
            try {
                out[i] = evaluateOne(configs.get(i));
            } catch (RuntimeException e) {
                failed[i] = e;
            }
            if (bar != null) {
                bar.step(1);
            }
        });
        if (threads == 1 || configs.size() < 2) {
            for (int i = 0; i < configs.size(); i++) {
                out[i] = evaluateOne(configs.get(i));
                if (bar != null) {
                    bar.step(1);
                }
            }
            return out;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(work).join();
        } catch (RuntimeException e) {
            Throwable cause = ErrorMessages.unwrap(e);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw e;
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
            throw new CliException(c.source() + ": " + e.getMessage(), e);
        }
    }
}

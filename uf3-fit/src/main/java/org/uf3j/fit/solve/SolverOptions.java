package org.uf3j.fit.solve;

import java.util.Locale;

/**
 * Which dense Cholesky back end solves a system of n unknowns: EJML (pure Java, bit-for-bit
 * reproducible) below {@code threshold}, OpenBLAS LAPACK (multithreaded) from it on; or one of
 * them always. {@link #DEFAULT_THRESHOLD} is the crossover measured on a 2-core machine
 * ({@code org.uf3j.fit.bench.CholeskyCrossover}).
 *
 * @param backend   AUTO (by size), EJML or OPENBLAS
 * @param threshold n from which AUTO uses OpenBLAS
 * @param threads   BLAS threads for OpenBLAS
 */
public record SolverOptions(Backend backend, int threshold, int threads) {

    /** Unknowns from which OpenBLAS beats EJML here (measured; see the class comment). */
    public static final int DEFAULT_THRESHOLD = 200;

    /** The back-end choice. */
    public enum Backend {
        AUTO, EJML, OPENBLAS;

        /** Parses "auto", "ejml" or "openblas" (any case). */
        public static Backend parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("solver must be auto, ejml or openblas, got '" + s + "'");
            }
        }
    }

    public SolverOptions {
        if (backend == null) {
            throw new IllegalArgumentException("solver back end must not be null");
        }
        if (threshold < 1 || threads < 1) {
            throw new IllegalArgumentException("solver threshold and threads must be >= 1, got " + threshold + ", " + threads);
        }
    }

    /** AUTO with the measured threshold. */
    public static SolverOptions auto(int threads) {
        return new SolverOptions(Backend.AUTO, DEFAULT_THRESHOLD, threads);
    }

    /** EJML always (the reproducible reference). */
    public static SolverOptions ejml() {
        return new SolverOptions(Backend.EJML, DEFAULT_THRESHOLD, 1);
    }

    /** Whether a system of n unknowns goes to OpenBLAS. */
    public boolean usesLapack(int n) {
        return switch (backend) {
            case EJML -> false;
            case OPENBLAS -> true;
            case AUTO -> n >= threshold && LapackCholesky.available();
        };
    }

    /** The back end for n unknowns. */
    public DenseCholesky forSize(int n) {
        return usesLapack(n) ? new LapackCholesky(threads) : EjmlCholesky.INSTANCE;
    }
}

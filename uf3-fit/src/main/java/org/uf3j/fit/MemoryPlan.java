package org.uf3j.fit;

import java.util.Locale;

/**
 * The memory a fit will need, worked out from the sizes alone (columns, folds, κ candidates,
 * threads) before any configuration is read, and checked against the heap: the sums of the normal
 * equations are p×p doubles each (energy, force and, with virials, virial sums per fold and in
 * total), the accumulation lanes in flight hold one more set per worker, and the solver holds the
 * training matrix and its factorisations. When the per-fold sums do not fit they can live in a
 * temporary file ({@link FoldStore}), read back one fold at a time; when even that does not fit,
 * {@link #refusal()} says what to change. A pure function of its inputs, so it is tested as one.
 *
 * @param p           unknowns (columns)
 * @param leading     one-body and 2-body columns (the rest are 3-body)
 * @param folds       cross-validation folds (0 or 1: no cross-validation)
 * @param kappas      training κ candidates
 * @param workers     accumulation threads (at most the number of lanes)
 * @param virials     whether virial sums are kept
 * @param lapack      whether large factorisations use OpenBLAS (off-heap) rather than EJML (on-heap)
 * @param dataBytes   estimate of the training data held in memory
 * @param maxAtoms    atoms of the largest configuration assumed for the featuriser's work areas
 * @param heapBytes   the heap limit ({@code Runtime.maxMemory()})
 * @param posterior   whether the Bayesian posterior is computed: A⁻¹ (p×p) is built from the final
 *                    factor while it lives (with OpenBLAS the identity it solves is a second p×p off
 *                    heap), then kept for the calibration pass, whose workers each gather the
 *                    inverse's rows and columns of a structure (up to p×p each), and for posterior.uf3p
 */
public record MemoryPlan(int p, int leading, int folds, int kappas, int workers, boolean virials, boolean lapack,
                         long dataBytes, int maxAtoms, long heapBytes, boolean posterior) {

    /** A plan without a posterior. */
    public MemoryPlan(int p, int leading, int folds, int kappas, int workers, boolean virials, boolean lapack,
                      long dataBytes, int maxAtoms, long heapBytes) {
        this(p, leading, folds, kappas, workers, virials, lapack, dataBytes, maxAtoms, heapBytes, false);
    }

    /**
     * Fraction of the heap a plan may use. The rest is head-room for the collector and small objects,
     * and for fragmentation: every p×p sum is one humongous array, which G1 never moves, so a heap
     * filled to 80 % with them can fail to find a contiguous range (measured: the AlCoCrFeNi fit,
     * planned at 10.4 of 12.9 GB, ran out of memory in one of two runs). At 70 % that plan puts
     * the fold sums in a file instead.
     */
    public static final double USABLE = 0.70;

    /** Largest p for which a p×p matrix fits one Java array. */
    public static final int MAX_ARRAY_COLUMNS = 46_340;

    /** The plan for a fit with these settings, p from the layout. */
    public static MemoryPlan of(FitSettings settings, BasisLayout layout, boolean lapack, long dataBytes, long heapBytes) {
        int p = layout.size();
        int leading = layout.leadingColumns();
        // a posterior cross-validates even a single candidate (its noise comes from the CV residuals)
        int folds = settings.crossValidates() || settings.posterior() ? settings.folds() : 0;
        int workers = Math.min(settings.threads(), NormalEquations.LANES);
        return new MemoryPlan(p, leading, folds, settings.kappas().length, workers, settings.virialWeight() > 0, lapack,
                dataBytes, 256, heapBytes, settings.posterior());
    }

    private long matrix() {
        return (long) p * p * Double.BYTES;
    }

    private int grams() {
        return virials ? 3 : 2;
    }

    /** One set of normal-equation sums (energy, force and maybe virial Gram matrices). */
    public long sumSet() {
        return grams() * (matrix() + 2L * p * Double.BYTES);
    }

    /** The per-fold sums, all folds (0 without cross-validation). */
    public long foldSums() {
        return folds > 1 ? folds * sumSet() : 0;
    }

    /** Sums being accumulated: one set per worker plus the running total, and each worker's work areas. */
    public long accumulationLanes() {
        long scratch = matrix() / 2 + 2L * 3 * maxAtoms * p * Double.BYTES;
        return (workers + 1L) * sumSet() + workers * scratch;
    }

    private int large() {
        return p - leading;
    }

    /** On-heap solver memory during cross-validation: training matrices and each task's 3-body block. */
    public long crossValidationHeap() {
        if (folds < 2) {
            return 0;
        }
        long t = large();
        long block = t * t * Double.BYTES;
        long perTask = block + t * (leading + 1L) * Double.BYTES * 2 + (lapack ? 0 : block);
        return kappas * matrix() + workers * perTask;
    }

    /** Off-heap (native) memory: OpenBLAS' copies of the factored matrices. */
    public long offHeap() {
        if (!lapack) {
            return 0;
        }
        long t = large();
        long cv = folds > 1 ? workers * t * t * Double.BYTES : 0;
        return Math.max(cv, matrix() * (posterior ? 2 : 1));
    }

    /**
     * On-heap memory of the final solve: the total sums, the matrix and (EJML) its factor, and with a
     * posterior the inverse A⁻¹ made from the factor.
     */
    public long finalSolveHeap() {
        return sumSet() + matrix() * (lapack ? 2 : 3) + posteriorMatrix();
    }

    /** The posterior's p×p inverse (0 without a posterior). */
    public long posteriorMatrix() {
        return posterior ? matrix() : 0;
    }

    /**
     * On-heap memory after the final solve, with a posterior: the total sums, A⁻¹, and per calibration
     * worker the gathered block of it and two row arrays of a structure of {@code maxAtoms} (0 without
     * a posterior). The selection design M, formed after the calibration, needs the sums, A⁻¹ and M:
     * within this for any number of workers.
     */
    public long posteriorHeap() {
        long rows = 2L * (1 + 3L * maxAtoms) * p * Double.BYTES;
        return posterior ? sumSet() + matrix() * (1L + workers) + workers * rows : 0;
    }

    /** Peak heap with the fold sums in memory. */
    public long peakInMemory() {
        long accumulate = foldSums() + accumulationLanes();
        long cv = foldSums() + sumSet() + crossValidationHeap();
        return dataBytes + Math.max(Math.max(accumulate, cv), Math.max(finalSolveHeap(), posteriorHeap()));
    }

    /** Peak heap with the fold sums in a file: one fold read back at a time. */
    public long peakWithFoldFile() {
        long accumulate = accumulationLanes() + (folds > 1 ? sumSet() : 0);
        long cv = (folds > 1 ? 2 * sumSet() : 0) + crossValidationHeap();
        return dataBytes + Math.max(Math.max(accumulate, cv), Math.max(finalSolveHeap(), posteriorHeap()));
    }

    /** Bytes the fold file takes on disk. */
    public long foldFileBytes() {
        return foldSums();
    }

    private long usable() {
        return (long) (USABLE * heapBytes);
    }

    /** Whether a p×p matrix fits one Java array. */
    public boolean arraysFit() {
        return p <= MAX_ARRAY_COLUMNS;
    }

    /** Whether everything fits in the heap with the fold sums in memory. */
    public boolean fitsInMemory() {
        return arraysFit() && peakInMemory() <= usable();
    }

    /** Whether the fit runs at all: in memory, or with the fold sums in a file. */
    public boolean fits() {
        return fitsInMemory() || (arraysFit() && folds > 1 && peakWithFoldFile() <= usable());
    }

    /** Whether the fold sums should go to a file. */
    public boolean needsFoldFile() {
        return !fitsInMemory() && fits();
    }

    /** The plan in a few lines, for the log. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "memory plan: %,d unknowns (%,d one-/2-body, %,d 3-body), %s, %d κ, %d workers, "
                        + "%s solver%n", p, leading, large(), folds > 1 ? folds + " folds" : "no cross-validation", kappas,
                workers, lapack ? "OpenBLAS" : "EJML"));
        sb.append(String.format(Locale.ROOT, "  one set of sums %s; fold sums %s; accumulation lanes %s; solver %s on heap, %s off heap; "
                        + "data ~%s%n", mb(sumSet()), mb(foldSums()), mb(accumulationLanes()),
                mb(Math.max(crossValidationHeap(), finalSolveHeap())), mb(offHeap()), mb(dataBytes)));
        if (posterior) {
            sb.append(String.format(Locale.ROOT, "  posterior: A⁻¹ %s (in the solver figures); after the solve %s on heap "
                    + "(sums, A⁻¹, the calibration workers' blocks and rows)%n", mb(posteriorMatrix()), mb(posteriorHeap())));
        }
        sb.append(String.format(Locale.ROOT, "  peak heap %s with fold sums in memory", mb(peakInMemory())));
        if (folds > 1) {
            sb.append(String.format(Locale.ROOT, ", %s with them in a file (%s on disk)", mb(peakWithFoldFile()),
                    mb(foldFileBytes())));
        }
        sb.append(String.format(Locale.ROOT, "; heap limit %s (%.0f %% usable): %s", mb(heapBytes), USABLE * 100,
                fitsInMemory() ? "fits" : needsFoldFile() ? "fold sums go to a temporary file" : "DOES NOT FIT"));
        return sb.toString();
    }

    /** Null when the fit runs; otherwise one message naming what to change. */
    public String refusal() {
        if (fits()) {
            return null;
        }
        if (!arraysFit()) {
            return String.format(Locale.ROOT, "%,d unknowns exceed the %,d a p×p Java array can hold: use coarser 3-body knots "
                    + "(fewer intervals on the 3-body legs) or fewer elements", p, MAX_ARRAY_COLUMNS);
        }
        long need = folds > 1 ? peakWithFoldFile() : peakInMemory();
        long minHeap = (long) Math.ceil(need / USABLE);
        return String.format(Locale.ROOT, "the fit needs about %s of heap (%,d unknowns, %s), more than the %.0f %% of the "
                        + "%s limit it plans with (the rest is the JVM's and the garbage collector's): "
                        + "raise it with -Xmx%dg (UF3_JAVA_OPTS or JAVA_OPTS), %suse coarser 3-body knots "
                        + "(the sums grow as the square of the unknowns)%s",
                mb(need), p, folds > 1 ? folds + " folds" : "no cross-validation", 100 * USABLE, mb(heapBytes),
                (minHeap + (1L << 30) - 1) >> 30, workers > 1 ? "use fewer threads, " : "",
                folds > 1 ? "; the fold sums already go to a temporary file, so fewer folds save disk, not heap" : "");
    }

    private static String mb(long bytes) {
        return bytes >= 10L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%,d MB", Math.round(bytes / 1e6));
    }
}

package org.uf3j.cli.bench;

import java.util.Arrays;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;

/**
 * Wall time of the pure-Java evaluation of one structure on one thread: the neighbour list and
 * the energy, forces and virial from it, each the median over timed rounds after a warm-up that
 * lets the JIT compile the kernels.
 *
 * @param neighborListUs μs per atom to build the neighbour list
 * @param evaluateUs      μs per atom for energy, forces and virial from a built list
 * @param rounds          timed rounds behind each median
 */
public record JavaSpeed(double neighborListUs, double evaluateUs, int rounds) {
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long ROUND_NANOS = 300_000_000L;

    /** μs per atom for a whole evaluation (list + terms). */
    public double totalUs() {
        return neighborListUs + evaluateUs;
    }

    /** Times {@code ev} on {@code s}: a warm-up of about two seconds, then {@code rounds} rounds of about 0.3 s each. */
    public static JavaSpeed measure(JavaEvaluator ev, Structure s, int rounds) {
        double cutoff = ev.cutoff();
        long warmEnd = System.nanoTime() + WARM_UP_NANOS;
        int calls = 0;
        long oneCall = Long.MAX_VALUE;
        while (System.nanoTime() < warmEnd || calls < 3) {
            long t0 = System.nanoTime();
            ev.evaluate(s, NeighborList.build(s, cutoff));
            oneCall = Math.min(oneCall, System.nanoTime() - t0);
            calls++;
        }
        int perRound = (int) Math.max(1, Math.min(10_000, ROUND_NANOS / Math.max(1, oneCall)));
        double[] list = new double[rounds];
        double[] eval = new double[rounds];
        NeighborList nl = NeighborList.build(s, cutoff);
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int q = 0; q < perRound; q++) {
                nl = NeighborList.build(s, cutoff);
            }
            long t1 = System.nanoTime();
            for (int q = 0; q < perRound; q++) {
                ev.evaluate(s, nl);
            }
            long t2 = System.nanoTime();
            list[r] = (t1 - t0) * 1e-3 / perRound / s.size();
            eval[r] = (t2 - t1) * 1e-3 / perRound / s.size();
        }
        return new JavaSpeed(median(list), median(eval), rounds);
    }

    /** The median of v (the mean of the middle two for an even count). */
    public static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }
}

package org.uf3j.bench.paper;

import java.util.List;
import java.util.stream.IntStream;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;

/**
 * A model-free picture of an atom's environment: the sorted distances to its {@value #K} nearest
 * neighbours (bcc: 8 first + 6 second shell), missing neighbours within the search radius counted
 * at that radius. The distance between two atoms' environments is the RMS difference of these
 * vectors (Å); {@link #nearest} finds, for each query atom, the closest environment among a set of
 * training atoms by brute force.
 */
final class NeighbourShells {
    static final int K = 14;
    private static final double RADIUS = 5.0;

    private NeighbourShells() {
    }

    /** The descriptors of every atom of every configuration, K per atom, configuration by configuration. */
    static double[][] of(List<Configuration> configs) {
        double[][] out = new double[configs.size()][];
        IntStream.range(0, configs.size()).parallel().forEach(c -> out[c] = of(configs.get(c).structure()));
        return out;
    }

    private static double[] of(Structure s) {
        NeighborList nl = NeighborList.build(s, RADIUS);
        double[] d = new double[s.size() * K];
        for (int i = 0; i < s.size(); i++) {
            int n = nl.end(i) - nl.start(i);
            double[] r = new double[n];
            for (int e = nl.start(i); e < nl.end(i); e++) {
                r[e - nl.start(i)] = nl.distance(e);
            }
            java.util.Arrays.sort(r);
            for (int k = 0; k < K; k++) {
                d[i * K + k] = k < n ? r[k] : RADIUS;
            }
        }
        return d;
    }

    /** For each query row (K values), the RMS distance (Å) to the nearest of the reference rows. */
    static double[] nearest(double[] queries, double[] reference) {
        int nq = queries.length / K;
        int nr = reference.length / K;
        double[] out = new double[nq];
        IntStream.range(0, nq).parallel().forEach(q -> {
            double best = Double.POSITIVE_INFINITY;
            int o = q * K;
            for (int r = 0; r < nr; r++) {
                int p = r * K;
                double s = 0;
                for (int k = 0; k < K && s < best; k++) {
                    double t = queries[o + k] - reference[p + k];
                    s += t * t;
                }
                best = Math.min(best, s);
            }
            out[q] = Math.sqrt(best / K);
        });
        return out;
    }
}

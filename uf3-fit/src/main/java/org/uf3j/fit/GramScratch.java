package org.uf3j.fit;

import java.util.Arrays;

/**
 * One thread's work area for {@link Gram#addForceBlock}: the force rows of a configuration
 * compacted to its active columns, and the compact product, grown on demand and then reused.
 */
final class GramScratch {
    private final int columns;
    double[][] x = new double[0][];
    final double[][] g;
    final double[] h;

    GramScratch(int columns) {
        this.columns = columns;
        this.g = new double[columns][];
        for (int a = 0; a < columns; a++) {
            g[a] = new double[a + 1];
        }
        this.h = new double[columns];
    }

    /** Makes room for {@code rows} rows and clears the compact product of n columns. */
    void prepare(int rows, int n) {
        if (x.length < rows) {
            double[][] grown = Arrays.copyOf(x, Math.max(rows, 2 * x.length));
            for (int r = x.length; r < grown.length; r++) {
                grown[r] = new double[columns];
            }
            x = grown;
        }
        for (int a = 0; a < n; a++) {
            Arrays.fill(g[a], 0.0);
        }
        Arrays.fill(h, 0, n, 0.0);
    }
}

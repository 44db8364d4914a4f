package org.uf3j.fit.gamma;

import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.FeatureBlock;
import org.uf3j.fit.Featurizer;

/**
 * The rows one configuration would add to a fit once labelled, restricted to the columns it
 * touches: its energy row per atom (∂E/∂c / N, as the fit's energy rows) first, then its force rows
 * ∂F/∂c that are not identically zero (a force fixed by symmetry carries no information). The
 * labels are not needed: a pool of unlabelled structures gives the same rows. Immutable.
 */
public final class DesignRows {
    private final int[] columns;
    private final double[] rows; // k × m, row-major
    private final int count;

    /**
     * @param columns the touched columns, ascending (m of them)
     * @param rows    k × m row-major entries; row 0 is the energy row, rows 1.. are force rows
     */
    public DesignRows(int[] columns, double[] rows) {
        if (columns.length == 0 || rows.length % columns.length != 0 || rows.length == 0) {
            throw new IllegalArgumentException("design rows need at least one column and whole rows, got " + columns.length
                    + " columns and " + rows.length + " entries");
        }
        this.columns = columns.clone();
        this.rows = rows.clone();
        this.count = rows.length / columns.length;
    }

    /** The energy and force rows of {@code c}, computed in {@code block} (a work area of {@code fz}, overwritten). */
    public static DesignRows of(Featurizer fz, FeatureBlock block, Configuration c) {
        fz.featurize(c, block, true, false);
        int[] cols = block.activeColumns();
        int m = cols.length;
        int n = block.atoms();
        int fr = block.forceRows();
        double[] buf = new double[(1 + fr) * m];
        for (int a = 0; a < m; a++) {
            buf[a] = block.energy(cols[a]) / n;
        }
        int k = 1;
        for (int r = 0; r < fr; r++) {
            int o = k * m;
            boolean any = false;
            for (int a = 0; a < m; a++) {
                double v = block.force(r, cols[a]);
                buf[o + a] = v;
                any |= v != 0.0;
            }
            k += any ? 1 : 0;
        }
        double[] rows = new double[k * m];
        System.arraycopy(buf, 0, rows, 0, rows.length);
        return new DesignRows(cols, rows);
    }

    /** Number of rows k (1 energy row + the non-zero force rows). */
    public int rowCount() {
        return count;
    }

    /** Number of touched columns m. */
    public int columnCount() {
        return columns.length;
    }

    /** The q-th touched column. */
    public int column(int q) {
        return columns[q];
    }

    /** Entry (row, q), q indexing the touched columns. */
    public double get(int row, int q) {
        return rows[row * columns.length + q];
    }

    /** Row-major entries, read in place by this package. */
    double[] rowsView() {
        return rows;
    }

    int[] columnsView() {
        return columns;
    }
}

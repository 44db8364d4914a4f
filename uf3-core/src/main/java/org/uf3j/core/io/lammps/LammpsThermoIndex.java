package org.uf3j.core.io.lammps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.uf3j.core.io.Uf3FormatException;

/**
 * The thermo rows of a LAMMPS log reduced to what labelling dump frames needs: per row the step,
 * the potential energy and optionally the six components of a virial pressure tensor; looked up by
 * step. When a step occurs in several rows (e.g. the last step of one run and the first of the
 * next), the k-th dump frame at that step takes the k-th row (the last row once they run out).
 */
final class LammpsThermoIndex {
    private final String log;
    private final String energyColumn;
    private final List<String> virialColumns;
    private final List<List<String>> blockColumns = new ArrayList<>();
    private long[] steps = new long[64];
    private double[] energy = new double[64];
    private double[] virial;
    private int[] lines = new int[64];
    private int[] blocks = new int[64];
    private boolean[] normalized = new boolean[64];
    private int n;
    private int[] order;
    private boolean[] used;

    /** One matched row: energy (eV, NaN when the row has none), virial pressure (bar, or null), normalisation. */
    record Row(double energy, double[] pressure, boolean normalized, int line, List<String> columns) {
    }

    /**
     * Reads every thermo row of the log.
     *
     * @param energyColumn  column with the potential energy, or null for PotEng (else E_pair + E_mol)
     * @param virialColumns six columns of a virial-only pressure tensor (bar; xx yy zz xy xz yz), or null
     */
    LammpsThermoIndex(LammpsLogReader rows, String energyColumn, List<String> virialColumns) {
        this.log = rows.name();
        this.energyColumn = energyColumn;
        this.virialColumns = virialColumns;
        if (virialColumns != null) {
            virial = new double[6 * 64];
        }
        int lastBlock = -1;
        while (rows.hasNext()) {
            LammpsLogReader.ThermoRow r = rows.next();
            if (r.units() != null && !r.units().equals("metal")) {
                throw Uf3FormatException.atLine(log, r.line(), "the log runs in 'units " + r.units() + "'; only metal "
                        + "units (eV, Å, bar) are read");
            }
            if (r.block() != lastBlock) {
                blockColumns.add(r.columns());
                lastBlock = r.block();
            }
            add(r, blockColumns.size() - 1);
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Long.compare(steps[a], steps[b])); // stable: file order within a step
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = idx[i];
        }
        used = new boolean[n];
    }

    /** Number of thermo rows. */
    int size() {
        return n;
    }

    /** The log file name. */
    String name() {
        return log;
    }

    private void add(LammpsLogReader.ThermoRow r, int block) {
        if (n == steps.length) {
            int m = 2 * n;
            steps = Arrays.copyOf(steps, m);
            energy = Arrays.copyOf(energy, m);
            lines = Arrays.copyOf(lines, m);
            blocks = Arrays.copyOf(blocks, m);
            normalized = Arrays.copyOf(normalized, m);
            if (virial != null) {
                virial = Arrays.copyOf(virial, 6 * m);
            }
        }
        steps[n] = r.step();
        lines[n] = r.line();
        blocks[n] = block;
        normalized[n] = r.normalized();
        energy[n] = energyOf(r);
        if (virial != null) {
            for (int k = 0; k < 6; k++) {
                virial[6 * n + k] = r.value(virialColumns.get(k));
            }
        }
        n++;
    }

    private double energyOf(LammpsLogReader.ThermoRow r) {
        if (energyColumn != null) {
            return r.value(energyColumn);
        }
        if (r.column("PotEng") >= 0) {
            return r.value("PotEng");
        }
        if (r.column("E_pair") >= 0) {
            return r.value("E_pair") + (r.column("E_mol") >= 0 ? r.value("E_mol") : 0.0);
        }
        return Double.NaN;
    }

    /** The row for a dump frame at {@code step}, or null when the log has no row at that step. */
    Row take(long step) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps[order[mid]] < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == n || steps[order[lo]] != step) {
            return null;
        }
        int pick = -1;
        for (int k = lo; k < n && steps[order[k]] == step; k++) {
            pick = order[k];
            if (!used[pick]) {
                used[pick] = true;
                break;
            }
        }
        double[] p = null;
        if (virial != null) {
            p = Arrays.copyOfRange(virial, 6 * pick, 6 * pick + 6);
        }
        return new Row(energy[pick], p, normalized[pick], lines[pick], blockColumns.get(blocks[pick]));
    }

    /** What a thermo table would need for the requested energy, for messages. */
    String energyDescription() {
        return energyColumn != null ? "column " + energyColumn : "column PotEng (or E_pair)";
    }
}

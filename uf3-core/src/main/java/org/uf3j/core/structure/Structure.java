package org.uf3j.core.structure;

import java.util.Arrays;
import java.util.List;
import org.uf3j.core.model.Elements;

/**
 * Atoms: element symbols and Cartesian positions (Å) in a {@link Cell}, or with no cell for an
 * isolated cluster. Immutable; positions are stored flat as x0, y0, z0, x1, ...
 */
public final class Structure {
    private final String[] symbols;
    private final double[] positions;
    private final Cell cell;

    /**
     * @param symbols   element of each atom
     * @param positions 3N Cartesian coordinates, Å
     * @param cell      the cell, or null for a non-periodic cluster
     */
    public Structure(String[] symbols, double[] positions, Cell cell) {
        if (positions.length != 3 * symbols.length) {
            throw new IllegalArgumentException(symbols.length + " atoms but " + positions.length + " coordinates");
        }
        for (String s : symbols) {
            if (!Elements.isElement(s)) {
                throw new IllegalArgumentException("unknown element symbol '" + s + "'");
            }
        }
        for (int i = 0; i < positions.length; i++) {
            if (!Double.isFinite(positions[i])) {
                throw new IllegalArgumentException("atom " + (i / 3) + " has a non-finite coordinate " + positions[i]);
            }
        }
        this.symbols = symbols.clone();
        this.positions = positions.clone();
        this.cell = cell;
    }

    public int size() {
        return symbols.length;
    }

    public String symbol(int atom) {
        return symbols[atom];
    }

    public String[] symbols() {
        return symbols.clone();
    }

    /** Distinct elements present, sorted by atomic number. */
    public List<String> elements() {
        return Elements.sorted(Arrays.asList(symbols));
    }

    public double x(int atom, int k) {
        return positions[3 * atom + k];
    }

    /** A copy of the 3N positions. */
    public double[] positions() {
        return positions.clone();
    }

    /** The cell, or null when the structure is a non-periodic cluster. */
    public Cell cell() {
        return cell;
    }

    public boolean isPeriodic() {
        return cell != null && (cell.periodic(0) || cell.periodic(1) || cell.periodic(2));
    }

    /** Same atoms at other positions (same cell). */
    public Structure withPositions(double[] newPositions) {
        return new Structure(symbols, newPositions, cell);
    }

    /** Same atoms in another cell. */
    public Structure withCell(Cell newCell) {
        return new Structure(symbols, positions, newCell);
    }

    /** The n1 x n2 x n3 supercell (requires a cell). */
    public Structure supercell(int n1, int n2, int n3) {
        if (cell == null) {
            throw new IllegalStateException("a cluster has no supercell");
        }
        int n = size();
        int reps = n1 * n2 * n3;
        String[] s = new String[n * reps];
        double[] p = new double[3 * n * reps];
        int at = 0;
        for (int a = 0; a < n1; a++) {
            for (int b = 0; b < n2; b++) {
                for (int c = 0; c < n3; c++) {
                    for (int i = 0; i < n; i++) {
                        s[at] = symbols[i];
                        for (int k = 0; k < 3; k++) {
                            p[3 * at + k] = positions[3 * i + k] + a * cell.vector(0, k) + b * cell.vector(1, k)
                                    + c * cell.vector(2, k);
                        }
                        at++;
                    }
                }
            }
        }
        double[] v = cell.vectors();
        for (int k = 0; k < 3; k++) {
            v[k] *= n1;
            v[3 + k] *= n2;
            v[6 + k] *= n3;
        }
        return new Structure(s, p, new Cell(v, cell.pbc()));
    }
}

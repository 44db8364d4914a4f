package org.uf3j.fit.gamma;

import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;

/** Test structures squeezed or stretched uniformly: positions and cell vectors times one factor. */
final class ScaledStructures {
    private ScaledStructures() {
    }

    /** {@code s} with every position and cell vector multiplied by {@code f} (fractional coordinates kept). */
    static Structure scaled(Structure s, double f) {
        double[] x = s.positions();
        double[] v = s.cell().vectors();
        for (int k = 0; k < x.length; k++) {
            x[k] *= f;
        }
        for (int k = 0; k < v.length; k++) {
            v[k] *= f;
        }
        return new Structure(s.symbols(), x, new Cell(v, s.cell().pbc()));
    }
}

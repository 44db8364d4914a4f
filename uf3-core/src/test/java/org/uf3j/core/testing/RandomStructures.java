package org.uf3j.core.testing;

import java.util.List;
import java.util.Random;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;

/** Random periodic structures for tests: jittered lattices in triclinic cells, no atoms too close. */
public final class RandomStructures {
    private RandomStructures() {
    }

    /** bcc lattice (n×n×n conventional cells, lattice constant a) in a sheared cell, jittered by {@code jitter} Å. */
    public static Structure bcc(long seed, List<String> elements, double a, int n, double jitter, double shear) {
        Random rnd = new Random(seed);
        double[] cell = {n * a, 0, 0, shear * n * a, n * a, 0, 0.5 * shear * n * a, -0.3 * shear * n * a, n * a};
        int atoms = 2 * n * n * n;
        String[] s = new String[atoms];
        double[] p = new double[3 * atoms];
        int at = 0;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                for (int z = 0; z < n; z++) {
                    for (int basis = 0; basis < 2; basis++) {
                        double h = 0.5 * basis;
                        double fx = (x + h) / n, fy = (y + h) / n, fz = (z + h) / n;
                        for (int k = 0; k < 3; k++) {
                            p[3 * at + k] = fx * cell[k] + fy * cell[3 + k] + fz * cell[6 + k] + jitter * rnd.nextGaussian();
                        }
                        s[at] = elements.get(rnd.nextInt(elements.size()));
                        at++;
                    }
                }
            }
        }
        return new Structure(s, p, new Cell(cell, new boolean[] {true, true, true}));
    }
}

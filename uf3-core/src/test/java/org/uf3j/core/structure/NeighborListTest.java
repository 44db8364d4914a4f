package org.uf3j.core.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NeighborListTest {

    /** Brute force over an explicit range of images: the independent reference. */
    private static List<String> bruteForce(Structure s, double cutoff, int reach) {
        List<String> out = new ArrayList<>();
        Cell c = s.cell();
        for (int i = 0; i < s.size(); i++) {
            for (int j = 0; j < s.size(); j++) {
                for (int a = -reach; a <= reach; a++) {
                    for (int b = -reach; b <= reach; b++) {
                        for (int d = -reach; d <= reach; d++) {
                            if (i == j && a == 0 && b == 0 && d == 0) {
                                continue;
                            }
                            double[] v = new double[3];
                            for (int k = 0; k < 3; k++) {
                                v[k] = s.x(j, k) - s.x(i, k);
                                if (c != null) {
                                    v[k] += a * c.vector(0, k) + b * c.vector(1, k) + d * c.vector(2, k);
                                }
                            }
                            double r = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                            if (r < cutoff) {
                                out.add(key(i, j, v));
                            }
                        }
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String key(int i, int j, double[] v) {
        return String.format("%d %d %.6f %.6f %.6f", i, j, v[0] + 0.0, v[1] + 0.0, v[2] + 0.0);
    }

    private static List<String> fromList(NeighborList nl) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nl.atomCount(); i++) {
            for (int e = nl.start(i); e < nl.end(i); e++) {
                out.add(key(i, nl.neighbor(e), new double[] {nl.vector(e, 0), nl.vector(e, 1), nl.vector(e, 2)}));
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void matchesBruteForceInSkewedCellSmallerThanCutoff() {
        Random rnd = new Random(11);
        double[] cell = {3.1, 0, 0, 1.4, 2.9, 0, -0.8, 0.9, 3.3};
        int n = 3;
        String[] sym = {"W", "W", "Nb"};
        double[] p = new double[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            p[i] = 5 * rnd.nextDouble() - 1; // some atoms outside the cell
        }
        Structure s = new Structure(sym, p, new Cell(cell, new boolean[] {true, true, true}));
        double cutoff = 6.3;
        List<String> expected = bruteForce(s, cutoff, 5);
        List<String> got = fromList(NeighborList.build(s, cutoff));
        assertEquals(expected.size(), got.size());
        assertEquals(expected, got);
    }

    @Test
    void matchesBruteForceInLargeBoxAndCluster() {
        Random rnd = new Random(5);
        int n = 200;
        String[] sym = new String[n];
        double[] p = new double[3 * n];
        for (int i = 0; i < n; i++) {
            sym[i] = "Si";
            for (int k = 0; k < 3; k++) {
                p[3 * i + k] = 14 * rnd.nextDouble();
            }
        }
        Structure periodic = new Structure(sym, p, Cell.orthorhombic(14, 14, 14));
        assertEquals(bruteForce(periodic, 3.7, 1), fromList(NeighborList.build(periodic, 3.7)));
        Structure cluster = new Structure(sym, p, null);
        assertEquals(bruteForce(cluster, 3.7, 0), fromList(NeighborList.build(cluster, 3.7)));
    }
}

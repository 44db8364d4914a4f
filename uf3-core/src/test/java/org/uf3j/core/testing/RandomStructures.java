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

    /** A random triclinic periodic cell of roughly {@code edge} Å with {@code n} atoms at least dMin apart. */
    public static Structure periodic(Random rnd, int n, double edge, double dMin, String... elements) {
        double[] v = {edge, 0, 0, 0, edge, 0, 0, 0, edge};
        for (int q = 0; q < 9; q++) {
            v[q] += (rnd.nextDouble() - 0.5) * 0.3 * edge * (q % 4 == 0 ? 0.3 : 1.0);
        }
        Cell cell = new Cell(v, new boolean[] {true, true, true});
        double[] pos = new double[3 * n];
        String[] sym = new String[n];
        int placed = 0;
        int tries = 0;
        while (placed < n) {
            if (++tries > 200000) {
                throw new IllegalStateException("cannot place " + n + " atoms " + dMin + " apart");
            }
            double f0 = rnd.nextDouble(), f1 = rnd.nextDouble(), f2 = rnd.nextDouble();
            double x = f0 * v[0] + f1 * v[3] + f2 * v[6];
            double y = f0 * v[1] + f1 * v[4] + f2 * v[7];
            double z = f0 * v[2] + f1 * v[5] + f2 * v[8];
            boolean ok = true;
            for (int a = 0; a < placed && ok; a++) {
                ok = minImageDistance(v, x - pos[3 * a], y - pos[3 * a + 1], z - pos[3 * a + 2]) >= dMin;
            }
            if (ok) {
                pos[3 * placed] = x;
                pos[3 * placed + 1] = y;
                pos[3 * placed + 2] = z;
                sym[placed] = elements[placed % elements.length];
                placed++;
            }
        }
        return new Structure(sym, pos, cell);
    }

    /** Smallest |d + a·v0 + b·v1 + c·v2| over small image shifts (enough for near-cubic cells). */
    public static double minImageDistance(double[] v, double dx, double dy, double dz) {
        double best = Double.POSITIVE_INFINITY;
        for (int a = -2; a <= 2; a++) {
            for (int b = -2; b <= 2; b++) {
                for (int c = -2; c <= 2; c++) {
                    double x = dx + a * v[0] + b * v[3] + c * v[6];
                    double y = dy + a * v[1] + b * v[4] + c * v[7];
                    double z = dz + a * v[2] + b * v[5] + c * v[8];
                    best = Math.min(best, Math.sqrt(x * x + y * y + z * z));
                }
            }
        }
        return best;
    }

    /** Moves every atom by a random displacement of up to {@code amplitude} Å per component. */
    public static Structure rattle(Random rnd, Structure s, double amplitude) {
        double[] p = s.positions();
        for (int q = 0; q < p.length; q++) {
            p[q] += (2 * rnd.nextDouble() - 1) * amplitude;
        }
        return s.withPositions(p);
    }

    /** Conventional cubic cell of a lattice ("fcc", "bcc", "sc", "diamond") with lattice constant a. */
    public static Structure cubic(String lattice, double a, String element) {
        double[][] basis = switch (lattice) {
            case "fcc" -> new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
            case "bcc" -> new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}};
            case "sc" -> new double[][] {{0, 0, 0}};
            case "diamond" -> new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
                {0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}};
            default -> throw new IllegalArgumentException(lattice);
        };
        String[] sym = new String[basis.length];
        double[] pos = new double[3 * basis.length];
        for (int i = 0; i < basis.length; i++) {
            sym[i] = element;
            for (int k = 0; k < 3; k++) {
                pos[3 * i + k] = basis[i][k] * a;
            }
        }
        return new Structure(sym, pos, Cell.orthorhombic(a, a, a));
    }
}

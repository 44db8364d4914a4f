package org.uf3j.properties;

import java.util.List;

/**
 * High-symmetry points of the cubic Brillouin zones (Cartesian, in units of 2π/a) and the usual
 * paths through them: bcc Γ–H–P–Γ–N, fcc Γ–X–W–K–Γ–L, sc Γ–X–M–Γ–R–X.
 */
public final class BrillouinPath {
    private BrillouinPath() {
    }

    /** A labelled point; q in units of 2π/a along the cubic axes. */
    public record Point(String label, double qx, double qy, double qz) {
        /** Cartesian wave vector in 1/Å (2π included) for lattice constant a. */
        public double[] cartesian(double a) {
            double s = 2 * Math.PI / a;
            return new double[] {qx * s, qy * s, qz * s};
        }
    }

    public static final Point GAMMA = new Point("Γ", 0, 0, 0);

    /** The standard path of a cubic Bravais lattice (diamond shares fcc's zone). */
    public static List<Point> standard(CubicLattice lattice) {
        return switch (lattice) {
            case BCC -> {
                Point h = new Point("H", 0, 1, 0);
                Point p = new Point("P", 0.5, 0.5, 0.5);
                Point n = new Point("N", 0.5, 0.5, 0);
                yield List.of(GAMMA, h, p, GAMMA, n);
            }
            case FCC, DIAMOND, ZINCBLENDE -> {
                Point x = new Point("X", 0, 1, 0);
                Point w = new Point("W", 0.5, 1, 0);
                Point k = new Point("K", 0.75, 0.75, 0);
                Point l = new Point("L", 0.5, 0.5, 0.5);
                yield List.of(GAMMA, x, w, k, GAMMA, l);
            }
            case SC -> {
                Point x = new Point("X", 0, 0.5, 0);
                Point m = new Point("M", 0.5, 0.5, 0);
                Point r = new Point("R", 0.5, 0.5, 0.5);
                yield List.of(GAMMA, x, m, GAMMA, r, x);
            }
        };
    }
}

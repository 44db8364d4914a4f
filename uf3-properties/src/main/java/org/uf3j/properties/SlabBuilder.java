package org.uf3j.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;

/**
 * Orthogonal cells of a cubic crystal rotated so that a low-index surface normal is z: the periodic
 * oriented bulk box, and the slab made from it by opening a vacuum gap along z. The box edges are
 * a·[uvw] for the integer directions of {@link SurfaceOrientation} (lattice vectors of every cubic
 * lattice, so the box is a true supercell); atoms are found by enumerating lattice sites inside it
 * and their number is checked against box volume / volume per atom.
 */
public final class SlabBuilder {
    /** Fractional tolerance for sites on the box faces. */
    private static final double FACE = 1e-9;

    private SlabBuilder() {
    }

    /** Periodic bulk box with edges a·x, a·y and repeatsZ·a·z of the orientation, rotated to Cartesian axes. */
    public static Structure orientedBulk(String element, CubicLattice lattice, double a, SurfaceOrientation o,
                                         int repeatsZ) {
        if (repeatsZ < 1) {
            throw new IllegalArgumentException("need at least one repeat along the normal, got " + repeatsZ);
        }
        double[][] unit = new double[3][3];
        double[] length = new double[3];
        for (int i = 0; i < 3; i++) {
            int[] d = o.axis(i);
            double n = o.axisLength(i);
            for (int k = 0; k < 3; k++) {
                unit[i][k] = d[k] / n;
            }
            length[i] = a * n * (i == 2 ? repeatsZ : 1);
        }
        // range of conventional cubes covering the box: project its corners onto the cube axes
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int k = 0; k < 3; k++) {
            double mn = 0;
            double mx = 0;
            for (int corner = 0; corner < 8; corner++) {
                double c = 0;
                for (int i = 0; i < 3; i++) {
                    if ((corner >> i & 1) == 1) {
                        c += length[i] * unit[i][k];
                    }
                }
                mn = Math.min(mn, c / a);
                mx = Math.max(mx, c / a);
            }
            lo[k] = (int) Math.floor(mn) - 1;
            hi[k] = (int) Math.ceil(mx) + 1;
        }
        double[][] basis = lattice.basis();
        List<double[]> sites = new ArrayList<>();
        for (int i = lo[0]; i <= hi[0]; i++) {
            for (int j = lo[1]; j <= hi[1]; j++) {
                for (int k = lo[2]; k <= hi[2]; k++) {
                    for (double[] b : basis) {
                        double px = (i + b[0]) * a, py = (j + b[1]) * a, pz = (k + b[2]) * a;
                        double[] u = new double[3];
                        boolean inside = true;
                        for (int ax = 0; ax < 3 && inside; ax++) {
                            double c = px * unit[ax][0] + py * unit[ax][1] + pz * unit[ax][2];
                            double f = c / length[ax];
                            inside = f >= -FACE && f < 1 - FACE;
                            u[ax] = Math.max(c, 0.0);
                        }
                        if (inside) {
                            sites.add(u);
                        }
                    }
                }
            }
        }
        double boxVolume = length[0] * length[1] * length[2];
        long expected = Math.round(boxVolume / lattice.volumePerAtom(a));
        if (sites.size() != expected) {
            throw new IllegalStateException("oriented " + lattice.label() + " box " + o + " has " + sites.size()
                    + " sites, expected " + expected + " from its volume");
        }
        sites.sort((p, q) -> p[2] != q[2] ? Double.compare(p[2], q[2])
                : p[1] != q[1] ? Double.compare(p[1], q[1]) : Double.compare(p[0], q[0]));
        String[] sym = new String[sites.size()];
        double[] x = new double[3 * sites.size()];
        for (int s = 0; s < sites.size(); s++) {
            sym[s] = element;
            System.arraycopy(sites.get(s), 0, x, 3 * s, 3);
        }
        return new Structure(sym, x, Cell.orthorhombic(length[0], length[1], length[2]));
    }

    /** Number of distinct atomic layers (planes normal to z) in one repeat a·[uvw] of the normal. */
    public static int layersPerRepeat(CubicLattice lattice, SurfaceOrientation o) {
        return layerHeights(orientedBulk("H", lattice, 1.0, o, 1), 1e-6).size();
    }

    /** Distinct z coordinates of the atoms (merged within {@code tolerance} Å), ascending. */
    public static List<Double> layerHeights(Structure s, double tolerance) {
        TreeSet<Double> z = new TreeSet<>();
        for (int i = 0; i < s.size(); i++) {
            double zi = s.x(i, 2);
            Double near = z.floor(zi + tolerance);
            if (near == null || Math.abs(near - zi) > tolerance) {
                near = z.ceiling(zi - tolerance);
                if (near == null || Math.abs(near - zi) > tolerance) {
                    z.add(zi);
                }
            }
        }
        return new ArrayList<>(z);
    }

    /**
     * The slab: the oriented bulk box with its z edge lengthened by {@code vacuum} Å and the atoms
     * shifted up by vacuum/2, so the slab sits in the middle of the cell between two free surfaces.
     */
    public static Structure slab(Structure orientedBulk, double vacuum) {
        if (!(vacuum > 0)) {
            throw new IllegalArgumentException("vacuum must be positive, got " + vacuum);
        }
        Cell c = orientedBulk.cell();
        double[] x = orientedBulk.positions();
        for (int i = 2; i < x.length; i += 3) {
            x[i] += vacuum / 2;
        }
        Cell cell = Cell.orthorhombic(c.vector(0, 0), c.vector(1, 1), c.vector(2, 2) + vacuum);
        return new Structure(orientedBulk.symbols(), x, cell);
    }

    /** Area of the cell face spanned by the first two lattice vectors (the surface area of one side), Å². */
    public static double area(Structure s) {
        Cell c = s.cell();
        double[] u = {c.vector(0, 0), c.vector(0, 1), c.vector(0, 2)};
        double[] v = {c.vector(1, 0), c.vector(1, 1), c.vector(1, 2)};
        double nx = u[1] * v[2] - u[2] * v[1];
        double ny = u[2] * v[0] - u[0] * v[2];
        double nz = u[0] * v[1] - u[1] * v[0];
        return Math.sqrt(nx * nx + ny * ny + nz * nz);
    }
}

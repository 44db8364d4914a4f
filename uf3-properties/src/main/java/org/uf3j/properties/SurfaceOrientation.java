package org.uf3j.properties;

/**
 * Low-index surfaces of a cubic crystal and the orthogonal, right-handed crystal directions that
 * become the x, y (in the surface) and z (surface normal) axes of the slab cell:
 * (100): [100], [010], [001]; (110): [−110], [001], [110]; (111): [1−10], [11−2], [111].
 */
public enum SurfaceOrientation {
    /** The (100) surface. */
    S100("100", new int[] {1, 0, 0}, new int[] {0, 1, 0}, new int[] {0, 0, 1}),
    /** The (110) surface. */
    S110("110", new int[] {-1, 1, 0}, new int[] {0, 0, 1}, new int[] {1, 1, 0}),
    /** The (111) surface. */
    S111("111", new int[] {1, -1, 0}, new int[] {1, 1, -2}, new int[] {1, 1, 1});

    private final String miller;
    private final int[][] axes;

    SurfaceOrientation(String miller, int[] x, int[] y, int[] z) {
        this.miller = miller;
        this.axes = new int[][] {x, y, z};
    }

    /** Parses "100", "(110)", "111". */
    public static SurfaceOrientation parse(String s) {
        String m = s.trim().replace("(", "").replace(")", "");
        for (SurfaceOrientation o : values()) {
            if (o.miller.equals(m)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unsupported surface '" + s + "' (expected 100, 110 or 111)");
    }

    /** Miller indices without brackets, e.g. "110". */
    public String miller() {
        return miller;
    }

    /** Crystal direction (integer, in units of the cubic lattice constant) of slab axis 0, 1 or 2 (2 = normal). */
    public int[] axis(int i) {
        return axes[i].clone();
    }

    /** Length of axis i's integer direction vector (multiply by a for Å). */
    public double axisLength(int i) {
        int[] v = axes[i];
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    @Override
    public String toString() {
        return "(" + miller + ")";
    }
}

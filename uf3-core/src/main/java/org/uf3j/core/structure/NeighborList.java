package org.uf3j.core.structure;

/**
 * A full neighbour list (every ordered pair i→j, periodic images included) within a cutoff, in
 * compressed rows: the neighbours of atom i are entries {@code start(i) .. start(i+1)-1}, each with
 * the index of the neighbour atom and the vector d = x_j(image) − x_i. Built in O(N) by binning
 * the atoms and the periodic images within the cutoff into boxes of side ≥ cutoff/2 and scanning
 * the 5×5×5 boxes around each atom (about half the candidates of a 3×3×3 scan of boxes of side ≥
 * cutoff), with the points stored box by box so each scan reads contiguous memory. Cells of any
 * shape and cells smaller than the cutoff work. The order of the neighbours within a row is
 * unspecified. Immutable once built.
 */
public final class NeighborList {
    /** Relative margin that keeps the box scan exhaustive despite rounding in the box assignment. */
    private static final double MARGIN = 1e-9;
    /** Most entries a list can hold (three doubles each in one array). */
    private static final int MAX_ENTRIES = Integer.MAX_VALUE / 3 - 64;

    private final double cutoff;
    private final int size;
    private final int[] start;
    private final int[] index;
    private final double[] vectors; // 3 per entry
    private final double[] distances;

    private NeighborList(double cutoff, int size, int[] start, int[] index, double[] vectors, double[] distances) {
        this.cutoff = cutoff;
        this.size = size;
        this.start = start;
        this.index = index;
        this.vectors = vectors;
        this.distances = distances;
    }

    /** Builds the list of all pairs closer than {@code cutoff} (strictly). */
    public static NeighborList build(Structure s, double cutoff) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("neighbour cutoff must be positive, got " + cutoff);
        }
        Images images = Images.of(s, cutoff);
        int n = s.size();
        int total = images.count;
        double[] xyz = images.xyz;
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int p = 0; p < total; p++) {
            for (int k = 0; k < 3; k++) {
                lo[k] = Math.min(lo[k], xyz[3 * p + k]);
                hi[k] = Math.max(hi[k], xyz[3 * p + k]);
            }
        }
        // boxes of side >= cutoff/2 (fewer when that would make more boxes than points warrant)
        double side = 0.5 * cutoff * (1 + MARGIN);
        int[] dims = new int[3];
        while (true) {
            long boxes = 1;
            for (int k = 0; k < 3; k++) {
                dims[k] = Math.max(1, (int) Math.floor((hi[k] - lo[k]) / side));
                boxes *= dims[k];
            }
            if (boxes <= 4L * total + 64) {
                break;
            }
            side *= 1.26;
        }
        // boxes to scan on each side: points whose boxes are further apart than reach are >= cutoff apart
        int[] reach = new int[3];
        for (int k = 0; k < 3; k++) {
            double width = (hi[k] - lo[k]) / dims[k];
            reach[k] = dims[k] == 1 ? 0 : Math.min(dims[k] - 1, (int) Math.ceil(cutoff * (1 + 0.1 * MARGIN) / width));
        }
        // counting sort of the points by box; coordinates and owners stored in box order
        int nBoxes = dims[0] * dims[1] * dims[2];
        int[] boxStart = new int[nBoxes + 1];
        int[] boxOf = new int[total];
        for (int p = 0; p < total; p++) {
            int b = boxIndex(xyz, p, lo, hi, dims);
            boxOf[p] = b;
            boxStart[b + 1]++;
        }
        for (int b = 0; b < nBoxes; b++) {
            boxStart[b + 1] += boxStart[b];
        }
        int[] fill = java.util.Arrays.copyOf(boxStart, nBoxes);
        double[] bx = new double[total], by = new double[total], bz = new double[total];
        int[] owner = new int[total];
        int[] slotOfAtom = new int[n];
        for (int p = 0; p < total; p++) {
            int q = fill[boxOf[p]]++;
            bx[q] = xyz[3 * p];
            by[q] = xyz[3 * p + 1];
            bz[q] = xyz[3 * p + 2];
            owner[q] = images.owner[p];
            if (p < n) {
                slotOfAtom[p] = q;
            }
        }
        Rows rows = new Rows(estimateEntries(n, total, cutoff, lo, hi));
        double cut2 = cutoff * cutoff;
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int self = slotOfAtom[i];
            int c = boxOf[i];
            int cz = c % dims[2];
            int cy = (c / dims[2]) % dims[1];
            int cx = c / (dims[1] * dims[2]);
            double xi = bx[self], yi = by[self], zi = bz[self];
            int z0 = Math.max(0, cz - reach[2]);
            int z1 = Math.min(dims[2] - 1, cz + reach[2]);
            for (int ax = Math.max(0, cx - reach[0]); ax <= Math.min(dims[0] - 1, cx + reach[0]); ax++) {
                for (int ay = Math.max(0, cy - reach[1]); ay <= Math.min(dims[1] - 1, cy + reach[1]); ay++) {
                    // boxes z0..z1 of this (ax, ay) column are consecutive, so are their points
                    int column = (ax * dims[1] + ay) * dims[2];
                    int q0 = boxStart[column + z0];
                    int q1 = boxStart[column + z1 + 1];
                    rows.ensure(q1 - q0);
                    int m = rows.size;
                    int[] idx = rows.index;
                    double[] vec = rows.vectors;
                    double[] r2s = rows.distances;
                    // branch-free append: every candidate is written, the count advances for the kept ones
                    for (int q = q0; q < q1; q++) {
                        double dx = bx[q] - xi;
                        double dy = by[q] - yi;
                        double dz = bz[q] - zi;
                        double r2 = dx * dx + dy * dy + dz * dz;
                        idx[m] = owner[q];
                        vec[3 * m] = dx;
                        vec[3 * m + 1] = dy;
                        vec[3 * m + 2] = dz;
                        r2s[m] = r2;
                        m += (r2 < cut2) & (q != self) ? 1 : 0;
                    }
                    rows.size = m;
                }
            }
            start[i + 1] = rows.size;
        }
        double[] dist = rows.distances;
        for (int e = 0; e < rows.size; e++) {
            dist[e] = Math.sqrt(dist[e]);
        }
        rows.trim();
        return new NeighborList(cutoff, rows.size, start, rows.index, rows.vectors, rows.distances);
    }

    /** Expected number of entries from the density of the points in their bounding box, or a guess. */
    private static int estimateEntries(int n, int total, double cutoff, double[] lo, double[] hi) {
        double volume = (hi[0] - lo[0]) * (hi[1] - lo[1]) * (hi[2] - lo[2]);
        double perAtom = volume > 0 ? total / volume * 4.19 * cutoff * cutoff * cutoff * 1.1 : 16;
        return (int) Math.min(MAX_ENTRIES, (long) n * (long) Math.ceil(Math.min(perAtom, total)) + 64);
    }

    private static int boxIndex(double[] xyz, int p, double[] lo, double[] hi, int[] dims) {
        int c = 0;
        for (int k = 0; k < 3; k++) {
            double span = hi[k] - lo[k];
            int b = span > 0 ? (int) ((xyz[3 * p + k] - lo[k]) / span * dims[k]) : 0;
            b = Math.min(dims[k] - 1, Math.max(0, b));
            c = c * dims[k] + b;
        }
        return c;
    }

    public double cutoff() {
        return cutoff;
    }

    public int atomCount() {
        return start.length - 1;
    }

    /** First entry of atom i. */
    public int start(int i) {
        return start[i];
    }

    /** One past the last entry of atom i. */
    public int end(int i) {
        return start[i + 1];
    }

    /** Total number of entries (ordered pairs). */
    public int size() {
        return size;
    }

    /** Atom index of the neighbour of entry e. */
    public int neighbor(int e) {
        return index[e];
    }

    /** Component k of d = x_j − x_i of entry e. */
    public double vector(int e, int k) {
        return vectors[3 * e + k];
    }

    public double distance(int e) {
        return distances[e];
    }

    /** Row offsets (length N+1), a copy: for native kernels. */
    public int[] offsets() {
        return start.clone();
    }

    /** Neighbour indices, a copy. */
    public int[] neighbors() {
        return java.util.Arrays.copyOf(index, size);
    }

    /** Displacement vectors (3 per entry), a copy. */
    public double[] displacements() {
        return java.util.Arrays.copyOf(vectors, 3 * size);
    }

    /** Atoms plus the periodic images that can lie within the cutoff of an atom. */
    private static final class Images {
        final int count;
        final double[] xyz;
        final int[] owner;

        private Images(int count, double[] xyz, int[] owner) {
            this.count = count;
            this.xyz = xyz;
            this.owner = owner;
        }

        static Images of(Structure s, double cutoff) {
            int n = s.size();
            Cell cell = s.cell();
            if (!s.isPeriodic()) {
                return new Images(n, s.positions(), identity(n));
            }
            // wrap atoms into the cell along periodic axes
            double[] frac = new double[3 * n];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < 3; a++) {
                    double f = cell.fractional(s.x(i, 0), s.x(i, 1), s.x(i, 2), a);
                    if (cell.periodic(a)) {
                        f -= Math.floor(f);
                        if (f >= 1.0) {
                            f = 0.0;
                        }
                    }
                    frac[3 * i + a] = f;
                }
            }
            int[] reach = new int[3];
            double[] margin = new double[3];
            for (int a = 0; a < 3; a++) {
                margin[a] = cutoff / cell.perpendicularWidth(a);
                reach[a] = cell.periodic(a) ? (int) Math.ceil(margin[a]) : 0;
            }
            DoubleBuffer xyz = new DoubleBuffer(3 * n * 4);
            IntBuffer owner = new IntBuffer(n * 4);
            // originals first, so atom i is point i
            for (int i = 0; i < n; i++) {
                addPoint(cell, frac, i, 0, 0, 0, xyz);
                owner.add(i);
            }
            for (int na = -reach[0]; na <= reach[0]; na++) {
                for (int nb = -reach[1]; nb <= reach[1]; nb++) {
                    for (int nc = -reach[2]; nc <= reach[2]; nc++) {
                        if (na == 0 && nb == 0 && nc == 0) {
                            continue;
                        }
                        for (int i = 0; i < n; i++) {
                            if (outside(frac[3 * i] + na, margin[0], cell.periodic(0))
                                    || outside(frac[3 * i + 1] + nb, margin[1], cell.periodic(1))
                                    || outside(frac[3 * i + 2] + nc, margin[2], cell.periodic(2))) {
                                continue;
                            }
                            addPoint(cell, frac, i, na, nb, nc, xyz);
                            owner.add(i);
                        }
                    }
                }
            }
            return new Images(owner.size, xyz.toArray(), owner.toArray());
        }

        private static boolean outside(double f, double margin, boolean periodic) {
            return periodic && (f < -margin || f > 1.0 + margin);
        }

        private static void addPoint(Cell cell, double[] frac, int i, int na, int nb, int nc, DoubleBuffer out) {
            double fa = frac[3 * i] + na, fb = frac[3 * i + 1] + nb, fc = frac[3 * i + 2] + nc;
            for (int k = 0; k < 3; k++) {
                out.add(fa * cell.vector(0, k) + fb * cell.vector(1, k) + fc * cell.vector(2, k));
            }
        }

        private static int[] identity(int n) {
            int[] id = new int[n];
            for (int i = 0; i < n; i++) {
                id[i] = i;
            }
            return id;
        }
    }

    /** The entries being built: arrays with room for the candidates of one more box column. */
    private static final class Rows {
        int[] index;
        double[] vectors;
        double[] distances; // squared until the end of the build
        int size;

        Rows(int capacity) {
            index = new int[Math.max(16, capacity)];
            vectors = new double[3 * index.length];
            distances = new double[index.length];
        }

        void ensure(int more) {
            if (size + more > index.length) {
                int capacity = (int) Math.min(MAX_ENTRIES, Math.max((long) size + more, 2L * index.length));
                index = java.util.Arrays.copyOf(index, capacity);
                vectors = java.util.Arrays.copyOf(vectors, 3 * capacity);
                distances = java.util.Arrays.copyOf(distances, capacity);
            }
        }

        /** Drops unused room when it is more than a quarter of the arrays. */
        void trim() {
            if (index.length - size > index.length / 4) {
                index = java.util.Arrays.copyOf(index, size);
                vectors = java.util.Arrays.copyOf(vectors, 3 * size);
                distances = java.util.Arrays.copyOf(distances, size);
            }
        }
    }

    /** Growable int array. */
    private static final class IntBuffer {
        int[] data;
        int size;

        IntBuffer(int capacity) {
            data = new int[Math.max(16, capacity)];
        }

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }

    /** Growable double array. */
    private static final class DoubleBuffer {
        double[] data;
        int size;

        DoubleBuffer(int capacity) {
            data = new double[Math.max(16, capacity)];
        }

        void add(double v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}

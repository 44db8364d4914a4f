package org.uf3j.core.structure;

/**
 * A full neighbour list (every ordered pair i→j, periodic images included) within a cutoff, in
 * compressed rows: the neighbours of atom i are entries {@code start(i) .. start(i+1)-1}, each with
 * the index of the neighbour atom and the vector d = x_j(image) − x_i. Built in O(N) by binning
 * the atoms and the periodic images within the cutoff into cubes of side ≥ cutoff, so cells of any
 * shape and cells smaller than the cutoff work. Immutable once built.
 */
public final class NeighborList {
    private final double cutoff;
    private final int[] start;
    private final int[] index;
    private final double[] vectors; // 3 per entry
    private final double[] distances;

    private NeighborList(double cutoff, int[] start, int[] index, double[] vectors, double[] distances) {
        this.cutoff = cutoff;
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
        // bin all points (originals and images) into cubes of side >= cutoff
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int p = 0; p < total; p++) {
            for (int k = 0; k < 3; k++) {
                lo[k] = Math.min(lo[k], images.xyz[3 * p + k]);
                hi[k] = Math.max(hi[k], images.xyz[3 * p + k]);
            }
        }
        double side = cutoff;
        int[] dims = new int[3];
        while (true) {
            long cells = 1;
            for (int k = 0; k < 3; k++) {
                dims[k] = Math.max(1, (int) Math.floor((hi[k] - lo[k]) / side));
                cells *= dims[k];
            }
            if (cells <= 4L * total + 64) {
                break;
            }
            side *= 1.26;
        }
        int nCells = dims[0] * dims[1] * dims[2];
        int[] head = new int[nCells + 1];
        int[] cellOf = new int[total];
        for (int p = 0; p < total; p++) {
            int c = cellIndex(images.xyz, p, lo, hi, dims);
            cellOf[p] = c;
            head[c + 1]++;
        }
        for (int c = 0; c < nCells; c++) {
            head[c + 1] += head[c];
        }
        int[] members = new int[total];
        int[] fill = head.clone();
        for (int p = 0; p < total; p++) {
            members[fill[cellOf[p]]++] = p;
        }
        double cut2 = cutoff * cutoff;
        int[] start = new int[n + 1];
        IntBuffer idx = new IntBuffer(n * 16);
        DoubleBuffer vec = new DoubleBuffer(n * 48);
        DoubleBuffer dist = new DoubleBuffer(n * 16);
        for (int i = 0; i < n; i++) {
            int c = cellOf[i];
            int cz = c % dims[2];
            int cy = (c / dims[2]) % dims[1];
            int cx = c / (dims[1] * dims[2]);
            double xi = images.xyz[3 * i], yi = images.xyz[3 * i + 1], zi = images.xyz[3 * i + 2];
            for (int ax = Math.max(0, cx - 1); ax <= Math.min(dims[0] - 1, cx + 1); ax++) {
                for (int ay = Math.max(0, cy - 1); ay <= Math.min(dims[1] - 1, cy + 1); ay++) {
                    for (int az = Math.max(0, cz - 1); az <= Math.min(dims[2] - 1, cz + 1); az++) {
                        int cc = (ax * dims[1] + ay) * dims[2] + az;
                        for (int q = head[cc]; q < head[cc + 1]; q++) {
                            int p = members[q];
                            if (p == i) {
                                continue;
                            }
                            double dx = images.xyz[3 * p] - xi;
                            double dy = images.xyz[3 * p + 1] - yi;
                            double dz = images.xyz[3 * p + 2] - zi;
                            double r2 = dx * dx + dy * dy + dz * dz;
                            if (r2 < cut2) {
                                idx.add(images.owner[p]);
                                vec.add(dx);
                                vec.add(dy);
                                vec.add(dz);
                                dist.add(Math.sqrt(r2));
                            }
                        }
                    }
                }
            }
            start[i + 1] = idx.size;
        }
        return new NeighborList(cutoff, start, idx.toArray(), vec.toArray(), dist.toArray());
    }

    private static int cellIndex(double[] xyz, int p, double[] lo, double[] hi, int[] dims) {
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
        return index.length;
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
        return index.clone();
    }

    /** Displacement vectors (3 per entry), a copy. */
    public double[] displacements() {
        return vectors.clone();
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

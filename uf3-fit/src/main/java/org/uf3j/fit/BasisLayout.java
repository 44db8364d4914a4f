package org.uf3j.fit;

import java.util.ArrayList;
import java.util.List;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletGeometry;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

/**
 * Maps the coefficients of a UF3 model to the columns (unknowns) of the linear least-squares
 * system. Columns are, in order: one one-body energy per element (elements by atomic number);
 * per pair term its coefficients n = 0..nb−4; per triplet term its coefficients (l, m, n) with
 * every index below (size − 3). The last {@value #TRAILING_TRIM} coefficients along every axis are
 * frozen at 0 (smooth cutoff) and have no column. When both neighbours of a triplet term are the
 * same element and its ij and ik knots are equal, c_lmn = c_mln: only l ≤ m get a column and that
 * column stands for both entries. A triplet term the specification excludes has no block and no
 * columns ({@link #tripletBlock} gives null for it) and is absent from {@link #toModel}. Immutable
 * and thread-safe.
 */
public final class BasisLayout {
    /** Number of trailing coefficients frozen at 0 along every axis. */
    public static final int TRAILING_TRIM = 3;

    private final ModelSpec spec;
    private final List<String> elements;
    private final List<PairBlock> pairs;
    private final List<TripletBlock> triplets;
    private final PairBlock[][] pairBySpecies;
    private final TripletBlock[][][] tripletBySpecies;
    private final boolean[][][] swappedBySpecies;
    private final double[] tripletReach;
    private final double maxCutoff;
    private final int size;

    public BasisLayout(ModelSpec spec) {
        this.spec = spec;
        this.elements = spec.elements();
        int ne = elements.size();
        int column = ne;
        List<PairBlock> pl = new ArrayList<>();
        pairBySpecies = new PairBlock[ne][ne];
        double cut = 0;
        for (int a = 0; a < ne; a++) {
            for (int b = a; b < ne; b++) {
                String ea = elements.get(a), eb = elements.get(b);
                PairBlock blk = new PairBlock(ea, eb, spec.pairKnots(ea, eb), column);
                column += blk.count;
                pl.add(blk);
                pairBySpecies[a][b] = blk;
                pairBySpecies[b][a] = blk;
                cut = Math.max(cut, blk.knots.max());
            }
        }
        List<TripletBlock> tl = new ArrayList<>();
        tripletBySpecies = new TripletBlock[ne][ne][ne];
        swappedBySpecies = new boolean[ne][ne][ne];
        tripletReach = new double[ne];
        if (spec.bodyOrder() == 3) {
            for (int c = 0; c < ne; c++) {
                for (int a = 0; a < ne; a++) {
                    for (int b = a; b < ne; b++) {
                        String ec = elements.get(c), ea = elements.get(a), eb = elements.get(b);
                        KnotSpec[] k = spec.triplet(ec, ea, eb);
                        if (k == null) {
                            continue; // excluded: no block, no columns
                        }
                        TripletBlock blk = new TripletBlock(new TripletGeometry(ec, ea, eb, k[0].knots(spec.spacing()),
                                k[1].knots(spec.spacing()), k[2].knots(spec.spacing())), column);
                        column += blk.count;
                        tl.add(blk);
                        tripletBySpecies[c][a][b] = blk;
                        tripletBySpecies[c][b][a] = blk;
                        swappedBySpecies[c][b][a] = a != b;
                        double reach = Math.max(blk.knotsIJ().max(), blk.knotsIK().max());
                        tripletReach[c] = Math.max(tripletReach[c], reach);
                        cut = Math.max(cut, reach);
                    }
                }
            }
        }
        this.pairs = List.copyOf(pl);
        this.triplets = List.copyOf(tl);
        this.maxCutoff = cut;
        this.size = column;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Elements sorted by atomic number; element e has one-body column e. */
    public List<String> elements() {
        return elements;
    }

    /** Number of columns (unknowns). */
    public int size() {
        return size;
    }

    public int oneBodyColumn(int element) {
        return element;
    }

    public List<PairBlock> pairBlocks() {
        return pairs;
    }

    public List<TripletBlock> tripletBlocks() {
        return triplets;
    }

    /** The pair block of two species (indices into {@link #elements()}), either order. */
    public PairBlock pairBlock(int a, int b) {
        return pairBySpecies[a][b];
    }

    /** The triplet block of centre species c and neighbour species a, b (either order), or null (UF2, or excluded). */
    public TripletBlock tripletBlock(int c, int a, int b) {
        return tripletBySpecies[c][a][b];
    }

    /** Whether neighbour a of a (c; a, b) triplet lies on leg ik of its block (a is the heavier element). */
    public boolean swapped(int c, int a, int b) {
        return swappedBySpecies[c][a][b];
    }

    /** Largest ij/ik cutoff of the triplet terms centred on species c (0 for UF2). */
    public double tripletReach(int c) {
        return tripletReach[c];
    }

    /** The neighbour-list cutoff: the largest pair or triplet-leg cutoff. */
    public double maxCutoff() {
        return maxCutoff;
    }

    /**
     * Number of one-body and 2-body columns: they come first, the 3-body columns (if any) follow.
     * The regulariser is block-diagonal along this split, which the fast cross-validation uses.
     */
    public int leadingColumns() {
        return triplets.isEmpty() ? size : triplets.get(0).offset;
    }

    /** Whether a column belongs to a 3-body term. */
    public boolean isTripletColumn(int column) {
        return !triplets.isEmpty() && column >= triplets.get(0).offset;
    }

    /** Whether a column belongs to a 2-body term. */
    public boolean isPairColumn(int column) {
        return column >= elements.size() && !isTripletColumn(column) && column < size;
    }

    /** A readable name of a column, e.g. "1B W", "2B W-W[4]", "3B W-W-W[1,2,5]". */
    public String describe(int column) {
        if (column < elements.size()) {
            return "1B " + elements.get(column);
        }
        for (PairBlock p : pairs) {
            for (int n = 0; n < p.columns.length; n++) {
                if (p.columns[n] == column) {
                    return "2B " + p.first + "-" + p.second + "[" + n + "]";
                }
            }
        }
        for (TripletBlock t : triplets) {
            for (int f = 0; f < t.columns.length; f++) {
                if (t.columns[f] == column) {
                    return "3B " + t.geometry.name() + "[" + f / (t.m * t.n) + ","
                            + (f / t.n) % t.m + "," + f % t.n + "]";
                }
            }
        }
        throw new IndexOutOfBoundsException("column " + column + " of " + size);
    }

    /**
     * The model whose coefficients are the solution vector: frozen coefficients 0, symmetric
     * entries mirrored, one-body energies from the first columns.
     */
    public Uf3Model toModel(double[] solution) {
        if (solution.length != size) {
            throw new IllegalArgumentException("solution has " + solution.length + " entries, the layout has " + size + " columns");
        }
        Uf3Model.Builder b = Uf3Model.builder().elements(elements);
        for (int e = 0; e < elements.size(); e++) {
            b.oneBody(elements.get(e), solution[e]);
        }
        for (PairBlock p : pairs) {
            b.pair(new PairTerm(p.first, p.second, p.knots, gather(p.columns, solution)));
        }
        for (TripletBlock t : triplets) {
            b.triplet(new TripletTerm(t.geometry, gather(t.columns, solution)));
        }
        for (String key : spec.excludedTriplets()) {
            String[] e = key.split("-");
            b.absentTriplet(e[0], e[1], e[2]);
        }
        return b.build();
    }

    /**
     * The solution vector of a model with this layout's knots. Fails when a frozen coefficient is
     * not 0, symmetric entries differ, or knots differ.
     */
    public double[] fromModel(Uf3Model model) {
        double[] x = new double[size];
        for (int e = 0; e < elements.size(); e++) {
            x[e] = model.oneBodyEnergy(elements.get(e));
        }
        for (PairBlock p : pairs) {
            PairTerm term = model.pair(p.first, p.second);
            if (term == null || !term.knots().equals(p.knots)) {
                throw new IllegalArgumentException("model's 2-body term " + p.first + "-" + p.second + " is missing or has other knots");
            }
            scatter(p.columns, term.coefficients(), x, "2-body " + p.first + "-" + p.second);
        }
        for (TripletBlock t : triplets) {
            TripletTerm term = model.triplet(t.centre(), t.first(), t.second());
            if (term == null || !term.geometry().equals(t.geometry)) {
                throw new IllegalArgumentException("model's 3-body term " + t.geometry.name() + " is missing or has other knots");
            }
            scatter(t.columns, term.coefficients(), x, "3-body " + t.geometry.name());
        }
        for (String key : spec.excludedTriplets()) {
            String[] e = key.split("-");
            TripletTerm term = model.triplet(e[0], e[1], e[2]);
            if (term != null) {
                for (double c : term.coefficients()) {
                    if (c != 0.0) {
                        throw new IllegalArgumentException("model has a non-zero 3-body term " + key
                                + ", which the layout excludes");
                    }
                }
            }
        }
        return x;
    }

    private static double[] gather(int[] columns, double[] solution) {
        double[] c = new double[columns.length];
        for (int f = 0; f < columns.length; f++) {
            c[f] = columns[f] < 0 ? 0.0 : solution[columns[f]];
        }
        return c;
    }

    private static void scatter(int[] columns, double[] coefficients, double[] x, String term) {
        boolean[] set = new boolean[x.length];
        for (int f = 0; f < columns.length; f++) {
            int col = columns[f];
            if (col < 0) {
                if (coefficients[f] != 0.0) {
                    throw new IllegalArgumentException(term + ": coefficient " + f + " is frozen at 0 by the trailing trim but is "
                            + coefficients[f]);
                }
            } else if (set[col]) {
                if (x[col] != coefficients[f]) {
                    throw new IllegalArgumentException(term + ": coefficient " + f + " (" + coefficients[f]
                            + ") should equal its symmetric partner (" + x[col] + ")");
                }
            } else {
                x[col] = coefficients[f];
                set[col] = true;
            }
        }
    }

    @Override
    public String toString() {
        return "BasisLayout[" + size + " columns: " + elements.size() + " one-body, " + pairs.size() + " pair, "
                + triplets.size() + " triplet blocks]";
    }

    /** The columns of one pair term. */
    public static final class PairBlock {
        private final String first;
        private final String second;
        private final KnotSequence knots;
        private final int offset;
        private final int count;
        private final int[] columns;

        PairBlock(String first, String second, KnotSequence knots, int offset) {
            this.first = first;
            this.second = second;
            this.knots = knots;
            this.offset = offset;
            int nb = knots.basisCount();
            this.columns = new int[nb];
            int free = Math.max(0, nb - TRAILING_TRIM);
            for (int n = 0; n < nb; n++) {
                columns[n] = n < free ? offset + n : -1;
            }
            this.count = free;
        }

        public String first() {
            return first;
        }

        public String second() {
            return second;
        }

        public KnotSequence knots() {
            return knots;
        }

        /** First column of the block. */
        public int offset() {
            return offset;
        }

        /** Number of columns (free coefficients). */
        public int count() {
            return count;
        }

        /** Column of coefficient n, or −1 when it is frozen. */
        public int column(int n) {
            return columns[n];
        }

        /** Column of every coefficient (−1 frozen); the internal array, do not modify. */
        int[] columnMap() {
            return columns;
        }
    }

    /** The columns of one triplet term, coefficients [l][m][n] along legs ij, ik, jk. */
    public static final class TripletBlock {
        private final TripletGeometry geometry;
        private final int l;
        private final int m;
        private final int n;
        private final boolean symmetric;
        private final int offset;
        private final int count;
        private final int[] columns;

        TripletBlock(TripletGeometry geometry, int offset) {
            this.geometry = geometry;
            int[] shape = geometry.shape();
            this.l = shape[0];
            this.m = shape[1];
            this.n = shape[2];
            this.symmetric = geometry.interchangeableLegs();
            this.offset = offset;
            this.columns = new int[l * m * n];
            java.util.Arrays.fill(columns, -1);
            int col = offset;
            int fl = l - TRAILING_TRIM, fm = m - TRAILING_TRIM, fn = n - TRAILING_TRIM;
            for (int a = 0; a < fl; a++) {
                for (int b = 0; b < fm; b++) {
                    for (int c = 0; c < fn; c++) {
                        if (symmetric && b < a) {
                            columns[flat(a, b, c)] = columns[flat(b, a, c)];
                        } else {
                            columns[flat(a, b, c)] = col++;
                        }
                    }
                }
            }
            this.count = col - offset;
        }

        /** Elements and leg knots of the term. */
        public TripletGeometry geometry() {
            return geometry;
        }

        public String centre() {
            return geometry.centre();
        }

        /** Neighbour element on leg ij. */
        public String first() {
            return geometry.first();
        }

        /** Neighbour element on leg ik. */
        public String second() {
            return geometry.second();
        }

        public KnotSequence knotsIJ() {
            return geometry.knotsIJ();
        }

        public KnotSequence knotsIK() {
            return geometry.knotsIK();
        }

        public KnotSequence knotsJK() {
            return geometry.knotsJK();
        }

        /** Basis counts {L, M, N} along ij, ik, jk. */
        public int[] shape() {
            return new int[] {l, m, n};
        }

        /** Whether (l, m) and (m, l) share a column. */
        public boolean symmetric() {
            return symmetric;
        }

        public int offset() {
            return offset;
        }

        public int count() {
            return count;
        }

        /** Flat index (l·M + m)·N + n of coefficient (l, m, n). */
        public int flat(int a, int b, int c) {
            return (a * m + b) * n + c;
        }

        /** Column of coefficient (l, m, n), or −1 when it is frozen. */
        public int column(int a, int b, int c) {
            return columns[flat(a, b, c)];
        }

        /** Column of every flat coefficient (−1 frozen); the internal array, do not modify. */
        int[] columnMap() {
            return columns;
        }
    }
}

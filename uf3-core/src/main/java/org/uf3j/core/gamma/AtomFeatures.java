package org.uf3j.core.gamma;

import java.util.Arrays;
import java.util.List;
import org.uf3j.core.basis.CubicBSpline;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;

/**
 * Per-atom basis vectors: the coefficient features of one atom's share of the energy, gathered
 * into the features of an {@link ElementActiveSet}. The per-atom energy is the convention of the
 * plugin's per-atom energies (DESIGN.md §1 with each bond split half/half): E_i = e_{c_i} +
 * Σ_{j≠i} V2(r_ij) + Σ_{j&lt;k} V3(r_ij, r_ik, r_jk), so atom i's raw features are 1 (one-body),
 * Σ_j B_n(r_ij) for its pair terms and Σ_{j&lt;k} B_l(r_ij) B_m(r_ik) B_n(r_jk) for the triplet
 * terms centred on it (leg ij pointing at the term's first neighbour element), and the features
 * of all atoms sum to the energy row of the fit. Thread-safe; each thread passes its own
 * {@link Scratch}.
 */
public final class AtomFeatures {
    private final List<String> elements;
    private final ElementActiveSet[] sets;
    private final KnotSequence[][] pairKnots;
    private final int[][][] pairIndex;
    private final TripletTerm[][][] triplets;
    private final boolean[][][] swapped;
    private final int[][][][] tripletIndex;
    private final double[] reach;
    private final double cutoff;

    public AtomFeatures(Uf3Model model, ActiveSet set) {
        this.elements = model.elements();
        int ne = elements.size();
        sets = new ElementActiveSet[ne];
        pairKnots = new KnotSequence[ne][ne];
        pairIndex = new int[ne][ne][];
        triplets = new TripletTerm[ne][ne][ne];
        swapped = new boolean[ne][ne][ne];
        tripletIndex = new int[ne][ne][ne][];
        reach = new double[ne];
        double cut = 0;
        for (int c = 0; c < ne; c++) {
            String ec = elements.get(c);
            sets[c] = set.of(ec);
            for (int a = 0; a < ne; a++) {
                PairTerm p = model.pair(ec, elements.get(a));
                if (p != null) {
                    pairKnots[c][a] = p.knots();
                    cut = Math.max(cut, p.knots().max());
                    if (sets[c] != null) {
                        pairIndex[c][a] = check(sets[c].indexView(pairName(p)), p.size(), pairName(p), ec);
                    }
                }
                for (int b = 0; b < ne; b++) {
                    TripletTerm t = model.triplet(ec, elements.get(a), elements.get(b));
                    if (t == null) {
                        continue;
                    }
                    triplets[c][a][b] = t;
                    swapped[c][a][b] = !t.first().equals(elements.get(a));
                    reach[c] = Math.max(reach[c], Math.max(t.knotsIJ().max(), t.knotsIK().max()));
                    cut = Math.max(cut, reach[c]);
                    if (sets[c] != null) {
                        tripletIndex[c][a][b] = check(sets[c].indexView(tripletName(t)), t.coefficients().length, tripletName(t), ec);
                    }
                }
            }
        }
        this.cutoff = cut;
    }

    private static int[] check(int[] index, int size, String term, String element) {
        if (index != null && index.length != size) {
            throw new IllegalArgumentException("active set of " + element + ": term " + term + " has " + index.length
                    + " coefficients, the potential " + size);
        }
        return index;
    }

    /** The name of a pair term as in the {@code .uf3} file and the active-set file. */
    public static String pairName(PairTerm p) {
        return "2B " + p.first() + " " + p.second();
    }

    /** The name of a triplet term as in the {@code .uf3} file and the active-set file. */
    public static String tripletName(TripletTerm t) {
        return "3B " + t.centre() + " " + t.first() + " " + t.second();
    }

    /** The neighbour-list cutoff the features need. */
    public double cutoff() {
        return cutoff;
    }

    /** The active set of a model element index, or null. */
    public ElementActiveSet setOf(int element) {
        return sets[element];
    }

    /** Model element index of every atom (−1 for an element the model lacks). */
    public int[] species(Structure s) {
        int[] sp = new int[s.size()];
        for (int i = 0; i < sp.length; i++) {
            sp[i] = elements.indexOf(s.symbol(i));
        }
        return sp;
    }

    /** Work arrays for one thread. */
    public static final class Scratch {
        final double[] bij = new double[CubicBSpline.OUT_LENGTH];
        final double[] bik = new double[CubicBSpline.OUT_LENGTH];
        final double[] bjk = new double[CubicBSpline.OUT_LENGTH];
        int[] near = new int[64];
        long[] unseen = new long[16];
        int unseenCount;

        /** After {@link #features}: how many raw coefficients (with repeats) the atom touched that no training atom did. */
        public int unseenCount() {
            return unseenCount;
        }

        /** Key of the q-th of them (term and flat index; flat −1: a distance below a first knot). */
        public long unseenKey(int q) {
            return unseen[q];
        }

        void unseen(long key) {
            if (unseenCount == unseen.length) {
                unseen = Arrays.copyOf(unseen, 2 * unseenCount);
            }
            unseen[unseenCount++] = key;
        }
    }

    private long termKey(int c, int a, int b) {
        int ne = elements.size();
        return ((long) ((c * (ne + 1) + a) * (ne + 1) + b)) << 32;
    }

    /**
     * Overwrites {@code x} (length ≥ d of the atom's element) with the features of atom i.
     *
     * @return false when the atom touches a coefficient no training atom touched, or lies closer
     *         to a neighbour than a term's first knot (its grade is then infinite; {@code w} lists
     *         them); x then holds the features of everything else
     */
    public boolean features(Structure s, int[] sp, NeighborList nl, int i, double[] x, Scratch w) {
        int c = sp[i];
        ElementActiveSet set = sets[c];
        Arrays.fill(x, 0, set.dimension(), 0.0);
        if (set.oneBodyFeature() >= 0) {
            x[set.oneBodyFeature()] = 1.0;
        }
        boolean seen = true;
        w.unseenCount = 0;
        double[] b = w.bij;
        int count = 0;
        int ne = elements.size();
        for (int q = nl.start(i); q < nl.end(i); q++) {
            double r = nl.distance(q);
            int a = sp[nl.neighbor(q)];
            KnotSequence kn = pairKnots[c][a];
            if (r < reach[c]) {
                if (count == w.near.length) {
                    w.near = Arrays.copyOf(w.near, 2 * count);
                }
                w.near[count++] = q;
            }
            if (kn == null || r >= kn.max()) {
                continue;
            }
            int s0 = CubicBSpline.evaluate(kn, r, b);
            if (s0 < 0) {
                seen = false;
                w.unseen(termKey(c, a, ne) | 0xffffffffL);
                continue;
            }
            seen &= gather(pairIndex[c][a], s0, b, x, w, termKey(c, a, ne));
        }
        int[] near = w.near;
        for (int p = 0; p < count; p++) {
            for (int pp = p + 1; pp < count; pp++) {
                int ea = near[p], eb = near[pp];
                int sa = sp[nl.neighbor(ea)], sb = sp[nl.neighbor(eb)];
                TripletTerm t = triplets[c][sa][sb];
                if (t == null) {
                    continue;
                }
                if (swapped[c][sa][sb]) {
                    int tmp = ea;
                    ea = eb;
                    eb = tmp;
                }
                seen &= triplet(t, tripletIndex[c][sa][sb], nl, ea, eb, x, w, termKey(c, sa, sb));
            }
        }
        return seen;
    }

    private static boolean triplet(TripletTerm t, int[] index, NeighborList nl, int ea, int eb, double[] x, Scratch w, long key) {
        double rij = nl.distance(ea), rik = nl.distance(eb);
        KnotSequence kij = t.knotsIJ(), kik = t.knotsIK(), kjk = t.knotsJK();
        if (rij >= kij.max() || rik >= kik.max()) {
            return true;
        }
        double dx = nl.vector(eb, 0) - nl.vector(ea, 0);
        double dy = nl.vector(eb, 1) - nl.vector(ea, 1);
        double dz = nl.vector(eb, 2) - nl.vector(ea, 2);
        double rjk = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (rjk >= kjk.max()) {
            return true;
        }
        int l0 = CubicBSpline.evaluate(kij, rij, w.bij);
        int m0 = CubicBSpline.evaluate(kik, rik, w.bik);
        int n0 = CubicBSpline.evaluate(kjk, rjk, w.bjk);
        if (l0 < 0 || m0 < 0 || n0 < 0) {
            w.unseen(key | 0xffffffffL);
            return false;
        }
        int mm = kik.basisCount(), nn = kjk.basisCount();
        boolean seen = true;
        for (int l = 0; l < 4; l++) {
            for (int m = 0; m < 4; m++) {
                double v = w.bij[l] * w.bik[m];
                int base = ((l0 + l) * mm + m0 + m) * nn + n0;
                for (int n = 0; n < 4; n++) {
                    int f = index[base + n];
                    double val = v * w.bjk[n];
                    if (f >= 0) {
                        x[f] += val;
                    } else if (f == ElementActiveSet.UNSEEN && val != 0.0) {
                        seen = false;
                        w.unseen(key | (base + n));
                    }
                }
            }
        }
        return seen;
    }

    private static boolean gather(int[] index, int s0, double[] b, double[] x, Scratch w, long key) {
        boolean seen = true;
        for (int a = 0; a < 4; a++) {
            int f = index[s0 + a];
            if (f >= 0) {
                x[f] += b[a];
            } else if (f == ElementActiveSet.UNSEEN && b[a] != 0.0) {
                seen = false;
                w.unseen(key | (s0 + a));
            }
        }
        return seen;
    }
}

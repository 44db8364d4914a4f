package org.uf3j.core.eval;

import java.util.List;
import org.uf3j.core.basis.CubicBSpline;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;

/**
 * Pure-Java evaluation of a {@link Uf3Model}: E = Σ one-body + Σ_i Σ_{j≠i} V2(r_ij) (ordered
 * pairs) + Σ_i Σ_{j<k} V3(r_ij, r_ik, r_jk), with analytic forces and virial. Per-atom energies
 * follow LAMMPS: an ordered pair's V2 goes to its atom i (each bond shared equally), a
 * triplet's V3 a third to each of its three atoms. Thread-safe.
 *
 * <p>How it is fast: every spline is evaluated from per-interval polynomial tables derived from the
 * one basis definition ({@link CubicBSpline.Table}); each pair of atoms is visited once for the
 * 2-body term (the full neighbour list holds it twice); a triplet term is a "tensor-spline" table,
 * per pair (l, m) of ij and ik basis functions the cubic polynomial in r_jk on each jk interval, so a
 * triplet costs one interval search and a 4×4 contraction; the ij/ik leg bases are computed once per
 * (neighbour, partner element) and centre, not once per triplet; forces on the neighbours of a centre
 * are summed per neighbour and the virial is formed from them once per centre (W = Σ d ⊗ F over the
 * centre's neighbours, which equals the sum over the legs).
 */
public final class JavaEvaluator implements Evaluator {
    private final Uf3Model model;
    private final List<String> elements;
    private final int ne;
    private final double cutoff;
    private final double[] oneBody;
    // 2-body terms, index a * ne + b
    private final KnotSequence[] pairKnots;
    private final double[][] pairTable;
    private final double[] pairCut;
    // 3-body terms, index (centre * ne + a) * ne + b for a neighbour of element a whose partner is of element b
    private final boolean threeBody;
    private final double[] tripletReach;
    private final TripletTerm[] tripletTerm;
    private final boolean[] swapped;        // the neighbour of element a lies on leg ik of the term
    private final CubicBSpline.Table[] leg;   // the basis of that neighbour's leg (ij, or ik when swapped)
    private final double[] legCut;
    private final KnotSequence[] jkKnots;
    private final double[] jkCut;
    private final double[][] tensor;         // tensor-spline table of the term, see tensorTable
    private final int[] lCount;              // basis functions along ij
    private final int[] mCount;              // basis functions along ik

    public JavaEvaluator(Uf3Model model) {
        this.model = model;
        this.elements = model.elements();
        this.ne = elements.size();
        this.cutoff = model.maxCutoff();
        this.threeBody = model.bodyOrder() == 3;
        oneBody = new double[ne];
        pairKnots = new KnotSequence[ne * ne];
        pairTable = new double[ne * ne][];
        pairCut = new double[ne * ne];
        int n3 = ne * ne * ne;
        tripletReach = new double[ne];
        tripletTerm = new TripletTerm[n3];
        swapped = new boolean[n3];
        leg = new CubicBSpline.Table[n3];
        legCut = new double[n3];
        jkKnots = new KnotSequence[n3];
        jkCut = new double[n3];
        tensor = new double[n3][];
        lCount = new int[n3];
        mCount = new int[n3];
        java.util.Map<TripletTerm, double[]> tables = new java.util.IdentityHashMap<>();
        for (int a = 0; a < ne; a++) {
            oneBody[a] = model.oneBodyEnergy(elements.get(a));
            for (int b = 0; b < ne; b++) {
                PairTerm p = model.pair(elements.get(a), elements.get(b));
                pairKnots[a * ne + b] = p.knots();
                pairTable[a * ne + b] = CubicBSpline.Table.of(p.knots()).splineTable(p.coefficients());
                pairCut[a * ne + b] = p.knots().max();
            }
        }
        if (threeBody) {
            for (int c = 0; c < ne; c++) {
                for (int a = 0; a < ne; a++) {
                    for (int b = 0; b < ne; b++) {
                        TripletTerm t = model.triplet(elements.get(c), elements.get(a), elements.get(b));
                        int x = (c * ne + a) * ne + b;
                        tripletTerm[x] = t;
                        swapped[x] = !t.first().equals(elements.get(a));
                        KnotSequence own = swapped[x] ? t.knotsIK() : t.knotsIJ();
                        leg[x] = CubicBSpline.Table.of(own);
                        legCut[x] = own.max();
                        jkKnots[x] = t.knotsJK();
                        jkCut[x] = t.knotsJK().max();
                        tensor[x] = tables.computeIfAbsent(t, JavaEvaluator::tensorTable);
                        lCount[x] = t.knotsIJ().basisCount();
                        mCount[x] = t.knotsIK().basisCount();
                        tripletReach[c] = Math.max(tripletReach[c], Math.max(t.knotsIJ().max(), t.knotsIK().max()));
                    }
                }
            }
        }
    }

    /**
     * The triplet term as a cubic polynomial in x = r_jk − t_q on each jk-knot interval q, for every
     * pair (l, m) of ij and ik basis functions: V3 = Σ_lm B_l(r_ij) B_m(r_ik) Σ_p a[q][l][m][p] x^p with
     * a[q][l][m][·] the per-interval polynomial of the 1-D spline Σ_n c_lmn B_n (CubicBSpline.Table).
     * Layout [q][l][m][8], q the knot index of the jk leg, 8 doubles per (q, l, m) as in
     * {@link CubicBSpline.Table#splineTable}: a0..a3, then a1, 2 a2, 3 a3 for the x-derivative. The 16
     * (l, m) entries a triplet reads lie in four runs of 32 consecutive doubles. This replaces the
     * jk-leg basis and one of the three contractions per triplet.
     */
    private static double[] tensorTable(TripletTerm t) {
        int nl = t.knotsIJ().basisCount(), nm = t.knotsIK().basisCount(), nn = t.knotsJK().basisCount();
        KnotSequence jk = t.knotsJK();
        CubicBSpline.Table basis = CubicBSpline.Table.of(jk);
        double[] c = t.coefficients();
        int stride = CubicBSpline.Table.SPLINE_STRIDE;
        double[] out = new double[jk.size() * nl * nm * stride];
        for (int l = 0; l < nl; l++) {
            for (int m = 0; m < nm; m++) {
                int row = (l * nm + m) * nn;
                double[] spline = basis.splineTable(java.util.Arrays.copyOfRange(c, row, row + nn));
                for (int q = 3; q <= jk.size() - 5; q++) {
                    System.arraycopy(spline, stride * q, out, ((q * nl + l) * nm + m) * stride, stride);
                }
            }
        }
        return out;
    }

    public Uf3Model model() {
        return model;
    }

    /** The neighbour-list cutoff this evaluator needs: the model's largest cutoff. */
    public double cutoff() {
        return cutoff;
    }

    /** Index of each atom's element in the model, or a clear error for elements the model lacks. */
    public int[] speciesOf(Structure s) {
        int[] sp = new int[s.size()];
        for (int i = 0; i < sp.length; i++) {
            sp[i] = elements.indexOf(s.symbol(i));
            if (sp[i] < 0) {
                throw new EvaluationException("structure contains element " + s.symbol(i) + " (atom " + i
                        + ") but the potential only has " + elements);
            }
        }
        return sp;
    }

    @Override
    public Evaluation evaluate(Structure s) {
        return evaluate(s, NeighborList.build(s, cutoff));
    }

    /**
     * Evaluates with a neighbour list the caller built (e.g. once for several evaluations of
     * the same positions); its cutoff must be at least {@link #cutoff()}.
     */
    public Evaluation evaluate(Structure s, NeighborList nl) {
        if (nl.atomCount() != s.size() || nl.cutoff() < cutoff) {
            throw new IllegalArgumentException("neighbour list of " + nl.atomCount() + " atoms within " + nl.cutoff()
                    + " Å does not fit a structure of " + s.size() + " atoms and the model cutoff " + cutoff + " Å");
        }
        int n = s.size();
        int[] sp = speciesOf(s);
        double[] atomE = new double[n];
        double[] f = new double[3 * n];
        double[] w = new double[6];
        for (int i = 0; i < n; i++) {
            atomE[i] = oneBody[sp[i]];
        }
        pairTerms(s, sp, nl, atomE, f, w);
        if (threeBody) {
            new TripletSweep(nl).run(s, sp, atomE, f, w);
        }
        double energy = 0;
        for (double v : atomE) {
            energy += v;
        }
        return new Evaluation(energy, atomE, f, w);
    }

    /**
     * Σ_i Σ_{j≠i} V2(r_ij), each pair of atoms once: the entry i→j with j > i stands for itself and
     * its mirror j→i (V2 to atom i and to atom j, F_i += 2 V' d/r, F_j −= 2 V' d/r, W −= 2 V' d⊗d/r with
     * d = x_j − x_i), entries with j < i are skipped, and an image of the atom itself (j = i, whose
     * mirror is in the same row) counts once.
     */
    private void pairTerms(Structure s, int[] sp, NeighborList nl, double[] atomE, double[] f, double[] w) {
        double wxx = 0, wyy = 0, wzz = 0, wyz = 0, wxz = 0, wxy = 0;
        for (int i = 0; i < atomE.length; i++) {
            int row = sp[i] * ne;
            double ei = 0, fix = 0, fiy = 0, fiz = 0;
            for (int e = nl.start(i), end = nl.end(i); e < end; e++) {
                int j = nl.neighbor(e);
                if (j < i) {
                    continue;
                }
                int pair = row + sp[j];
                double r = nl.distance(e);
                if (r >= pairCut[pair]) {
                    continue;
                }
                KnotSequence kn = pairKnots[pair];
                int q = kn.interval(r);
                if (q < 0) {
                    PairTerm p = model.pair(elements.get(sp[i]), elements.get(sp[j]));
                    throw tooClose(s, i, j, r, kn.min(), "2-body " + p.first() + "-" + p.second());
                }
                double x = r - kn.knot(q);
                double[] a = pairTable[pair];
                int o = CubicBSpline.Table.SPLINE_STRIDE * q;
                double v = a[o] + x * (a[o + 1] + x * (a[o + 2] + x * a[o + 3]));
                double dv = a[o + 4] + x * (a[o + 5] + x * a[o + 6]);
                ei += v;
                if (j != i) { // this entry also stands for its mirror j→i
                    atomE[j] += v;
                    dv *= 2;
                }
                double scale = dv / r;
                double dx = nl.vector(e, 0), dy = nl.vector(e, 1), dz = nl.vector(e, 2);
                double fx = scale * dx, fy = scale * dy, fz = scale * dz;
                fix += fx;
                fiy += fy;
                fiz += fz;
                f[3 * j] -= fx;
                f[3 * j + 1] -= fy;
                f[3 * j + 2] -= fz;
                wxx -= fx * dx;
                wyy -= fy * dy;
                wzz -= fz * dz;
                wyz -= fz * dy;
                wxz -= fz * dx;
                wxy -= fy * dx;
            }
            atomE[i] += ei;
            f[3 * i] += fix;
            f[3 * i + 1] += fiy;
            f[3 * i + 2] += fiz;
        }
        w[0] += wxx;
        w[1] += wyy;
        w[2] += wzz;
        w[3] += wyz;
        w[4] += wxz;
        w[5] += wxy;
    }

    /**
     * The triplet terms, centre by centre, with scratch sized for the longest neighbour row. For a
     * centre i, the neighbours within the 3-body reach form a short list of slots; each slot keeps
     * its leg basis per partner element, and the force and energy share it receives from the
     * triplets centred on i (added to the atoms once the centre is done).
     */
    private final class TripletSweep {
        private final NeighborList nl;
        private final int[] atom;
        private final int[] element;
        private final double[] dist;
        private final double[] inverse;
        private final double[] disp;      // 3 per slot: x_j − x_i
        private final double[] force;     // 3 per slot: force on the neighbour from triplets centred on i
        private final double[] energy;    // per slot: its third of those triplets' energies
        private final double[] basis;     // 8 per (slot, partner element): B_0..3, B'_0..3 of the slot's leg
        private final int[] first;        // per (slot, partner element): first basis index, or NONE / TOO_CLOSE
        // the partners b of the current slot a whose triplet is on: slot, jk interval, x in it, r_jk, x_b − x_a
        private final int[] partner;
        private final int[] interval;
        private final double[] offset;
        private final double[] rjk;
        private final double[] ujk;

        private static final int NONE = -1;      // beyond the leg's cutoff: no triplet
        private static final int TOO_CLOSE = -2; // below the leg's first knot: an error if the triplet is on

        TripletSweep(NeighborList nl) {
            this.nl = nl;
            int longest = 0;
            for (int i = 0; i < nl.atomCount(); i++) {
                longest = Math.max(longest, nl.end(i) - nl.start(i));
            }
            atom = new int[longest];
            element = new int[longest];
            dist = new double[longest];
            inverse = new double[longest];
            disp = new double[3 * longest];
            force = new double[3 * longest];
            energy = new double[longest];
            basis = new double[8 * longest * ne];
            first = new int[longest * ne];
            partner = new int[longest];
            interval = new int[longest];
            offset = new double[longest];
            rjk = new double[longest];
            ujk = new double[3 * longest];
        }

        void run(Structure s, int[] sp, double[] atomE, double[] f, double[] w) {
            double wxx = 0, wyy = 0, wzz = 0, wyz = 0, wxz = 0, wxy = 0;
            for (int i = 0; i < atomE.length; i++) {
                int ci = sp[i];
                int count = shortList(i, ci, sp);
                double ei = tripletsOf(s, i, ci, count);
                // hand the neighbours their forces and energies; F_i = −Σ F_neighbours; W = Σ d ⊗ F
                double fix = 0, fiy = 0, fiz = 0;
                for (int a = 0; a < count; a++) {
                    int j = atom[a];
                    double fx = force[3 * a], fy = force[3 * a + 1], fz = force[3 * a + 2];
                    double dx = disp[3 * a], dy = disp[3 * a + 1], dz = disp[3 * a + 2];
                    f[3 * j] += fx;
                    f[3 * j + 1] += fy;
                    f[3 * j + 2] += fz;
                    fix -= fx;
                    fiy -= fy;
                    fiz -= fz;
                    wxx += dx * fx;
                    wyy += dy * fy;
                    wzz += dz * fz;
                    wyz += dy * fz;
                    wxz += dx * fz;
                    wxy += dx * fy;
                    atomE[j] += energy[a];
                }
                f[3 * i] += fix;
                f[3 * i + 1] += fiy;
                f[3 * i + 2] += fiz;
                atomE[i] += ei;
            }
            w[0] += wxx;
            w[1] += wyy;
            w[2] += wzz;
            w[3] += wyz;
            w[4] += wxz;
            w[5] += wxy;
        }

        /** Fills the slots of centre i (element ci): neighbours within the reach and their leg bases. */
        private int shortList(int i, int ci, int[] sp) {
            double reach = tripletReach[ci];
            int count = 0;
            for (int e = nl.start(i), end = nl.end(i); e < end; e++) {
                double r = nl.distance(e);
                if (!(r < reach)) {
                    continue;
                }
                int j = nl.neighbor(e);
                int cj = sp[j];
                atom[count] = j;
                element[count] = cj;
                dist[count] = r;
                inverse[count] = 1.0 / r;
                for (int k = 0; k < 3; k++) {
                    disp[3 * count + k] = nl.vector(e, k);
                    force[3 * count + k] = 0;
                }
                energy[count] = 0;
                for (int ck = 0; ck < ne; ck++) {
                    int t = (ci * ne + cj) * ne + ck;
                    int slot = count * ne + ck;
                    if (r >= legCut[t]) {
                        first[slot] = NONE;
                    } else {
                        int s0 = leg[t].evaluate(r, basis, 8 * slot);
                        first[slot] = s0 < 0 ? TOO_CLOSE : s0;
                    }
                }
                count++;
            }
            return count;
        }

        /**
         * All triplets (a, b), a before b in the short list, of centre i: adds the forces on the
         * neighbours and their energy shares to the slots; returns the centre's energy share. For
         * each a, a first loop finds the partners b whose triplet is on (their r_jk and jk interval),
         * a second does the contractions: short independent iterations, so the square root and the
         * interval search of one triplet overlap the arithmetic of others.
         */
        private double tripletsOf(Structure s, int i, int ci, int count) {
            double ei = 0;
            for (int a = 0; a < count; a++) {
                int ca = element[a];
                int active = 0;
                for (int b = a + 1; b < count; b++) {
                    int cb = element[b];
                    int sa = a * ne + cb;
                    int sb = b * ne + ca;
                    if (first[sa] == NONE || first[sb] == NONE) {
                        continue;
                    }
                    int t = (ci * ne + ca) * ne + cb;
                    double ux = disp[3 * b] - disp[3 * a];
                    double uy = disp[3 * b + 1] - disp[3 * a + 1];
                    double uz = disp[3 * b + 2] - disp[3 * a + 2];
                    double r = Math.sqrt(ux * ux + uy * uy + uz * uz);
                    if (r >= jkCut[t]) {
                        continue;
                    }
                    KnotSequence kn = jkKnots[t];
                    int q = first[sa] < 0 || first[sb] < 0 ? -1 : kn.interval(r);
                    if (q < 0) {
                        // j is the neighbour on leg ij of the term, k the one on leg ik
                        int j = swapped[t] ? b : a, k = swapped[t] ? a : b;
                        throw tripletTooClose(s, i, atom[j], atom[k], first[j == a ? sa : sb], first[k == a ? sa : sb],
                                dist[j], dist[k], r, tripletTerm[t]);
                    }
                    partner[active] = b;
                    interval[active] = q;
                    offset[active] = r - kn.knot(q);
                    rjk[active] = r;
                    ujk[3 * active] = ux;
                    ujk[3 * active + 1] = uy;
                    ujk[3 * active + 2] = uz;
                    active++;
                }
                for (int p = 0; p < active; p++) {
                    int b = partner[p];
                    int cb = element[b];
                    int t = (ci * ne + ca) * ne + cb;
                    // j is the neighbour on leg ij of the term, k the one on leg ik; u = x_k − x_j
                    int j = a, k = b, sj = a * ne + cb, sk = b * ne + ca;
                    double sign = 1;
                    if (swapped[t]) {
                        j = b;
                        k = a;
                        sj = b * ne + ca;
                        sk = a * ne + cb;
                        sign = -1;
                    }
                    double v = 0, gij = 0, gik = 0, gjk = 0;
                    {
                        // per l: A = Σ_m Bik_m h_lm, B = Σ_m Bik'_m h_lm, C = Σ_m Bik_m h'_lm with h_lm(x) the
                        // jk polynomial of (l0+l, m0+m); then V3 = Σ_l Bij_l A, dV3/dr_ij = Σ_l Bij'_l A, ...
                        double[] tab = tensor[t];
                        int nm = mCount[t];
                        int row = (interval[p] * lCount[t] + first[sj]) * nm + first[sk];
                        double x = offset[p];
                        int oj = 8 * sj, ok = 8 * sk;
                        double bk0 = basis[ok], bk1 = basis[ok + 1], bk2 = basis[ok + 2], bk3 = basis[ok + 3];
                        double dk0 = basis[ok + 4], dk1 = basis[ok + 5], dk2 = basis[ok + 6], dk3 = basis[ok + 7];
                        for (int l = 0; l < 4; l++) {
                            int o = 8 * (row + l * nm);
                            double h0 = tab[o] + x * (tab[o + 1] + x * (tab[o + 2] + x * tab[o + 3]));
                            double e0 = tab[o + 4] + x * (tab[o + 5] + x * tab[o + 6]);
                            double h1 = tab[o + 8] + x * (tab[o + 9] + x * (tab[o + 10] + x * tab[o + 11]));
                            double e1 = tab[o + 12] + x * (tab[o + 13] + x * tab[o + 14]);
                            double h2 = tab[o + 16] + x * (tab[o + 17] + x * (tab[o + 18] + x * tab[o + 19]));
                            double e2 = tab[o + 20] + x * (tab[o + 21] + x * tab[o + 22]);
                            double h3 = tab[o + 24] + x * (tab[o + 25] + x * (tab[o + 26] + x * tab[o + 27]));
                            double e3 = tab[o + 28] + x * (tab[o + 29] + x * tab[o + 30]);
                            double sumA = bk0 * h0 + bk1 * h1 + bk2 * h2 + bk3 * h3;
                            double sumB = dk0 * h0 + dk1 * h1 + dk2 * h2 + dk3 * h3;
                            double sumC = bk0 * e0 + bk1 * e1 + bk2 * e2 + bk3 * e3;
                            double bj = basis[oj + l];
                            v += bj * sumA;
                            gij += basis[oj + 4 + l] * sumA;
                            gik += bj * sumB;
                            gjk += bj * sumC;
                        }
                    }
                    // F_j = −dV/dx_j = −gij d_ij/r_ij + gjk u/r_jk, F_k = −gik d_ik/r_ik − gjk u/r_jk
                    double sij = gij * inverse[j], sik = gik * inverse[k], sjk = sign * gjk / rjk[p];
                    double ux = ujk[3 * p], uy = ujk[3 * p + 1], uz = ujk[3 * p + 2];
                    force[3 * j] += sjk * ux - sij * disp[3 * j];
                    force[3 * j + 1] += sjk * uy - sij * disp[3 * j + 1];
                    force[3 * j + 2] += sjk * uz - sij * disp[3 * j + 2];
                    force[3 * k] -= sjk * ux + sik * disp[3 * k];
                    force[3 * k + 1] -= sjk * uy + sik * disp[3 * k + 1];
                    force[3 * k + 2] -= sjk * uz + sik * disp[3 * k + 2];
                    double third = v / 3;
                    ei += third;
                    energy[j] += third;
                    energy[k] += third;
                }
            }
            return ei;
        }
    }

    /** The error for a triplet with a leg below its first knot (checked in the order ij, ik, jk). */
    private static EvaluationException tripletTooClose(Structure s, int i, int j, int k, int l0, int m0, double rij,
                                                       double rik, double rjk, TripletTerm t) {
        String name = "3-body " + t.centre() + "-" + t.first() + "-" + t.second();
        if (l0 < 0) {
            return tooClose(s, i, j, rij, t.knotsIJ().min(), name + " (leg ij)");
        }
        if (m0 < 0) {
            return tooClose(s, i, k, rik, t.knotsIK().min(), name + " (leg ik)");
        }
        return tooClose(s, j, k, rjk, t.knotsJK().min(), name + " (leg jk)");
    }

    private static EvaluationException tooClose(Structure s, int a, int b, double r, double min, String term) {
        return new EvaluationException(String.format(
                "atoms %d (%s) and %d (%s) are %.4f Å apart, closer than the first knot %.4f Å of the %s term: "
                        + "the potential is undefined there (overlapping atoms?)",
                a, s.symbol(a), b, s.symbol(b), r, min, term));
    }
}

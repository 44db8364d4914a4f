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
 * <p>How it is fast: the splines are evaluated from per-interval polynomial tables
 * ({@link CubicBSpline.Table}, derived from the one basis definition); for the triplets centred on
 * an atom the basis of each short leg i→j is computed once per (neighbour, partner element), not
 * once per triplet, so a triplet costs one jk-leg basis and the 4×4×4 contraction; forces on the
 * neighbours of a centre are summed per neighbour and the virial is formed from them once per
 * centre (W = Σ d ⊗ F over the centre's neighbours, which equals the sum over the legs).
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
    private final CubicBSpline.Table[] jkLeg;
    private final double[] jkCut;
    private final double[][] coefficients;  // [l][m][n] flat, l along ij, m along ik, n along jk
    private final int[] mCount;
    private final int[] nCount;

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
        jkLeg = new CubicBSpline.Table[n3];
        jkCut = new double[n3];
        coefficients = new double[n3][];
        mCount = new int[n3];
        nCount = new int[n3];
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
                        jkLeg[x] = CubicBSpline.Table.of(t.knotsJK());
                        jkCut[x] = t.knotsJK().max();
                        coefficients[x] = t.coefficients();
                        mCount[x] = t.knotsIK().basisCount();
                        nCount[x] = t.knotsJK().basisCount();
                        tripletReach[c] = Math.max(tripletReach[c], Math.max(t.knotsIJ().max(), t.knotsIK().max()));
                    }
                }
            }
        }
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

    /** Σ_i Σ_j V2(r_ij): per entry i→j, F_i += V' d/r, F_j −= V' d/r, W −= V' d⊗d/r (d = x_j − x_i). */
    private void pairTerms(Structure s, int[] sp, NeighborList nl, double[] atomE, double[] f, double[] w) {
        double wxx = 0, wyy = 0, wzz = 0, wyz = 0, wxz = 0, wxy = 0;
        for (int i = 0; i < atomE.length; i++) {
            int row = sp[i] * ne;
            double ei = 0, fix = 0, fiy = 0, fiz = 0;
            for (int e = nl.start(i), end = nl.end(i); e < end; e++) {
                int j = nl.neighbor(e);
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
                ei += a[o] + x * (a[o + 1] + x * (a[o + 2] + x * a[o + 3]));
                double scale = (a[o + 4] + x * (a[o + 5] + x * a[o + 6])) / r;
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
        private final double[] jk = new double[8];

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
         * neighbours and their energy shares to the slots; returns the centre's energy share.
         */
        private double tripletsOf(Structure s, int i, int ci, int count) {
            double ei = 0;
            for (int a = 0; a < count; a++) {
                int ca = element[a];
                for (int b = a + 1; b < count; b++) {
                    int cb = element[b];
                    int sa = a * ne + cb;
                    int sb = b * ne + ca;
                    if (first[sa] == NONE || first[sb] == NONE) {
                        continue;
                    }
                    int t = (ci * ne + ca) * ne + cb;
                    // j is the neighbour on leg ij of the term, k the one on leg ik
                    int j = a, k = b, sj = sa, sk = sb;
                    if (swapped[t]) {
                        j = b;
                        k = a;
                        sj = sb;
                        sk = sa;
                    }
                    double ux = disp[3 * k] - disp[3 * j];
                    double uy = disp[3 * k + 1] - disp[3 * j + 1];
                    double uz = disp[3 * k + 2] - disp[3 * j + 2];
                    double rjk = Math.sqrt(ux * ux + uy * uy + uz * uz);
                    if (rjk >= jkCut[t]) {
                        continue;
                    }
                    int l0 = first[sj], m0 = first[sk];
                    int n0 = l0 < 0 || m0 < 0 ? -1 : jkLeg[t].evaluate(rjk, jk, 0);
                    if (n0 < 0) {
                        throw tripletTooClose(s, i, atom[j], atom[k], l0, m0, dist[j], dist[k], rjk, tripletTerm[t]);
                    }
                    double v, gij, gik, gjk;
                    {
                        // U_l[n] = Σ_m c[l0+l][m0+m][n0+n] Bik_m (and with Bik'), then
                        // P[n] = Σ_l U_l[n] Bij_l, Pj[n] = Σ_l U_l[n] Bij'_l, Pk[n] = Σ_l U'_l[n] Bij_l
                        double[] c = coefficients[t];
                        int nn = nCount[t];
                        int mn = mCount[t] * nn;
                        int base = (l0 * mCount[t] + m0) * nn + n0;
                        int oj = 8 * sj, ok = 8 * sk;
                        double bk0 = basis[ok], bk1 = basis[ok + 1], bk2 = basis[ok + 2], bk3 = basis[ok + 3];
                        double dk0 = basis[ok + 4], dk1 = basis[ok + 5], dk2 = basis[ok + 6], dk3 = basis[ok + 7];
                        double p0 = 0, p1 = 0, p2 = 0, p3 = 0;
                        double pj0 = 0, pj1 = 0, pj2 = 0, pj3 = 0;
                        double pk0 = 0, pk1 = 0, pk2 = 0, pk3 = 0;
                        for (int l = 0; l < 4; l++) {
                            int r0 = base + l * mn, r1 = r0 + nn, r2 = r1 + nn, r3 = r2 + nn;
                            double c00 = c[r0], c01 = c[r0 + 1], c02 = c[r0 + 2], c03 = c[r0 + 3];
                            double c10 = c[r1], c11 = c[r1 + 1], c12 = c[r1 + 2], c13 = c[r1 + 3];
                            double c20 = c[r2], c21 = c[r2 + 1], c22 = c[r2 + 2], c23 = c[r2 + 3];
                            double c30 = c[r3], c31 = c[r3 + 1], c32 = c[r3 + 2], c33 = c[r3 + 3];
                            double u0 = c00 * bk0 + c10 * bk1 + c20 * bk2 + c30 * bk3;
                            double u1 = c01 * bk0 + c11 * bk1 + c21 * bk2 + c31 * bk3;
                            double u2 = c02 * bk0 + c12 * bk1 + c22 * bk2 + c32 * bk3;
                            double u3 = c03 * bk0 + c13 * bk1 + c23 * bk2 + c33 * bk3;
                            double du0 = c00 * dk0 + c10 * dk1 + c20 * dk2 + c30 * dk3;
                            double du1 = c01 * dk0 + c11 * dk1 + c21 * dk2 + c31 * dk3;
                            double du2 = c02 * dk0 + c12 * dk1 + c22 * dk2 + c32 * dk3;
                            double du3 = c03 * dk0 + c13 * dk1 + c23 * dk2 + c33 * dk3;
                            double bj = basis[oj + l], dj = basis[oj + 4 + l];
                            p0 += u0 * bj;
                            p1 += u1 * bj;
                            p2 += u2 * bj;
                            p3 += u3 * bj;
                            pj0 += u0 * dj;
                            pj1 += u1 * dj;
                            pj2 += u2 * dj;
                            pj3 += u3 * dj;
                            pk0 += du0 * bj;
                            pk1 += du1 * bj;
                            pk2 += du2 * bj;
                            pk3 += du3 * bj;
                        }
                        double bn0 = jk[0], bn1 = jk[1], bn2 = jk[2], bn3 = jk[3];
                        v = p0 * bn0 + p1 * bn1 + p2 * bn2 + p3 * bn3;
                        gij = pj0 * bn0 + pj1 * bn1 + pj2 * bn2 + pj3 * bn3;
                        gik = pk0 * bn0 + pk1 * bn1 + pk2 * bn2 + pk3 * bn3;
                        gjk = p0 * jk[4] + p1 * jk[5] + p2 * jk[6] + p3 * jk[7];
                    }
                    // F_j = −dV/dx_j = −gij d_ij/r_ij + gjk u/r_jk, F_k = −gik d_ik/r_ik − gjk u/r_jk (u = x_k − x_j)
                    double sij = gij * inverse[j], sik = gik * inverse[k], sjk = gjk / rjk;
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

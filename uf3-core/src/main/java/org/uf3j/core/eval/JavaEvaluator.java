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
 * one basis definition ({@link CubicBSpline.Table}); atom by atom, its pair terms and then the
 * triplets centred on it, so its neighbour row is read from memory once; each pair of atoms is
 * visited once for the 2-body term (the full neighbour list holds it twice); a triplet term is a
 * "tensor-spline" table, per pair (l, m) of ij and ik basis functions the cubic polynomial in r_jk on
 * each jk interval, so a triplet costs one interval look-up (direct on uniform knots) and 16
 * polynomials contracted with the two leg bases ({@link TripletContraction}: on the JDK Vector API,
 * four lanes over m, when the JVM runs with {@code --add-modules jdk.incubator.vector}, else the same
 * arithmetic in scalar code, identical results); the ij/ik leg bases are computed once per
 * (neighbour, partner element) and centre, not once per triplet; a centre's neighbours are grouped
 * by element, so a run of triplets shares one term, its table (stored in the orientation of the run,
 * so no triplet swaps legs) and the first leg's basis; forces on the neighbours of a centre are
 * summed per neighbour and the virial is formed from them once per centre (W = Σ d ⊗ F over the
 * centre's neighbours, which equals the sum over the legs). A triplet term the model leaves out
 * ({@link Uf3Model#absentTriplets}) contributes nothing and costs nothing: its legs take no neighbour.
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
    private final double[] pairScale;       // see intervalOf
    // 3-body terms, index (centre * ne + a) * ne + b for a neighbour of element a whose partner is of element b;
    // the neighbour of element a is "leg a" of the triplet, its partner "leg b"
    private final boolean threeBody;
    private final double[] tripletReach;
    private final TripletTerm[] tripletTerm;
    private final boolean[] swapped;        // leg a is leg ik of the term (and leg b leg ij)
    private final CubicBSpline.Table[] leg;   // the basis of leg a (ij, or ik when swapped)
    private final double[] legCut;
    private final double[] legScale;        // see intervalOf
    private final KnotSequence[] jkKnots;
    private final double[] jkCut;
    private final double[] jkScale;         // see intervalOf
    private final double[][] jkKnotArray;    // the jk knots, read directly in the triplet loop
    private final double[][] tensor;         // tensor-spline table of the term oriented (leg a, leg b), see tensorTable
    private final int[] aCount;              // basis functions along leg a
    private final int[] bCount;              // basis functions along leg b
    private final TripletContraction contraction;

    /** An evaluator with the fastest triplet contraction this JVM offers (see {@link #vectorised()}). */
    public JavaEvaluator(Uf3Model model) {
        this(model, TripletContractions.preferred());
    }

    JavaEvaluator(Uf3Model model, TripletContraction contraction) {
        this.model = model;
        this.contraction = contraction;
        this.elements = model.elements();
        this.ne = elements.size();
        this.cutoff = model.maxCutoff();
        this.threeBody = model.bodyOrder() == 3;
        oneBody = new double[ne];
        pairKnots = new KnotSequence[ne * ne];
        pairTable = new double[ne * ne][];
        pairCut = new double[ne * ne];
        pairScale = new double[ne * ne];
        int n3 = ne * ne * ne;
        tripletReach = new double[ne];
        tripletTerm = new TripletTerm[n3];
        swapped = new boolean[n3];
        leg = new CubicBSpline.Table[n3];
        legCut = new double[n3];
        legScale = new double[n3];
        jkKnots = new KnotSequence[n3];
        jkCut = new double[n3];
        jkScale = new double[n3];
        jkKnotArray = new double[n3][];
        tensor = new double[n3][];
        aCount = new int[n3];
        bCount = new int[n3];
        java.util.Map<TripletTerm, double[]> tables = new java.util.IdentityHashMap<>();
        java.util.Map<TripletTerm, double[]> transposed = new java.util.IdentityHashMap<>();
        for (int a = 0; a < ne; a++) {
            oneBody[a] = model.oneBodyEnergy(elements.get(a));
            for (int b = 0; b < ne; b++) {
                PairTerm p = model.pair(elements.get(a), elements.get(b));
                pairKnots[a * ne + b] = p.knots();
                pairTable[a * ne + b] = CubicBSpline.Table.of(p.knots()).splineTable(p.coefficients());
                pairCut[a * ne + b] = p.knots().max();
                pairScale[a * ne + b] = intervalScale(p.knots());
            }
        }
        if (threeBody) {
            for (int c = 0; c < ne; c++) {
                for (int a = 0; a < ne; a++) {
                    for (int b = 0; b < ne; b++) {
                        TripletTerm t = model.triplet(elements.get(c), elements.get(a), elements.get(b));
                        int x = (c * ne + a) * ne + b;
                        if (t == null) {
                            continue; // a term left out: legCut 0 puts no neighbour on its legs
                        }
                        tripletTerm[x] = t;
                        swapped[x] = !t.first().equals(elements.get(a));
                        KnotSequence own = swapped[x] ? t.knotsIK() : t.knotsIJ();
                        leg[x] = CubicBSpline.Table.of(own);
                        legCut[x] = own.max();
                        legScale[x] = intervalScale(own);
                        jkKnots[x] = t.knotsJK();
                        jkCut[x] = t.knotsJK().max();
                        jkScale[x] = intervalScale(t.knotsJK());
                        jkKnotArray[x] = t.knotsJK().toArray();
                        tensor[x] = swapped[x] ? transposed.computeIfAbsent(t, u -> tensorTable(u, true))
                                : tables.computeIfAbsent(t, u -> tensorTable(u, false));
                        aCount[x] = own.basisCount();
                        bCount[x] = (swapped[x] ? t.knotsIJ() : t.knotsIK()).basisCount();
                        tripletReach[c] = Math.max(tripletReach[c], Math.max(t.knotsIJ().max(), t.knotsIK().max()));
                    }
                }
            }
        }
    }

    /** 1 / knot spacing for uniform knots, 0 otherwise: see {@link #intervalOf}. */
    private static double intervalScale(KnotSequence kn) {
        return kn.isUniform() ? kn.intervalCount() / (kn.knot(kn.size() - 4) - kn.knot(3)) : 0;
    }

    /**
     * The knot interval of r below the last knot, as {@link KnotSequence#interval} (−1 below the first
     * knot), with scale = {@link #intervalScale}: on uniform knots computed directly, without the search
     * and its corrections for rounding (r on a knot may get the interval below it, whose polynomial
     * agrees with the next one there to rounding).
     */
    private static int intervalOf(KnotSequence kn, double scale, double r) {
        if (!(r >= kn.min())) {
            return -1;
        }
        if (scale > 0) {
            return Math.min(3 + (int) ((r - kn.knot(3)) * scale), kn.size() - 5);
        }
        return kn.interval(r);
    }

    private static final int ROWS = TripletContraction.ROWS;

    /**
     * The triplet term as a cubic polynomial in x = r_jk − t_q on each jk-knot interval q, for every
     * pair (l, m) of ij and ik basis functions: V3 = Σ_lm B_l(r_ij) B_m(r_ik) h_lm(x) with
     * h_lm(x) = Σ_p a[q][l][m][p] x^p the per-interval polynomial of the 1-D spline Σ_n c_lmn B_n
     * ({@link CubicBSpline.Table#splineTable}). Layout [q][l][row][m] ({@link TripletContraction}): rows
     * a0, a1, a2, a3, each over all m, so the four m of a triplet are consecutive and a row
     * is one 4-wide load. This replaces the jk-leg basis and one of the three contractions per
     * triplet. With {@code transposed} l is the ik basis function and m the ij one, for a neighbour
     * that lies on leg ik.
     */
    private static double[] tensorTable(TripletTerm t, boolean transposed) {
        int nl = t.knotsIJ().basisCount(), nm = t.knotsIK().basisCount(), nn = t.knotsJK().basisCount();
        int na = transposed ? nm : nl, nb = transposed ? nl : nm;
        KnotSequence jk = t.knotsJK();
        CubicBSpline.Table basis = CubicBSpline.Table.of(jk);
        double[] c = t.coefficients();
        double[] out = new double[jk.size() * na * ROWS * nb];
        for (int l = 0; l < nl; l++) {
            for (int m = 0; m < nm; m++) {
                int row = (l * nm + m) * nn;
                double[] spline = basis.splineTable(java.util.Arrays.copyOfRange(c, row, row + nn));
                int a = transposed ? m : l, b = transposed ? l : m;
                for (int q = 3; q <= jk.size() - 5; q++) {
                    for (int p = 0; p < ROWS; p++) {
                        out[((q * na + a) * ROWS + p) * nb + b] = spline[CubicBSpline.Table.SPLINE_STRIDE * q + p];
                    }
                }
            }
        }
        return out;
    }

    public Uf3Model model() {
        return model;
    }

    /** Whether the triplet contractions run on the JDK Vector API (else in scalar code, same results to rounding). */
    public boolean vectorised() {
        return contraction instanceof VectorTripletContraction;
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
        // atom by atom, the pair terms and then the triplets centred on it: the atom's neighbour row is
        // read from memory once and is still in cache for the triplets
        TripletSweep triplets = threeBody ? new TripletSweep(nl) : null;
        for (int i = 0; i < n; i++) {
            pairTerms(s, sp, nl, i, atomE, f, w);
            if (triplets != null) {
                triplets.centre(s, sp, i, atomE, f, w);
            }
        }
        double energy = 0;
        for (double v : atomE) {
            energy += v;
        }
        return new Evaluation(energy, atomE, f, w);
    }

    /**
     * The pair terms of atom i's row of Σ_i Σ_{j≠i} V2(r_ij), each pair of atoms once: the entry i→j with j > i stands for itself and
     * its mirror j→i (V2 to atom i and to atom j, F_i += 2 V' d/r, F_j −= 2 V' d/r, W −= 2 V' d⊗d/r with
     * d = x_j − x_i), entries with j < i are skipped, and an image of the atom itself (j = i, whose
     * mirror is in the same row) counts once.
     */
    private void pairTerms(Structure s, int[] sp, NeighborList nl, int i, double[] atomE, double[] f, double[] w) {
        double wxx = 0, wyy = 0, wzz = 0, wyz = 0, wxz = 0, wxy = 0;
        {
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
                int q = intervalOf(kn, pairScale[pair], r);
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
     * centre i, the neighbours within the 3-body reach form a short list of slots, grouped by element
     * (group e holds slots e·capacity … e·capacity + groupSize[e] − 1), so that every run of partners
     * shares one term and its tables. Each slot keeps its leg basis per partner element, and the
     * force and energy it receives from the triplets centred on i (added to the atoms once the centre
     * is done).
     */
    private final class TripletSweep {
        private final NeighborList nl;
        private final int capacity;       // slots per element group: the longest neighbour row
        private final int[] groupSize;    // per element: slots in use for the current centre
        private final int[] entry;        // list entries of the current centre within the reach
        private final int[] atom;
        private final double[] inverse;   // per slot: 1 / r
        private final double[] dist;
        private final double[] disp;      // 3 per slot: x_j − x_i
        private final double[] force;     // 3 per slot: force on the neighbour from triplets centred on i (jk part)
        private final double[] energy;    // per slot: Σ V3 of its triplets centred on i (a third is its share)
        private final double[] radial;    // per slot: Σ dV3/dr of its leg over those triplets; its force −radial d/r
                                          // is added to force[] when the centre is done
        private final double[] basis;     // 8 per (slot, partner element): B_0..3, B'_0..3 of the slot's leg
        private final int[] first;        // per (slot, partner element): first basis index, or NONE / TOO_CLOSE
        // the partners b of the current slot a whose triplet is on: slot, first tensor entry
        // (((q * na + l0) * ROWS) * nb + m0 for jk interval q), x in that interval, 1 / r_jk, offset of
        // its leg basis in basis[]; and the contraction's results, 4 per partner
        private final int[] partner;
        private final int[] tableRow;
        private final double[] offset;
        private final double[] inverseJk;
        private final int[] partnerBasis;
        private final double[] result;

        private static final int NONE = -1;      // beyond the leg's cutoff: no triplet
        private static final int TOO_CLOSE = -2; // below the leg's first knot: an error if the triplet is on

        TripletSweep(NeighborList nl) {
            this.nl = nl;
            int longest = 0;
            for (int i = 0; i < nl.atomCount(); i++) {
                longest = Math.max(longest, nl.end(i) - nl.start(i));
            }
            capacity = longest;
            int slots = ne * longest;
            groupSize = new int[ne];
            entry = new int[longest];
            atom = new int[slots];
            inverse = new double[slots];
            dist = new double[slots];
            disp = new double[3 * slots];
            force = new double[3 * slots];
            energy = new double[slots];
            radial = new double[slots];
            basis = new double[8 * slots * ne];
            first = new int[slots * ne];
            partner = new int[longest];
            tableRow = new int[longest];
            offset = new double[longest];
            inverseJk = new double[longest];
            partnerBasis = new int[longest];
            result = new double[4 * longest];
        }

        /** The triplets centred on atom i: energies, forces and virial added to atomE, f and w. */
        void centre(Structure s, int[] sp, int i, double[] atomE, double[] f, double[] w) {
            double wxx = 0, wyy = 0, wzz = 0, wyz = 0, wxz = 0, wxy = 0;
            {
                int ci = sp[i];
                shortList(i, ci, sp);
                double ei = tripletsOf(s, i, ci);
                // hand the neighbours their forces and energies; F_i = −Σ F_neighbours; W = Σ d ⊗ F
                double fix = 0, fiy = 0, fiz = 0;
                for (int g = 0; g < ne; g++) {
                    for (int a = g * capacity, end = a + groupSize[g]; a < end; a++) {
                        int j = atom[a];
                        double dx = disp[3 * a], dy = disp[3 * a + 1], dz = disp[3 * a + 2];
                        double sr = radial[a] * inverse[a];
                        double fx = force[3 * a] - sr * dx, fy = force[3 * a + 1] - sr * dy, fz = force[3 * a + 2] - sr * dz;
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
                        atomE[j] += energy[a] / 3;
                    }
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
        private void shortList(int i, int ci, int[] sp) {
            double reach = tripletReach[ci];
            // the entries within the reach, without a branch per entry
            int n = 0;
            for (int e = nl.start(i), end = nl.end(i); e < end; e++) {
                entry[n] = e;
                n += nl.distance(e) < reach ? 1 : 0;
            }
            java.util.Arrays.fill(groupSize, 0);
            for (int p = 0; p < n; p++) {
                int e = entry[p];
                double r = nl.distance(e);
                int j = nl.neighbor(e);
                int cj = sp[j];
                int a = cj * capacity + groupSize[cj]++;
                atom[a] = j;
                dist[a] = r;
                inverse[a] = 1.0 / r;
                for (int k = 0; k < 3; k++) {
                    disp[3 * a + k] = nl.vector(e, k);
                    force[3 * a + k] = 0;
                }
                energy[a] = 0;
                radial[a] = 0;
                for (int ck = 0; ck < ne; ck++) {
                    int t = (ci * ne + cj) * ne + ck;
                    int slot = a * ne + ck;
                    if (r >= legCut[t]) {
                        first[slot] = NONE;
                    } else {
                        CubicBSpline.Table table = leg[t];
                        int q = intervalOf(table.knots(), legScale[t], r);
                        first[slot] = q < 0 ? TOO_CLOSE : table.evaluate(q, r, basis, 8 * slot);
                    }
                }
            }
        }

        /**
         * All triplets (a, b) of centre i, each unordered pair of slots once: adds the forces on the
         * neighbours and their energies to the slots; returns the centre's energy share. For each slot
         * a and each group of partners b (element eb, a before b), one term applies: a first loop finds
         * the partners whose triplet is on (r_jk, jk interval), a second does the contractions: short
         * independent iterations, so the square root and the interval search of one triplet overlap
         * the arithmetic of others.
         */
        private double tripletsOf(Structure s, int i, int ci) {
            double vi = 0;
            for (int ea = 0; ea < ne; ea++) {
                for (int a = ea * capacity, aEnd = a + groupSize[ea]; a < aEnd; a++) {
                    double ax = disp[3 * a], ay = disp[3 * a + 1], az = disp[3 * a + 2];
                    double fax = 0, fay = 0, faz = 0; // Σ gjk u / r_jk over a's triplets
                    double va = 0;                    // Σ V3 over the triplets where a comes first
                    double ga = 0;                    // Σ dV3/dr_a over those triplets
                    for (int eb = ea; eb < ne; eb++) {
                        int sa = a * ne + eb;
                        int l0 = first[sa];
                        if (l0 == NONE) {
                            continue;
                        }
                        int t = (ci * ne + ea) * ne + eb;
                        int bStart = eb == ea ? a + 1 : eb * capacity, bEnd = eb * capacity + groupSize[eb];
                        KnotSequence kn = jkKnots[t];
                        double[] knots = jkKnotArray[t];
                        int na = aCount[t], nb = bCount[t];
                        double cut = jkCut[t], scale = jkScale[t], t3 = knots[3];
                        int qMax = knots.length - 5;
                        int qRow = na * ROWS * nb, lRow = l0 * ROWS * nb;
                        int active = 0;
                        for (int b = bStart; b < bEnd; b++) {
                            int m0 = first[b * ne + ea];
                            if (m0 == NONE) {
                                continue;
                            }
                            double ux = disp[3 * b] - ax, uy = disp[3 * b + 1] - ay, uz = disp[3 * b + 2] - az;
                            double r = Math.sqrt(ux * ux + uy * uy + uz * uz);
                            if (r >= cut) {
                                continue;
                            }
                            // the jk interval as intervalOf, with the knots at hand
                            int q = l0 < 0 || m0 < 0 || !(r >= t3) ? -1
                                    : scale > 0 ? Math.min(3 + (int) ((r - t3) * scale), qMax) : kn.interval(r);
                            if (q < 0) {
                                throw tripletTooClose(s, i, a, b, t, r);
                            }
                            partner[active] = b;
                            tableRow[active] = q * qRow + lRow + m0;
                            offset[active] = r - knots[q];
                            inverseJk[active] = 1.0 / r;
                            partnerBasis[active] = 8 * (b * ne + ea);
                            active++;
                        }
                        if (active == 0) {
                            continue;
                        }
                        contraction.contract(active, tensor[t], nb, tableRow, offset, basis, 8 * sa, partnerBasis,
                                result);
                        for (int p = 0; p < active; p++) {
                            int b = partner[p];
                            double v = result[4 * p], gva = result[4 * p + 1], gvb = result[4 * p + 2];
                            double gjk = result[4 * p + 3];
                            // F_a = −dV/dx_a = −gva d_a/r_a + gjk u/r_jk, F_b = −gvb d_b/r_b − gjk u/r_jk
                            // with u = d_b − d_a; the radial terms −g d/r are summed per slot (radial)
                            double sjk = gjk * inverseJk[p];
                            double ux = disp[3 * b] - ax, uy = disp[3 * b + 1] - ay, uz = disp[3 * b + 2] - az;
                            fax += sjk * ux;
                            fay += sjk * uy;
                            faz += sjk * uz;
                            ga += gva;
                            radial[b] += gvb;
                            force[3 * b] -= sjk * ux;
                            force[3 * b + 1] -= sjk * uy;
                            force[3 * b + 2] -= sjk * uz;
                            va += v;
                            energy[b] += v;
                        }
                    }
                    radial[a] += ga;
                    force[3 * a] += fax;
                    force[3 * a + 1] += fay;
                    force[3 * a + 2] += faz;
                    energy[a] += va;
                    vi += va;
                }
            }
            return vi / 3;
        }

        /** The error for the triplet (a, b) of centre i whose legs are within reach but one below its first knot. */
        private EvaluationException tripletTooClose(Structure s, int i, int a, int b, int t, double rjk) {
            int ea = element(a), eb = element(b);
            // j is the neighbour on leg ij of the term, k the one on leg ik
            int j = swapped[t] ? b : a, k = swapped[t] ? a : b;
            int l0 = first[j == a ? a * ne + eb : b * ne + ea], m0 = first[k == a ? a * ne + eb : b * ne + ea];
            return JavaEvaluator.tripletTooClose(s, i, atom[j], atom[k], l0, m0, dist[j], dist[k], rjk,
                    tripletTerm[t]);
        }

        private int element(int slot) {
            return slot / capacity;
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

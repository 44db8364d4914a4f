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
 */
public final class JavaEvaluator implements Evaluator {
    private final Uf3Model model;
    private final List<String> elements;
    private final PairTerm[][] pairs;
    private final TripletTerm[][][] triplets;
    private final boolean[][][] swapped;
    private final double[] tripletReach;
    private final double cutoff;

    public JavaEvaluator(Uf3Model model) {
        this.model = model;
        this.elements = model.elements();
        int ne = elements.size();
        pairs = new PairTerm[ne][ne];
        triplets = new TripletTerm[ne][ne][ne];
        swapped = new boolean[ne][ne][ne];
        tripletReach = new double[ne];
        for (int a = 0; a < ne; a++) {
            for (int b = 0; b < ne; b++) {
                pairs[a][b] = model.pair(elements.get(a), elements.get(b));
                if (model.bodyOrder() == 3) {
                    for (int c = 0; c < ne; c++) {
                        TripletTerm t = model.triplet(elements.get(a), elements.get(b), elements.get(c));
                        triplets[a][b][c] = t;
                        swapped[a][b][c] = !t.first().equals(elements.get(b));
                        tripletReach[a] = Math.max(tripletReach[a], Math.max(t.knotsIJ().max(), t.knotsIK().max()));
                    }
                }
            }
        }
        this.cutoff = model.maxCutoff();
    }

    public Uf3Model model() {
        return model;
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
        int n = s.size();
        int[] sp = speciesOf(s);
        NeighborList nl = NeighborList.build(s, cutoff);
        double[] atomE = new double[n];
        double[] f = new double[3 * n];
        double[] w = new double[6];
        double[] work = new double[CubicBSpline.OUT_LENGTH];
        for (int i = 0; i < n; i++) {
            atomE[i] = model.oneBodyEnergy(elements.get(sp[i]));
        }
        for (int i = 0; i < n; i++) {
            for (int e = nl.start(i); e < nl.end(i); e++) {
                int j = nl.neighbor(e);
                double r = nl.distance(e);
                PairTerm p = pairs[sp[i]][sp[j]];
                KnotSequence kn = p.knots();
                if (r >= kn.max()) {
                    continue;
                }
                int first = CubicBSpline.evaluate(kn, r, work);
                if (first < 0) {
                    throw tooClose(s, i, j, r, kn.min(), "2-body " + p.first() + "-" + p.second());
                }
                double v = 0;
                double dv = 0;
                for (int a = 0; a < 4; a++) {
                    v += p.coefficient(first + a) * work[a];
                    dv += p.coefficient(first + a) * work[4 + a];
                }
                atomE[i] += v;
                addLeg(nl.vector(e, 0), nl.vector(e, 1), nl.vector(e, 2), r, dv, i, j, f, w);
            }
        }
        if (model.bodyOrder() == 3) {
            evaluateTriplets(s, sp, nl, atomE, f, w);
        }
        double energy = 0;
        for (double v : atomE) {
            energy += v;
        }
        return new Evaluation(energy, atomE, f, w);
    }

    /**
     * Adds the force and virial of a term g(r) along one leg d = x_b − x_a with dg/dr = dv:
     * F_a += dv d/r, F_b −= dv d/r, W −= dv d⊗d / r.
     */
    private static void addLeg(double dx, double dy, double dz, double r, double dv, int a, int b, double[] f,
                               double[] w) {
        double s = dv / r;
        double fx = s * dx, fy = s * dy, fz = s * dz;
        f[3 * a] += fx;
        f[3 * a + 1] += fy;
        f[3 * a + 2] += fz;
        f[3 * b] -= fx;
        f[3 * b + 1] -= fy;
        f[3 * b + 2] -= fz;
        w[0] -= fx * dx;
        w[1] -= fy * dy;
        w[2] -= fz * dz;
        w[3] -= fz * dy;
        w[4] -= fz * dx;
        w[5] -= fy * dx;
    }

    private void evaluateTriplets(Structure s, int[] sp, NeighborList nl, double[] atomE, double[] f, double[] w) {
        double[] bij = new double[CubicBSpline.OUT_LENGTH];
        double[] bik = new double[CubicBSpline.OUT_LENGTH];
        double[] bjk = new double[CubicBSpline.OUT_LENGTH];
        int[] near = new int[64];
        for (int i = 0; i < s.size(); i++) {
            int ci = sp[i];
            double reach = tripletReach[ci];
            int count = 0;
            for (int e = nl.start(i); e < nl.end(i); e++) {
                if (nl.distance(e) < reach) {
                    if (count == near.length) {
                        near = java.util.Arrays.copyOf(near, 2 * count);
                    }
                    near[count++] = e;
                }
            }
            for (int a = 0; a < count; a++) {
                for (int b = a + 1; b < count; b++) {
                    int ea = near[a];
                    int eb = near[b];
                    int ja = nl.neighbor(ea);
                    int kb = nl.neighbor(eb);
                    TripletTerm t = triplets[ci][sp[ja]][sp[kb]];
                    if (swapped[ci][sp[ja]][sp[kb]]) {
                        int tmp = ea;
                        ea = eb;
                        eb = tmp;
                    }
                    double rij = nl.distance(ea);
                    double rik = nl.distance(eb);
                    KnotSequence kij = t.knotsIJ(), kik = t.knotsIK(), kjk = t.knotsJK();
                    if (rij >= kij.max() || rik >= kik.max()) {
                        continue;
                    }
                    double dx = nl.vector(eb, 0) - nl.vector(ea, 0);
                    double dy = nl.vector(eb, 1) - nl.vector(ea, 1);
                    double dz = nl.vector(eb, 2) - nl.vector(ea, 2);
                    double rjk = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (rjk >= kjk.max()) {
                        continue;
                    }
                    int j = nl.neighbor(ea);
                    int k = nl.neighbor(eb);
                    String name = "3-body " + t.centre() + "-" + t.first() + "-" + t.second();
                    int l0 = CubicBSpline.evaluate(kij, rij, bij);
                    if (l0 < 0) {
                        throw tooClose(s, i, j, rij, kij.min(), name + " (leg ij)");
                    }
                    int m0 = CubicBSpline.evaluate(kik, rik, bik);
                    if (m0 < 0) {
                        throw tooClose(s, i, k, rik, kik.min(), name + " (leg ik)");
                    }
                    int n0 = CubicBSpline.evaluate(kjk, rjk, bjk);
                    if (n0 < 0) {
                        throw tooClose(s, j, k, rjk, kjk.min(), name + " (leg jk)");
                    }
                    double v = 0, gij = 0, gik = 0, gjk = 0;
                    for (int l = 0; l < 4; l++) {
                        for (int m = 0; m < 4; m++) {
                            double c0 = t.coefficient(l0 + l, m0 + m, n0);
                            double c1 = t.coefficient(l0 + l, m0 + m, n0 + 1);
                            double c2 = t.coefficient(l0 + l, m0 + m, n0 + 2);
                            double c3 = t.coefficient(l0 + l, m0 + m, n0 + 3);
                            double sn = c0 * bjk[0] + c1 * bjk[1] + c2 * bjk[2] + c3 * bjk[3];
                            double dn = c0 * bjk[4] + c1 * bjk[5] + c2 * bjk[6] + c3 * bjk[7];
                            v += bij[l] * bik[m] * sn;
                            gij += bij[4 + l] * bik[m] * sn;
                            gik += bij[l] * bik[4 + m] * sn;
                            gjk += bij[l] * bik[m] * dn;
                        }
                    }
                    atomE[i] += v / 3;
                    atomE[j] += v / 3;
                    atomE[k] += v / 3;
                    addLeg(nl.vector(ea, 0), nl.vector(ea, 1), nl.vector(ea, 2), rij, gij, i, j, f, w);
                    addLeg(nl.vector(eb, 0), nl.vector(eb, 1), nl.vector(eb, 2), rik, gik, i, k, f, w);
                    addLeg(dx, dy, dz, rjk, gjk, j, k, f, w);
                }
            }
        }
    }

    private static EvaluationException tooClose(Structure s, int a, int b, double r, double min, String term) {
        return new EvaluationException(String.format(
                "atoms %d (%s) and %d (%s) are %.4f Å apart, closer than the first knot %.4f Å of the %s term: "
                        + "the potential is undefined there (overlapping atoms?)",
                a, s.symbol(a), b, s.symbol(b), r, min, term));
    }
}

package org.uf3j.fit;

import java.util.ArrayList;
import java.util.List;
import org.uf3j.core.basis.CubicBSpline;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;

/**
 * Computes the rows of the linear system for one configuration: since E, F and W are linear in
 * the coefficients, the energy row holds ∂E/∂c_k (for pair columns Σ over ordered pairs of
 * B_n(r_ij), for triplet columns Σ over centres and neighbour pairs of B_l(r_ij) B_m(r_ik)
 * B_n(r_jk), for one-body columns the atom count), the force rows ∂F_a,k/∂c and the virial rows
 * ∂W/∂c. The chain rule is the one of {@link org.uf3j.core.eval.JavaEvaluator}: a term g(r) on the
 * leg d = x_b − x_a adds g′ d/r to F_a, −g′ d/r to F_b and −g′ d⊗d/r to W; so a row times a
 * coefficient vector equals what the evaluator predicts for the model of that vector. Basis values
 * and derivatives come from {@link CubicBSpline}. Thread-safe; each thread passes its own
 * {@link FeatureBlock} (the hot loops allocate nothing).
 */
public final class Featurizer {
    private static final int MAX_REPORTED = 8;

    private final BasisLayout layout;

    public Featurizer(BasisLayout layout) {
        this.layout = layout;
    }

    public BasisLayout layout() {
        return layout;
    }

    /** A work area for one thread. */
    public FeatureBlock newBlock() {
        return new FeatureBlock(layout.size());
    }

    /** Convenience: energy, force and virial rows of one configuration in a new block. */
    public FeatureBlock featurize(Configuration c) {
        FeatureBlock b = newBlock();
        featurize(c, b, true, true);
        return b;
    }

    /**
     * Overwrites {@code out} with the rows of configuration {@code c}: always the energy row,
     * force rows when {@code forces}, virial rows when {@code virial}.
     *
     * @throws FeaturizationException naming the configuration and the atoms when atoms are closer
     *                                than the first knot of a term, or an element is not in the model
     */
    public void featurize(Configuration c, FeatureBlock out, boolean forces, boolean virial) {
        Structure s = c.structure();
        int n = s.size();
        out.reset(n, forces, virial, c.source());
        int[] sp = species(c);
        for (int i = 0; i < n; i++) {
            int col = layout.oneBodyColumn(sp[i]);
            out.touch(col);
            out.energy[col] += 1.0;
        }
        NeighborList nl = NeighborList.build(s, layout.maxCutoff());
        List<String> problems = new ArrayList<>(0);
        pairs(s, sp, nl, out, out.bij, problems);
        if (!layout.tripletBlocks().isEmpty()) {
            triplets(s, sp, nl, out, problems);
        }
        if (!problems.isEmpty()) {
            StringBuilder msg = new StringBuilder("configuration ").append(describe(c)).append(": ");
            msg.append(problems.size() > MAX_REPORTED ? problems.size() + " distances (first " + MAX_REPORTED + " shown)"
                    : problems.size() == 1 ? "a distance" : problems.size() + " distances");
            msg.append(" below the first knot, where the basis is undefined: ");
            msg.append(String.join("; ", problems.subList(0, Math.min(MAX_REPORTED, problems.size()))));
            msg.append(". Remove the configuration or lower the term's r_min.");
            throw new FeaturizationException(msg.toString());
        }
    }

    private static String describe(Configuration c) {
        String src = c.source() == null || c.source().isEmpty() ? "(no source)" : c.source();
        return src + " (config_type " + c.configType() + ", " + c.size() + " atoms)";
    }

    private int[] species(Configuration c) {
        Structure s = c.structure();
        List<String> els = layout.elements();
        int[] sp = new int[s.size()];
        for (int i = 0; i < sp.length; i++) {
            sp[i] = els.indexOf(s.symbol(i));
            if (sp[i] < 0) {
                throw new FeaturizationException("configuration " + describe(c) + ": atom " + i + " is " + s.symbol(i)
                        + " but the model only has " + els);
            }
        }
        return sp;
    }

    private void pairs(Structure s, int[] sp, NeighborList nl, FeatureBlock out, double[] b, List<String> problems) {
        final double[] e = out.energy;
        final double[] f = out.forces;
        final double[] w = out.virial;
        final int p3 = 3 * layout.size();
        final boolean forces = out.hasForces;
        final boolean virial = out.hasVirial;
        for (int i = 0; i < s.size(); i++) {
            for (int q = nl.start(i); q < nl.end(i); q++) {
                int j = nl.neighbor(q);
                double r = nl.distance(q);
                BasisLayout.PairBlock blk = layout.pairBlock(sp[i], sp[j]);
                KnotSequence kn = blk.knots();
                if (r >= kn.max()) {
                    continue;
                }
                int s0 = CubicBSpline.evaluate(kn, r, b);
                if (s0 < 0) {
                    problems.add(tooClose(s, i, j, r, kn.min(), "2-body " + blk.first() + "-" + blk.second()));
                    continue;
                }
                double ux = nl.vector(q, 0) / r, uy = nl.vector(q, 1) / r, uz = nl.vector(q, 2) / r;
                int[] cm = blk.columnMap();
                for (int a = 0; a < 4; a++) {
                    int col = cm[s0 + a];
                    if (col < 0) {
                        continue;
                    }
                    out.touch(col);
                    e[col] += b[a];
                    double g = b[4 + a];
                    if (forces) {
                        int oi = p3 * i + 3 * col;
                        int oj = p3 * j + 3 * col;
                        f[oi] += g * ux;
                        f[oi + 1] += g * uy;
                        f[oi + 2] += g * uz;
                        f[oj] -= g * ux;
                        f[oj + 1] -= g * uy;
                        f[oj + 2] -= g * uz;
                    }
                    if (virial) {
                        double gr = g * r;
                        int o = 6 * col;
                        w[o] -= gr * ux * ux;
                        w[o + 1] -= gr * uy * uy;
                        w[o + 2] -= gr * uz * uz;
                        w[o + 3] -= gr * uz * uy;
                        w[o + 4] -= gr * uz * ux;
                        w[o + 5] -= gr * uy * ux;
                    }
                }
            }
        }
    }

    private void triplets(Structure s, int[] sp, NeighborList nl, FeatureBlock out, List<String> problems) {
        final double[] e = out.energy;
        final double[] f = out.forces;
        final double[] w = out.virial;
        final int p3 = 3 * layout.size();
        final boolean forces = out.hasForces;
        final boolean virial = out.hasVirial;
        final double[] bij = out.bij, bik = out.bik, bjk = out.bjk;
        final double[] pij = out.pij, pik = out.pik, pjk = out.pjk;
        int[] near = out.near;
        for (int i = 0; i < s.size(); i++) {
            int ci = sp[i];
            double reach = layout.tripletReach(ci);
            int count = 0;
            for (int q = nl.start(i); q < nl.end(i); q++) {
                if (nl.distance(q) < reach) {
                    if (count == near.length) {
                        near = java.util.Arrays.copyOf(near, 2 * count);
                        out.near = near;
                    }
                    near[count++] = q;
                }
            }
            for (int a = 0; a < count; a++) {
                for (int bb = a + 1; bb < count; bb++) {
                    int ea = near[a];
                    int eb = near[bb];
                    int sa = sp[nl.neighbor(ea)];
                    int sb = sp[nl.neighbor(eb)];
                    BasisLayout.TripletBlock t = layout.tripletBlock(ci, sa, sb);
                    if (t == null) {
                        continue; // an excluded term: no columns
                    }
                    if (layout.swapped(ci, sa, sb)) {
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
                    double dijx = nl.vector(ea, 0), dijy = nl.vector(ea, 1), dijz = nl.vector(ea, 2);
                    double dikx = nl.vector(eb, 0), diky = nl.vector(eb, 1), dikz = nl.vector(eb, 2);
                    double djkx = dikx - dijx, djky = diky - dijy, djkz = dikz - dijz;
                    double rjk = Math.sqrt(djkx * djkx + djky * djky + djkz * djkz);
                    if (rjk >= kjk.max()) {
                        continue;
                    }
                    int j = nl.neighbor(ea);
                    int k = nl.neighbor(eb);
                    int l0 = CubicBSpline.evaluate(kij, rij, bij);
                    int m0 = CubicBSpline.evaluate(kik, rik, bik);
                    int n0 = CubicBSpline.evaluate(kjk, rjk, bjk);
                    if (l0 < 0 || m0 < 0 || n0 < 0) {
                        String name = "3-body " + t.centre() + "-" + t.first() + "-" + t.second();
                        if (l0 < 0) {
                            problems.add(tooClose(s, i, j, rij, kij.min(), name + " (leg ij)"));
                        }
                        if (m0 < 0) {
                            problems.add(tooClose(s, i, k, rik, kik.min(), name + " (leg ik)"));
                        }
                        if (n0 < 0) {
                            problems.add(tooClose(s, j, k, rjk, kjk.min(), name + " (leg jk)"));
                        }
                        continue;
                    }
                    double uijx = dijx / rij, uijy = dijy / rij, uijz = dijz / rij;
                    double uikx = dikx / rik, uiky = diky / rik, uikz = dikz / rik;
                    double ujkx = djkx / rjk, ujky = djky / rjk, ujkz = djkz / rjk;
                    if (virial) {
                        dyad(pij, dijx, dijy, dijz, rij);
                        dyad(pik, dikx, diky, dikz, rik);
                        dyad(pjk, djkx, djky, djkz, rjk);
                    }
                    int[] cm = t.columnMap();
                    int mm = kik.basisCount();
                    int nn = kjk.basisCount();
                    int oi = p3 * i, oj = p3 * j, ok = p3 * k;
                    for (int l = 0; l < 4; l++) {
                        for (int m = 0; m < 4; m++) {
                            int base = ((l0 + l) * mm + m0 + m) * nn + n0;
                            double pv = bij[l] * bik[m];
                            double pdij = bij[4 + l] * bik[m];
                            double pdik = bij[l] * bik[4 + m];
                            for (int nIdx = 0; nIdx < 4; nIdx++) {
                                int col = cm[base + nIdx];
                                if (col < 0) {
                                    continue;
                                }
                                double bn = bjk[nIdx];
                                out.touch(col);
                                e[col] += pv * bn;
                                double gij = pdij * bn;
                                double gik = pdik * bn;
                                double gjk = pv * bjk[4 + nIdx];
                                if (forces) {
                                    int c3 = 3 * col;
                                    int a0 = oi + c3, b0 = oj + c3, d0 = ok + c3;
                                    f[a0] += gij * uijx + gik * uikx;
                                    f[a0 + 1] += gij * uijy + gik * uiky;
                                    f[a0 + 2] += gij * uijz + gik * uikz;
                                    f[b0] += gjk * ujkx - gij * uijx;
                                    f[b0 + 1] += gjk * ujky - gij * uijy;
                                    f[b0 + 2] += gjk * ujkz - gij * uijz;
                                    f[d0] -= gik * uikx + gjk * ujkx;
                                    f[d0 + 1] -= gik * uiky + gjk * ujky;
                                    f[d0 + 2] -= gik * uikz + gjk * ujkz;
                                }
                                if (virial) {
                                    int o = 6 * col;
                                    for (int v = 0; v < 6; v++) {
                                        w[o + v] -= gij * pij[v] + gik * pik[v] + gjk * pjk[v];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** d⊗d/r in Voigt order xx, yy, zz, yz, xz, xy. */
    private static void dyad(double[] out, double dx, double dy, double dz, double r) {
        out[0] = dx * dx / r;
        out[1] = dy * dy / r;
        out[2] = dz * dz / r;
        out[3] = dy * dz / r;
        out[4] = dx * dz / r;
        out[5] = dx * dy / r;
    }

    private static String tooClose(Structure s, int a, int b, double r, double min, String term) {
        return String.format("atoms %d (%s) and %d (%s) at %.4f Å < %.4f Å (%s)", a, s.symbol(a), b, s.symbol(b), r, min, term);
    }
}

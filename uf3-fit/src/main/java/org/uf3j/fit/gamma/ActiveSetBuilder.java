package org.uf3j.fit.gamma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.uf3j.core.gamma.ActiveSet;
import org.uf3j.core.gamma.AtomFeatures;
import org.uf3j.core.gamma.ElementActiveSet;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.fit.BasisLayout;

/**
 * Chooses the D-optimal active set of every element from the atoms of a training set (as
 * pacemaker does for ACE). The features of an element are the fitted columns of the layout an
 * atom of that element can touch (its one-body column, the pair columns of its pairs, the triplet
 * columns centred on it; symmetric triplet entries share a column). Pass 1 finds which features
 * any training atom touches and their Gram matrix; features never touched become UNSEEN and
 * features linearly dependent on the others (pivoted Cholesky of the scaled Gram) IGNORED. Pass 2
 * runs maxvol over the atoms in batches, keeping the d best rows between batches.
 */
public final class ActiveSetBuilder {
    private static final double DEPENDENT = 1e-12;
    private static final double TOLERANCE = 1.0 + 1e-6;

    private final BasisLayout layout;
    private final Uf3Model model;

    public ActiveSetBuilder(BasisLayout layout, Uf3Model model) {
        this.layout = layout;
        this.model = model;
    }

    /** The active sets for the atoms of the given configurations. */
    public ActiveSet build(List<Configuration> training) {
        List<String> elements = layout.elements();
        int ne = elements.size();
        List<ElementActiveSet> provisional = new ArrayList<>();
        for (int c = 0; c < ne; c++) {
            provisional.add(provisional(c));
        }
        // pass 1: touched features, scales, Gram
        AtomFeatures f1 = new AtomFeatures(model, new ActiveSet(provisional));
        double[][] scale = new double[ne][];
        double[][] gram = new double[ne][];
        for (int c = 0; c < ne; c++) {
            int d = provisional.get(c).dimension();
            scale[c] = new double[d];
            gram[c] = new double[d * d];
        }
        forEachAtom(training, f1, (c, x, cfg, atom) -> {
            int d = scale[c].length;
            for (int k = 0; k < d; k++) {
                scale[c][k] = Math.max(scale[c][k], Math.abs(x[k]));
            }
            double[] g = gram[c];
            for (int k = 0; k < d; k++) {
                double xk = x[k];
                if (xk == 0.0) {
                    continue;
                }
                for (int j = 0; j <= k; j++) {
                    g[k * d + j] += xk * x[j];
                }
            }
        });
        List<ElementActiveSet> finalMaps = new ArrayList<>();
        double[][] finalScale = new double[ne][];
        for (int c = 0; c < ne; c++) {
            int[] keep = independent(gram[c], scale[c]);
            ElementActiveSet p = provisional.get(c);
            int d0 = p.dimension();
            int[] remap = new int[d0];
            Arrays.fill(remap, ElementActiveSet.IGNORED);
            for (int k = 0; k < d0; k++) {
                if (scale[c][k] == 0.0) {
                    remap[k] = ElementActiveSet.UNSEEN;
                }
            }
            finalScale[c] = new double[keep.length];
            for (int k = 0; k < keep.length; k++) {
                remap[keep[k]] = k;
                finalScale[c][k] = scale[c][keep[k]];
            }
            Map<String, int[]> terms = new LinkedHashMap<>();
            for (String t : p.terms()) {
                int[] idx = p.index(t);
                for (int q = 0; q < idx.length; q++) {
                    idx[q] = idx[q] < 0 ? idx[q] : remap[idx[q]];
                }
                terms.put(t, idx);
            }
            int one = p.oneBodyFeature() < 0 ? -1 : remap[p.oneBodyFeature()];
            finalMaps.add(new ElementActiveSet(elements.get(c), keep.length, one, terms, new double[keep.length * keep.length], null));
        }
        // pass 2: maxvol in batches
        AtomFeatures f2 = new AtomFeatures(model, new ActiveSet(finalMaps));
        List<Batch> batches = new ArrayList<>();
        for (int c = 0; c < ne; c++) {
            batches.add(new Batch(finalMaps.get(c).dimension(), finalScale[c]));
        }
        forEachAtom(training, f2, (c, x, cfg, atom) -> batches.get(c).add(x, cfg + " atom " + atom));
        List<ElementActiveSet> out = new ArrayList<>();
        for (int c = 0; c < ne; c++) {
            Batch b = batches.get(c);
            ElementActiveSet m = finalMaps.get(c);
            if (b.rows == 0 || m.dimension() == 0) {
                continue;
            }
            b.compress(true);
            int d = m.dimension();
            double[] inv = Inverse.of(Arrays.copyOf(b.data, d * d), d);
            // A_raw = A_scaled D, so A_raw⁻¹ = D⁻¹ A_scaled⁻¹
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < d; j++) {
                    inv[k * d + j] /= b.scale[k];
                }
            }
            Map<String, int[]> terms = new LinkedHashMap<>();
            for (String t : m.terms()) {
                terms.put(t, m.index(t));
            }
            out.add(new ElementActiveSet(m.element(), d, m.oneBodyFeature(), terms, inv,
                    b.origins.subList(0, d).toArray(new String[0])));
        }
        return new ActiveSet(out);
    }

    /** Every layout column an atom of element c can touch, numbered in column order. */
    private ElementActiveSet provisional(int c) {
        String e = layout.elements().get(c);
        TreeSet<Integer> cols = new TreeSet<>();
        cols.add(layout.oneBodyColumn(c));
        Map<String, int[]> raw = new LinkedHashMap<>();
        for (BasisLayout.PairBlock p : layout.pairBlocks()) {
            if (!p.first().equals(e) && !p.second().equals(e)) {
                continue;
            }
            PairTerm term = model.pair(p.first(), p.second());
            int[] idx = new int[term.size()];
            for (int n = 0; n < idx.length; n++) {
                idx[n] = p.column(n);
                if (idx[n] >= 0) {
                    cols.add(idx[n]);
                }
            }
            raw.put(AtomFeatures.pairName(term), idx);
        }
        for (BasisLayout.TripletBlock t : layout.tripletBlocks()) {
            if (!t.centre().equals(e)) {
                continue;
            }
            TripletTerm term = model.triplet(t.centre(), t.first(), t.second());
            if (term == null || !term.geometry().equals(t.geometry())) {
                throw new IllegalArgumentException("model's 3-body term " + t.geometry().name() + " does not match the fit's layout");
            }
            int[] shape = t.shape();
            int[] idx = new int[shape[0] * shape[1] * shape[2]];
            for (int a = 0; a < shape[0]; a++) {
                for (int b = 0; b < shape[1]; b++) {
                    for (int cc = 0; cc < shape[2]; cc++) {
                        int col = t.column(a, b, cc);
                        idx[t.flat(a, b, cc)] = col;
                        if (col >= 0) {
                            cols.add(col);
                        }
                    }
                }
            }
            raw.put(AtomFeatures.tripletName(term), idx);
        }
        Map<Integer, Integer> feature = new LinkedHashMap<>();
        for (int col : cols) {
            feature.put(col, feature.size());
        }
        Map<String, int[]> terms = new LinkedHashMap<>();
        raw.forEach((name, idx) -> {
            int[] f = new int[idx.length];
            for (int q = 0; q < idx.length; q++) {
                f[q] = idx[q] < 0 ? ElementActiveSet.IGNORED : feature.get(idx[q]);
            }
            terms.put(name, f);
        });
        int d = feature.size();
        return new ElementActiveSet(e, d, feature.get(layout.oneBodyColumn(c)), terms, new double[d * d], null);
    }

    /** Features kept: touched ones not dependent on earlier ones (pivoted Cholesky of the scaled Gram). */
    private static int[] independent(double[] gram, double[] scale) {
        int d = scale.length;
        double[] g = new double[d * d];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j <= k; j++) {
                double v = scale[k] == 0 || scale[j] == 0 ? 0 : gram[k * d + j] / (scale[k] * scale[j]);
                g[k * d + j] = v;
                g[j * d + k] = v;
            }
        }
        double top = 0;
        for (int k = 0; k < d; k++) {
            top = Math.max(top, g[k * d + k]);
        }
        boolean[] done = new boolean[d];
        List<Integer> keep = new ArrayList<>();
        for (int step = 0; step < d; step++) {
            int p = -1;
            double best = DEPENDENT * top;
            for (int k = 0; k < d; k++) {
                if (!done[k] && g[k * d + k] > best) {
                    best = g[k * d + k];
                    p = k;
                }
            }
            if (p < 0) {
                break;
            }
            done[p] = true;
            keep.add(p);
            double piv = Math.sqrt(g[p * d + p]);
            for (int k = 0; k < d; k++) {
                if (!done[k]) {
                    g[k * d + p] /= piv;
                }
            }
            for (int k = 0; k < d; k++) {
                if (done[k]) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    if (!done[j]) {
                        g[k * d + j] -= g[k * d + p] * g[j * d + p];
                    }
                }
            }
        }
        return keep.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private interface AtomSink {
        void accept(int element, double[] x, String config, int atom);
    }

    private static void forEachAtom(List<Configuration> training, AtomFeatures f, AtomSink sink) {
        AtomFeatures.Scratch w = new AtomFeatures.Scratch();
        double[] x = new double[1];
        for (int ci = 0; ci < training.size(); ci++) {
            Configuration cfg = training.get(ci);
            NeighborList nl = NeighborList.build(cfg.structure(), f.cutoff());
            int[] sp = f.species(cfg.structure());
            String label = "config " + ci + (cfg.source() == null || cfg.source().isEmpty() ? "" : " (" + cfg.source() + ")");
            for (int i = 0; i < sp.length; i++) {
                ElementActiveSet set = sp[i] < 0 ? null : f.setOf(sp[i]);
                if (set == null) {
                    continue;
                }
                if (x.length < set.dimension()) {
                    x = new double[set.dimension()];
                }
                // atoms below a first knot cannot be in the fit either; unseen flags cannot occur here
                if (f.features(cfg.structure(), sp, nl, i, x, w)) {
                    sink.accept(sp[i], x, label, i);
                }
            }
        }
    }

    /** The rows of one element: the current active set first, then the atoms since. */
    private static final class Batch {
        final int d;
        final double[] scale;
        final int limit;
        double[] data;
        int rows;
        /** Row count at which the next compression is tried (moves on by limit when one fails). */
        int next;
        final List<String> origins = new ArrayList<>();

        Batch(int d, double[] scale) {
            this.d = d;
            this.scale = scale;
            this.limit = Math.max(20 * d, 4000);
            this.data = new double[Math.max(1, (limit + d) * d)];
            this.next = limit + d;
        }

        void add(double[] x, String origin) {
            if (d == 0) {
                return;
            }
            if (rows == data.length / d) {
                data = Arrays.copyOf(data, 2 * data.length);
            }
            for (int k = 0; k < d; k++) {
                data[rows * d + k] = x[k] / scale[k];
            }
            origins.add(origin);
            rows++;
            if (rows >= next) {
                compress(false);
                // rows that do not span yet are kept whole: try again after another limit rows,
                // not on every atom (that made the pass quadratic when rare atoms own features)
                next = rows + limit;
            }
        }

        /** Keeps the d maxvol rows first; when the rows do not yet span (and not final), keeps all. */
        void compress(boolean last) {
            if (rows < d) {
                throw new IllegalStateException("only " + rows + " atoms for " + d + " features");
            }
            double[] m = Arrays.copyOf(data, rows * d);
            int[] start = MaxVol.pivotRows(m, rows, d, 1e-10);
            if (start == null) {
                if (last) {
                    throw new IllegalStateException("training atoms do not span the " + d + " features");
                }
                return;
            }
            int[] sel = MaxVol.select(m, rows, d, start, TOLERANCE, 1000 * d);
            double[] kept = MaxVol.gather(m, d, sel);
            List<String> o = new ArrayList<>();
            for (int r : sel) {
                o.add(origins.get(r));
            }
            System.arraycopy(kept, 0, data, 0, d * d);
            origins.clear();
            origins.addAll(o);
            rows = d;
        }
    }
}

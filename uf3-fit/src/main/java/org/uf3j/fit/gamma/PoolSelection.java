package org.uf3j.fit.gamma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.uf3j.core.gamma.ActiveSet;
import org.uf3j.core.gamma.AtomFeatures;
import org.uf3j.core.gamma.ElementActiveSet;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;

/**
 * Chooses the configurations of a pool that add the most information to a training set, for
 * labelling: by largest max γ, or greedily D-optimal (after each pick the active set absorbs the
 * picked configuration's atoms by maxvol and the remaining candidates are graded again, so a
 * second near-copy of a picked configuration no longer scores). Configurations that touch basis
 * functions no training atom touched rank first, by how many such functions they touch that no
 * earlier pick touched. Immutable; one selection per call.
 */
public final class PoolSelection {
    /** How the pool is ranked. */
    public enum Method { MAX_GAMMA, GREEDY }

    /** A chosen configuration: its position in the pool, its grade when chosen and why. */
    public record Pick(int index, double maxGamma, int newUnseen, int round, String reason) {
    }

    private final Uf3Model model;
    private final ActiveSet set;

    public PoolSelection(Uf3Model model, ActiveSet set) {
        this.model = model;
        this.set = set;
    }

    /** The features of every atom of one pool structure. */
    private static final class Candidate {
        final int index;
        final int[] element;
        final double[][] x;
        final long[] unseen;
        double maxGamma;
        int newUnseen;

        Candidate(int index, int[] element, double[][] x, long[] unseen) {
            this.index = index;
            this.element = element;
            this.x = x;
            this.unseen = unseen;
        }
    }

    /** Per element: the current active-set matrix A and its inverse. */
    private static final class Current {
        final int d;
        double[] a;
        double[] inv;

        Current(ElementActiveSet e) {
            d = e.dimension();
            inv = new double[d * d];
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < d; j++) {
                    inv[k * d + j] = e.inverse(k, j);
                }
            }
            a = Inverse.of(inv, d);
            work = new double[d];
        }

        private final double[] work;

        /** γ of {@code x} against the current inverse (see {@link ElementActiveSet#grade(double[], double[], int, double[])}). */
        double grade(double[] x) {
            return ElementActiveSet.grade(x, inv, d, work);
        }

        /** Absorbs rows by maxvol over [A; rows]. */
        void absorb(List<double[]> rows) {
            if (rows.isEmpty() || d == 0) {
                return;
            }
            int n = d + rows.size();
            double[] m = Arrays.copyOf(a, n * d);
            for (int r = 0; r < rows.size(); r++) {
                System.arraycopy(rows.get(r), 0, m, (d + r) * d, d);
            }
            int[] start = new int[d];
            for (int k = 0; k < d; k++) {
                start[k] = k;
            }
            int[] sel = MaxVol.select(m, n, d, start, 1 + 1e-6, 100 * d);
            a = MaxVol.gather(m, d, sel);
            inv = Inverse.of(a, d);
        }
    }

    /**
     * The {@code n} most informative structures of {@code pool}. The greedy method grades again
     * only the best {@code max(20 n, 500)} candidates of the first ranking after each pick.
     */
    public List<Pick> select(List<Structure> pool, int n, Method method) {
        AtomFeatures af = new AtomFeatures(model, set);
        List<String> elements = model.elements();
        Current[] cur = new Current[elements.size()];
        for (int c = 0; c < cur.length; c++) {
            ElementActiveSet e = set.of(elements.get(c));
            cur[c] = e == null ? null : new Current(e);
        }
        List<Candidate> cands = new ArrayList<>();
        AtomFeatures.Scratch w = new AtomFeatures.Scratch();
        for (int p = 0; p < pool.size(); p++) {
            Structure s = pool.get(p);
            NeighborList nl = NeighborList.build(s, af.cutoff());
            int[] sp = af.species(s);
            double[][] x = new double[s.size()][];
            Set<Long> unseen = new HashSet<>();
            for (int i = 0; i < s.size(); i++) {
                if (sp[i] < 0 || cur[sp[i]] == null) {
                    unseen.add(Long.MIN_VALUE + sp[i] + 1); // an element without training atoms (or not in the model)
                    continue;
                }
                x[i] = new double[cur[sp[i]].d];
                if (!af.features(s, sp, nl, i, x[i], w)) {
                    for (int q = 0; q < w.unseenCount(); q++) {
                        unseen.add(w.unseenKey(q));
                    }
                }
            }
            Candidate c = new Candidate(p, sp, x, unseen.stream().mapToLong(Long::longValue).toArray());
            grade(c, cur, Set.of());
            cands.add(c);
        }
        rank(cands);
        List<Pick> picks = new ArrayList<>();
        if (method == Method.MAX_GAMMA) {
            for (int r = 0; r < Math.min(n, cands.size()); r++) {
                Candidate c = cands.get(r);
                picks.add(new Pick(c.index, c.maxGamma, c.unseen.length, r + 1, reason(c, r + 1, "largest max γ")));
            }
            return picks;
        }
        List<Candidate> live = new ArrayList<>(cands.subList(0, Math.min(cands.size(), Math.max(20 * n, 500))));
        Set<Long> covered = new HashSet<>();
        for (int r = 1; r <= n && !live.isEmpty(); r++) {
            Candidate best = live.remove(0);
            picks.add(new Pick(best.index, best.maxGamma, best.newUnseen, r, reason(best, r, "greedy D-optimal")));
            for (long k : best.unseen) {
                covered.add(k);
            }
            for (int c = 0; c < cur.length; c++) {
                if (cur[c] == null) {
                    continue;
                }
                List<double[]> rows = new ArrayList<>();
                for (int i = 0; i < best.x.length; i++) {
                    if (best.element[i] == c && best.x[i] != null) {
                        rows.add(best.x[i]);
                    }
                }
                cur[c].absorb(rows);
            }
            for (Candidate c : live) {
                grade(c, cur, covered);
            }
            rank(live);
        }
        return picks;
    }

    private static void grade(Candidate c, Current[] cur, Set<Long> covered) {
        double m = 0;
        for (int i = 0; i < c.x.length; i++) {
            if (c.x[i] != null) {
                m = Math.max(m, cur[c.element[i]].grade(c.x[i]));
            }
        }
        c.maxGamma = m;
        int fresh = 0;
        for (long k : c.unseen) {
            fresh += covered.contains(k) ? 0 : 1;
        }
        c.newUnseen = fresh;
    }

    /** New unseen basis functions first, then larger max γ, then pool order. */
    private static void rank(List<Candidate> cands) {
        cands.sort((p, q) -> {
            if (p.newUnseen != q.newUnseen) {
                return Integer.compare(q.newUnseen, p.newUnseen);
            }
            if (p.maxGamma != q.maxGamma) {
                return Double.compare(q.maxGamma, p.maxGamma);
            }
            return Integer.compare(p.index, q.index);
        });
    }

    private static String reason(Candidate c, int round, String method) {
        String g = String.format(Locale.ROOT, "%.4g", c.maxGamma);
        String base = method + " pick " + round + ": max γ " + g + " over the features the training set spans";
        if (c.newUnseen > 0) {
            base += "; touches " + c.newUnseen + " basis functions (or distances below a first knot) no training atom"
                    + (round > 1 && method.startsWith("greedy") ? " or earlier pick" : "") + " touched";
        }
        return base;
    }
}

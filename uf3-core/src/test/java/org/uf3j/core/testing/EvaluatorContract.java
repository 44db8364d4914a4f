package org.uf3j.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;

/**
 * The physics every {@link Evaluator} must obey, run against each implementation (as EJML runs its
 * generic tests against every solver): forces and virial are central finite differences of the
 * energy; the energy is invariant under translation, rotation and permutation of atoms; periodic
 * images make supercells extensive. A back end joins by extending this class and saying how to
 * build its evaluator of a model; evaluators that are {@link AutoCloseable} are closed after each test.
 */
public abstract class EvaluatorContract {
    private static final double H = 1e-5;
    private final List<Evaluator> opened = new ArrayList<>();

    /** The evaluator under test for {@code model}. */
    protected abstract Evaluator newEvaluator(Uf3Model model);

    private Evaluator create(Uf3Model model) {
        Evaluator ev = newEvaluator(model);
        opened.add(ev);
        return ev;
    }

    @AfterEach
    void closeEvaluators() throws Exception {
        for (Evaluator ev : opened) {
            if (ev instanceof AutoCloseable c) {
                c.close();
            }
        }
        opened.clear();
    }

    private static Structure sample(long seed, List<String> elements) {
        return RandomStructures.bcc(seed, elements, 3.15, 2, 0.12, 0.07);
    }

    @ParameterizedTest(name = "{0}-body, {1} elements, uniform={2}")
    @CsvSource({"2,1,true", "2,2,false", "3,1,true", "3,2,true", "3,2,false", "3,3,false"})
    void forcesAndVirialAreCentralFiniteDifferencesOfTheEnergy(int body, int nElements, boolean uniform) {
        List<String> els = List.of("Mo", "W", "Nb").subList(0, nElements);
        Uf3Model model = RandomModels.create(41 + body * 7L + nElements, els, body == 3, uniform);
        Evaluator ev = create(model);
        Structure s = sample(3 + nElements, els);
        Evaluation e = ev.evaluate(s);
        double[] x = s.positions();
        double maxF = 0;
        for (double f : e.forces()) {
            maxF = Math.max(maxF, Math.abs(f));
        }
        assertTrue(maxF > 1e-3, "forces are not trivially zero");
        for (int c = 0; c < x.length; c++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[c] += H;
            xm[c] -= H;
            double fd = -(ev.evaluate(s.withPositions(xp)).energy() - ev.evaluate(s.withPositions(xm)).energy()) / (2 * H);
            assertEquals(fd, e.forces()[c], 1e-6 * maxF, "force component " + c);
        }
        // virial W_ab = -dE/d(eps_ab), with the strain applied to cell and positions
        int[][] voigt = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
        double maxW = 0;
        for (double w : e.virial()) {
            maxW = Math.max(maxW, Math.abs(w));
        }
        for (int v = 0; v < 6; v++) {
            double[] eps = new double[9];
            eps[3 * voigt[v][0] + voigt[v][1]] = 0.5;
            eps[3 * voigt[v][1] + voigt[v][0]] = 0.5;
            if (voigt[v][0] == voigt[v][1]) {
                eps[3 * voigt[v][0] + voigt[v][1]] = 1.0;
            }
            double fd = -(strained(ev, s, eps, H) - strained(ev, s, eps, -H)) / (2 * H);
            assertEquals(fd, e.virial()[v], 1e-6 * maxW, "virial component " + v);
        }
    }

    private static double strained(Evaluator ev, Structure s, double[] eps, double h) {
        double[] e = new double[9];
        for (int i = 0; i < 9; i++) {
            e[i] = eps[i] * h;
        }
        double[] x = s.positions();
        double[] y = new double[x.length];
        for (int a = 0; a < s.size(); a++) {
            for (int k = 0; k < 3; k++) {
                double v = x[3 * a + k];
                for (int l = 0; l < 3; l++) {
                    v += e[3 * k + l] * x[3 * a + l];
                }
                y[3 * a + k] = v;
            }
        }
        return ev.evaluate(new Structure(s.symbols(), y, s.cell().deformed(e))).energy();
    }

    /**
     * A partial 3-body set: leaving out terms changes the energy by exactly their brute-force triplet
     * sum (Σ_i Σ_{j<k} V3 by {@link org.uf3j.core.model.TripletTerm#value} on a cluster), and the
     * partial model evaluates as the model with those terms' coefficients set to 0.
     */
    @Test
    void leftOutTripletTermsContributeNothing() {
        List<String> els = List.of("Nb", "Mo", "W");
        Uf3Model full = RandomModels.create(77, els, true, false);
        String[] out = {"Mo-Nb-W", "W-W-W", "Nb-Mo-Mo"};
        Uf3Model partial = RandomModels.withoutTriplets(full, false, out);
        Uf3Model zeros = RandomModels.withoutTriplets(full, true, out);
        assertEquals(List.of("Nb-Mo-Mo", "Mo-Nb-W", "W-W-W"), partial.absentTriplets());
        Structure periodic = sample(12, els);
        Structure cluster = new Structure(periodic.symbols(), periodic.positions(), null);
        Evaluation ep = create(partial).evaluate(cluster);
        Evaluation ef = create(full).evaluate(cluster);
        Evaluation ez = create(zeros).evaluate(cluster);
        double removed = 0;
        int n = cluster.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = j + 1; k < n; k++) {
                    if (j == i || k == i) {
                        continue;
                    }
                    org.uf3j.core.model.TripletTerm t = full.triplet(cluster.symbol(i), cluster.symbol(j), cluster.symbol(k));
                    if (!List.of(out).contains(Uf3Model.tripletKey(t.centre(), t.first(), t.second()))) {
                        continue;
                    }
                    boolean jFirst = cluster.symbol(j).equals(t.first());
                    double rij = distance(cluster, i, j), rik = distance(cluster, i, k), rjk = distance(cluster, j, k);
                    removed += jFirst ? t.value(rij, rik, rjk) : t.value(rik, rij, rjk);
                }
            }
        }
        assertTrue(Math.abs(removed) > 1e-3, "the left-out terms matter in this cluster: " + removed);
        assertEquals(ef.energy() - removed, ep.energy(), 1e-9 * Math.abs(ef.energy()));
        assertEquals(ez.energy(), ep.energy(), 1e-12 * Math.abs(ez.energy()));
        for (int c = 0; c < 3 * n; c++) {
            assertEquals(ez.forces()[c], ep.forces()[c], 1e-12, "force component " + c);
        }
        for (int v = 0; v < 6; v++) {
            assertEquals(ez.virial()[v], ep.virial()[v], 1e-12 * (1 + Math.abs(ez.virial()[v])), "virial " + v);
        }
    }

    private static double distance(Structure s, int a, int b) {
        double d2 = 0;
        for (int k = 0; k < 3; k++) {
            double d = s.x(b, k) - s.x(a, k);
            d2 += d * d;
        }
        return Math.sqrt(d2);
    }

    @Test
    void energyIsInvariantUnderTranslationRotationAndPermutation() {
        List<String> els = List.of("Nb", "W");
        Evaluator ev = create(RandomModels.create(5, els, true, false));
        Structure s = sample(9, els);
        double e0 = ev.evaluate(s).energy();
        int n = s.size();
        double[] x = s.positions();
        // translation
        double[] t = x.clone();
        for (int a = 0; a < n; a++) {
            t[3 * a] += 0.37;
            t[3 * a + 1] -= 1.91;
            t[3 * a + 2] += 12.5;
        }
        assertEquals(e0, ev.evaluate(s.withPositions(t)).energy(), 1e-10 * Math.abs(e0));
        // rotation of atoms and cell together
        double[] rot = rotation(0.3, -1.1, 2.2);
        double[] rx = new double[3 * n];
        for (int a = 0; a < n; a++) {
            apply(rot, x, 3 * a, rx, 3 * a);
        }
        double[] cell = s.cell().vectors();
        double[] rc = new double[9];
        for (int v = 0; v < 3; v++) {
            apply(rot, cell, 3 * v, rc, 3 * v);
        }
        Structure rotated = new Structure(s.symbols(), rx, new Cell(rc, new boolean[] {true, true, true}));
        Evaluation er = ev.evaluate(rotated);
        assertEquals(e0, er.energy(), 1e-10 * Math.abs(e0));
        // permutation: reversed atom order, forces follow the atoms
        String[] ps = new String[n];
        double[] px = new double[3 * n];
        for (int a = 0; a < n; a++) {
            ps[a] = s.symbol(n - 1 - a);
            System.arraycopy(x, 3 * (n - 1 - a), px, 3 * a, 3);
        }
        Evaluation ep = ev.evaluate(new Structure(ps, px, s.cell()));
        Evaluation e = ev.evaluate(s);
        assertEquals(e0, ep.energy(), 1e-10 * Math.abs(e0));
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(e.forces()[3 * (n - 1 - a) + k], ep.forces()[3 * a + k], 1e-10);
            }
        }
    }

    /** Periodic images: a supercell has the energy and virial of its copies and the same forces. */
    @Test
    void energyIsExtensiveUnderSupercells() {
        List<String> els = List.of("Mo", "W");
        Evaluator ev = create(RandomModels.create(17, els, true, true));
        // a 2-atom cell much smaller than the cutoff, and a sheared 16-atom cell
        Structure small = new Structure(new String[] {"Mo", "W"}, new double[] {0.1, 0.0, 0.2, 1.6, 1.5, 1.55},
                new Cell(new double[] {3.15, 0, 0, 0.2, 3.1, 0, 0.1, -0.2, 3.2}, new boolean[] {true, true, true}));
        for (Structure s : new Structure[] {small, sample(2, els)}) {
            Evaluation e1 = ev.evaluate(s);
            Evaluation e2 = ev.evaluate(s.supercell(2, 3, 1));
            assertEquals(6 * e1.energy(), e2.energy(), 1e-10 * Math.abs(e2.energy()));
            for (int v = 0; v < 6; v++) {
                assertEquals(6 * e1.virial()[v], e2.virial()[v], 1e-10 * (1 + Math.abs(e2.virial()[v])));
            }
            for (int a = 0; a < s.size(); a++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(e1.forces()[3 * a + k], e2.forces()[3 * a + k], 1e-10);
                }
            }
        }
    }

    private static double[] rotation(double a, double b, double c) {
        double[] rx = {1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)};
        double[] ry = {Math.cos(b), 0, Math.sin(b), 0, 1, 0, -Math.sin(b), 0, Math.cos(b)};
        double[] rz = {Math.cos(c), -Math.sin(c), 0, Math.sin(c), Math.cos(c), 0, 0, 0, 1};
        return mul(rz, mul(ry, rx));
    }

    private static double[] mul(double[] p, double[] q) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    r[3 * i + j] += p[3 * i + k] * q[3 * k + j];
                }
            }
        }
        return r;
    }

    private static void apply(double[] rot, double[] in, int off, double[] out, int outOff) {
        for (int i = 0; i < 3; i++) {
            out[outOff + i] = rot[3 * i] * in[off] + rot[3 * i + 1] * in[off + 1] + rot[3 * i + 2] * in[off + 2];
        }
    }
}

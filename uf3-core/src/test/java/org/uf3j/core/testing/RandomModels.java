package org.uf3j.core.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.basis.KnotSpacing;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

/**
 * Random UF3 models for tests: physically shaped ones for evaluation ({@link #create}: repulsive
 * core, trailing three coefficients zero) and arbitrary-magnitude ones for file round trips
 * ({@link #roundTrip}, {@link #project}).
 */
public final class RandomModels {
    private RandomModels() {
    }

    /**
     * A model over the given elements. Pair cutoffs differ per pair; triplet legs ij/ik/jk get
     * distinct knots (non-uniform when {@code uniform} is false); same-element triplets are symmetric.
     */
    public static Uf3Model create(long seed, List<String> elements, boolean threeBody, boolean uniform) {
        Random rnd = new Random(seed);
        List<String> els = Elements.sorted(elements);
        Uf3Model.Builder b = Uf3Model.builder().elements(els);
        for (String e : els) {
            b.oneBody(e, -1.0 - rnd.nextDouble());
        }
        for (int a = 0; a < els.size(); a++) {
            for (int c = a; c < els.size(); c++) {
                double rc = 4.2 + 0.3 * a + 0.2 * c + 0.1 * rnd.nextDouble();
                KnotSequence k = knots(rnd, 1.2, rc, 10 + rnd.nextInt(5), uniform);
                double[] coef = new double[k.basisCount()];
                for (int n = 0; n < coef.length - 3; n++) {
                    double r = 1.2 + (rc - 1.2) * n / (coef.length - 3.0);
                    coef[n] = 3.0 * Math.exp(-2.0 * (r - 1.2)) - 0.2 * Math.exp(-0.5 * (r - 2.6) * (r - 2.6))
                            + 0.02 * rnd.nextGaussian();
                }
                b.pair(new PairTerm(els.get(a), els.get(c), k, coef));
            }
        }
        if (threeBody) {
            for (String centre : els) {
                for (int a = 0; a < els.size(); a++) {
                    for (int c = a; c < els.size(); c++) {
                        double rij = 3.2 + 0.2 * rnd.nextDouble();
                        double rik = a == c ? rij : 3.0 + 0.3 * rnd.nextDouble();
                        KnotSequence kij = knots(rnd, 1.0, rij, 5 + rnd.nextInt(2), uniform);
                        KnotSequence kik = a == c ? kij : knots(rnd, 1.1, rik, 4 + rnd.nextInt(3), uniform);
                        KnotSequence kjk = knots(rnd, 0.9, rij + rik, 8 + rnd.nextInt(3), uniform);
                        int l = kij.basisCount(), m = kik.basisCount(), n = kjk.basisCount();
                        double[] coef = new double[l * m * n];
                        for (int x = 0; x < l - 3; x++) {
                            for (int y = 0; y < m - 3; y++) {
                                for (int z = 0; z < n - 3; z++) {
                                    double v = 0.05 * rnd.nextGaussian();
                                    coef[(x * m + y) * n + z] = v;
                                    if (a == c) {
                                        coef[(y * m + x) * n + z] = v;
                                    }
                                }
                            }
                        }
                        if (a == c) { // symmetrise what the loop overwrote
                            for (int x = 0; x < l; x++) {
                                for (int y = 0; y < x; y++) {
                                    for (int z = 0; z < n; z++) {
                                        coef[(y * m + x) * n + z] = coef[(x * m + y) * n + z];
                                    }
                                }
                            }
                        }
                        b.triplet(new TripletTerm(centre, els.get(a), els.get(c), kij, kik, kjk, coef));
                    }
                }
            }
        }
        return b.build();
    }

    /**
     * A model for file round trips (not for physics): coefficients of every magnitude from 1e-5 to
     * 1e3 with the trailing 3 along every axis exactly 0, distinct ij/ik/jk knots where the
     * neighbours differ (A-B-C), one ij = ik knot vector and an l-m symmetric tensor where they are
     * the same element (A-B-B), as LAMMPS requires.
     *
     * @param uniform    all knots uniform ("uk") or some geometric ("nk")
     * @param oneBody    set a one-body energy for every element
     */
    public static Uf3Model roundTrip(long seed, List<String> elements, boolean uniform, boolean oneBody) {
        elements = Elements.sorted(elements);
        Random rnd = new Random(seed);
        Uf3Model.Builder b = Uf3Model.builder().elements(elements);
        if (oneBody) {
            for (String e : elements) {
                b.oneBody(e, -10 * rnd.nextDouble());
            }
        }
        for (int a = 0; a < elements.size(); a++) {
            for (int c = a; c < elements.size(); c++) {
                KnotSequence k = KnotSequence.create(uniform ? KnotSpacing.LINEAR : KnotSpacing.GEOMETRIC,
                        0.5 + rnd.nextDouble(), 5 + 2 * rnd.nextDouble(), 12 + rnd.nextInt(10));
                b.pair(new PairTerm(elements.get(a), elements.get(c), k, coefficients(rnd, new int[] {k.basisCount()})));
            }
        }
        for (String centre : elements) {
            for (int a = 0; a < elements.size(); a++) {
                for (int c = a; c < elements.size(); c++) {
                    double rc = 3 + rnd.nextDouble();
                    double rmin = 1 + rnd.nextDouble();
                    KnotSequence ij = KnotSequence.linear(rmin, rc, 4 + rnd.nextInt(3));
                    KnotSequence ik = KnotSequence.create(uniform ? KnotSpacing.LINEAR : KnotSpacing.INVERSE, rmin + 0.1,
                            rc, 7 + rnd.nextInt(2));
                    KnotSequence jk = KnotSequence.linear(rmin - 0.2, 2 * rc, 9 + rnd.nextInt(3));
                    boolean sameNeighbours = a == c;
                    if (sameNeighbours) {
                        ik = ij; // j and k interchangeable: one knot vector and a tensor symmetric in l, m
                    }
                    int[] shape = {ij.basisCount(), ik.basisCount(), jk.basisCount()};
                    double[] coeff = coefficients(rnd, shape);
                    if (sameNeighbours) {
                        symmetrise(coeff, shape);
                    }
                    b.triplet(new TripletTerm(centre, elements.get(a), elements.get(c), ij, ik, jk, coeff));
                }
            }
        }
        return b.build();
    }

    /**
     * The same model with the given triplet terms ("C-A-B" keys, {@link Uf3Model#tripletKey}) left
     * out, or, with {@code zeroInstead}, kept with all coefficients 0 (the two evaluate the same).
     */
    public static Uf3Model withoutTriplets(Uf3Model m, boolean zeroInstead, String... keys) {
        Uf3Model.Builder b = Uf3Model.builder().elements(m.elements());
        m.oneBodyEnergies().forEach(b::oneBody);
        m.pairTerms().forEach(b::pair);
        List<String> out = List.of(keys);
        for (TripletTerm t : m.tripletTerms()) {
            String key = Uf3Model.tripletKey(t.centre(), t.first(), t.second());
            if (!out.contains(key)) {
                b.triplet(t);
            } else if (zeroInstead) {
                b.triplet(new TripletTerm(t.geometry(), new double[t.coefficients().length]));
            } else {
                b.absentTriplet(t.centre(), t.first(), t.second());
            }
        }
        m.absentTriplets().forEach(k -> {
            String[] e = k.split("-");
            b.absentTriplet(e[0], e[1], e[2]);
        });
        return b.build();
    }

    /** Random coefficients with every index in the last 3 along any axis exactly 0 (LAMMPS' trailing trim). */
    private static double[] coefficients(Random rnd, int[] shape) {
        int total = 1;
        for (int s : shape) {
            total *= s;
        }
        double[] c = new double[total];
        int[] idx = new int[shape.length];
        for (int flat = 0; flat < total; flat++) {
            int rest = flat;
            boolean trimmed = false;
            for (int d = shape.length - 1; d >= 0; d--) {
                idx[d] = rest % shape[d];
                rest /= shape[d];
                trimmed |= idx[d] >= shape[d] - 3;
            }
            c[flat] = trimmed ? 0.0 : (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(9) - 5);
        }
        return c;
    }

    /** c[l][m][n] = c[m][l][n] by copying the l < m half (L = M). */
    private static void symmetrise(double[] c, int[] shape) {
        for (int l = 0; l < shape[0]; l++) {
            for (int m = 0; m < l; m++) {
                for (int n = 0; n < shape[2]; n++) {
                    c[(l * shape[1] + m) * shape[2] + n] = c[(m * shape[1] + l) * shape[2] + n];
                }
            }
        }
    }

    /**
     * A project model over W and Nb ({@link #roundTrip} with one-body energies) with hyper-parameters,
     * provenance and metrics of every JSON kind (nested maps and lists, null, long, double[], boolean).
     */
    public static ProjectModel project(long seed, boolean uniform) {
        Uf3Model m = roundTrip(seed, List.of("W", "Nb"), uniform, true);
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("lambda", 1e-6);
        hyper.put("kappa", 0.5);
        hyper.put("resolution", Map.of("2", 20, "3", List.of(5, 5, 10)));
        hyper.put("note", null);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("files", List.of(Map.of("path", "tungsten/w14.xyz", "sha256", "ab12", "frames", 9691)));
        prov.put("date", "2026-11-21T23:00:00Z");
        prov.put("command", "uf3 fit --degree 3");
        prov.put("atoms", 158256L);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("energy_rmse_mev_per_atom", 5.123456789012345);
        metrics.put("force_rmse", new double[] {0.125, 0.152});
        metrics.put("converged", true);
        return new ProjectModel(m, hyper, prov, metrics);
    }

    private static KnotSequence knots(Random rnd, double lo, double hi, int intervals, boolean uniform) {
        if (uniform) {
            return KnotSequence.linear(lo, hi, intervals);
        }
        double[] t = new double[intervals + 7];
        double[] steps = new double[intervals];
        double sum = 0;
        for (int i = 0; i < intervals; i++) {
            steps[i] = 0.5 + rnd.nextDouble();
            sum += steps[i];
        }
        double r = lo;
        for (int i = 0; i < 4; i++) {
            t[i] = lo;
        }
        for (int i = 0; i < intervals - 1; i++) {
            r += steps[i] / sum * (hi - lo);
            t[4 + i] = r;
        }
        for (int i = 0; i < 4; i++) {
            t[intervals + 3 + i] = hi;
        }
        return KnotSequence.of(t);
    }
}

package org.uf3j.properties;

import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.EvaluationException;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.structure.Structure;

/**
 * Equilibrium lattice constant of a cubic crystal (one element, or a compound such as zincblende InP): the minimum of E(a), found as the root of
 * dE/da = −tr(W)/a (the virial is the analytic gradient) by Brent's method, after a coarse scan of
 * E over nearest-neighbour distances when no guess is given; and the Birch–Murnaghan bulk modulus
 * from E(V) around it.
 */
public final class LatticeConstant {
    /** Tolerance on a in Å. */
    private static final double A_TOLERANCE = 1e-10;

    private LatticeConstant() {
    }

    /**
     * Equilibrium of one cubic structure: a0 (Å), energy per atom at a0 (eV, one-body energies
     * included), volume per atom (Å³), the residual pressure at a0 (eV/Å³), and the equation of state
     * fitted around a0 (null when not computed).
     */
    public record Result(CubicLattice lattice, double a0, double energyPerAtom, double volumePerAtom,
                         double pressure, EquationOfState.Fit eos) {
        /** Bulk modulus of the equation of state in GPa, NaN without one. */
        public double bulkModulusGPa() {
            return eos == null ? Double.NaN : eos.bulkModulusGPa();
        }
    }

    /**
     * Finds a0 and fits the equation of state.
     *
     * @param guess        starting lattice constant (Å), or NaN to scan for one
     * @param volumeRange  relative volume half-range of the E(V) points (e.g. 0.03 for ±3 %); 0 skips the fit
     * @param eosPoints    number of E(V) points (≥ 5)
     */
    public static Result find(Evaluator evaluator, String element, CubicLattice lattice, double guess,
                              double volumeRange, int eosPoints) {
        return find(evaluator, Crystal.of(lattice, element), guess, volumeRange, eosPoints);
    }

    /** {@link #find(Evaluator, String, CubicLattice, double, double, int)} for any crystal, compounds included. */
    public static Result find(Evaluator evaluator, Crystal crystal, double guess, double volumeRange, int eosPoints) {
        double start = Double.isFinite(guess) ? guess : scan(evaluator, crystal);
        double a0 = minimise(evaluator, crystal, start);
        Structure s = crystal.conventional(a0);
        Evaluation e = evaluator.evaluate(s);
        double[] w = e.virial();
        double p = (w[0] + w[1] + w[2]) / (3 * s.cell().volume());
        EquationOfState.Fit eos = volumeRange > 0 ? equationOfState(evaluator, crystal, a0, volumeRange, eosPoints) : null;
        return new Result(crystal.lattice(), a0, e.energy() / s.size(), crystal.volumePerAtom(a0), p, eos);
    }

    /** Energy per atom of the perfect crystal at lattice constant a (eV). */
    public static double energyPerAtom(Evaluator evaluator, String element, CubicLattice lattice, double a) {
        return energyPerAtom(evaluator, Crystal.of(lattice, element), a);
    }

    /** Energy per atom of the perfect crystal at lattice constant a (eV). */
    public static double energyPerAtom(Evaluator evaluator, Crystal crystal, double a) {
        Structure s = crystal.conventional(a);
        return evaluator.evaluate(s).energy() / s.size();
    }

    /** dE/da per atom at a (eV/Å), from the virial: a dE/da = dE/dε_iso = −tr W. */
    public static double slope(Evaluator evaluator, String element, CubicLattice lattice, double a) {
        return slope(evaluator, Crystal.of(lattice, element), a);
    }

    /**
     * dE/da per atom at a (eV/Å), from the virial: a dE/da = dE/dε_iso = −tr W. The atoms stay on their
     * ideal sites: in every structure here each atom is a centre of cubic site symmetry under isotropic
     * strain, so there is no internal force to relax.
     */
    public static double slope(Evaluator evaluator, Crystal crystal, double a) {
        Structure s = crystal.conventional(a);
        double[] w = evaluator.evaluate(s).virial();
        return -(w[0] + w[1] + w[2]) / (a * s.size());
    }

    /** The minimum of E(a) near {@code guess}, located to 1e-10 Å. */
    public static double minimise(Evaluator evaluator, String element, CubicLattice lattice, double guess) {
        return minimise(evaluator, Crystal.of(lattice, element), guess);
    }

    /** The minimum of E(a) near {@code guess}, located to 1e-10 Å. */
    public static double minimise(Evaluator evaluator, Crystal crystal, double guess) {
        java.util.function.DoubleUnaryOperator g = a -> slope(evaluator, crystal, a);
        double[] b = Brent.bracketIncreasing(g, guess, 0.005 * guess, 40);
        return Brent.root(g, b[0], b[1], b[2], b[3], A_TOLERANCE, 200);
    }

    /** {@link #scan(Evaluator, Crystal)} for one element. */
    public static double scan(Evaluator evaluator, String element, CubicLattice lattice) {
        return scan(evaluator, Crystal.of(lattice, element));
    }

    /**
     * A coarse a0: the lowest E per atom over nearest-neighbour distances from 7.0 Å down in steps of
     * 0.02 Å, stopping once E has risen 2 eV/atom above the lowest value seen (inside the repulsive
     * wall) or the potential cannot evaluate the distance (closer than its first knot). Scanning
     * inwards finds the outermost well and never spends time on the crowded short distances.
     */
    public static double scan(Evaluator evaluator, Crystal crystal) {
        CubicLattice lattice = crystal.lattice();
        double bestA = Double.NaN;
        double bestE = Double.POSITIVE_INFINITY;
        for (int step = 0; step <= 300; step++) {
            double d = 7.0 - 0.02 * step;
            double a = lattice.latticeConstantForNearestNeighbour(d);
            double e;
            try {
                e = energyPerAtom(evaluator, crystal, a);
            } catch (EvaluationException tooClose) {
                break;
            }
            if (e < bestE) {
                bestE = e;
                bestA = a;
            } else if (e > bestE + 2.0) {
                break;
            }
        }
        if (!Double.isFinite(bestA)) {
            throw new IllegalStateException("the potential could not evaluate " + crystal.label()
                    + " at any nearest-neighbour distance in 1-7 Å");
        }
        return bestA;
    }

    /** BM3 fit to E per atom at {@code points} volumes V0(1 + t), t evenly spaced in [−range, range]. */
    public static EquationOfState.Fit equationOfState(Evaluator evaluator, String element, CubicLattice lattice,
                                                      double a0, double volumeRange, int points) {
        return equationOfState(evaluator, Crystal.of(lattice, element), a0, volumeRange, points);
    }

    /** BM3 fit to E per atom at {@code points} volumes V0(1 + t), t evenly spaced in [−range, range]. */
    public static EquationOfState.Fit equationOfState(Evaluator evaluator, Crystal crystal, double a0,
                                                      double volumeRange, int points) {
        if (points < 5) {
            throw new IllegalArgumentException("need at least 5 equation-of-state points, got " + points);
        }
        double v0 = crystal.volumePerAtom(a0);
        double[] v = new double[points];
        double[] e = new double[points];
        for (int i = 0; i < points; i++) {
            double t = -volumeRange + 2 * volumeRange * i / (points - 1);
            v[i] = v0 * (1 + t);
            e[i] = energyPerAtom(evaluator, crystal, a0 * Math.cbrt(1 + t));
        }
        return EquationOfState.birchMurnaghan(v, e);
    }
}

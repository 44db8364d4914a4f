package org.uf3j.properties;

import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.EvaluationException;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.structure.Structure;

/**
 * Structural relaxation on any {@link Evaluator}: atomic positions at fixed cell by FIRE (Bitzek et
 * al., PRL 97, 170201, 2006), and positions plus an isotropic cell scaling to zero pressure (the
 * zero-stress state of a cubic crystal that keeps its symmetry). Immutable; thread-safe if the
 * evaluator is.
 */
public final class Relaxer {
    private static final int N_MIN = 5;
    private static final double F_INC = 1.1;
    private static final double F_DEC = 0.5;
    private static final double ALPHA_START = 0.1;
    private static final double F_ALPHA = 0.99;

    private final Evaluator evaluator;
    private final double forceTolerance;
    private final int maxSteps;
    private final double dtStart;
    private final double dtMax;
    private final double maxStep;

    /**
     * @param forceTolerance converged when every atom's force is smaller (eV/Å)
     * @param maxSteps       most force evaluations per position relaxation
     */
    public Relaxer(Evaluator evaluator, double forceTolerance, int maxSteps) {
        this(evaluator, forceTolerance, maxSteps, 0.1, 1.0, 0.2);
    }

    private Relaxer(Evaluator evaluator, double forceTolerance, int maxSteps, double dtStart, double dtMax,
                    double maxStep) {
        if (!(forceTolerance > 0) || maxSteps < 0 || !(dtStart > 0) || !(dtMax >= dtStart) || !(maxStep > 0)) {
            throw new IllegalArgumentException("relaxer needs forceTolerance > 0, maxSteps >= 0, 0 < dtStart <= dtMax"
                    + " and maxStep > 0; got " + forceTolerance + ", " + maxSteps + ", " + dtStart + ", " + dtMax
                    + ", " + maxStep);
        }
        this.evaluator = evaluator;
        this.forceTolerance = forceTolerance;
        this.maxSteps = maxSteps;
        this.dtStart = dtStart;
        this.dtMax = dtMax;
        this.maxStep = maxStep;
    }

    /**
     * The same relaxer with other FIRE time steps (every mass is 1 amu, so time is in units of
     * Å·sqrt(amu/eV) ≈ 10.18 fs) and largest displacement of one atom per step (Å). Defaults 0.1, 1.0, 0.2.
     */
    public Relaxer withSteps(double dtStart, double dtMax, double maxStep) {
        return new Relaxer(evaluator, forceTolerance, maxSteps, dtStart, dtMax, maxStep);
    }

    /** The same relaxer with another force tolerance (eV/Å). */
    public Relaxer withForceTolerance(double tolerance) {
        return new Relaxer(evaluator, tolerance, maxSteps, dtStart, dtMax, maxStep);
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    public double forceTolerance() {
        return forceTolerance;
    }

    public int maxSteps() {
        return maxSteps;
    }

    /** Largest force on one atom (norm of its 3-vector), eV/Å. */
    public static double maxForce(double[] forces) {
        double m = 0;
        for (int i = 0; i < forces.length; i += 3) {
            m = Math.max(m, Math.sqrt(forces[i] * forces[i] + forces[i + 1] * forces[i + 1] + forces[i + 2] * forces[i + 2]));
        }
        return m;
    }

    /** Relaxes the atomic positions at fixed cell until the largest force is below the tolerance. */
    public RelaxResult relaxPositions(Structure start) {
        int n3 = 3 * start.size();
        double[] x = start.positions();
        double[] v = new double[n3];
        double[] dx = new double[n3];
        Evaluation e = evaluator.evaluate(start);
        int evaluations = 1;
        double dt = dtStart;
        double alpha = ALPHA_START;
        int sinceUphill = 0;
        double fmax = maxForce(e.forces());
        while (fmax >= forceTolerance && evaluations <= maxSteps) {
            double[] f = e.forces();
            double power = 0;
            double vv = 0;
            double ff = 0;
            for (int c = 0; c < n3; c++) {
                power += f[c] * v[c];
                vv += v[c] * v[c];
                ff += f[c] * f[c];
            }
            if (power >= 0) {
                // steer the velocity towards the force, keeping its magnitude
                double mix = ff > 0 ? alpha * Math.sqrt(vv / ff) : 0;
                for (int c = 0; c < n3; c++) {
                    v[c] = (1 - alpha) * v[c] + mix * f[c];
                }
                if (sinceUphill > N_MIN) {
                    dt = Math.min(dt * F_INC, dtMax);
                    alpha *= F_ALPHA;
                }
                sinceUphill++;
            } else {
                java.util.Arrays.fill(v, 0);
                dt *= F_DEC;
                alpha = ALPHA_START;
                sinceUphill = 0;
            }
            // semi-implicit Euler step with unit masses, limited to maxStep per atom
            double largest = 0;
            for (int c = 0; c < n3; c++) {
                v[c] += dt * f[c];
                dx[c] = dt * v[c];
            }
            for (int c = 0; c < n3; c += 3) {
                largest = Math.max(largest, Math.sqrt(dx[c] * dx[c] + dx[c + 1] * dx[c + 1] + dx[c + 2] * dx[c + 2]));
            }
            double shrink = largest > maxStep ? maxStep / largest : 1.0;
            double[] trial = x.clone();
            for (int c = 0; c < n3; c++) {
                trial[c] += shrink * dx[c];
            }
            Evaluation next;
            try {
                next = evaluator.evaluate(start.withPositions(trial));
            } catch (EvaluationException tooClose) {
                // the step pushed atoms inside the inner knot: retreat and slow down
                evaluations++;
                java.util.Arrays.fill(v, 0);
                dt *= F_DEC;
                alpha = ALPHA_START;
                sinceUphill = 0;
                if (dt < 1e-8 * dtStart) {
                    throw tooClose;
                }
                continue;
            }
            evaluations++;
            x = trial;
            e = next;
            fmax = maxForce(e.forces());
        }
        return new RelaxResult(start.withPositions(x), e, evaluations, fmax < forceTolerance, fmax);
    }

    /**
     * Relaxes positions and an isotropic scaling of the cell until the force tolerance is met and
     * |P| = |tr W|/(3V) &lt; {@code pressureTolerance} (eV/Å³): zero stress for a cubic crystal.
     * Alternates FIRE on positions with a Brent root search of the pressure along the scaling.
     */
    public RelaxResult relaxVolume(Structure start, double pressureTolerance) {
        if (start.cell() == null) {
            throw new IllegalArgumentException("a cell relaxation needs a periodic structure");
        }
        Structure s = start;
        int evaluations = 0;
        for (int round = 0; round < 100; round++) {
            RelaxResult r = relaxPositions(s);
            evaluations += r.steps();
            s = r.structure();
            if (Math.abs(r.pressure()) < pressureTolerance && r.converged()) {
                return new RelaxResult(s, r.evaluation(), evaluations, true, r.maxForce());
            }
            if (evaluations > maxSteps * 10L) {
                break;
            }
            final Structure base = s;
            int[] count = {0};
            // dE/df along x' = f x for the fixed fractional coordinates: −tr W(f) / f
            java.util.function.DoubleUnaryOperator slope = f -> {
                count[0]++;
                double[] w = evaluator.evaluate(Strains.scale(base, f)).virial();
                return -(w[0] + w[1] + w[2]) / f;
            };
            double[] b = Brent.bracketIncreasing(slope, 1.0, 0.005, 60);
            double tolerance = 1e-12;
            double best = Brent.root(slope, b[0], b[1], b[2], b[3], tolerance, 200);
            evaluations += count[0];
            s = Strains.scale(base, best);
        }
        Evaluation last = evaluator.evaluate(s);
        double fmax = maxForce(last.forces());
        return new RelaxResult(s, last, evaluations + 1, false, fmax);
    }
}

package org.uf3j.properties;

import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.structure.Structure;

/**
 * Vacancy formation energy E_f = E(N−1) − (N−1)/N · E(N, perfect) in a periodic supercell at fixed
 * cell (the perfect crystal's), unrelaxed and with the remaining atoms relaxed.
 */
public final class VacancyFormation {
    private VacancyFormation() {
    }

    /**
     * Formation energies in eV: N (atoms of the perfect supercell), the perfect supercell energy,
     * E_f with the atoms left in place, E_f after relaxation (NaN when not relaxed), force
     * evaluations spent relaxing, whether the relaxation converged and its largest remaining force.
     */
    public record Result(int atoms, double perfectEnergy, double unrelaxed, double relaxed, int relaxSteps,
                         boolean converged, double maxForce) {
        /** Relaxation energy E_f(unrelaxed) − E_f(relaxed) ≥ 0, eV (NaN when not relaxed). */
        public double relaxationEnergy() {
            return unrelaxed - relaxed;
        }
    }

    /**
     * Vacancy in the n×n×n supercell of the conventional cube at lattice constant a0 (bcc n = 4:
     * 128 sites).
     *
     * @param relaxer null for the unrelaxed energy only
     */
    public static Result compute(Evaluator evaluator, String element, CubicLattice lattice, double a0, int n,
                                 Relaxer relaxer) {
        if (n < 1) {
            throw new IllegalArgumentException("supercell repeat must be >= 1, got " + n);
        }
        return compute(evaluator, lattice.conventional(element, a0).supercell(n, n, n), relaxer);
    }

    /** Vacancy made by removing atom 0 of a perfect periodic supercell. */
    public static Result compute(Evaluator evaluator, Structure perfect, Relaxer relaxer) {
        int n = perfect.size();
        if (n < 2) {
            throw new IllegalArgumentException("a vacancy needs a supercell of at least 2 atoms");
        }
        double ePerfect = evaluator.evaluate(perfect).energy();
        Structure vacancy = removeAtom(perfect, 0);
        double reference = (n - 1.0) / n * ePerfect;
        double unrelaxed = evaluator.evaluate(vacancy).energy() - reference;
        if (relaxer == null) {
            return new Result(n, ePerfect, unrelaxed, Double.NaN, 0, false, Double.NaN);
        }
        RelaxResult r = relaxer.relaxPositions(vacancy);
        return new Result(n, ePerfect, unrelaxed, r.energy() - reference, r.steps(), r.converged(), r.maxForce());
    }

    /** The structure without one atom (same cell). */
    public static Structure removeAtom(Structure s, int atom) {
        int n = s.size();
        String[] sym = s.symbols();
        double[] x = s.positions();
        String[] sym2 = new String[n - 1];
        double[] x2 = new double[3 * (n - 1)];
        for (int i = 0, j = 0; i < n; i++) {
            if (i == atom) {
                continue;
            }
            sym2[j] = sym[i];
            System.arraycopy(x, 3 * i, x2, 3 * j, 3);
            j++;
        }
        return new Structure(sym2, x2, s.cell());
    }
}

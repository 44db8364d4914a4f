package org.uf3j.properties;

import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.structure.Structure;

/**
 * The outcome of a relaxation: the final structure and its evaluation, the number of force
 * evaluations spent, whether the force (and, for cell relaxations, pressure) tolerance was met,
 * and the largest remaining atomic force (eV/Å).
 */
public record RelaxResult(Structure structure, Evaluation evaluation, int steps, boolean converged, double maxForce) {

    /** Final energy, eV. */
    public double energy() {
        return evaluation.energy();
    }

    /** Final pressure P = tr(W)/(3V) in eV/Å³ (positive under compression), NaN without a cell. */
    public double pressure() {
        if (structure.cell() == null) {
            return Double.NaN;
        }
        double[] w = evaluation.virial();
        return (w[0] + w[1] + w[2]) / (3 * structure.cell().volume());
    }
}

package org.uf3j.bench.peers;

import java.util.OptionalDouble;

/**
 * One model on the error-versus-cost plane: its test errors and its MD cost. A published point
 * carries the errors a paper printed and, where the paper's cost could be sourced, that cost;
 * otherwise the cost is empty and the point cannot be placed on the cost axis.
 *
 * @param model name as the results print it (UF2, UF23, POD, GAP, ...)
 * @param energyRmseMeV energy RMSE per atom, meV/atom
 * @param forceRmseEvA force RMSE per Cartesian component, eV/Å
 * @param usPerAtomStep MD cost in µs per atom and step (empty when not known)
 * @param published true for numbers taken from a paper rather than measured here
 */
public record PeerPoint(String model, double energyRmseMeV, double forceRmseEvA, OptionalDouble usPerAtomStep,
                        boolean published) {
    public PeerPoint {
        if (!(energyRmseMeV > 0) || !(forceRmseEvA >= 0)) {
            throw new IllegalArgumentException(model + ": errors must be positive, got " + energyRmseMeV + " meV/atom, "
                    + forceRmseEvA + " eV/Å");
        }
        if (usPerAtomStep.isPresent() && !(usPerAtomStep.getAsDouble() > 0)) {
            throw new IllegalArgumentException(model + ": cost must be positive, got " + usPerAtomStep.getAsDouble());
        }
    }

    /** The label on the figure: UF23 is written UF2,3 as in the paper. */
    public String label() {
        String name = model.equals("UF23") ? "UF2,3" : model;
        return published ? name + " (published)" : name;
    }

    /**
     * True when this point is both more accurate than {@code other} in the chosen error and faster:
     * the test of "ahead on the error-versus-cost plane". Points without a cost dominate nothing.
     */
    public boolean dominates(PeerPoint other, boolean forces) {
        if (usPerAtomStep.isEmpty() || other.usPerAtomStep.isEmpty()) {
            return false;
        }
        double mine = forces ? forceRmseEvA : energyRmseMeV;
        double theirs = forces ? other.forceRmseEvA : other.energyRmseMeV;
        return mine < theirs && usPerAtomStep.getAsDouble() < other.usPerAtomStep.getAsDouble();
    }
}

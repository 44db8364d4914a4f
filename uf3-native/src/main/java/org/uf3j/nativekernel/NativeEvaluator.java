package org.uf3j.nativekernel;

import java.util.List;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.EvaluationException;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;

/**
 * Evaluates a {@link Uf3Model} with the native C++ kernel (the one the LAMMPS plugin uses),
 * through the same {@link Evaluator} interface as {@link JavaEvaluator}: neighbours come from the
 * Java neighbour list, the spline work is native. Energies include the one-body terms; the virial
 * is returned in our Voigt order (xx, yy, zz, yz, xz, xy). Not thread-safe per instance
 * (create one per thread), and {@link #close()} frees the native memory.
 */
public final class NativeEvaluator implements Evaluator, AutoCloseable {
    private final Uf3Model model;
    private final List<String> elements;
    private final Uf3Kernel.Potential potential;
    private final double cutoff;

    public NativeEvaluator(Uf3Model model) {
        this.model = model;
        this.elements = model.elements();
        this.potential = new Uf3Kernel.Potential(elements.size());
        for (PairTerm p : model.pairTerms()) {
            double[] knots = p.knots().toArray();
            potential.set_pair(elements.indexOf(p.first()), elements.indexOf(p.second()), knots.length, knots,
                    p.coefficients());
        }
        for (TripletTerm t : model.tripletTerms()) {
            double[] ij = t.knotsIJ().toArray();
            double[] ik = t.knotsIK().toArray();
            double[] jk = t.knotsJK().toArray();
            potential.set_triplet(elements.indexOf(t.centre()), elements.indexOf(t.first()), elements.indexOf(t.second()),
                    ij.length, ij, ik.length, ik, jk.length, jk, t.coefficients());
        }
        this.cutoff = model.maxCutoff();
    }

    public Uf3Model model() {
        return model;
    }

    @Override
    public Evaluation evaluate(Structure s) {
        int n = s.size();
        int[] species = new int[n];
        double[] atomEnergy = new double[n];
        for (int i = 0; i < n; i++) {
            species[i] = elements.indexOf(s.symbol(i));
            if (species[i] < 0) {
                throw new EvaluationException("structure contains element " + s.symbol(i) + " (atom " + i
                        + ") but the potential only has " + elements);
            }
        }
        NeighborList nl = NeighborList.build(s, cutoff);
        double[] forces = new double[3 * n];
        double[] lammpsVirial = new double[6];
        double energy;
        try {
            energy = potential.compute(n, species, nl.offsets(), nl.neighbors(), nl.displacements(), forces,
                    lammpsVirial, atomEnergy, null);
        } catch (RuntimeException e) {
            throw new EvaluationException("native kernel: " + e.getMessage());
        }
        for (int i = 0; i < n; i++) {
            double e1 = model.oneBodyEnergy(s.symbol(i));
            atomEnergy[i] += e1;
            energy += e1;
        }
        double[] virial = {lammpsVirial[0], lammpsVirial[1], lammpsVirial[2], lammpsVirial[5], lammpsVirial[4],
            lammpsVirial[3]};
        return new Evaluation(energy, atomEnergy, forces, virial);
    }

    @Override
    public void close() {
        potential.close();
    }
}

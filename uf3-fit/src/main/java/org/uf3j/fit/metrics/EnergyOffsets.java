package org.uf3j.fit.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.uf3j.core.structure.Structure;

/**
 * The one-body energies a {@code .uf3} file cannot store, recovered for comparing energies: per
 * element e_el minimising Σ_c ((E_ref − E_pred − Σ_el n_el e_el) / N_c)² over the structures with
 * reference energies, i.e. one constant per-atom offset for a single element. Where compositions
 * do not determine every e_el (all structures with the same stoichiometry), the minimum-norm
 * solution is used; the residuals, and so the errors, are the same for every solution.
 */
public final class EnergyOffsets {
    private final List<String> elements;
    private final List<double[]> fractions = new ArrayList<>();
    private final List<Double> perAtomDiffs = new ArrayList<>();

    public EnergyOffsets(List<String> elements) {
        this.elements = List.copyOf(elements);
    }

    /** Records a structure with its reference and predicted total energies (eV). */
    public void add(Structure s, double reference, double predicted) {
        double[] x = new double[elements.size()];
        int n = s.size();
        for (int i = 0; i < n; i++) {
            int e = elements.indexOf(s.symbol(i));
            if (e >= 0) {
                x[e] += 1.0 / n;
            }
        }
        fractions.add(x);
        perAtomDiffs.add((reference - predicted) / n);
    }

    public int count() {
        return perAtomDiffs.size();
    }

    /** e_el in eV/atom by element (empty when no structure was added). */
    public Map<String, Double> solve() {
        Map<String, Double> out = new LinkedHashMap<>();
        int m = perAtomDiffs.size();
        int p = elements.size();
        if (m == 0) {
            return out;
        }
        DMatrixRMaj a = new DMatrixRMaj(m, p);
        DMatrixRMaj b = new DMatrixRMaj(m, 1);
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < p; c++) {
                a.set(r, c, fractions.get(r)[c]);
            }
            b.set(r, 0, perAtomDiffs.get(r));
        }
        DMatrixRMaj x = new DMatrixRMaj(p, 1);
        LinearSolverDense<DMatrixRMaj> pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!pinv.setA(a)) {
            CommonOps_DDRM.fill(x, 0);
        } else {
            pinv.solve(b, x);
        }
        for (int c = 0; c < p; c++) {
            out.put(elements.get(c), x.get(c, 0));
        }
        return out;
    }

    /** Σ n_el e_el of a structure, eV. */
    public static double offset(Structure s, Map<String, Double> perElement) {
        double o = 0;
        for (int i = 0; i < s.size(); i++) {
            o += perElement.getOrDefault(s.symbol(i), 0.0);
        }
        return o;
    }
}

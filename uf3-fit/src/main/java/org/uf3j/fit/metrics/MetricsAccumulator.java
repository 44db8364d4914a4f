package org.uf3j.fit.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.structure.Configuration;

/**
 * Errors against reference labels, accumulated one structure at a time (nothing but a few numbers
 * per structure is kept): energy per atom (meV/atom) and force components (eV/Å), overall and per
 * config_type, as a {@link Metrics}. With {@code removeOffsets} (a .uf3 potential: no one-body
 * energies) the energies are compared after removing the per-element offsets of
 * {@link EnergyOffsets}, fitted to these same structures.
 */
public final class MetricsAccumulator {
    private record EnergyRow(String type, int atoms, double reference, double predicted, int[] counts) {
    }

    private final boolean removeOffsets;
    private final EnergyOffsets offsets;
    private final List<EnergyRow> energies = new ArrayList<>();
    private final List<String> elements;
    private final ErrorStats.Accumulator forces = new ErrorStats.Accumulator();
    private final Map<String, ErrorStats.Accumulator> forcesByType = new TreeMap<>();
    private Map<String, Double> solved;

    public MetricsAccumulator(List<String> elements, boolean removeOffsets) {
        this.removeOffsets = removeOffsets;
        this.elements = List.copyOf(elements);
        this.offsets = new EnergyOffsets(elements);
    }

    /** Adds one structure's errors (structures without labels add nothing). */
    public void add(Configuration c, Evaluation p) {
        if (c.hasEnergy()) {
            int[] counts = new int[elements.size()];
            for (int i = 0; i < c.size(); i++) {
                int e = elements.indexOf(c.structure().symbol(i));
                if (e >= 0) {
                    counts[e]++;
                }
            }
            energies.add(new EnergyRow(c.configType(), c.size(), c.energy(), p.energy(), counts));
            offsets.add(c.structure(), c.energy(), p.energy());
            solved = null;
        }
        if (c.hasForces()) {
            ErrorStats.Accumulator t = forcesByType.computeIfAbsent(c.configType(), k -> new ErrorStats.Accumulator());
            double[] ref = c.forces();
            double[] f = p.forces();
            for (int q = 0; q < ref.length; q++) {
                double err = f[q] - ref[q];
                forces.add(err);
                t.add(err);
            }
        }
    }

    public boolean hasReferences() {
        return !energies.isEmpty() || forces.stats(1).count() > 0;
    }

    public boolean hasEnergies() {
        return !energies.isEmpty();
    }

    /** The per-element offsets removed (empty unless removing offsets). */
    public Map<String, Double> offsets() {
        if (!removeOffsets) {
            return Map.of();
        }
        if (solved == null) {
            solved = offsets.solve();
        }
        return solved;
    }

    /** Offset added to the prediction of the i-th structure with an energy, eV. */
    public double offsetOf(int i) {
        if (!removeOffsets) {
            return 0.0;
        }
        Map<String, Double> o = offsets();
        int[] counts = energies.get(i).counts();
        double sum = 0;
        for (int e = 0; e < counts.length; e++) {
            sum += counts[e] * o.getOrDefault(elements.get(e), 0.0);
        }
        return sum;
    }

    public Metrics metrics() {
        ErrorStats.Accumulator e = new ErrorStats.Accumulator();
        Map<String, ErrorStats.Accumulator> eT = new TreeMap<>();
        for (int i = 0; i < energies.size(); i++) {
            EnergyRow r = energies.get(i);
            double err = (r.predicted + offsetOf(i) - r.reference) / r.atoms;
            e.add(err);
            eT.computeIfAbsent(r.type, k -> new ErrorStats.Accumulator()).add(err);
        }
        Map<String, ErrorStats> es = new TreeMap<>();
        Map<String, ErrorStats> fs = new TreeMap<>();
        eT.forEach((k, v) -> es.put(k, v.stats(1000.0)));
        forcesByType.forEach((k, v) -> fs.put(k, v.stats(1.0)));
        return new Metrics(e.stats(1000.0), forces.stats(1.0), es, fs);
    }
}

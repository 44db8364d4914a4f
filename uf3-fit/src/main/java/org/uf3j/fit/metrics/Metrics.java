package org.uf3j.fit.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;

/**
 * Errors of a model on a set of configurations, evaluated with {@link JavaEvaluator} (one-body
 * energies included): energy per atom in meV/atom, force components in eV/Å, overall and per
 * config_type. Configurations without an energy (or forces) do not count towards that error.
 * Printed by {@link MetricsReport}.
 */
public record Metrics(ErrorStats energy, ErrorStats forces, Map<String, ErrorStats> energyByType,
                      Map<String, ErrorStats> forcesByType) {

    /** Evaluates the model (one-body energies included) on every configuration, on {@code threads} threads. */
    public static Metrics evaluate(Uf3Model model, List<Configuration> configs, int threads) {
        return of(configs, List.of(new BatchEvaluator(new JavaEvaluator(model), threads).evaluate(configs)));
    }

    /** Errors of given predictions (same order as the configurations). */
    public static Metrics of(List<Configuration> configs, List<Evaluation> predictions) {
        ErrorStats.Accumulator e = new ErrorStats.Accumulator(), f = new ErrorStats.Accumulator();
        Map<String, ErrorStats.Accumulator> eT = new TreeMap<>(), fT = new TreeMap<>();
        for (int i = 0; i < configs.size(); i++) {
            Configuration c = configs.get(i);
            Evaluation p = predictions.get(i);
            if (c.hasEnergy()) {
                double err = (p.energy() - c.energy()) / c.size();
                e.add(err);
                eT.computeIfAbsent(c.configType(), t -> new ErrorStats.Accumulator()).add(err);
            }
            if (c.hasForces()) {
                ErrorStats.Accumulator ft = fT.computeIfAbsent(c.configType(), t -> new ErrorStats.Accumulator());
                double[] ref = c.forces();
                for (int q = 0; q < ref.length; q++) {
                    double err = p.forces()[q] - ref[q];
                    f.add(err);
                    ft.add(err);
                }
            }
        }
        Map<String, ErrorStats> es = new TreeMap<>(), fs = new TreeMap<>();
        eT.forEach((k, v) -> es.put(k, v.stats(1000.0)));
        fT.forEach((k, v) -> fs.put(k, v.stats(1.0)));
        return new Metrics(e.stats(1000.0), f.stats(1.0), es, fs);
    }
}

package org.uf3j.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;

/**
 * Errors of a model on a set of configurations, evaluated with {@link JavaEvaluator} (one-body
 * energies included): energy per atom in meV/atom, force components in eV/Å, overall and per
 * config_type. Configurations without an energy (or forces) do not count towards that error.
 */
public record Metrics(ErrorStats energy, ErrorStats forces, Map<String, ErrorStats> energyByType,
                      Map<String, ErrorStats> forcesByType) {

    /** Evaluates the model on every configuration, in parallel on {@code threads} threads. */
    public static Metrics evaluate(Uf3Model model, List<Configuration> configs, int threads) {
        JavaEvaluator ev = new JavaEvaluator(model);
        Evaluation[] results = new Evaluation[configs.size()];
        IntStream range = IntStream.range(0, configs.size());
        if (threads > 1) {
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
            try {
                pool.submit(() -> range.parallel().forEach(i -> results[i] = ev.evaluate(configs.get(i).structure()))).join();
            } finally {
                pool.shutdown();
            }
        } else {
            range.forEach(i -> results[i] = ev.evaluate(configs.get(i).structure()));
        }
        return of(configs, List.of(results));
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

    /** A small table: one line overall, one per config_type. */
    public String table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-28s %8s %12s %12s %10s %12s %12s", "config_type", "n_E", "E RMSE", "E MAE", "n_F",
                "F RMSE", "F MAE"));
        lines.add(String.format("%-28s %8s %12s %12s %10s %12s %12s", "", "", "meV/atom", "meV/atom", "", "eV/Å", "eV/Å"));
        lines.add(row("all", energy, forces));
        java.util.Set<String> types = new java.util.TreeSet<>(energyByType.keySet());
        types.addAll(forcesByType.keySet());
        ErrorStats none = new ErrorStats(0, Double.NaN, Double.NaN);
        for (String t : types) {
            lines.add(row(t, energyByType.getOrDefault(t, none), forcesByType.getOrDefault(t, none)));
        }
        return String.join("\n", lines);
    }

    private static String row(String name, ErrorStats e, ErrorStats f) {
        return String.format("%-28s %8d %12.4f %12.4f %10d %12.5f %12.5f", name, e.count(), e.rmse(), e.mae(), f.count(),
                f.rmse(), f.mae());
    }
}

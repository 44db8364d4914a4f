package org.uf3j.fit.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.uf3j.fit.CrossValidation;

/**
 * Train and test errors as JSON-ready maps, a Markdown report and a side-by-side text table:
 * energy RMSE/MAE in meV/atom, force-component RMSE/MAE in eV/Å, overall and per config_type.
 * Either set may be null (e.g. no test set).
 */
public final class MetricsReport {
    private MetricsReport() {
    }

    /** {"train": {...}, "test": {...}} with units in the key names. */
    public static Map<String, Object> toMap(Metrics train, Metrics test, int nTrain, int nTest) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> units = new LinkedHashMap<>(); // in this order in every file (Map.of's order varies by run)
        units.put("energy", "meV/atom");
        units.put("forces", "eV/Å (force components)");
        m.put("units", units);
        if (train != null) {
            m.put("train", set(train, nTrain));
        }
        if (test != null) {
            m.put("test", set(test, nTest));
        }
        return m;
    }

    private static Map<String, Object> set(Metrics m, int configurations) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("configurations", configurations);
        s.put("energy", stats(m.energy(), "meV_per_atom"));
        s.put("forces", stats(m.forces(), "eV_per_A"));
        Map<String, Object> types = new LinkedHashMap<>();
        for (String t : types(m)) {
            Map<String, Object> row = new LinkedHashMap<>();
            ErrorStats e = m.energyByType().get(t);
            ErrorStats f = m.forcesByType().get(t);
            if (e != null) {
                row.put("energy", stats(e, "meV_per_atom"));
            }
            if (f != null) {
                row.put("forces", stats(f, "eV_per_A"));
            }
            types.put(t, row);
        }
        s.put("by_config_type", types);
        return s;
    }

    private static Map<String, Object> stats(ErrorStats s, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", s.count());
        m.put("rmse_" + unit, Double.isFinite(s.rmse()) ? s.rmse() : null);
        m.put("mae_" + unit, Double.isFinite(s.mae()) ? s.mae() : null);
        return m;
    }

    private static Set<String> types(Metrics m) {
        Set<String> t = new TreeSet<>(m.energyByType().keySet());
        t.addAll(m.forcesByType().keySet());
        return t;
    }

    /** The text table of a fit: one row per config_type (and "all"), train and test side by side; either may be null. */
    public static String table(Metrics train, Metrics test) {
        List<String> labels = new ArrayList<>();
        List<Metrics> sets = new ArrayList<>();
        if (train != null) {
            labels.add("train");
            sets.add(train);
        }
        if (test != null) {
            labels.add("test");
            sets.add(test);
        }
        return table(labels, sets);
    }

    /** The same text table for one labelled set of errors (e.g. the structures of {@code uf3 eval}). */
    public static String table(String label, Metrics m) {
        return table(List.of(label), List.of(m));
    }

    /**
     * The one error table: a column group per set (configurations with energies, energy RMSE/MAE in
     * meV/atom, force-component RMSE/MAE in eV/Å), one row for "all" and one per config_type.
     */
    private static String table(List<String> labels, List<Metrics> sets) {
        Set<String> types = new TreeSet<>();
        for (Metrics m : sets) {
            types.addAll(types(m));
        }
        StringBuilder b = new StringBuilder();
        String head = "%-22s";
        b.append(String.format(head, ""));
        for (String label : labels) {
            b.append(String.format("  %-44s", center(label, 44)));
        }
        b.append('\n').append(String.format(head, "config_type"));
        for (int s = 0; s < sets.size(); s++) {
            b.append(String.format("  %5s %9s %9s %9s %9s", "n_E", "E RMSE", "E MAE", "F RMSE", "F MAE"));
        }
        b.append('\n').append(String.format(head, ""));
        for (int s = 0; s < sets.size(); s++) {
            b.append(String.format("  %5s %9s %9s %9s %9s", "", "meV/at", "meV/at", "eV/Å", "eV/Å"));
        }
        b.append('\n');
        row(b, "all", sets, m -> m.energy(), m -> m.forces());
        for (String t : types) {
            row(b, t, sets, m -> m.energyByType().get(t), m -> m.forcesByType().get(t));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String name, List<Metrics> sets,
                            Function<Metrics, ErrorStats> energy,
                            Function<Metrics, ErrorStats> forces) {
        b.append(String.format("%-22s", name.length() > 22 ? name.substring(0, 21) + "…" : name));
        for (Metrics m : sets) {
            cells(b, energy.apply(m), forces.apply(m));
        }
        b.append('\n');
    }

    private static void cells(StringBuilder b, ErrorStats e, ErrorStats f) {
        b.append(String.format("  %5s %9s %9s %9s %9s", e == null ? "0" : Long.toString(e.count()), fmt(e, true, 3),
                fmt(e, false, 3), fmt(f, true, 4), fmt(f, false, 4)));
    }

    private static String fmt(ErrorStats s, boolean rmse, int digits) {
        if (s == null || s.count() == 0) {
            return "-";
        }
        double v = rmse ? s.rmse() : s.mae();
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String center(String s, int width) {
        int pad = Math.max(0, (width - s.length()) / 2);
        String dashes = "-".repeat(Math.max(0, pad - 1));
        return dashes + " " + s + " " + dashes;
    }

    /** The Markdown report: summary lines, the train/test tables and, when it ran, the cross-validation grid. */
    public static String markdown(String title, List<String> summary, Metrics train, Metrics test, int nTrain, int nTest,
                                  CrossValidation.Result cv, List<String> notes) {
        StringBuilder b = new StringBuilder("# ").append(title).append("\n\n");
        for (String s : summary) {
            b.append("- ").append(s).append('\n');
        }
        b.append('\n');
        if (train != null) {
            mdTable(b, "Training set (" + nTrain + " configurations)", train);
        }
        if (test != null) {
            mdTable(b, "Test set (" + nTest + " configurations, never used while fitting)", test);
        }
        if (cv != null) {
            b.append("## Cross-validation (").append(cv.folds()).append(" folds on the training set)\n\n");
            b.append("| λ curvature 2-body | λ curvature 3-body | λ ridge 2-body | λ ridge 3-body | κ | validation loss "
                    + "| E RMSE (meV/atom) | F RMSE (eV/Å) | |\n|---|---|---|---|---|---|---|---|---|\n");
            for (CrossValidation.Row r : cv.rows()) {
                b.append(String.format(Locale.ROOT, "| %.3g | %.3g | %.3g | %.3g | %.3f | %.5g | %.3f | %.4f | %s |%n",
                        r.regularization().curvature2(), r.regularization().curvature3(), r.regularization().ridge2(),
                        r.regularization().ridge3(), r.kappa(), r.loss(), r.energyRmse(), r.forceRmse(),
                        r == cv.best() ? "**chosen**" : ""));
            }
            b.append('\n');
        }
        for (String n : notes) {
            b.append("> ").append(n).append("\n\n");
        }
        return b.toString();
    }

    private static void mdTable(StringBuilder b, String heading, Metrics m) {
        b.append("## ").append(heading).append("\n\n");
        b.append("| config_type | energies | E RMSE (meV/atom) | E MAE (meV/atom) | force components | F RMSE (eV/Å) "
                + "| F MAE (eV/Å) |\n|---|---:|---:|---:|---:|---:|---:|\n");
        mdRow(b, "**all**", m.energy(), m.forces());
        for (String t : types(m)) {
            mdRow(b, t, m.energyByType().get(t), m.forcesByType().get(t));
        }
        b.append('\n');
    }

    private static void mdRow(StringBuilder b, String name, ErrorStats e, ErrorStats f) {
        b.append("| ").append(name).append(" | ").append(e == null ? 0 : e.count()).append(" | ").append(fmt(e, true, 3))
                .append(" | ").append(fmt(e, false, 3)).append(" | ").append(f == null ? 0 : f.count()).append(" | ")
                .append(fmt(f, true, 4)).append(" | ").append(fmt(f, false, 4)).append(" |\n");
    }
}

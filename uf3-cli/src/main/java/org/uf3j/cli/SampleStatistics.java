package org.uf3j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mean ± standard deviation of every number in a list of JSON-ready maps of the same shape (the
 * property reports of models drawn from a posterior), by flattened key ("elastic.C11_GPa",
 * "surfaces[0].energy_eV_per_A2"); "units", "seconds" and text are left out. Immutable.
 */
final class SampleStatistics {
    private final Map<String, double[]> values;
    private final int samples;

    private SampleStatistics(Map<String, double[]> values, int samples) {
        this.values = values;
        this.samples = samples;
    }

    /** Collects the numbers of every sample's map (a key missing or null in a sample counts as NaN there). */
    static SampleStatistics of(List<Map<String, Object>> maps) {
        Map<String, double[]> v = new LinkedHashMap<>();
        for (int s = 0; s < maps.size(); s++) {
            Map<String, Double> flat = new LinkedHashMap<>();
            flatten("", maps.get(s), flat);
            for (Map.Entry<String, Double> e : flat.entrySet()) {
                double[] arr = v.computeIfAbsent(e.getKey(), k -> {
                    double[] a = new double[maps.size()];
                    java.util.Arrays.fill(a, Double.NaN);
                    return a;
                });
                arr[s] = e.getValue();
            }
        }
        return new SampleStatistics(v, maps.size());
    }

    private static void flatten(String prefix, Object o, Map<String, Double> out) {
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (prefix.isEmpty() && (k.equals("units") || k.equals("seconds") || k.equals("phonons"))) {
                    continue;
                }
                flatten(prefix.isEmpty() ? k : prefix + "." + k, e.getValue(), out);
            }
        } else if (o instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(prefix + "[" + i + "]", l.get(i), out);
            }
        } else if (o instanceof Number n) {
            out.put(prefix, n.doubleValue());
        }
    }

    /** {mean, standard deviation (n − 1), finite count} of a key. */
    double[] stats(String key) {
        double[] a = values.get(key);
        double sum = 0;
        int n = 0;
        for (double x : a) {
            if (Double.isFinite(x)) {
                sum += x;
                n++;
            }
        }
        double mean = n > 0 ? sum / n : Double.NaN;
        double ss = 0;
        for (double x : a) {
            if (Double.isFinite(x)) {
                ss += (x - mean) * (x - mean);
            }
        }
        return new double[] {mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, n};
    }

    /** A Markdown table: property, the central model's value, mean ± std over the samples. */
    String markdown(Map<String, Object> central) {
        Map<String, Double> c = new LinkedHashMap<>();
        flatten("", central, c);
        StringBuilder b = new StringBuilder("| property | model | mean over " + samples + " samples | std |\n|---|---:|---:|---:|\n");
        for (String k : values.keySet()) {
            double[] s = stats(k);
            Double cv = c.get(k);
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", k, cv == null ? "-" : fmt(cv), fmt(s[0]), fmt(s[1])));
        }
        return b.toString();
    }

    /** {key: {mean, std, n}} for JSON. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : values.keySet()) {
            double[] s = stats(k);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("mean", Double.isFinite(s[0]) ? s[0] : null);
            e.put("std", Double.isFinite(s[1]) ? s[1] : null);
            e.put("n", (int) s[2]);
            m.put(k, e);
        }
        return m;
    }

    List<String> keys() {
        return new ArrayList<>(values.keySet());
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.5g", v) : "-";
    }
}

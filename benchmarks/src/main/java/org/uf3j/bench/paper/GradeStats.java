package org.uf3j.bench.paper;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Summary of the per-atom extrapolation grades of a group of configurations: how many
 * configurations have max γ above 1 (+1e-6, the maxvol tolerance), their median and 90th
 * percentile max γ, the fraction of atoms above 1, and how many configurations touch a basis
 * function no training atom touched (γ = ∞).
 */
record GradeStats(int configurations, int atoms, double configFraction, double medianMax, double p90Max, double atomFraction,
                  int infinite) {
    static final double EXTRAPOLATING = 1 + 1e-6;

    /** From the per-atom grades of each configuration. */
    static GradeStats of(List<double[]> grades) {
        double[] max = new double[grades.size()];
        int atoms = 0, above = 0, configsAbove = 0, inf = 0;
        for (int c = 0; c < max.length; c++) {
            double m = 0;
            for (double g : grades.get(c)) {
                m = Math.max(m, g);
                above += g > EXTRAPOLATING ? 1 : 0;
            }
            atoms += grades.get(c).length;
            max[c] = m;
            configsAbove += m > EXTRAPOLATING ? 1 : 0;
            inf += Double.isInfinite(m) ? 1 : 0;
        }
        Arrays.sort(max);
        return new GradeStats(max.length, atoms, max.length == 0 ? Double.NaN : (double) configsAbove / max.length,
                quantile(max, 0.5), quantile(max, 0.9), atoms == 0 ? Double.NaN : (double) above / atoms, inf);
    }

    /** The q-quantile of sorted values (nearest rank), NaN when empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    String percentConfigs() {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * configFraction);
    }

    String percentAtoms() {
        return String.format(java.util.Locale.ROOT, "%.2f %%", 100 * atomFraction);
    }

    static String value(double v) {
        return Double.isInfinite(v) ? "inf" : Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    Map<String, Object> json() {
        return Outputs.map("configurations", configurations, "atoms", atoms, "fraction_configs_max_gamma_above_1", configFraction,
                "median_max_gamma", finite(medianMax), "p90_max_gamma", finite(p90Max), "fraction_atoms_gamma_above_1", atomFraction,
                "configs_with_infinite_gamma", infinite);
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : Double.isNaN(v) ? null : "inf";
    }
}

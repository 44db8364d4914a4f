package org.uf3j.fit.uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well predicted standard deviations describe the errors actually made on reference data:
 * the fraction of |error| ≤ 1σ and ≤ 2σ (a Gaussian has 68.3 % and 95.4 %) for energies per
 * atom (overall and per config_type) and for force components, and the observed coverage of the
 * central Gaussian intervals at every expected level (the calibration curve). Immutable; collect
 * with {@link Builder}.
 */
public final class Calibration {
    /** Expected coverages of the calibration curve. */
    public static final double[] LEVELS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.683, 0.7, 0.8, 0.9, 0.954, 0.99};

    private final double[] energyError;
    private final double[] energySigma;
    private final String[] energyType;
    private final double[] forceError;
    private final double[] forceSigma;

    private Calibration(Builder b) {
        energyError = toArray(b.eErr);
        energySigma = toArray(b.eSig);
        energyType = b.eType.toArray(new String[0]);
        forceError = toArray(b.fErr);
        forceSigma = toArray(b.fSig);
    }

    /** Collects (error, σ) pairs. */
    public static final class Builder {
        private final List<Double> eErr = new ArrayList<>();
        private final List<Double> eSig = new ArrayList<>();
        private final List<String> eType = new ArrayList<>();
        private final List<Double> fErr = new ArrayList<>();
        private final List<Double> fSig = new ArrayList<>();

        /** One structure's energy-per-atom error (predicted − reference) and predicted σ per atom. */
        public Builder energy(String configType, double errorPerAtom, double sigmaPerAtom) {
            eErr.add(errorPerAtom);
            eSig.add(sigmaPerAtom);
            eType.add(configType == null || configType.isEmpty() ? "(none)" : configType);
            return this;
        }

        /** Force-component errors and their σ's (same length). */
        public Builder forces(double[] errors, double[] sigmas) {
            for (int q = 0; q < errors.length; q++) {
                fErr.add(errors[q]);
                fSig.add(sigmas[q]);
            }
            return this;
        }

        public Calibration build() {
            return new Calibration(this);
        }
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    public int energies() {
        return energyError.length;
    }

    public int forces() {
        return forceError.length;
    }

    /** Fraction of energies with |error| ≤ k σ (NaN without energies). */
    public double energyWithin(double k) {
        return within(energyError, energySigma, k, null, null);
    }

    /** Fraction of force components with |error| ≤ k σ (NaN without forces). */
    public double forceWithin(double k) {
        return within(forceError, forceSigma, k, null, null);
    }

    /** Per config_type: {count, within 1σ, within 2σ, RMSE, RMS σ} of the energies per atom. */
    public Map<String, double[]> energyByType() {
        Map<String, double[]> out = new TreeMap<>();
        for (String t : energyType) {
            out.putIfAbsent(t, null);
        }
        for (String t : out.keySet()) {
            int n = 0;
            double se = 0, ss = 0;
            for (int i = 0; i < energyError.length; i++) {
                if (energyType[i].equals(t)) {
                    n++;
                    se += energyError[i] * energyError[i];
                    ss += energySigma[i] * energySigma[i];
                }
            }
            out.put(t, new double[] {n, within(energyError, energySigma, 1, energyType, t),
                within(energyError, energySigma, 2, energyType, t), Math.sqrt(se / n), Math.sqrt(ss / n)});
        }
        return out;
    }

    /** Observed coverage of the central Gaussian interval at each of {@link #LEVELS}, energies. */
    public double[] energyCoverage() {
        return coverage(energyError, energySigma);
    }

    /** As {@link #energyCoverage()}, force components. */
    public double[] forceCoverage() {
        return coverage(forceError, forceSigma);
    }

    /** Energy errors per atom (copies), σ's per atom; force errors, σ's. */
    public double[] energyErrors() {
        return energyError.clone();
    }

    public double[] energySigmas() {
        return energySigma.clone();
    }

    public double[] forceErrors() {
        return forceError.clone();
    }

    public double[] forceSigmas() {
        return forceSigma.clone();
    }

    private static double[] coverage(double[] err, double[] sig) {
        double[] out = new double[LEVELS.length];
        for (int l = 0; l < LEVELS.length; l++) {
            out[l] = within(err, sig, NormalQuantile.of(0.5 + LEVELS[l] / 2), null, null);
        }
        return out;
    }

    private static double within(double[] err, double[] sig, double k, String[] types, String type) {
        int n = 0, in = 0;
        for (int i = 0; i < err.length; i++) {
            if (types != null && !types[i].equals(type)) {
                continue;
            }
            n++;
            if (Math.abs(err[i]) <= k * sig[i]) {
                in++;
            }
        }
        return n == 0 ? Double.NaN : (double) in / n;
    }

    /** A text report: overall fractions, per config_type energies. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Calibration of the predicted σ (Gaussian: 68.3 %% within 1σ, 95.4 %% within 2σ):%n"));
        if (energies() > 0) {
            b.append(String.format(Locale.ROOT, "  energies per atom  %7d structures   within 1σ %5.1f %%   within 2σ %5.1f %%%n",
                    energies(), 100 * energyWithin(1), 100 * energyWithin(2)));
        }
        if (forces() > 0) {
            b.append(String.format(Locale.ROOT, "  force components %9d              within 1σ %5.1f %%   within 2σ %5.1f %%%n",
                    forces(), 100 * forceWithin(1), 100 * forceWithin(2)));
        }
        if (energies() > 0) {
            b.append(String.format(Locale.ROOT, "  %-24s %6s %9s %9s %14s %14s%n", "config_type", "n_E", "E in 1σ", "E in 2σ",
                    "E RMSE meV/at", "RMS σ meV/at"));
            for (Map.Entry<String, double[]> e : energyByType().entrySet()) {
                double[] v = e.getValue();
                b.append(String.format(Locale.ROOT, "  %-24s %6d %8.1f%% %8.1f%% %14.3f %14.3f%n", e.getKey(), (int) v[0],
                        100 * v[1], 100 * v[2], 1000 * v[3], 1000 * v[4]));
            }
        }
        return b.toString();
    }

    /** The figures as a JSON-ready map (fractions, coverage curve, per config_type). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energies", energies());
        m.put("energy_within_1sigma", energyWithin(1));
        m.put("energy_within_2sigma", energyWithin(2));
        m.put("force_components", forces());
        m.put("force_within_1sigma", forceWithin(1));
        m.put("force_within_2sigma", forceWithin(2));
        m.put("expected_coverage", LEVELS.clone());
        m.put("energy_observed_coverage", energyCoverage());
        m.put("force_observed_coverage", forceCoverage());
        Map<String, Object> types = new LinkedHashMap<>();
        energyByType().forEach((t, v) -> types.put(t, Map.of("n", (int) v[0], "within_1sigma", v[1], "within_2sigma", v[2],
                "rmse_meV_per_atom", 1000 * v[3], "rms_sigma_meV_per_atom", 1000 * v[4])));
        m.put("energy_by_config_type", types);
        return m;
    }
}

package org.uf3j.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.metrics.EnergyOffsets;

/**
 * Predicted against reference: energy per atom and force-component parity plots, and histograms of
 * the errors, one colour per config_type. Force plots show at most {@value #MAX_FORCE_POINTS}
 * randomly chosen components (seeded), so that big data sets stay readable.
 */
public final class ParityPlots {
    static final int MAX_FORCE_POINTS = 30000;
    private static final int BINS = 40;

    private ParityPlots() {
    }

    /**
     * Writes parity-energy[-SET].png, parity-forces[-SET].png, errors-energy[-SET].png and
     * errors-forces[-SET].png (files without energies or forces are skipped).
     *
     * @param set     e.g. "test" (in titles and file names), or "" for none
     * @param offsets per-element energy offsets added to predictions (a .uf3 potential), or empty
     */
    public static List<Path> write(List<Configuration> configs, Evaluation[] predictions, Map<String, Double> offsets,
                                   String set, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        String suffix = set.isEmpty() ? "" : "-" + set;
        String where = set.isEmpty() ? "" : " (" + set + " set)";
        String note = offsets.isEmpty() ? "" : ", per-atom offset removed";
        Map<String, List<double[]>> energies = new TreeMap<>();
        Map<String, List<double[]>> forces = new TreeMap<>();
        long totalForces = 0;
        for (Configuration c : configs) {
            if (c.hasForces()) {
                totalForces += c.forces().length;
            }
        }
        double keep = Math.min(1.0, MAX_FORCE_POINTS / (double) Math.max(1, totalForces));
        Random rnd = new Random(12345);
        for (int i = 0; i < configs.size(); i++) {
            Configuration c = configs.get(i);
            Evaluation p = predictions[i];
            if (c.hasEnergy()) {
                double pred = (p.energy() + EnergyOffsets.offset(c.structure(), offsets)) / c.size();
                energies.computeIfAbsent(c.configType(), k -> new ArrayList<>()).add(new double[] {c.energy() / c.size(), pred});
            }
            if (c.hasForces()) {
                List<double[]> l = forces.computeIfAbsent(c.configType(), k -> new ArrayList<>());
                double[] ref = c.forces();
                for (int q = 0; q < ref.length; q++) {
                    if (keep >= 1 || rnd.nextDouble() < keep) {
                        l.add(new double[] {ref[q], p.forces()[q]});
                    }
                }
            }
        }
        if (!energies.isEmpty()) {
            out.add(Charts.save(parity("Energy parity" + where + note, "reference energy (eV/atom)",
                    "predicted energy (eV/atom)", energies, 1000, "meV/atom"), dir.resolve("parity-energy" + suffix + ".png")));
            out.add(Charts.save(errors("Energy errors" + where + note, "predicted − reference energy (meV/atom)", energies,
                    1000), dir.resolve("errors-energy" + suffix + ".png")));
        }
        if (!forces.isEmpty()) {
            String sample = keep < 1 ? String.format(Locale.ROOT, ", %d%% of components shown", Math.round(100 * keep)) : "";
            out.add(Charts.save(parity("Force parity" + where + sample, "reference force component (eV/Å)",
                    "predicted force component (eV/Å)", forces, 1, "eV/Å"), dir.resolve("parity-forces" + suffix + ".png")));
            out.add(Charts.save(errors("Force errors" + where + sample, "predicted − reference force component (eV/Å)",
                    forces, 1), dir.resolve("errors-forces" + suffix + ".png")));
        }
        return out;
    }

    private static XYChart parity(String title, String xTitle, String yTitle, Map<String, List<double[]>> byType,
                                  double rmseScale, String rmseUnit) {
        XYChart c = Charts.xy(title, xTitle, yTitle);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<double[]> l : byType.values()) {
            for (double[] v : l) {
                lo = Math.min(lo, Math.min(v[0], v[1]));
                hi = Math.max(hi, Math.max(v[0], v[1]));
            }
        }
        double pad = 0.04 * Math.max(hi - lo, 1e-9);
        lo -= pad;
        hi += pad;
        c.getStyler().setXAxisMin(lo);
        c.getStyler().setXAxisMax(hi);
        c.getStyler().setYAxisMin(lo);
        c.getStyler().setYAxisMax(hi);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setMarkerSize(byType.values().stream().mapToInt(List::size).sum() > 5000 ? 3 : 6);
        Charts.guide(c, "y = x", new double[] {lo, hi}, new double[] {lo, hi});
        int k = 0;
        for (Map.Entry<String, List<double[]>> e : byType.entrySet()) {
            List<double[]> l = e.getValue();
            double[] x = new double[l.size()];
            double[] y = new double[l.size()];
            double sq = 0;
            for (int i = 0; i < l.size(); i++) {
                x[i] = l.get(i)[0];
                y[i] = l.get(i)[1];
                sq += (y[i] - x[i]) * (y[i] - x[i]);
            }
            double rmse = rmseScale * Math.sqrt(sq / Math.max(1, l.size()));
            XYSeries s = Charts.scatter(c, String.format(Locale.ROOT, "%s (RMSE %.3g %s)", e.getKey(), rmse, rmseUnit), x, y,
                    Charts.alpha(Charts.color(k), 170));
            s.setMarker(SeriesMarkers.CIRCLE);
            k++;
        }
        return c;
    }

    private static XYChart errors(String title, String xTitle, Map<String, List<double[]>> byType, double scale) {
        double lim = 0;
        List<Double> all = new ArrayList<>();
        for (List<double[]> l : byType.values()) {
            for (double[] v : l) {
                all.add(Math.abs(scale * (v[1] - v[0])));
            }
        }
        all.sort(null);
        // range: the 99.5th percentile of |error|, so that a few outliers do not squash the histogram
        lim = all.isEmpty() ? 1 : all.get((int) Math.min(all.size() - 1, Math.floor(0.995 * all.size())));
        if (!(lim > 0)) {
            lim = 1e-6;
        }
        lim = Charts.roundUp(lim * 1.05);
        XYChart c = Charts.xy(title, xTitle, "fraction of values per bin");
        c.getStyler().setXAxisMin(-lim);
        c.getStyler().setXAxisMax(lim);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        int k = 0;
        // fewer bins for few values (a test set of 25 energies), at most BINS
        int bins = (int) Math.max(10, Math.min(BINS, Math.round(2 * Math.sqrt(all.size()))));
        double w = 2 * lim / bins;
        for (Map.Entry<String, List<double[]>> e : byType.entrySet()) {
            // XChart draws a step from x[i] to x[i+1] at height y[i]: x holds the bin edges
            double[] x = new double[bins + 1];
            double[] y = new double[bins + 1];
            for (int b = 0; b <= bins; b++) {
                x[b] = -lim + b * w;
            }
            int n = e.getValue().size();
            int outside = 0;
            for (double[] v : e.getValue()) {
                double err = scale * (v[1] - v[0]);
                int b = (int) Math.floor((err + lim) / w);
                if (b >= 0 && b < bins) {
                    y[b] += 1.0 / n;
                } else {
                    outside++;
                }
            }
            String label = e.getKey() + " (" + n + (outside > 0 ? ", " + outside + " outside the range" : "") + ")";
            XYSeries s = c.addSeries(label, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Charts.color(k));
            s.setLineStyle(new java.awt.BasicStroke(2.2f));
            k++;
        }
        return c;
    }
}

package org.uf3j.cli.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.plot.Charts;

/**
 * Pictures of the potential itself: every 2-body term V2(r) with its knots (and, given data, the
 * histogram of the data's pair distances), and every 3-body term as two heat-map slices:
 * V3(r, r, θ) with both legs equal against the angle, and V3(r_ij, r_ik) at a fixed angle.
 */
public final class PotentialPlots {
    private static final int CURVE_POINTS = 600;
    private static final int HISTOGRAM_BINS = 120;

    private PotentialPlots() {
    }

    /** Pair distances of the data per element pair (key "A-B"), up to each pair's cutoff; at most {@code maxConfigs} configurations are used. */
    public static Map<String, double[]> pairDistances(Uf3Model model, List<Configuration> data, int maxConfigs) {
        Map<String, List<Double>> lists = new LinkedHashMap<>();
        for (PairTerm p : model.pairTerms()) {
            lists.put(Uf3Model.pairKey(p.first(), p.second()), new ArrayList<>());
        }
        double cutoff = model.maxCutoff();
        int step = Math.max(1, (int) Math.ceil(data.size() / (double) Math.max(1, maxConfigs)));
        for (int c = 0; c < data.size(); c += step) {
            var s = data.get(c).structure();
            NeighborList nl = NeighborList.build(s, cutoff);
            for (int i = 0; i < s.size(); i++) {
                for (int e = nl.start(i); e < nl.end(i); e++) {
                    int j = nl.neighbor(e);
                    if (!model.elements().contains(s.symbol(i)) || !model.elements().contains(s.symbol(j))) {
                        continue;
                    }
                    String key = Uf3Model.pairKey(s.symbol(i), s.symbol(j));
                    PairTerm p = model.pair(s.symbol(i), s.symbol(j));
                    if (nl.distance(e) < p.cutoff()) {
                        lists.get(key).add(nl.distance(e));
                    }
                }
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /** Writes pair-&lt;A&gt;-&lt;B&gt;.png for every pair term; {@code distances} may be null. Returns the files. */
    public static List<Path> pairs(Uf3Model model, Map<String, double[]> distances, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (PairTerm p : model.pairTerms()) {
            String key = Uf3Model.pairKey(p.first(), p.second());
            double[] d = distances == null ? null : distances.get(key);
            out.add(Charts.save(pair(p, d), dir.resolve("pair-" + key + ".png")));
        }
        return out;
    }

    /** The chart of one pair term. */
    public static XYChart pair(PairTerm p, double[] distances) {
        KnotSequence k = p.knots();
        double lo = k.min();
        double hi = k.max();
        double[] r = new double[CURVE_POINTS + 1];
        double[] v = new double[CURVE_POINTS + 1];
        double vMin = 0;
        double vMax = 0;
        for (int i = 0; i <= CURVE_POINTS; i++) {
            r[i] = lo + (hi - lo) * i / CURVE_POINTS;
            v[i] = p.value(r[i]);
            vMin = Math.min(vMin, v[i]);
            vMax = Math.max(vMax, v[i]);
        }
        // clip the repulsive wall: show the well and a few times its depth above 0
        double top = vMin < 0 ? Math.max(3 * -vMin, 1e-6) : Math.max(vMax, 1e-3);
        top = Math.min(top, Math.max(vMax, 1e-3));
        double bottom = vMin < 0 ? vMin - 0.15 * (top - vMin) : -0.1 * top;
        if (top <= bottom) {
            top = bottom + 1;
        }
        List<Double> cx0 = new ArrayList<>();
        List<Double> cy0 = new ArrayList<>();
        boolean clipped = clip(r, v, top, cx0, cy0);
        String name = p.first() + "–" + p.second();
        XYChart c = Charts.xy(name + " 2-body term", "r (Å)", "V₂(r) (eV)");
        c.getStyler().setXAxisMin(lo - 0.02 * (hi - lo));
        c.getStyler().setXAxisMax(hi + 0.02 * (hi - lo));
        c.getStyler().setYAxisMin(0, bottom);
        c.getStyler().setYAxisMax(0, top);
        c.getStyler().setYAxisDecimalPattern("0.###");
        if (distances != null && distances.length > 0) {
            double[][] h = histogram(distances, lo, hi, HISTOGRAM_BINS);
            XYSeries s = c.addSeries("pair distances in the data (right axis)", h[0], h[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
            s.setMarker(SeriesMarkers.NONE);
            s.setFillColor(Charts.alpha(new Color(120, 120, 120), 70));
            s.setLineColor(new Color(150, 150, 150));
            s.setYAxisGroup(1);
            double maxCount = Arrays.stream(h[1]).max().orElse(1);
            c.getStyler().setYAxisMin(1, 0.0);
            c.getStyler().setYAxisMax(1, 1.15 * Math.max(1, maxCount));
            c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            c.setYAxisGroupTitle(1, "pair distances (count per bin)");
        }
        Charts.guide(c, "zero", new double[] {lo, hi}, new double[] {0, 0});
        Charts.line(c, "V₂(r)" + (clipped ? String.format(Locale.ROOT, ", clipped above %.3g eV", top) : ""),
                toArray(cx0), toArray(cy0), Charts.COLORS[0], 2.5f);
        List<Double> kx = new ArrayList<>();
        List<Double> ky = new ArrayList<>();
        List<Double> cx = new ArrayList<>();
        double previous = Double.NaN;
        for (int i = 0; i < k.size(); i++) {
            double t = k.knot(i);
            if (t == previous) {
                continue;
            }
            previous = t;
            double vt = t >= hi ? 0 : p.value(t);
            if (vt > top) {
                cx.add(t);
            } else {
                kx.add(t);
                ky.add(vt);
            }
        }
        if (!kx.isEmpty()) {
            XYSeries ks = Charts.scatter(c, "knots (" + (kx.size() + cx.size()) + ")", toArray(kx), toArray(ky),
                    Charts.COLORS[1]);
            ks.setMarker(SeriesMarkers.DIAMOND);
        }
        if (!cx.isEmpty()) {
            double[] y = new double[cx.size()];
            Arrays.fill(y, top);
            XYSeries cs = Charts.scatter(c, "knots under the clipped wall", toArray(cx), y, Charts.COLORS[1]);
            cs.setMarker(SeriesMarkers.TRIANGLE_UP);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        return c;
    }

    /**
     * The curve with the parts above {@code top} cut out: a crossing point is inserted at exactly
     * {@code top} and a NaN (a gap, for XChart) stands for the part outside. Returns whether anything was cut.
     */
    static boolean clip(double[] x, double[] y, double top, List<Double> outX, List<Double> outY) {
        boolean cut = false;
        for (int i = 0; i < x.length; i++) {
            boolean inside = y[i] <= top;
            if (i > 0 && (y[i - 1] <= top) != inside) {
                double f = (top - y[i - 1]) / (y[i] - y[i - 1]);
                outX.add(x[i - 1] + f * (x[i] - x[i - 1]));
                outY.add(top);
            }
            if (inside) {
                outX.add(x[i]);
                outY.add(y[i]);
            } else {
                cut = true;
                if (outY.isEmpty() || !Double.isNaN(outY.get(outY.size() - 1))) {
                    outX.add(x[i]);
                    outY.add(Double.NaN);
                }
            }
        }
        return cut;
    }

    /** Writes triplet-&lt;C&gt;-&lt;A&gt;-&lt;B&gt;-angle.png and -legs.png for every 3-body term (none for a term the model leaves out). */
    public static List<Path> triplets(Uf3Model model, double fixedAngleDegrees, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (TripletTerm t : model.tripletTerms()) {
            String key = t.centre() + "-" + t.first() + "-" + t.second();
            out.add(Charts.save(equalLegs(t), dir.resolve("triplet-" + key + "-angle.png")));
            out.add(Charts.save(fixedAngle(t, fixedAngleDegrees), dir.resolve("triplet-" + key + "-legs.png")));
        }
        return out;
    }

    /** V3(r, r, θ): x = angle θ_jik (degrees), y = r_ij = r_ik (Å). */
    public static HeatMapChart equalLegs(TripletTerm t) {
        double lo = Math.max(t.knotsIJ().min(), t.knotsIK().min());
        double hi = Math.min(t.knotsIJ().max(), t.knotsIK().max());
        int nr = 31;
        int na = 37;
        double[] rs = new double[nr];
        double[] angles = new double[na];
        for (int i = 0; i < nr; i++) {
            rs[i] = lo + (hi - lo) * i / (nr - 1);
        }
        for (int a = 0; a < na; a++) {
            angles[a] = 5.0 * a;
        }
        double[][] v = new double[na][nr];
        for (int a = 0; a < na; a++) {
            double cos = Math.cos(Math.toRadians(angles[a]));
            for (int i = 0; i < nr; i++) {
                double r = rs[i];
                v[a][i] = t.value(r, r, Math.sqrt(Math.max(0, 2 * r * r * (1 - cos))));
            }
        }
        String name = t.centre() + "–" + t.first() + "–" + t.second();
        return heat("3-body " + name + ": colour = V₃ (eV) at r_ij = r_ik = r (blank: r_jk below its first knot)", "angle θ_jik (degrees)",
                "r (Å)", angles, rs, v, "%.0f", "%.2f", 4, 5);
    }

    /** V3(r_ij, r_ik, r_jk(θ)) at a fixed angle θ: x = r_ij (Å), y = r_ik (Å). */
    public static HeatMapChart fixedAngle(TripletTerm t, double degrees) {
        double loI = t.knotsIJ().min();
        double hiI = t.knotsIJ().max();
        double loK = t.knotsIK().min();
        double hiK = t.knotsIK().max();
        int n = 31;
        double[] ri = new double[n];
        double[] rk = new double[n];
        for (int i = 0; i < n; i++) {
            ri[i] = loI + (hiI - loI) * i / (n - 1);
            rk[i] = loK + (hiK - loK) * i / (n - 1);
        }
        double cos = Math.cos(Math.toRadians(degrees));
        double[][] v = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double rjk = Math.sqrt(Math.max(0, ri[a] * ri[a] + rk[b] * rk[b] - 2 * ri[a] * rk[b] * cos));
                v[a][b] = t.value(ri[a], rk[b], rjk);
            }
        }
        String name = t.centre() + "–" + t.first() + "–" + t.second();
        return heat(String.format(Locale.ROOT, "3-body %s: colour = V₃ (eV) at θ_jik = %.1f° (blank: a leg below its first knot)", name, degrees), "r_ij (Å, to " + t.first() + ")",
                "r_ik (Å, to " + t.second() + ")", ri, rk, v, "%.2f", "%.2f", 5, 5);
    }

    private static HeatMapChart heat(String title, String xTitle, String yTitle, double[] x, double[] y, double[][] v,
                                     String xFormat, String yFormat, int xEvery, int yEvery) {
        List<Double> finite = new ArrayList<>();
        for (double[] row : v) {
            for (double d : row) {
                if (Double.isFinite(d)) {
                    finite.add(Math.abs(d));
                }
            }
        }
        finite.sort(null);
        // colour limit: the 97th percentile of |V3|, so that a few steep cells do not wash out the rest
        double limit = finite.isEmpty() ? 1 : finite.get((int) Math.min(finite.size() - 1, Math.floor(0.97 * finite.size())));
        if (!(limit > 0)) {
            limit = finite.isEmpty() || finite.get(finite.size() - 1) == 0 ? 1e-6 : finite.get(finite.size() - 1);
        }
        limit = Charts.roundUp(limit);
        HeatMapChart c = Charts.heatMap(title, xTitle, yTitle, limit);
        List<String> xs = labels(x, xFormat, xEvery);
        List<String> ys = labels(y, yFormat, yEvery);
        List<Number[]> cells = new ArrayList<>();
        for (int a = 0; a < x.length; a++) {
            for (int b = 0; b < y.length; b++) {
                double d = v[a][b];
                if (Double.isFinite(d)) {
                    cells.add(new Number[] {a, b, Math.max(-limit, Math.min(limit, d))});
                }
            }
        }
        c.addSeries("V₃ (eV)", xs, ys, cells);
        c.getStyler().setLegendVisible(true);
        return c;
    }

    /** Category labels with only every {@code every}-th shown (blank labels are made unique with spaces). */
    private static List<String> labels(double[] v, String format, int every) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            out.add(i % every == 0 ? String.format(Locale.ROOT, format, v[i]) : " ".repeat(i + 1));
        }
        return out;
    }

    /** Histogram for XChart's step style: the bins+1 edges and the counts (a trailing 0 at the last edge). */
    static double[][] histogram(double[] values, double lo, double hi, int bins) {
        double[] centres = new double[bins + 1];
        double[] counts = new double[bins + 1];
        double w = (hi - lo) / bins;
        for (int b = 0; b <= bins; b++) {
            centres[b] = lo + b * w;
        }
        for (double d : values) {
            int b = (int) Math.floor((d - lo) / w);
            if (b >= 0 && b < bins) {
                counts[b]++;
            }
        }
        return new double[][] {centres, counts};
    }

    static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

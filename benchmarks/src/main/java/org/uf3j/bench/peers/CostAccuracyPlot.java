package org.uf3j.bench.peers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.uf3j.plot.Charts;

/**
 * The accuracy-versus-cost figure of a head-to-head study, after the UF3 paper's comparison figure:
 * test error against LAMMPS MD cost, both axes logarithmic, one point per model, an energy panel
 * and a force panel side by side in one PNG. Models measured here are filled circles; published
 * points are open diamonds, or, where the paper's cost could not be sourced, a dashed line at the
 * published error across the panel (placed on the error axis only; models with the same published
 * error share one line).
 *
 * <p>Usage: {@code CostAccuracyPlot RESULTS_JSON OUT_PNG [TITLE]} (benchmarks/peers/inp.sh and
 * w14.sh call it).
 */
public final class CostAccuracyPlot {
    private static final Color PUBLISHED = new Color(90, 90, 90);

    private CostAccuracyPlot() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CostAccuracyPlot RESULTS_JSON OUT_PNG [TITLE]");
            System.exit(2);
        }
        try {
            List<PeerPoint> points = PeerResults.read(Path.of(args[0]));
            Path png = write(points, args.length == 3 ? args[2] : "test error against MD cost", Path.of(args[1]));
            System.err.println("[peers] wrote " + png);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("[peers] " + e.getMessage());
            System.exit(1);
        }
    }

    /** Draws both panels into one PNG and returns its path. */
    public static Path write(List<PeerPoint> points, String title, Path png) throws IOException {
        XYChart energy = panel(points, title + ": energy", "energy RMSE (meV/atom)", PeerPoint::energyRmseMeV);
        XYChart forces = panel(points, title + ": forces", "force RMSE (eV/Å)", PeerPoint::forceRmseEvA);
        return Charts.saveRow(List.of(energy, forces), png);
    }

    private static XYChart panel(List<PeerPoint> points, String title, String yTitle, ToDoubleFunction<PeerPoint> error) {
        // a margin of a factor 1.5 keeps points off the frame
        double[] x = decades(points.stream().filter(p -> p.usPerAtomStep().isPresent())
                .flatMapToDouble(p -> DoubleStream.of(p.usPerAtomStep().getAsDouble() / 1.5, p.usPerAtomStep().getAsDouble() * 1.5))
                .toArray());
        double[] y = decades(points.stream().mapToDouble(error).filter(v -> v > 0)
                .flatMap(v -> DoubleStream.of(v / 1.5, v * 1.5)).toArray());
        XYChart c = Charts.xy(title, "LAMMPS MD cost (µs per atom and step, one thread)", yTitle);
        XYStyler s = c.getStyler();
        s.setXAxisLogarithmic(true);
        s.setYAxisLogarithmic(true);
        s.setXAxisMin(x[0]);
        s.setXAxisMax(x[1]);
        s.setYAxisMin(y[0]);
        s.setYAxisMax(y[1]);
        s.setMarkerSize(14);
        s.setChartTitleFont(s.getChartTitleFont().deriveFont(17f));
        s.setAnnotationTextFont(s.getLegendFont().deriveFont(14f));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        int colour = 0;
        // published errors without a cost: one dashed line per distinct value (qSNAP and SNAP share 20 meV/atom)
        Map<Double, List<String>> lines = new LinkedHashMap<>();
        for (PeerPoint p : points) {
            double e = error.applyAsDouble(p);
            if (!(e > 0)) {
                continue; // a zero error has no place on a log axis
            }
            if (p.usPerAtomStep().isEmpty()) {
                lines.computeIfAbsent(e, k -> new ArrayList<>()).add(p.model());
                continue;
            }
            double us = p.usPerAtomStep().getAsDouble();
            XYSeries point;
            if (p.published()) {
                point = Charts.scatter(c, p.label(), new double[] {us}, new double[] {e}, PUBLISHED);
                point.setMarker(SeriesMarkers.DIAMOND);
                point.setMarkerColor(Charts.alpha(PUBLISHED, 90));
            } else {
                point = Charts.scatter(c, p.label(), new double[] {us}, new double[] {e}, Charts.color(colour++));
            }
            c.addAnnotation(new AnnotationText(p.label(), us, e * 1.14, false));
        }
        for (Map.Entry<Double, List<String>> l : lines.entrySet()) {
            String name = String.join(", ", l.getValue()) + " (published)";
            double e = l.getKey();
            XYSeries line = Charts.line(c, name + ", no cost", new double[] {x[0], x[1]}, new double[] {e, e},
                    Charts.alpha(PUBLISHED, 200), 1.5f);
            line.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {8f, 6f}, 0f));
            c.addAnnotation(new AnnotationText(name, x[1] / 4, e * 1.07, false));
        }
        return c;
    }

    /** Whole decades around positive values (a single value gets the decade it lies in). */
    static double[] decades(double[] values) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double v : values) {
            if (v > 0) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi == 0) {
            return new double[] {1, 10};
        }
        double a = Math.pow(10, Math.floor(Math.log10(lo)));
        double b = Math.pow(10, Math.ceil(Math.log10(hi)));
        return new double[] {a, b > a ? b : a * 10};
    }
}

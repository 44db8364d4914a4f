package org.uf3j.bench.paper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.uf3j.plot.Charts;

/**
 * The bar charts of the Zuo et al. 2020 study: test MAE per element of UF2, UF2,3 and the
 * published GAP and MTP, energy and forces, on a log axis (the errors span two decades). Drawn at
 * the end of a run, or again from a run's {@code zuo2020.json} ({@code zuo2020.sh --replot}).
 */
final class Zuo2020Plots {
    /** One element's test MAE: UF2 and UF2,3 energy (meV/atom) and force (eV/Å). */
    record Mae(String element, double uf2Energy, double uf23Energy, double uf2Force, double uf23Force) {
    }

    private Zuo2020Plots() {
    }

    /** Reads the per-element test MAEs from a study's zuo2020.json. */
    static List<Mae> read(Path json) throws IOException {
        JsonNode elements = new ObjectMapper().readTree(json.toFile()).path("elements");
        if (!elements.isObject() || elements.isEmpty()) {
            throw new IOException(json + ": no 'elements' object; run zuo2020.sh without --replot first");
        }
        List<Mae> out = new ArrayList<>();
        for (var it = elements.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode uf2 = e.getValue().path("uf2"), uf23 = e.getValue().path("uf23");
            out.add(new Mae(e.getKey(), number(json, uf2, "test_energy_mae_meV"), number(json, uf23, "test_energy_mae_meV"),
                    number(json, uf2, "test_force_mae_eVA"), number(json, uf23, "test_force_mae_eVA")));
        }
        return out;
    }

    private static double number(Path json, JsonNode node, String key) throws IOException {
        JsonNode v = node.path(key);
        if (!v.isNumber()) {
            throw new IOException(json + ": missing number " + key);
        }
        return v.asDouble();
    }

    /** Writes zuo2020-energy.png and zuo2020-forces.png into dir. */
    static void write(List<Mae> rows, Path dir) throws IOException {
        bars(rows, "energy", "test MAE (meV/atom)", Mae::uf2Energy, Mae::uf23Energy, 0, dir.resolve("zuo2020-energy.png"));
        bars(rows, "forces", "test MAE (eV/Å)", Mae::uf2Force, Mae::uf23Force, 2, dir.resolve("zuo2020-forces.png"));
    }

    /** One bar chart: UF2, UF2,3 and the published GAP, MTP values at published[gapIndex], [gapIndex + 1]. */
    private static void bars(List<Mae> rows, String what, String yTitle, ToDoubleFunction<Mae> uf2,
                             ToDoubleFunction<Mae> uf23, int gapIndex, Path png) throws IOException {
        List<String> els = rows.stream().map(Mae::element).toList();
        CategoryChart c = chart("Zuo et al. 2020 benchmark: " + what, yTitle);
        c.addSeries("UF2", els, rows.stream().map(r -> uf2.applyAsDouble(r)).toList());
        c.addSeries("UF2,3", els, rows.stream().map(r -> uf23.applyAsDouble(r)).toList());
        c.addSeries("GAP (published)", els, rows.stream().map(r -> Zuo2020.PUBLISHED.get(r.element())[gapIndex]).toList());
        c.addSeries("MTP (published)", els, rows.stream().map(r -> Zuo2020.PUBLISHED.get(r.element())[gapIndex + 1]).toList());
        decades(c);
        Charts.save(c, png);
    }

    /**
     * Sets the log axis to whole decades around the data: XChart starts a bar chart's axis at 0,
     * which a log axis cannot show.
     */
    private static void decades(CategoryChart c) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (var series : c.getSeriesMap().values()) {
            for (Number n : series.getYData()) {
                double v = n.doubleValue();
                if (!(v > 0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("Zuo 2020 plot: series '" + series.getName()
                            + "' has a non-positive or non-finite MAE " + v + "; a log axis cannot show it");
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))));
        c.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi))));
    }

    private static CategoryChart chart(String title, String yTitle) {
        CategoryChart c = Charts.category(title, "element", yTitle);
        CategoryStyler s = c.getStyler();
        s.setLegendPosition(Styler.LegendPosition.InsideNW);
        s.setSeriesColors(new Color[] {Charts.color(1), Charts.color(0), Charts.color(6), Charts.color(4)});
        s.setYAxisLogarithmic(true);
        s.setAvailableSpaceFill(0.85);
        return c;
    }
}

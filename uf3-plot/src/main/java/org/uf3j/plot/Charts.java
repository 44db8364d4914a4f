package org.uf3j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Shared look of every PNG (XChart, rendered headless): 1000×700 pixels, white background,
 * readable fonts, light grid, and a fixed colour cycle. Writes files with {@link #save}.
 */
public final class Charts {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 700;
    private static final String FONT = "DejaVu Sans";

    /** Colour cycle for config_types and sets (colour-blind friendly, Okabe–Ito). */
    public static final Color[] COLORS = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(120, 120, 120),
        new Color(240, 228, 66), Color.BLACK};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A line/scatter chart with the common style. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        style(c.getStyler());
        c.getStyler().setSeriesColors(COLORS);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setMarkerSize(6);
        c.getStyler().setYAxisDecimalPattern("#,##0.###");
        c.getStyler().setXAxisDecimalPattern("#,##0.###");
        return c;
    }

    /** A bar chart (one group of bars per category) with the common style. */
    public static CategoryChart category(String title, String xTitle, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(c.getStyler());
        return c;
    }

    /** A heat map with the common style and a blue–white–red scale symmetric about 0. */
    public static HeatMapChart heatMap(String title, String xTitle, String yTitle, double limit) {
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setShowValue(false);
        c.getStyler().setChartTitleFont(new Font(FONT, Font.BOLD, 16));
        c.getStyler().setDrawBorder(false);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setRangeColors(new Color[] {new Color(33, 102, 172), new Color(146, 197, 222), Color.WHITE,
            new Color(244, 165, 130), new Color(178, 24, 43)});
        c.getStyler().setMin(-limit);
        c.getStyler().setMax(limit);
        c.getStyler().setGradientColorColumnHeight(HEIGHT / 2);
        c.getStyler().setHeatMapValueDecimalPattern("0.###");
        c.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(java.util.Locale.ROOT, "%.3g eV", v));
        return c;
    }

    private static void style(org.knowm.xchart.style.AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.DARK_GRAY);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 20));
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 18));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 15));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 15));
        s.setLegendBorderColor(new Color(200, 200, 200));
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        s.setChartPadding(14);
        s.setAxisTitlePadding(10);
        s.setPlotContentSize(0.95);
    }

    /** Adds a line without markers. */
    public static XYSeries line(XYChart c, String name, double[] x, double[] y, Color color, float width) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width));
        return s;
    }

    /** Adds a dashed line without markers that does not appear in the legend. */
    public static XYSeries guide(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(new Color(110, 110, 110));
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
        s.setShowInLegend(false);
        return s;
    }

    /** Adds points without lines. */
    public static XYSeries scatter(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        return s;
    }

    /** Writes the chart as PNG, creating the directory. */
    public static Path save(Chart<?, ?> chart, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        String name = file.toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
        return Path.of(base + ".png");
    }

    /**
     * Writes charts side by side in one PNG (one row, each panel {@link #WIDTH}×{@link #HEIGHT}),
     * creating the directory: the energy and force panels of a comparison figure belong together.
     */
    public static Path saveRow(List<? extends Chart<?, ?>> charts, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        String name = file.toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        BitmapEncoder.saveBitmap(new ArrayList<>(charts), 1, charts.size(), base, BitmapEncoder.BitmapFormat.PNG);
        return Path.of(base + ".png");
    }

    /** Colour number i of the cycle. */
    public static Color color(int i) {
        return COLORS[Math.floorMod(i, COLORS.length)];
    }

    /** A colour with alpha (0–255). */
    public static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    /** Rounds up to two significant digits (the colour-bar labels print the limit as it is). */
    public static double roundUp(double v) {
        double scale = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", Math.ceil(v / scale - 1e-9) * scale));
    }
}

package org.uf3j.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.uf3j.fit.uncertainty.Calibration;

/**
 * The calibration picture of predicted uncertainties, one PNG of three panels: observed against
 * expected coverage of the central Gaussian intervals (energies, forces, and the diagonal a
 * perfectly calibrated σ follows), then |error| against predicted σ for energies per atom and for
 * force components (log-log, with the lines |error| = σ and 2σ).
 */
public final class CalibrationPlots {
    /** Force points drawn at most (a random subset beyond that, seeded). */
    private static final int MAX_POINTS = 6000;

    private CalibrationPlots() {
    }

    /** Writes the three-panel PNG to {@code file}. */
    public static Path write(Calibration cal, String title, Path file) throws IOException {
        XYChart cov = Charts.xy(title + ": coverage", "expected coverage of the ±zσ interval", "observed coverage");
        double[] lv = Calibration.LEVELS.clone();
        Charts.guide(cov, "ideal", new double[] {0, 1}, new double[] {0, 1});
        if (cal.energies() > 0) {
            Charts.line(cov, "energies (" + cal.energies() + ")", lv, cal.energyCoverage(), Charts.color(0), 2.5f);
        }
        if (cal.forces() > 0) {
            Charts.line(cov, "forces (" + cal.forces() + ")", lv, cal.forceCoverage(), Charts.color(1), 2.5f);
        }
        cov.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        cov.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        BufferedImage a = BitmapEncoder.getBufferedImage(cov);
        BufferedImage b = errorVsSigma(title + ": energies", "predicted σ (meV/atom)", "|error| (meV/atom)",
                scale(cal.energyErrors(), 1000), scale(cal.energySigmas(), 1000), Charts.color(0));
        BufferedImage c = errorVsSigma(title + ": forces", "predicted σ (eV/Å)", "|error| (eV/Å)", cal.forceErrors(),
                cal.forceSigmas(), Charts.color(1));
        BufferedImage all = new BufferedImage(a.getWidth() + b.getWidth() + c.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, a.getWidth(), 0, null);
        g.drawImage(c, a.getWidth() + b.getWidth(), 0, null);
        g.dispose();
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        ImageIO.write(all, "png", file.toFile());
        return file;
    }

    private static BufferedImage errorVsSigma(String title, String xTitle, String yTitle, double[] err, double[] sig, Color color)
            throws IOException {
        XYChart ch = Charts.xy(title, xTitle, yTitle);
        int n = err.length;
        int[] pick = subset(n);
        double[] x = new double[pick.length], y = new double[pick.length];
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int i = 0; i < pick.length; i++) {
            x[i] = Math.max(sig[pick[i]], 1e-12);
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        double floor = lo / 100;
        for (int i = 0; i < pick.length; i++) {
            y[i] = Math.max(Math.abs(err[pick[i]]), floor);
        }
        if (pick.length == 0) {
            x = new double[] {1};
            y = new double[] {1};
            lo = 1;
            hi = 1;
        }
        Charts.scatter(ch, pick.length < n ? pick.length + " of " + n : n + " points", x, y, Charts.alpha(color, 90));
        ch.getStyler().setMarkerSize(4);
        Charts.line(ch, "|error| = σ", new double[] {lo, hi}, new double[] {lo, hi}, Color.DARK_GRAY, 1.5f);
        Charts.line(ch, "|error| = 2σ", new double[] {lo, hi}, new double[] {2 * lo, 2 * hi}, Color.GRAY, 1.5f);
        ch.getStyler().setXAxisLogarithmic(true);
        ch.getStyler().setYAxisLogarithmic(true);
        ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        ch.getStyler().setXAxisDecimalPattern("0.###E0");
        ch.getStyler().setYAxisDecimalPattern("0.###E0");
        return BitmapEncoder.getBufferedImage(ch);
    }

    private static int[] subset(int n) {
        if (n <= MAX_POINTS) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        Random r = new Random(0);
        int[] out = new int[MAX_POINTS];
        for (int i = 0; i < MAX_POINTS; i++) {
            out[i] = r.nextInt(n);
        }
        return out;
    }

    private static double[] scale(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * f;
        }
        return out;
    }
}

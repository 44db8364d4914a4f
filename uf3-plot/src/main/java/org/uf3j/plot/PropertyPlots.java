package org.uf3j.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.properties.CubicLattice;
import org.uf3j.properties.Crystal;
import org.uf3j.properties.EquationOfState;
import org.uf3j.properties.LatticeConstant;
import org.uf3j.properties.PhononDispersion;

/** Pictures of computed properties: the phonon dispersion and the equation of state. */
public final class PropertyPlots {
    private PropertyPlots() {
    }

    /** Frequencies (THz) along the high-symmetry path, special points marked by vertical lines. */
    public static Path phonons(PhononDispersion.Table t, String title, Path file) throws IOException {
        int n = t.rows().size();
        double[] x = new double[n];
        double[][] f = new double[3][n];
        for (int i = 0; i < n; i++) {
            x[i] = t.rows().get(i).distance();
            for (int b = 0; b < 3; b++) {
                f[b][i] = t.rows().get(i).frequencies()[b];
            }
        }
        double fMax = Math.max(1e-3, t.maxFrequency());
        double fMin = Math.min(0, t.minFrequency());
        XYChart c = Charts.xy(title, "wave vector along the path (1/Å)", "frequency (THz)");
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(x[n - 1]);
        c.getStyler().setYAxisMin(fMin < 0 ? 1.1 * fMin : 0.0);
        c.getStyler().setYAxisMax(1.12 * fMax);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisDecimalPattern("0.0#");
        String[] names = {"branch 1", "branch 2", "branch 3"};
        for (int b = 0; b < 3; b++) {
            Charts.line(c, names[b], x, f[b], Charts.color(b), 2.2f);
        }
        if (fMin < 0) {
            Charts.guide(c, "zero", new double[] {0, x[n - 1]}, new double[] {0, 0});
        }
        for (PhononDispersion.Row r : t.rows()) {
            if (!r.label().isEmpty()) {
                AnnotationLine l = new AnnotationLine(r.distance(), true, false);
                c.addAnnotation(l);
                c.addAnnotation(new AnnotationText(r.label(), r.distance(), 1.06 * fMax, false));
            }
        }
        c.getStyler().setAnnotationLineColor(new Color(120, 120, 120));
        c.getStyler().setAnnotationTextFont(new java.awt.Font("DejaVu Sans", java.awt.Font.BOLD, 17));
        return Charts.save(c, file);
    }

    /** Energy per atom against volume per atom: computed points and the Birch–Murnaghan fit. */
    public static Path equationOfState(Evaluator ev, String element, CubicLattice lattice, double a0, EquationOfState.Fit eos,
                                       double range, Path file) throws IOException {
        return equationOfState(ev, Crystal.of(lattice, element), a0, eos, range, file);
    }

    /** Energy per atom against volume per atom of any crystal (compounds included). */
    public static Path equationOfState(Evaluator ev, Crystal crystal, double a0, EquationOfState.Fit eos,
                                       double range, Path file) throws IOException {
        int points = 15;
        double v0 = crystal.volumePerAtom(a0);
        double[] v = new double[points];
        double[] e = new double[points];
        for (int i = 0; i < points; i++) {
            double tt = -range + 2 * range * i / (points - 1);
            v[i] = v0 * (1 + tt);
            e[i] = LatticeConstant.energyPerAtom(ev, crystal, a0 * Math.cbrt(1 + tt));
        }
        int m = 200;
        double[] vf = new double[m];
        double[] ef = new double[m];
        for (int i = 0; i < m; i++) {
            vf[i] = v[0] + (v[points - 1] - v[0]) * i / (m - 1);
            ef[i] = EquationOfState.energy(vf[i], eos.volume(), eos.energy(), eos.bulkModulus(), eos.bulkModulusDerivative());
        }
        XYChart c = Charts.xy(String.format(Locale.ROOT, "%s equation of state: a0 = %.4f Å, B = %.1f GPa, B′ = %.2f",
                crystal.label(), a0, eos.bulkModulusGPa(), eos.bulkModulusDerivative()),
                "volume per atom (Å³)", "energy per atom (eV)");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideN);
        c.getStyler().setYAxisDecimalPattern("0.000");
        Charts.line(c, "Birch–Murnaghan fit", vf, ef, Charts.COLORS[0], 2.2f);
        Charts.scatter(c, "potential", v, e, Charts.COLORS[1]).setMarker(SeriesMarkers.CIRCLE);
        return Charts.save(c, file);
    }
}

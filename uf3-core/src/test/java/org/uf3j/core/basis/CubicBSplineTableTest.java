package org.uf3j.core.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CubicBSplineTableTest {
    private static final KnotSequence[] SEQUENCES = {
        KnotSequence.linear(0.5, 6.0, 12),
        KnotSequence.linear(0.001, 8.0, 24),
        KnotSequence.create(KnotSpacing.GEOMETRIC, 1.0, 5.5, 9),
        KnotSequence.create(KnotSpacing.INVERSE, 1.5, 7.0, 15),
        // non-uniform with a short interval and a repeated interior knot (an empty interval)
        KnotSequence.of(0.001, 0.001, 0.001, 0.001, 0.5, 1.5, 1.6, 1.6, 3.0, 4.0, 4.0, 4.0, 4.0),
    };

    /** Distances spread over the whole range, the knots themselves and both ends included. */
    private static double[] distances(KnotSequence k, Random rnd) {
        double[] r = new double[2000 + k.size()];
        for (int s = 0; s < 2000; s++) {
            r[s] = k.min() + (k.max() - k.min()) * (s < 1000 ? s / 999.0 : rnd.nextDouble());
        }
        for (int i = 0; i < k.size(); i++) {
            r[2000 + i] = k.knot(i);
        }
        return r;
    }

    @Test
    void agreesWithTheRecurrenceOfCubicBSpline() {
        double[] ref = new double[CubicBSpline.OUT_LENGTH];
        double[] out = new double[11];
        Random rnd = new Random(3);
        for (KnotSequence k : SEQUENCES) {
            CubicBSpline.Table p = CubicBSpline.Table.of(k);
            double h = Double.POSITIVE_INFINITY; // shortest non-empty interval: derivatives scale as 1/h
            for (int i = 3; i < k.size() - 4; i++) {
                if (k.knot(i + 1) > k.knot(i)) {
                    h = Math.min(h, k.knot(i + 1) - k.knot(i));
                }
            }
            for (double r : distances(k, rnd)) {
                int s = CubicBSpline.evaluate(k, r, ref);
                assertEquals(s, p.evaluate(r, out, 3), "first index at r=" + r);
                for (int a = 0; a < 4; a++) {
                    assertEquals(ref[a], out[3 + a], 1e-14, "B at r=" + r + " in " + k);
                    assertEquals(ref[4 + a], out[7 + a], 1e-13 / h, "B' at r=" + r + " in " + k);
                }
            }
        }
    }

    @Test
    void outsideTheKnotsNothingIsWritten() {
        KnotSequence k = KnotSequence.linear(1.0, 3.0, 4);
        CubicBSpline.Table p = CubicBSpline.Table.of(k);
        double[] out = {7, 7, 7, 7, 7, 7, 7, 7};
        assertEquals(-1, p.evaluate(0.999, out, 0));
        assertEquals(-1, p.evaluate(3.001, out, 0));
        assertEquals(-1, p.evaluate(Double.NaN, out, 0));
        for (double v : out) {
            assertEquals(7, v);
        }
    }

    @Test
    void splineTableGivesTheSplineAndItsDerivative() {
        Random rnd = new Random(11);
        double[] ref = new double[CubicBSpline.OUT_LENGTH];
        for (KnotSequence k : SEQUENCES) {
            double[] c = new double[k.basisCount()];
            for (int n = 0; n < c.length; n++) {
                c[n] = 10 * rnd.nextGaussian();
            }
            double[] a = CubicBSpline.Table.of(k).splineTable(c);
            for (double r : distances(k, rnd)) {
                int s = CubicBSpline.evaluate(k, r, ref);
                double v = 0, d = 0;
                for (int b = 0; b < 4; b++) {
                    v += c[s + b] * ref[b];
                    d += c[s + b] * ref[4 + b];
                }
                int i = k.interval(r);
                double x = r - k.knot(i);
                int o = CubicBSpline.Table.SPLINE_STRIDE * i;
                double tv = a[o] + x * (a[o + 1] + x * (a[o + 2] + x * a[o + 3]));
                double td = a[o + 4] + x * (a[o + 5] + x * a[o + 6]);
                assertEquals(v, tv, 1e-12 * (1 + Math.abs(v)), "V at r=" + r);
                assertEquals(d, td, 1e-11 * (1 + Math.abs(d)), "V' at r=" + r);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> CubicBSpline.Table.of(SEQUENCES[0]).splineTable(new double[3]));
    }
}

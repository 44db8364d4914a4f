package org.uf3j.core.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CubicBSplineTest {
    private static final KnotSequence[] SEQUENCES = {
        KnotSequence.linear(0.5, 6.0, 12),
        KnotSequence.create(KnotSpacing.GEOMETRIC, 1.0, 5.5, 9),
        KnotSequence.create(KnotSpacing.INVERSE, 1.5, 7.0, 15),
        KnotSequence.of(0.001, 0.001, 0.001, 0.001, 0.5, 1.5, 1.6, 3.0, 4.0, 4.0, 4.0, 4.0),
    };

    @Test
    void basisIsAPartitionOfUnityAndNonNegative() {
        double[] out = new double[CubicBSpline.OUT_LENGTH];
        for (KnotSequence k : SEQUENCES) {
            for (int s = 0; s <= 1000; s++) {
                double r = k.min() + (k.max() - k.min()) * s / 1000.0;
                int first = CubicBSpline.evaluate(k, r, out);
                assertTrue(first >= 0 && first + 3 < k.basisCount(), "first index " + first + " at r=" + r);
                assertEquals(1.0, out[0] + out[1] + out[2] + out[3], 1e-13, "sum at r=" + r);
                assertEquals(0.0, out[4] + out[5] + out[6] + out[7], 1e-10, "derivative sum at r=" + r);
                for (int a = 0; a < 4; a++) {
                    assertTrue(out[a] >= -1e-15, "negative basis value at r=" + r);
                }
            }
        }
    }

    @Test
    void derivativesMatchCentralFiniteDifferences() {
        double[] out = new double[CubicBSpline.OUT_LENGTH];
        double[] plus = new double[CubicBSpline.OUT_LENGTH];
        double[] minus = new double[CubicBSpline.OUT_LENGTH];
        Random rnd = new Random(7);
        double h = 1e-6;
        for (KnotSequence k : SEQUENCES) {
            double[] c = new double[k.basisCount()];
            for (int i = 0; i < c.length; i++) {
                c[i] = rnd.nextGaussian();
            }
            for (int s = 0; s < 300; s++) {
                double r = k.min() + 2 * h + (k.max() - k.min() - 4 * h) * rnd.nextDouble();
                double[] v = spline(k, c, r, out);
                double[] vp = spline(k, c, r + h, plus);
                double[] vm = spline(k, c, r - h, minus);
                assertEquals((vp[0] - vm[0]) / (2 * h), v[1], 1e-6 * (1 + Math.abs(v[1])), "V' at r=" + r);
                assertEquals((vp[1] - vm[1]) / (2 * h), v[2], 2e-5 * (1 + Math.abs(v[2])), "V'' at r=" + r);
            }
        }
    }

    @Test
    void clampedEndsAndKnownValues() {
        KnotSequence k = KnotSequence.linear(0.0, 3.0, 3); // knots 0 0 0 0 1 2 3 3 3 3, 6 basis functions
        double[] out = new double[CubicBSpline.OUT_LENGTH];
        assertEquals(0, CubicBSpline.evaluate(k, 0.0, out));
        assertEquals(1.0, out[0], 0);
        // at the interior knot r=1 the uniform-interior cardinal values are B_0=0, B_1=1/4, B_2=7/12, B_3=1/6
        assertEquals(1, CubicBSpline.evaluate(k, 1.0, out));
        assertEquals(0.25, out[0], 1e-15);
        assertEquals(7.0 / 12, out[1], 1e-15);
        assertEquals(1.0 / 6, out[2], 1e-15);
        assertEquals(0.0, out[3], 1e-15);
        assertEquals(2, CubicBSpline.evaluate(k, 3.0, out));
        assertEquals(1.0, out[3], 1e-15);
        assertEquals(-1, CubicBSpline.evaluate(k, -0.01, out));
        assertEquals(-1, CubicBSpline.evaluate(k, 3.01, out));
    }

    @Test
    void knotSequencesValidateAndDetectUniformSpacing() {
        assertTrue(KnotSequence.linear(0, 5, 10).isUniform());
        assertFalse(KnotSequence.create(KnotSpacing.GEOMETRIC, 1, 5, 10).isUniform());
        assertEquals(13, KnotSequence.linear(0, 5, 10).basisCount());
        assertThrows(IllegalArgumentException.class, () -> KnotSequence.of(0, 0, 0, 1, 2, 3, 3, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> KnotSequence.of(0, 0, 0, 0, 2, 1, 3, 3, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> KnotSequence.of(0, 0, 0, 0, Double.NaN, 3, 3, 3, 3));
        KnotSequence geo = KnotSequence.create(KnotSpacing.GEOMETRIC, 1, 8, 3);
        assertEquals(2.0, geo.knot(4), 1e-12);
        assertEquals(4.0, geo.knot(5), 1e-12);
        KnotSequence inv = KnotSequence.create(KnotSpacing.INVERSE, 1, 4, 3);
        assertEquals(1.0 / (1 - 0.25), inv.knot(4), 1e-12);
    }

    @Test
    void intervalLookupAgreesBetweenUniformAndBinarySearch() {
        KnotSequence u = KnotSequence.linear(0.7, 6.3, 37);
        KnotSequence nu = KnotSequence.of(u.toArray()); // same knots; also detected uniform
        double[] t = u.toArray();
        t[10] += 1e-4; // breaks uniformity
        KnotSequence broken = KnotSequence.of(t);
        assertFalse(broken.isUniform());
        Random rnd = new Random(3);
        for (int s = 0; s < 10000; s++) {
            double r = 0.7 + 5.6 * rnd.nextDouble();
            int i = u.interval(r);
            assertTrue(u.knot(i) <= r && r < u.knot(i + 1) || r == u.max(), "r=" + r + " i=" + i);
            assertEquals(i, nu.interval(r));
            int j = broken.interval(r);
            assertTrue(broken.knot(j) <= r && r < broken.knot(j + 1), "r=" + r + " j=" + j);
        }
        for (int i = 3; i < u.size() - 4; i++) { // exactly on knots
            assertEquals(Math.min(i, u.size() - 5), u.interval(u.knot(i)));
        }
    }

    private static double[] spline(KnotSequence k, double[] c, double r, double[] out) {
        int s = CubicBSpline.evaluate(k, r, out);
        double[] v = new double[3];
        for (int a = 0; a < 4; a++) {
            v[0] += c[s + a] * out[a];
            v[1] += c[s + a] * out[4 + a];
            v[2] += c[s + a] * out[8 + a];
        }
        return v;
    }
}

package org.uf3j.fit.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The calibration estimators against hand-computed numbers and against each other on Gaussian residuals. */
class TemperatureEstimatorTest {
    // |r|/√v = 0.3, 0.6, 1.0, 2.0, 1.0 -> sorted 0.3, 0.6, 1.0, 1.0, 2.0
    static final double[] R = {0.3, -1.2, 0.5, 2.0, -0.1};
    static final double[] V = {1.0, 4.0, 0.25, 1.0, 0.01};

    @Test
    void handComputedExample() {
        // median: h = 0.5·4 = 2 -> 1.0; Φ⁻¹(0.75) = 0.6744897501960817; T = (1/0.67449)² (Python statistics.NormalDist)
        assertEquals(2.198109338317733, TemperatureEstimator.quantile(R, V, 0.5), 2e-8);
        // level 0.9: h = 3.6 -> 1.0 + 0.6·(2.0 − 1.0) = 1.6; Φ⁻¹(0.95) = 1.6448536269514722
        assertEquals(0.9462054642385802, TemperatureEstimator.quantile(R, V, 0.9), 1e-8);
        // level 0.9545 (2σ): h = 3.818 -> 1.818; Φ⁻¹(0.97725) = 2.0000024439
        assertEquals(0.8262789806558937, TemperatureEstimator.quantile(R, V, 0.9545), 1e-8);
        assertEquals(TemperatureEstimator.quantile(R, V, 0.9545),
                TemperatureEstimator.estimate(CalibrationMethod.defaults(), R, V), 0.0);
        // mean square: Σr² = 0.09 + 1.44 + 0.25 + 4 + 0.01 = 5.79, Σv = 6.26
        assertEquals(5.79 / 6.26, TemperatureEstimator.meanSquare(R, V), 1e-15);
        assertEquals(0.9249201277955272, TemperatureEstimator.estimate(CalibrationMethod.mse(), R, V), 1e-15);
        // entries with v <= 0 are skipped; none left: NaN
        assertEquals(2.198109338317733, TemperatureEstimator.quantile(new double[] {0.3, -1.2, 0.5, 2.0, -0.1, 9.0},
                new double[] {1.0, 4.0, 0.25, 1.0, 0.01, 0.0}, 0.5), 2e-8);
        assertTrue(Double.isNaN(TemperatureEstimator.quantile(new double[] {1}, new double[] {0}, 0.5)));
        assertThrows(IllegalArgumentException.class, () -> TemperatureEstimator.quantile(R, new double[] {1}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> TemperatureEstimator.quantile(R, V, 1.0));
    }

    /** On r ~ N(0, T·v) every estimator is consistent: they agree with T and each other within sampling error. */
    @Test
    void gaussianResidualsGiveTheSameTemperatureByEveryMethod() {
        Random rnd = new Random(11);
        int n = 20000;
        double t = 3.7;
        double[] r = new double[n], v = new double[n];
        double sv = 0, sv2 = 0;
        for (int i = 0; i < n; i++) {
            v[i] = 0.2 + 4.8 * rnd.nextDouble();
            r[i] = Math.sqrt(t * v[i]) * rnd.nextGaussian();
            sv += v[i];
            sv2 += v[i] * v[i];
        }
        // relative standard errors: Σr²/Σv has variance 2T²Σv²/(Σv)²; the q-quantile Q of |z| has
        // sd √(q(1−q)/n)/f(Q) with f(Q) = 2φ(Q) the |z| density, and T ∝ Q², so relative sd 2·sd(Q)/Q
        double seMse = Math.sqrt(2 * sv2) / sv;
        double mse = TemperatureEstimator.meanSquare(r, v);
        assertEquals(t, mse, 4 * seMse * t);
        for (double q : new double[] {0.5, 0.6827, 0.9, 0.9545}) {
            double z = NormalQuantile.of(0.5 + q / 2);
            double f = 2 * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            double seQ = 2 * Math.sqrt(q * (1 - q) / n) / f / z;
            double tq = TemperatureEstimator.quantile(r, v, q);
            assertEquals(t, tq, 4 * seQ * t, "level " + q);
            assertEquals(mse, tq, 4 * Math.hypot(seQ, seMse) * t, "level " + q + " against mse");
            assertTrue(seQ < 0.02, "the check is tight: relative standard error " + seQ);
        }
    }

    /** One percent of structures with 30x errors: the mean square grows tenfold, the 2σ quantile hardly moves. */
    @Test
    void anOutlierGroupInflatesTheMeanSquareButNotTheQuantile() {
        Random rnd = new Random(5);
        int n = 10000;
        double[] r = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1;
            r[i] = rnd.nextGaussian() * (i % 100 == 0 ? 30 : 1);
        }
        double mse = TemperatureEstimator.meanSquare(r, v);
        double q = TemperatureEstimator.quantile(r, v, CalibrationMethod.DEFAULT_LEVEL);
        assertTrue(mse > 8 && mse < 12, "mean square " + mse + " (expected 0.99 + 0.01·900 = 9.99)");
        assertTrue(q > 0.9 && q < 1.3, "2σ quantile " + q);
    }
}

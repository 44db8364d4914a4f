package org.uf3j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EquationOfStateTest {

    @Test
    void recoversTheParametersOfExactBirchMurnaghanData() {
        double v0 = 15.9, e0 = -8.9, b0 = 1.9, bp = 4.3; // B0 = 1.9 eV/Å³ ≈ 304 GPa
        int n = 9;
        double[] v = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = v0 * (0.955 + 0.011 * i); // slightly off-centre on purpose
            e[i] = EquationOfState.energy(v[i], v0, e0, b0, bp);
        }
        EquationOfState.Fit f = EquationOfState.birchMurnaghan(v, e);
        assertEquals(v0, f.volume(), 1e-9 * v0);
        assertEquals(e0, f.energy(), 1e-11);
        assertEquals(b0, f.bulkModulus(), 1e-8 * b0);
        assertEquals(bp, f.bulkModulusDerivative(), 1e-6);
        assertEquals(b0 * 160.2176634, f.bulkModulusGPa(), 1e-6);
        assertEquals(0, f.rms(), 1e-12);
    }

    @Test
    void bulkModulusIsTheCurvatureOfAParabola() {
        // E = E0 + B (V − V0)² / (2 V0) has B = V0 E''(V0) exactly; the BM3 fit over ±1 % must agree to < 0.1 %
        double v0 = 12.0, b = 0.8;
        double[] v = new double[11];
        double[] e = new double[11];
        for (int i = 0; i < 11; i++) {
            v[i] = v0 * (0.99 + 0.002 * i);
            e[i] = -3 + b * (v[i] - v0) * (v[i] - v0) / (2 * v0);
        }
        EquationOfState.Fit f = EquationOfState.birchMurnaghan(v, e);
        assertEquals(v0, f.volume(), 1e-4);
        assertEquals(b, f.bulkModulus(), 1e-3 * b);
    }

    @Test
    void rejectsDataWithoutAMinimum() {
        double[] v = {10, 11, 12, 13, 14};
        double[] e = {5, 4, 3, 2, 1};
        assertThrows(IllegalStateException.class, () -> EquationOfState.birchMurnaghan(v, e));
        assertThrows(IllegalArgumentException.class, () -> EquationOfState.birchMurnaghan(new double[] {1, 2}, new double[] {1, 2}));
    }
}

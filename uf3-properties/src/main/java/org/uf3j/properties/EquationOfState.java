package org.uf3j.properties;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.uf3j.core.units.MetalUnits;

/**
 * Third-order Birch–Murnaghan equation of state fitted to E(V). The BM3 energy
 * E = E0 + (9 V0 B0/16){[η−1]³ B0' + [η−1]² [6 − 4η]}, η = (V0/V)^{2/3}, is a cubic polynomial in
 * V^{−2/3}; fitting that cubic by linear least squares is the exact BM3 fit. V0 is the minimum of the
 * cubic, B0 = V0 E''(V0) and B0' = −1 − V0 E'''(V0)/E''(V0).
 */
public final class EquationOfState {
    private EquationOfState() {
    }

    /**
     * A fitted equation of state: equilibrium volume and energy (per whatever the data were per),
     * bulk modulus (eV/Å³), its pressure derivative, and the rms residual of the fit (eV).
     */
    public record Fit(double volume, double energy, double bulkModulus, double bulkModulusDerivative, double rms) {
        /** Bulk modulus in GPa. */
        public double bulkModulusGPa() {
            return bulkModulus * MetalUnits.GPA_PER_EV_PER_A3;
        }
    }

    /** BM3 energy at V for the given parameters (B0 in eV/Å³). */
    public static double energy(double v, double v0, double e0, double b0, double b0Prime) {
        double eta = Math.pow(v0 / v, 2.0 / 3.0);
        double t = eta - 1;
        return e0 + 9 * v0 * b0 / 16 * (t * t * t * b0Prime + t * t * (6 - 4 * eta));
    }

    /** Fits BM3 to at least 5 (V, E) points bracketing the minimum. */
    public static Fit birchMurnaghan(double[] volumes, double[] energies) {
        int n = volumes.length;
        if (n != energies.length || n < 5) {
            throw new IllegalArgumentException("an equation-of-state fit needs at least 5 (V, E) pairs, got "
                    + n + " volumes and " + energies.length + " energies");
        }
        double vRef = 0;
        for (double v : volumes) {
            vRef += v / n;
        }
        // variable u = (x − 1)/span with x = (vRef/V)^{2/3}, so the columns 1, u, u², u³ are well conditioned
        double[] x = new double[n];
        double span = 0;
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(vRef / volumes[i], 2.0 / 3.0);
            span = Math.max(span, Math.abs(x[i] - 1));
        }
        if (!(span > 0)) {
            throw new IllegalArgumentException("equation-of-state volumes are all equal");
        }
        DMatrixRMaj a = new DMatrixRMaj(n, 4);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            double u = (x[i] - 1) / span;
            a.set(i, 0, 1);
            a.set(i, 1, u);
            a.set(i, 2, u * u);
            a.set(i, 3, u * u * u);
            y.set(i, 0, energies[i]);
        }
        DMatrixRMaj c = new DMatrixRMaj(4, 1);
        if (!CommonOps_DDRM.solve(a, y, c)) {
            throw new IllegalStateException("equation-of-state least squares is singular");
        }
        double c0 = c.get(0), c1 = c.get(1), c2 = c.get(2), c3 = c.get(3);
        // E_u = c1 + 2 c2 u + 3 c3 u² = 0 with E_uu > 0
        // E_u = c1 + 2 c2 u + 3 c3 u² = 0: the root with E_uu = 2 sqrt(disc) > 0, in the form free of cancellation
        double disc = c2 * c2 - 3 * c1 * c3;
        if (disc < 0 || c2 + Math.sqrt(disc) <= 0) {
            throw new IllegalStateException("fitted E(V) has no minimum (the data are not around an equilibrium)");
        }
        double u0 = -c1 / (c2 + Math.sqrt(disc));
        double eu = c1 + 2 * c2 * u0 + 3 * c3 * u0 * u0;
        double euu = 2 * c2 + 6 * c3 * u0;
        double euuu = 6 * c3;
        if (!(euu > 0)) {
            throw new IllegalStateException("fitted E(V) has no minimum (curvature " + euu + ")");
        }
        double x0 = 1 + span * u0;
        double v0 = vRef * Math.pow(x0, -1.5);
        double e0 = c0 + c1 * u0 + c2 * u0 * u0 + c3 * u0 * u0 * u0;
        // derivatives in x, then chain rule to V: x = (vRef/V)^{2/3}
        double ex = eu / span;
        double exx = euu / (span * span);
        double exxx = euuu / (span * span * span);
        double xp = -2.0 / 3.0 * x0 / v0;
        double xpp = 10.0 / 9.0 * x0 / (v0 * v0);
        double evv = exx * xp * xp + ex * xpp;
        double evvv = exxx * xp * xp * xp + 3 * exx * xp * xpp;
        double b0 = v0 * evv;
        double b0p = -1 - v0 * evvv / evv;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double u = (x[i] - 1) / span;
            double r = c0 + c1 * u + c2 * u * u + c3 * u * u * u - energies[i];
            ss += r * r;
        }
        return new Fit(v0, e0, b0, b0p, Math.sqrt(ss / n));
    }
}

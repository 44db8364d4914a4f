package org.uf3j.core.eval;

/** {@link TripletContraction} in plain scalar arithmetic: the fallback when the Vector API is absent. */
final class ScalarTripletContraction implements TripletContraction {
    @Override
    public void contract(int count, double[] tab, int nb, int[] row, double[] xs, double[] basis, int oa, int[] ob,
                         double[] out) {
        int ls = ROWS * nb; // from one l to the next
        for (int p = 0; p < count; p++) {
            int o0 = row[p];
            double x = xs[p];
            // per m: P_m = Σ_l B_l h_lm, Q_m = Σ_l B'_l h_lm, R_m = Σ_l B_l h'_lm
            double p0 = 0, p1 = 0, p2 = 0, p3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0, r0 = 0, r1 = 0, r2 = 0, r3 = 0;
            for (int l = 0; l < 4; l++) {
                int o = o0 + l * ls;
                double bl = basis[oa + l], dl = basis[oa + 4 + l];
                double a3 = tab[o + 3 * nb], a2 = tab[o + 2 * nb], a1 = tab[o + nb], a0 = tab[o];
                double h0 = Math.fma(a3, x, a2), e0 = Math.fma(a3, x, h0);
                h0 = Math.fma(h0, x, a1);
                e0 = Math.fma(e0, x, h0);
                h0 = Math.fma(h0, x, a0);
                a3 = tab[o + 1 + 3 * nb];
                a2 = tab[o + 1 + 2 * nb];
                a1 = tab[o + 1 + nb];
                a0 = tab[o + 1];
                double h1 = Math.fma(a3, x, a2), e1 = Math.fma(a3, x, h1);
                h1 = Math.fma(h1, x, a1);
                e1 = Math.fma(e1, x, h1);
                h1 = Math.fma(h1, x, a0);
                a3 = tab[o + 2 + 3 * nb];
                a2 = tab[o + 2 + 2 * nb];
                a1 = tab[o + 2 + nb];
                a0 = tab[o + 2];
                double h2 = Math.fma(a3, x, a2), e2 = Math.fma(a3, x, h2);
                h2 = Math.fma(h2, x, a1);
                e2 = Math.fma(e2, x, h2);
                h2 = Math.fma(h2, x, a0);
                a3 = tab[o + 3 + 3 * nb];
                a2 = tab[o + 3 + 2 * nb];
                a1 = tab[o + 3 + nb];
                a0 = tab[o + 3];
                double h3 = Math.fma(a3, x, a2), e3 = Math.fma(a3, x, h3);
                h3 = Math.fma(h3, x, a1);
                e3 = Math.fma(e3, x, h3);
                h3 = Math.fma(h3, x, a0);
                p0 = Math.fma(h0, bl, p0);
                p1 = Math.fma(h1, bl, p1);
                p2 = Math.fma(h2, bl, p2);
                p3 = Math.fma(h3, bl, p3);
                q0 = Math.fma(h0, dl, q0);
                q1 = Math.fma(h1, dl, q1);
                q2 = Math.fma(h2, dl, q2);
                q3 = Math.fma(h3, dl, q3);
                r0 = Math.fma(e0, bl, r0);
                r1 = Math.fma(e1, bl, r1);
                r2 = Math.fma(e2, bl, r2);
                r3 = Math.fma(e3, bl, r3);
            }
            int b = ob[p];
            double b0 = basis[b], b1 = basis[b + 1], b2 = basis[b + 2], b3 = basis[b + 3];
            double d0 = basis[b + 4], d1 = basis[b + 5], d2 = basis[b + 6], d3 = basis[b + 7];
            out[4 * p] = (p0 * b0 + p1 * b1) + (p2 * b2 + p3 * b3);
            out[4 * p + 1] = (q0 * b0 + q1 * b1) + (q2 * b2 + q3 * b3);
            out[4 * p + 2] = (p0 * d0 + p1 * d1) + (p2 * d2 + p3 * d3);
            out[4 * p + 3] = (r0 * b0 + r1 * b1) + (r2 * b2 + r3 * b3);
        }
    }
}

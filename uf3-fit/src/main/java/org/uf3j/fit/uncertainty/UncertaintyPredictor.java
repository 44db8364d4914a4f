package org.uf3j.fit.uncertainty;

import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.FeatureBlock;
import org.uf3j.fit.Featurizer;

/**
 * Predicted standard deviations of energies and forces from a {@link Posterior}: the structure's
 * rows (the same {@link Featurizer} rows the fit used, so a row times the coefficients is the
 * prediction) and τ xᵀA⁻¹x restricted to the columns the structure touches. One per thread: it keeps
 * its work arrays (up to p² doubles for Σ of the touched columns when they are not all of them).
 */
public final class UncertaintyPredictor {
    private final Posterior posterior;
    private final Featurizer featurizer;
    private final FeatureBlock block;
    private double[] rows = new double[0];
    private double[] product = new double[0];
    private double[] sub = new double[0];
    private double[] quad = new double[0];

    public UncertaintyPredictor(Posterior posterior) {
        this.posterior = posterior;
        this.featurizer = new Featurizer(posterior.layout());
        this.block = featurizer.newBlock();
    }

    /**
     * The standard deviations of c's energy and forces.
     *
     * @throws org.uf3j.fit.FeaturizationException when atoms are closer than a term's first knot
     */
    public Uncertainty predict(Configuration c) {
        int n = c.size();
        featurizer.featurize(c, block, true, false);
        int[] cols = block.activeColumns();
        int k = cols.length;
        int p = posterior.size();
        int m = 1 + 3 * n;
        rows = grow(rows, (long) m * k);
        product = grow(product, (long) m * k);
        quad = grow(quad, m);
        for (int q = 0; q < k; q++) {
            rows[q] = block.energy(cols[q]) / n;
        }
        for (int r = 0; r < 3 * n; r++) {
            int o = (1 + r) * k;
            for (int q = 0; q < k; q++) {
                rows[o + q] = block.force(r, cols[q]);
            }
        }
        double[] s;
        if (k == p) {
            s = posterior.inverseView();
        } else {
            sub = grow(sub, (long) k * k);
            double[] cov = posterior.inverseView();
            for (int a = 0; a < k; a++) {
                int base = cols[a] * p;
                for (int b = 0; b < k; b++) {
                    sub[a * k + b] = cov[base + cols[b]];
                }
            }
            s = sub;
        }
        QuadraticForms.diagonal(rows, m, k, s, product, quad);
        Posterior.Noise noise = posterior.noise();
        double paramE = noise.tauEnergy() * Math.max(0.0, quad[0]);
        double perAtom = Math.sqrt(paramE + noise.energyNoise());
        double[] f = new double[3 * n];
        for (int r = 0; r < 3 * n; r++) {
            f[r] = Math.sqrt(noise.tauForce() * Math.max(0.0, quad[1 + r]) + noise.forceNoise());
        }
        return new Uncertainty(perAtom * n, perAtom, Math.sqrt(paramE), f);
    }

    private static double[] grow(double[] a, long need) {
        if (need > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("structure too large for the uncertainty work arrays (" + need + " entries)");
        }
        return a.length >= need ? a : new double[(int) need];
    }
}

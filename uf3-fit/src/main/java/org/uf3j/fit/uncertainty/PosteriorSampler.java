package org.uf3j.fit.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.uf3j.core.model.Uf3Model;

/**
 * Draws coefficient vectors from a {@link Posterior}: c = mean + L z with Σ = τ_samples A⁻¹ = L Lᵀ
 * (Cholesky; τ_samples the larger of the energy and force temperatures, so an ensemble is never
 * narrower than either prediction) and z
 * standard normal from a seeded generator, so the same seed gives the same ensemble. Columns the
 * data never determined can make Σ semi-definite; a jitter of 1e-12 of the largest variance is then
 * added to the diagonal (a negligible change of the draws).
 */
public final class PosteriorSampler {
    private final Posterior posterior;
    private final double[] lower;

    public PosteriorSampler(Posterior posterior) {
        this.posterior = posterior;
        this.lower = factor(posterior);
    }

    private static double[] factor(Posterior post) {
        int p = post.size();
        double maxVar = 0;
        for (int q = 0; q < p; q++) {
            maxVar = Math.max(maxVar, post.covariance(q, q));
        }
        double jitter = 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            DMatrixRMaj s = new DMatrixRMaj(p, p);
            double tau = post.noise().tauSamples();
            double[] inv = post.inverseView();
            for (int q = 0; q < p * p; q++) {
                s.data[q] = tau * inv[q];
            }
            for (int q = 0; q < p; q++) {
                s.data[q * p + q] += jitter;
            }
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(p, true);
            if (chol.decompose(s)) {
                DMatrixRMaj l = chol.getT(null);
                return l.data;
            }
            jitter = jitter == 0 ? 1e-12 * Math.max(maxVar, Double.MIN_NORMAL) : jitter * 100;
        }
        throw new IllegalStateException("the posterior covariance is not positive semi-definite: cannot draw samples");
    }

    /** k coefficient vectors centred on {@code mean} (the model's own coefficients in layout order). */
    public double[][] draw(double[] mean, int k, long seed) {
        int p = posterior.size();
        if (mean.length != p) {
            throw new IllegalArgumentException("mean has " + mean.length + " entries, the posterior " + p);
        }
        Random rng = new Random(seed);
        double[][] out = new double[k][];
        double[] z = new double[p];
        for (int s = 0; s < k; s++) {
            for (int q = 0; q < p; q++) {
                z[q] = rng.nextGaussian();
            }
            double[] c = mean.clone();
            for (int a = 0; a < p; a++) {
                double v = 0;
                int base = a * p;
                for (int b = 0; b <= a; b++) {
                    v += lower[base + b] * z[b];
                }
                c[a] += v;
            }
            out[s] = c;
        }
        return out;
    }

    /** k models drawn around {@code model} (which must match the posterior's knots). */
    public List<Uf3Model> models(Uf3Model model, int k, long seed) {
        double[] mean = posterior.layout().fromModel(model);
        List<Uf3Model> out = new ArrayList<>(k);
        for (double[] c : draw(mean, k, seed)) {
            out.add(posterior.layout().toModel(c));
        }
        return out;
    }
}

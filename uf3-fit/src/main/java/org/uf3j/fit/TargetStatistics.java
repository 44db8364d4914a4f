package org.uf3j.fit;

import java.util.List;
import org.uf3j.core.structure.Configuration;

/**
 * Standard deviations of the training targets that normalise the loss: energies per atom, force
 * components, and virial components per atom. A spread of 0 (or no data) gives 1, so the loss
 * stays defined.
 */
public record TargetStatistics(double sigmaEnergy, double sigmaForce, double sigmaVirial, long energies, long forces,
                               long virials) {

    public static TargetStatistics of(List<Configuration> configs) {
        Moments e = new Moments(), f = new Moments(), w = new Moments();
        for (Configuration c : configs) {
            int n = c.size();
            if (c.hasEnergy()) {
                e.add(c.energy() / n);
            }
            if (c.hasForces()) {
                for (double v : c.forces()) {
                    f.add(v);
                }
            }
            if (c.hasVirial()) {
                for (double v : c.virial()) {
                    w.add(v / n);
                }
            }
        }
        return new TargetStatistics(e.std(), f.std(), w.std(), e.n, f.n, w.n);
    }

    /** Loss factors with these σ. */
    public LossWeights lossWeights(double kappa, double virialWeight) {
        return new LossWeights(kappa, sigmaEnergy, sigmaForce, virialWeight, sigmaVirial);
    }

    /** Running mean and variance (Welford). */
    private static final class Moments {
        long n;
        double mean;
        double m2;

        void add(double v) {
            n++;
            double d = v - mean;
            mean += d / n;
            m2 += d * (v - mean);
        }

        double std() {
            double s = n > 1 ? Math.sqrt(m2 / n) : 0.0;
            return s > 0 && Double.isFinite(s) ? s : 1.0;
        }
    }
}

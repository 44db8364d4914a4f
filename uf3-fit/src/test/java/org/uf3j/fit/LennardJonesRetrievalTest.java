package org.uf3j.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.metrics.Metrics;
import org.uf3j.core.testing.LennardJones;

/** A UF2 fit to Lennard-Jones data retrieves the (smoothly cut) LJ pair potential. */
class LennardJonesRetrievalTest {
    static final double EPS = 0.0104;
    static final double SIGMA = 3.4;
    static final double R_MIN = 2.9;

    @Test
    void uf2RetrievesLennardJonesAndImprovesWithKnots() {
        LennardJones lj = new LennardJones(EPS, SIGMA, 2.5 * SIGMA);
        Random rnd = new Random(2024);
        List<Configuration> train = lj.dataset(rnd, 40, 3.0);
        double rData = train.stream().mapToDouble(c -> LennardJones.minDistance(c.structure())).min().orElseThrow();
        System.out.printf("LJ data: shortest training distance %.3f Å, force std %.4f eV/Å%n", rData,
                TargetStatistics.of(train).sigmaForce());
        // held-out structures drawn the same way, inside the sampled distance range (no extrapolation)
        List<Configuration> test = lj.dataset(rnd, 24, rData);
        double prevE = Double.POSITIVE_INFINITY, prevF = Double.POSITIVE_INFINITY, prevV = Double.POSITIVE_INFINITY;
        for (int intervals : new int[] {10, 20, 40}) {
            ModelSpec spec = ModelSpec.builder(List.of("Ar")).pairs(R_MIN, lj.cutoff(), intervals).build();
            FitSettings settings = FitSettings.builder(spec).kappa(0.5).regularization(Regularization.of(1e-12, 1e-14))
                    .threads(2).build();
            FitResult fit = new Fitter(settings).fit(train);
            Metrics m = Metrics.evaluate(fit.model(), test, 2);
            // the pair function itself, V2 = S/2 (ordered pairs), over the sampled range
            PairTerm p = fit.model().pair("Ar", "Ar");
            double maxV = 0;
            for (double r = rData; r < lj.cutoff(); r += 0.005) {
                maxV = Math.max(maxV, Math.abs(p.value(r) - 0.5 * lj.value(r)));
            }
            System.out.printf("LJ UF2 %2d intervals: test E RMSE %.3e meV/atom, F RMSE %.3e eV/Å, max|V2-LJ/2| %.3e eV,"
                    + " one-body %.2e eV (%s)%n", intervals, m.energy().rmse(), m.forces().rmse(), maxV,
                    fit.model().oneBodyEnergy("Ar"), fit.timings());
            assertTrue(m.energy().rmse() < 1.0, "energy RMSE " + m.energy().rmse() + " meV/atom");
            assertTrue(m.forces().rmse() < 0.010, "force RMSE " + m.forces().rmse() + " eV/Å");
            assertTrue(m.energy().rmse() < 0.5 * prevE, "energy error falls with knots");
            assertTrue(m.forces().rmse() < 0.5 * prevF, "force error falls with knots");
            assertTrue(maxV < 0.5 * prevV, "pair function error falls with knots");
            prevE = m.energy().rmse();
            prevF = m.forces().rmse();
            prevV = maxV;
        }
        // with 40 intervals the potential is retrieved to a small fraction of ε
        assertTrue(prevV < 1e-3 * EPS, "max |V2 - LJ/2| = " + prevV);
        assertTrue(prevF < 2e-4, "force RMSE " + prevF + " eV/Å (1% of the force spread is 2.7e-4)");
    }

    @Test
    void referenceForcesAreMinusEnergyGradient() {
        LennardJones lj = new LennardJones(EPS, SIGMA, 2.5 * SIGMA);
        Configuration c = lj.dataset(new Random(1), 1, 3.0).get(0);
        double h = 1e-5;
        for (int row = 0; row < 12; row++) {
            double[] p = c.structure().positions();
            p[row] += h;
            double ep = lj.label(c.structure().withPositions(p), "x", "x").energy();
            p[row] -= 2 * h;
            double em = lj.label(c.structure().withPositions(p), "x", "x").energy();
            assertEquals(-(ep - em) / (2 * h), c.forces()[row], 1e-8);
        }
    }
}

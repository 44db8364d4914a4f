package org.uf3j.fit.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomStructures;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.FeatureBlock;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.RowWeights;

/**
 * The residuals against the Java evaluator of each fold's model, and the variance shapes against
 * {@link UncertaintyPredictor} with unit temperatures — on a two-element model whose pure-W
 * structures touch a third of the columns (the k×k block of A⁻¹ is gathered) and whose mixed ones
 * almost all of them (the rows are padded to all p columns and the full inverse is used).
 */
class CvResidualsTest {

    @Test
    void residualsAndShapesAgreeWithTheEvaluatorAndThePredictor() {
        ModelSpec spec = ModelSpec.builder(List.of("Nb", "W")).pairs(1.8, 5.0, 6).build();
        BasisLayout layout = new BasisLayout(spec);
        int p = layout.size();
        Random rnd = new Random(17);
        // a symmetric positive definite "A⁻¹" and two fold coefficient vectors
        double[] l = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                l[i * p + j] = (i == j ? 1.0 : 0.0) + 0.2 * rnd.nextGaussian();
            }
        }
        double[] inv = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int q = 0; q < p; q++) {
                    s += l[i * p + q] * l[j * p + q];
                }
                inv[i * p + j] = 1e-3 * s;
            }
        }
        double[][] foldX = new double[2][p];
        for (double[] x : foldX) {
            for (int q = 0; q < p; q++) {
                x[q] = q < 2 ? -1.5 + 0.1 * rnd.nextGaussian() : 0.05 * rnd.nextGaussian();
            }
        }
        List<Configuration> configs = new ArrayList<>();
        int[] fold = new int[8];
        for (int c = 0; c < 8; c++) {
            String[] el = c % 2 == 0 ? new String[] {"W"} : new String[] {"W", "Nb"};
            Structure s = RandomStructures.periodic(rnd, 4 + c % 3, 6.0, 2.0, el);
            double[] f = new double[3 * s.size()];
            for (int q = 0; q < f.length; q++) {
                f[q] = rnd.nextGaussian();
            }
            configs.add(new Configuration(s, -7.0 * s.size() + rnd.nextGaussian(), f, null, c % 2 == 0 ? "pure" : "mixed",
                    "c" + c, null));
            fold[c] = c % 3 == 0 ? 1 : 0;
        }
        // pure W touches only its one-body and W-W columns: the gathered path; mixed structures almost all
        // (k ≥ 0.8 p with ≤ 19 rows): the full-width path
        Featurizer fz = new Featurizer(layout);
        FeatureBlock b0 = fz.featurize(configs.get(0));
        FeatureBlock b1 = fz.featurize(configs.get(1));
        assertTrue(b0.activeCount() < p / 2 && b1.activeCount() >= 0.8 * p && b1.activeCount() < p, b0.activeCount() + " and " + b1.activeCount() + " of " + p);

        CvResiduals.Shape se = new CvResiduals.Shape(0.7, 0.2), sf = new CvResiduals.Shape(0.3, 0.5);
        CvResiduals cv = CvResiduals.collect(layout, configs, fold, foldX, inv, se, sf, RowWeights.uniform(), 2);
        Posterior unit = new Posterior(spec, foldX[0], inv, new Posterior.Noise(0.7, 0.3, 0.2, 0.5, "test", 0.5));
        UncertaintyPredictor pred = new UncertaintyPredictor(unit);
        int ie = 0, jf = 0;
        for (int c = 0; c < configs.size(); c++) {
            Configuration cfg = configs.get(c);
            int n = cfg.size();
            Evaluation ev = new JavaEvaluator(layout.toModel(foldX[fold[c]])).evaluate(cfg.structure());
            Uncertainty u = pred.predict(cfg);
            assertEquals(ev.energy() / n - cfg.energy() / n, cv.energyResidual()[ie], 1e-11, "energy residual " + c);
            double ve = u.energyStdPerAtom() * u.energyStdPerAtom();
            assertEquals(ve, cv.energyShape()[ie], 1e-12 * ve, "energy shape " + c);
            assertEquals(cfg.configType(), cv.energyType()[ie]);
            ie++;
            // small set: every force component kept, in order
            for (int r = 0; r < 3 * n; r++, jf++) {
                assertEquals(ev.forces()[r] - cfg.forces()[r], cv.forceResidual()[jf], 1e-11, "force residual " + c + "/" + r);
                double vf = u.forceStd()[r] * u.forceStd()[r];
                assertEquals(vf, cv.forceShape()[jf], 1e-12 * vf, "force shape " + c + "/" + r);
            }
        }
        assertEquals(jf, cv.forceResidual().length);
        assertEquals(4, cv.energyOfType("pure")[0].length);
    }
}

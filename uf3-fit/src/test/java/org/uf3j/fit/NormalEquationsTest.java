package org.uf3j.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.fit.metrics.Metrics;
import org.uf3j.core.testing.LennardJones;
import org.uf3j.core.testing.RandomStructures;

class NormalEquationsTest {

    /** Random binary configurations labelled by a random UF2,3 model (with virials). */
    static List<Configuration> labelled(BasisLayout layout, double[] x, int count, long seed) {
        JavaEvaluator ev = new JavaEvaluator(layout.toModel(x));
        Random rnd = new Random(seed);
        List<Configuration> out = new ArrayList<>();
        for (int q = 0; q < count; q++) {
            Structure s = RandomStructures.periodic(rnd, 4 + rnd.nextInt(9), 6.0 + rnd.nextDouble(), 2.0, "W", "Nb");
            Evaluation e = ev.evaluate(s);
            out.add(new Configuration(s, e.energy(), e.forces(), e.virial(), q % 3 == 0 ? "a" : "b", "cfg" + q, null));
        }
        return out;
    }

    static double[] smoothSolution(BasisLayout layout, Random rnd) {
        double[] x = FeaturizerTest.randomSolution(layout, rnd);
        for (int q = layout.elements().size(); q < x.length; q++) {
            x[q] *= layout.isTripletColumn(q) ? 0.01 : 0.2;
        }
        return x;
    }

    @Test
    void parallelAccumulationEqualsSerial() {
        BasisLayout layout = new BasisLayout(FeaturizerTest.binarySpec());
        Featurizer fz = new Featurizer(layout);
        List<Configuration> data = labelled(layout, smoothSolution(layout, new Random(1)), 30, 11);
        RowWeights rw = new RowWeights(java.util.Map.of("a", 2.5), true);
        NormalEquations serial = NormalEquations.accumulate(fz, data, rw, 1);
        NormalEquations parallel = NormalEquations.accumulate(fz, data, rw, 3);
        assertEquals(30, parallel.configurations());
        assertTrue(serial.energy().maxRelativeDifference(parallel.energy()) < 1e-12);
        assertTrue(serial.forces().maxRelativeDifference(parallel.forces()) < 1e-12);
        assertTrue(serial.virial().maxRelativeDifference(parallel.virial()) < 1e-12);
        assertEquals(serial.forces().weight(), parallel.forces().weight(), 1e-9);
        // weights: 10 configurations of type "a" with weight 2.5, 20 of type "b"
        assertEquals(10 * 2.5 + 20, serial.energy().weight(), 1e-12);
        // folds add up to the whole
        int[] fold = DataSplit.folds(data.size(), 4, 5);
        NormalEquations[] folds = NormalEquations.accumulateFolds(fz, data, fold, 4, rw, 2);
        NormalEquations sum = NormalEquations.sum(folds);
        assertTrue(serial.forces().maxRelativeDifference(sum.forces()) < 1e-12);
        assertTrue(serial.energy().maxRelativeDifference(sum.energy()) < 1e-12);
    }

    @Test
    void sumsAreBitForBitTheSameForAnyNumberOfThreads() {
        BasisLayout layout = new BasisLayout(FeaturizerTest.binarySpec());
        Featurizer fz = new Featurizer(layout);
        // more configurations than lanes, of different sizes, so that lanes finish at different times
        List<Configuration> data = labelled(layout, smoothSolution(layout, new Random(7)), 45, 13);
        RowWeights rw = new RowWeights(null, true);
        NormalEquations one = NormalEquations.accumulate(fz, data, rw, 1);
        for (int threads : new int[] {2, 3, 5, 16, 40}) {
            for (int rep = 0; rep < 3; rep++) {
                NormalEquations many = NormalEquations.accumulate(fz, data, rw, threads);
                for (Gram[] g : new Gram[][] {{one.energy(), many.energy()}, {one.forces(), many.forces()},
                        {one.virial(), many.virial()}}) {
                    assertArrayEquals(g[0].g, g[1].g, 0.0, threads + " threads: Gram matrix");
                    assertArrayEquals(g[0].h, g[1].h, 0.0, threads + " threads: right-hand side");
                }
                assertEquals(45, many.configurations());
            }
        }
        // and not a sum that ignores the data: one configuration fewer changes it
        NormalEquations fewer = NormalEquations.accumulate(fz, data.subList(0, 44), rw, 2);
        assertTrue(one.forces().maxRelativeDifference(fewer.forces()) > 1e-6);
    }

    @Test
    void gramQuadraticFormEqualsDirectResiduals() {
        BasisLayout layout = new BasisLayout(FeaturizerTest.binarySpec());
        Featurizer fz = new Featurizer(layout);
        Random rnd = new Random(4);
        List<Configuration> data = labelled(layout, smoothSolution(layout, rnd), 6, 12);
        NormalEquations ne = NormalEquations.accumulate(fz, data, new RowWeights(null, true), 2);
        double[] x = smoothSolution(layout, rnd);
        JavaEvaluator ev = new JavaEvaluator(layout.toModel(x));
        double se = 0, sf = 0, sv = 0;
        for (Configuration c : data) {
            Evaluation e = ev.evaluate(c.structure());
            int n = c.size();
            se += Math.pow((e.energy() - c.energy()) / n, 2);
            for (int q = 0; q < 3 * n; q++) {
                sf += Math.pow(e.forces()[q] - c.forces()[q], 2);
            }
            for (int k = 0; k < 6; k++) {
                sv += Math.pow((e.virial()[k] - c.virial()[k]) / n, 2);
            }
        }
        assertEquals(se, ne.energy().sumSquaredErrors(x), 1e-9 * se);
        assertEquals(sf, ne.forces().sumSquaredErrors(x), 1e-9 * sf);
        assertEquals(sv, ne.virial().sumSquaredErrors(x), 1e-9 * sv);
    }

    @Test
    void uf23ModelIsRetrievedExactlyFromItsOwnData() {
        BasisLayout layout = new BasisLayout(FeaturizerTest.binarySpec());
        Random rnd = new Random(9);
        double[] truth = smoothSolution(layout, rnd);
        List<Configuration> data = labelled(layout, truth, 150, 21);
        FitSettings settings = FitSettings.builder(layout.spec()).regularization(new Regularization(1e-12, 1e-12, 1e-14, 1e-14))
                .virialWeight(0.1).threads(2).build();
        FitResult fit = new Fitter(settings).fit(data);
        assertEquals(LinearSolver.Method.CHOLESKY, fit.method());
        // errors of the refit on its own data are at round-off level
        Metrics train = Metrics.evaluate(fit.model(), data, 2);
        assertTrue(train.forces().rmse() < 1e-6, "force RMSE " + train.forces().rmse());
        assertTrue(train.energy().rmse() < 1e-3, "energy RMSE " + train.energy().rmse() + " meV/atom");
        List<Configuration> fresh = labelled(layout, truth, 10, 99);
        Metrics m = Metrics.evaluate(fit.model(), fresh, 2);
        System.out.printf("self-retrieval UF2,3 (%d columns): fresh data E RMSE %.2e meV/atom, F RMSE %.2e eV/Å,"
                + " sigma_F %.3f eV/Å, train F RMSE %.2e%n", layout.size(), m.energy().rmse(), m.forces().rmse(),
                fit.statistics().sigmaForce(), train.forces().rmse());
        assertTrue(m.forces().rmse() < 1e-5, "fresh force RMSE " + m.forces().rmse());
    }

    @Test
    void regularizerMatchesExplicitSecondDifferences() {
        ModelSpec spec = ModelSpec.builder(List.of("Si")).pairs(2, 5, 4).triplets(2, 4, 3).build();
        BasisLayout layout = new BasisLayout(spec);
        Regularizer reg = new Regularizer(layout);
        // pair: 7 coefficients, 4 free (columns 1..4); stencils q = 0..4 over the full vector
        DMatrixRMaj r = reg.matrix(new Regularization(1, 0, 0, 0));
        double[][] d = new double[5][7];
        for (int q = 0; q < 5; q++) {
            d[q][q] = 1;
            d[q][q + 1] = -2;
            d[q][q + 2] = 1;
        }
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                double dtd = 0;
                for (int q = 0; q < 5; q++) {
                    dtd += d[q][a] * d[q][b];
                }
                assertEquals(dtd, r.get(1 + a, 1 + b), 0.0, "pair DtD " + a + "," + b);
            }
        }
        assertEquals(0.0, r.get(0, 0), 0.0, "one-body not regularised");
        // triplet: penalty of a symmetric tensor equals Σ over all three axes of squared second differences
        BasisLayout.TripletBlock t = layout.tripletBlocks().get(0);
        Random rnd = new Random(3);
        double[] x = new double[layout.size()];
        for (int c = t.offset(); c < t.offset() + t.count(); c++) {
            x[c] = rnd.nextGaussian();
        }
        int[] s = t.shape();
        double[] full = new double[s[0] * s[1] * s[2]];
        for (int l = 0; l < s[0]; l++) {
            for (int m = 0; m < s[1]; m++) {
                for (int n = 0; n < s[2]; n++) {
                    int col = t.column(l, m, n);
                    full[t.flat(l, m, n)] = col < 0 ? 0 : x[col];
                }
            }
        }
        double expected = 0;
        for (int l = 0; l < s[0]; l++) {
            for (int m = 0; m < s[1]; m++) {
                for (int n = 0; n < s[2]; n++) {
                    if (l + 2 < s[0]) {
                        expected += sq(full[t.flat(l, m, n)] - 2 * full[t.flat(l + 1, m, n)] + full[t.flat(l + 2, m, n)]);
                    }
                    if (m + 2 < s[1]) {
                        expected += sq(full[t.flat(l, m, n)] - 2 * full[t.flat(l, m + 1, n)] + full[t.flat(l, m + 2, n)]);
                    }
                    if (n + 2 < s[2]) {
                        expected += sq(full[t.flat(l, m, n)] - 2 * full[t.flat(l, m, n + 1)] + full[t.flat(l, m, n + 2)]);
                    }
                }
            }
        }
        assertEquals(expected, reg.penalty(x, new Regularization(0, 1, 0, 0)), 1e-9 * expected);
        DMatrixRMaj r3 = reg.matrix(new Regularization(0, 1, 0, 0));
        double quad = 0;
        for (int a = 0; a < x.length; a++) {
            for (int b = 0; b < x.length; b++) {
                quad += x[a] * r3.get(a, b) * x[b];
            }
        }
        assertEquals(expected, quad, 1e-9 * expected);
        // ridge only on 3-body columns
        DMatrixRMaj ridge = reg.matrix(new Regularization(0, 0, 0, 2));
        assertEquals(0.0, ridge.get(1, 1), 0.0);
        assertEquals(2.0, ridge.get(t.offset(), t.offset()), 0.0);
    }

    private static double sq(double v) {
        return v * v;
    }

    @Test
    void solverFallsBackWhenNotPositiveDefinite() {
        DMatrixRMaj indefinite = new DMatrixRMaj(new double[][] {{1, 2}, {2, 1}});
        LinearSolver.Solution s = LinearSolver.solve(indefinite, new double[] {3, 3});
        assertEquals(LinearSolver.Method.LU, s.method());
        assertEquals(1.0, s.x()[0], 1e-12);
        assertEquals(1.0, s.x()[1], 1e-12);
        DMatrixRMaj singular = new DMatrixRMaj(new double[][] {{1, 1, 0}, {1, 1, 0}, {0, 0, 0}});
        LinearSolver.Solution p = LinearSolver.solve(singular, new double[] {2, 2, 0});
        assertEquals(LinearSolver.Method.PSEUDO_INVERSE, p.method());
        assertEquals(1, p.pinnedColumns());
        assertEquals(1.0, p.x()[0], 1e-10);
        assertEquals(1.0, p.x()[1], 1e-10);
        assertEquals(0.0, p.x()[2], 0.0);
        DMatrixRMaj spd = new DMatrixRMaj(new double[][] {{4, 1}, {1, 3}});
        LinearSolver.Solution c = LinearSolver.solve(spd, new double[] {1, 2});
        assertEquals(LinearSolver.Method.CHOLESKY, c.method());
        assertEquals(1.0 / 11, c.x()[0], 1e-14);
        assertEquals(7.0 / 11, c.x()[1], 1e-14);
    }

    @Test
    void crossValidationPicksInteriorLambdaAndFoldLossesMatchDirectEvaluation() {
        LennardJones lj = new LennardJones(0.0104, 3.4, 8.5);
        Random rnd = new Random(77);
        List<Configuration> clean = lj.dataset(rnd, 8, 3.0);
        // noisy labels: an unregularised 40-interval spline over-fits them
        List<Configuration> data = new ArrayList<>();
        for (Configuration c : clean) {
            double[] f = c.forces();
            for (int q = 0; q < f.length; q++) {
                f[q] += 0.01 * rnd.nextGaussian();
            }
            data.add(new Configuration(c.structure(), c.energy() + 0.002 * c.size() * rnd.nextGaussian(), f, null,
                    c.configType(), c.source(), null));
        }
        ModelSpec spec = ModelSpec.builder(List.of("Ar")).pairs(2.9, 8.5, 80).build();
        BasisLayout layout = new BasisLayout(spec);
        Featurizer fz = new Featurizer(layout);
        Regularizer regularizer = new Regularizer(layout);
        int[] fold = DataSplit.folds(data.size(), 4, 1);
        NormalEquations[] folds = NormalEquations.accumulateFolds(fz, data, fold, 4, RowWeights.uniform(), 2);
        List<Regularization> grid = CrossValidation.grid(new double[] {1e-12, 1e-8, 1e-6, 1e-4, 1e-2, 1, 100},
                new double[] {0}, 1e-14, 0);
        LossWeights scoring = TargetStatistics.of(data).lossWeights(0.5, 0);
        CrossValidation.Result cv = CrossValidation.run(folds, regularizer, grid, new double[] {0.5}, scoring, 2,
                FitProgress.NONE);
        System.out.println(cv.table());
        int chosen = grid.indexOf(cv.best().regularization());
        assertTrue(chosen > 0 && chosen < grid.size() - 1, "chosen λ should be interior, got " + cv.best());
        for (CrossValidation.Row r : cv.rows()) {
            assertTrue(cv.best().loss() <= r.loss());
        }
        // fold 2 of grid point 3, re-done by hand with the Java evaluator
        Regularization reg = grid.get(3);
        List<Configuration> train = new ArrayList<>(), val = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            (fold[i] == 2 ? val : train).add(data.get(i));
        }
        NormalEquations ne = NormalEquations.accumulate(fz, train, RowWeights.uniform(), 1);
        DMatrixRMaj a = ne.matrix(scoring);
        regularizer.addTo(a, reg);
        Uf3Model model = layout.toModel(LinearSolver.solve(a, ne.rhs(scoring)).x());
        Metrics m = Metrics.evaluate(model, val, 1);
        double direct = scoring.kappa() / sq(scoring.sigmaEnergy()) * sq(m.energy().rmse() / 1000)
                + (1 - scoring.kappa()) / sq(scoring.sigmaForce()) * sq(m.forces().rmse());
        assertEquals(direct, cv.rows().get(3).foldLosses()[2], 1e-8 * direct);
    }
}

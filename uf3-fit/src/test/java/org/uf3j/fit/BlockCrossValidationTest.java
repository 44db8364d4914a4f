package org.uf3j.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.solve.SolverOptions;

/**
 * The block-elimination cross-validation against brute force (one full Cholesky per candidate):
 * the same scores, the same chosen point, the same coefficients to 1e-9, on a small binary UF2,3
 * problem, with both back ends; pinned empty columns; bit-for-bit results for any thread count.
 */
class BlockCrossValidationTest {
    private static final SolverOptions EJML = new SolverOptions(SolverOptions.Backend.EJML, 1, 1);
    private static final SolverOptions LAPACK = new SolverOptions(SolverOptions.Backend.OPENBLAS, 1, 1);

    private static final List<Regularization> GRID = List.of(
            new Regularization(1e-6, 1e-6, 1e-10, 1e-10), new Regularization(1e-3, 1e-6, 1e-10, 1e-10),
            new Regularization(1e-6, 1e-3, 1e-10, 1e-10), new Regularization(1e-1, 1e-3, 1e-10, 1e-10),
            new Regularization(1e-3, 1e-1, 0, 1e-10), new Regularization(1e-6, 1e-1, 1e-4, 1e-10),
            new Regularization(1e-3, 1e-3, 1e-10, 1e-4));

    /** A binary UF2,3 spec small enough for brute force in a unit test (about 300 columns). */
    static ModelSpec smallSpec() {
        return ModelSpec.builder(List.of("W", "Nb")).pairs(1.8, 5.2, 9).triplets(1.8, 4.0, 3).build();
    }

    /** Noisy labels so that the grid has a clear optimum inside. */
    private static NormalEquations[] folds(BasisLayout layout, int k) {
        List<Configuration> data = NormalEquationsTest.labelled(layout,
                NormalEquationsTest.smoothSolution(layout, new Random(3)), 36, 21);
        Random rnd = new Random(5);
        List<Configuration> noisy = new ArrayList<>();
        for (Configuration c : data) {
            double[] f = c.forces().clone();
            for (int q = 0; q < f.length; q++) {
                f[q] += 0.05 * rnd.nextGaussian();
            }
            noisy.add(new Configuration(c.structure(), c.energy() + 0.02 * c.size() * rnd.nextGaussian(), f, c.virial(),
                    c.configType(), c.source(), null));
        }
        return NormalEquations.accumulateFolds(new Featurizer(layout), noisy, DataSplit.folds(noisy.size(), k, 9), k,
                new RowWeights(null, true), 2);
    }

    private static LossWeights scoring(NormalEquations[] folds) {
        return new LossWeights(0.5, 0.3, 0.8, 0.1, 0.2);
    }

    @Test
    void sameScoresAndChoiceAsOneCholeskyPerCandidate() {
        BasisLayout layout = new BasisLayout(smallSpec());
        Regularizer reg = new Regularizer(layout);
        NormalEquations[] folds = folds(layout, 4);
        double[] kappas = {0.3, 0.8};
        CrossValidation.Result brute = CrossValidation.runPerCandidate(folds, reg, GRID, kappas, scoring(folds), 2,
                FitProgress.NONE, EJML);
        for (SolverOptions o : new SolverOptions[] {EJML, LAPACK}) {
            CrossValidation.Result block = CrossValidation.run(folds, reg, GRID, kappas, scoring(folds), 2, FitProgress.NONE, o);
            assertEquals(brute.rows().size(), block.rows().size());
            double worst = 0;
            for (int r = 0; r < brute.rows().size(); r++) {
                CrossValidation.Row a = brute.rows().get(r), b = block.rows().get(r);
                assertEquals(a.regularization(), b.regularization());
                assertEquals(a.kappa(), b.kappa());
                worst = Math.max(worst, Math.abs(a.loss() - b.loss()) / a.loss());
                for (int f = 0; f < 4; f++) {
                    worst = Math.max(worst, Math.abs(a.foldLosses()[f] - b.foldLosses()[f]) / a.foldLosses()[f]);
                }
            }
            assertTrue(worst < 1e-9, o.backend() + ": largest relative score difference " + worst);
            assertEquals(brute.rows().indexOf(brute.best()), block.rows().indexOf(block.best()), o.backend() + ": chosen point");
        }
        // the optimum is inside the grid, so that "same choice" means something
        int best = brute.rows().indexOf(brute.best());
        assertTrue(best != 0 && best != brute.rows().size() - 1, "chosen " + best);
    }

    @Test
    void groupSolutionsEqualFullCholeskyTo1e9() {
        BasisLayout layout = new BasisLayout(smallSpec());
        Regularizer reg = new Regularizer(layout);
        NormalEquations[] folds = folds(layout, 3);
        for (NormalEquations f : folds) {
            f.symmetrize();
        }
        NormalEquations total = NormalEquations.sum(folds);
        LossWeights lw = scoring(folds);
        DMatrixRMaj a = NormalEquations.trainingMatrix(total, folds[1], lw);
        double[] b = NormalEquations.trainingRhs(total, folds[1], lw);
        CandidateGroups groups = new CandidateGroups(reg, GRID);
        assertEquals(4, groups.count()); // four distinct 3-body strengths
        assertTrue(groups.split() < layout.size() && layout.isTripletColumn(groups.split()));
        for (SolverOptions o : new SolverOptions[] {EJML, LAPACK}) {
            assertMatchesFull(groups, reg, a, b, o);
        }
    }

    @Test
    void pinsEmptyColumnsAsLinearSolverDoes() {
        BasisLayout layout = new BasisLayout(smallSpec());
        Regularizer reg = new Regularizer(layout);
        NormalEquations[] folds = folds(layout, 3);
        for (NormalEquations f : folds) {
            f.symmetrize();
        }
        NormalEquations total = NormalEquations.sum(folds);
        DMatrixRMaj a = NormalEquations.trainingMatrix(total, folds[0], scoring(folds));
        double[] b = NormalEquations.trainingRhs(total, folds[0], scoring(folds));
        int p = layout.size();
        // an element absent from the data: its one-body column is empty; and an unregularised,
        // untouched 3-body column
        int last = p - 1;
        for (int c : new int[] {1, last}) {
            for (int q = 0; q < p; q++) {
                a.data[c * p + q] = 0;
                a.data[q * p + c] = 0;
            }
            b[c] = 0;
        }
        // group 0: 3-body ridge only, the one-body column alone is pinned and the block Cholesky works;
        // group 1: no 3-body penalty, so column `last` and any 3-body column the data never touch are
        // pinned and the rest may need the LU or pseudo-inverse fallback, as for the full solver
        List<Regularization> grid = List.of(new Regularization(1e-4, 0, 1e-8, 1e-6), new Regularization(1e-2, 0, 1e-8, 1e-6),
                new Regularization(1e-4, 0, 1e-8, 0), new Regularization(1e-2, 0, 1e-8, 0));
        CandidateGroups groups = new CandidateGroups(reg, grid);
        assertEquals(2, groups.count());
        for (SolverOptions o : new SolverOptions[] {EJML, LAPACK}) {
            for (int g = 0; g < 2; g++) {
                int[] members = groups.members(g);
                double[][] x = groups.solve(g, a, b, o);
                for (int q = 0; q < members.length; q++) {
                    DMatrixRMaj full = a.copy();
                    reg.addTo(full, grid.get(members[q]));
                    LinearSolver.Solution ref = LinearSolver.solve(full, b, EJML);
                    assertTrue(g == 0 ? ref.pinnedColumns() == 1 : ref.pinnedColumns() >= 2, "pinned " + ref.pinnedColumns());
                    assertEquals(0.0, x[q][1]);
                    assertEquals(g == 0 ? ref.x()[last] : 0.0, x[q][last], 1e-9 * Math.abs(ref.x()[last]));
                    assertTrue(maxRelDiff(ref.x(), x[q]) < 1e-9, o.backend() + ": " + maxRelDiff(ref.x(), x[q]));
                }
            }
        }
    }

    @Test
    void bitForBitTheSameForAnyThreadCount() {
        BasisLayout layout = new BasisLayout(smallSpec());
        Regularizer reg = new Regularizer(layout);
        NormalEquations[] folds = folds(layout, 4);
        double[] kappas = {0.3, 0.8};
        for (SolverOptions o : new SolverOptions[] {EJML, LAPACK}) {
            CrossValidation.Result one = CrossValidation.run(folds, reg, GRID, kappas, scoring(folds), 1, FitProgress.NONE, o);
            for (int threads : new int[] {2, 5}) {
                CrossValidation.Result many = CrossValidation.run(folds, reg, GRID, kappas, scoring(folds), threads,
                        FitProgress.NONE, o);
                for (int r = 0; r < one.rows().size(); r++) {
                    assertArrayEquals(one.rows().get(r).foldLosses(), many.rows().get(r).foldLosses(), 0.0,
                            o.backend() + ", " + threads + " threads");
                }
            }
        }
    }

    private static void assertMatchesFull(CandidateGroups groups, Regularizer reg, DMatrixRMaj a, double[] b, SolverOptions o) {
        for (int g = 0; g < groups.count(); g++) {
            int[] members = groups.members(g);
            double[][] x = groups.solve(g, a, b, o);
            for (int q = 0; q < members.length; q++) {
                DMatrixRMaj full = a.copy();
                reg.addTo(full, GRID.get(members[q]));
                LinearSolver.Solution ref = LinearSolver.solve(full, b, EJML);
                assertSame(LinearSolver.Method.CHOLESKY, ref.method());
                assertNotNull(x[q]);
                double d = maxRelDiff(ref.x(), x[q]);
                assertTrue(d < 1e-9, o.backend() + ", candidate " + members[q] + ": " + d);
            }
        }
    }

    /** max |a − b| / max |a|. */
    static double maxRelDiff(double[] a, double[] b) {
        double scale = 0, diff = 0;
        for (int q = 0; q < a.length; q++) {
            scale = Math.max(scale, Math.abs(a[q]));
            diff = Math.max(diff, Math.abs(a[q] - b[q]));
        }
        return diff / scale;
    }
}

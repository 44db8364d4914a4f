package org.uf3j.fit;

import org.uf3j.core.testing.RandomStructures;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.solve.SolverOptions;

/** The memory planner as a pure function of the sizes, and file-backed fold sums. */
class MemoryPlanTest {
    private static final long GB = 1L << 30;

    @Test
    void countsTheSumsAndRefusesATooSmallHeap() {
        // InP-like: 4,414 unknowns, 5 folds, 2 κ, 2 workers, OpenBLAS
        MemoryPlan inp = new MemoryPlan(4414, 64, 5, 2, 2, false, true, 0, 256, 8 * GB);
        long matrix = 4414L * 4414 * 8;
        assertEquals(2 * (matrix + 2L * 4414 * 8), inp.sumSet());
        assertEquals(5 * inp.sumSet(), inp.foldSums());
        assertTrue(inp.fitsInMemory(), inp.describe());
        assertNull(inp.refusal());
        // peak: the fold sums plus total plus two training matrices and the tasks' blocks (~2.5 GB)
        assertTrue(inp.peakInMemory() > 7 * matrix * 2 && inp.peakInMemory() < 3 * GB, inp.describe());

        MemoryPlan small = new MemoryPlan(4414, 64, 5, 2, 2, false, true, 0, 256, 1 * GB);
        assertFalse(small.fitsInMemory());
        assertFalse(small.fits());
        String msg = small.refusal();
        assertTrue(msg.contains("-Xmx3g") && msg.contains("coarser 3-body knots") && msg.contains("4,414 unknowns"), msg);
        // a need below the limit itself must say why it is refused: only 70 % of the limit is planned with
        assertTrue(msg.contains("more than the 70 % of the"), msg);

        // in between: fits only with the fold sums in a file
        MemoryPlan mid = new MemoryPlan(4414, 64, 5, 2, 2, false, true, 0, 256, 3 * GB);
        assertTrue(mid.fits() && mid.needsFoldFile(), mid.describe());
        assertTrue(mid.describe().contains("temporary file"), mid.describe());
    }

    /** The posterior's p×p inverse: in the final solve (while the factor lives) and in the calibration pass after it. */
    @Test
    void posteriorInverseIsCounted() {
        long matrix = 4414L * 4414 * 8; // 155,867,168 bytes
        MemoryPlan without = new MemoryPlan(4414, 64, 5, 2, 2, false, true, 0, 256, 8 * GB);
        MemoryPlan with = new MemoryPlan(4414, 64, 5, 2, 2, false, true, 0, 256, 8 * GB, true);
        assertEquals(0, without.posteriorMatrix());
        assertEquals(0, without.posteriorHeap());
        assertEquals(155_867_168L, with.posteriorMatrix());
        // final solve with OpenBLAS: sums + matrix + copy (2 p×p) + A⁻¹
        assertEquals(with.sumSet() + 3 * matrix, with.finalSolveHeap());
        assertEquals(without.finalSolveHeap() + matrix, with.finalSolveHeap());
        // after the solve: sums + A⁻¹ + per worker (2) one gathered block and two row arrays of 1 + 3·256 rows
        long rows = 2L * 769 * 4414 * 8; // 54,309,856 bytes
        assertEquals(with.sumSet() + 3 * matrix + 2 * rows, with.posteriorHeap());
        // off heap: the factor and the identity solved into A⁻¹ (2 p×p = 311.7 MB) exceed the CV tasks' 3-body
        // blocks (2 workers x 4,350² x 8 = 302.8 MB)
        assertEquals(2L * 4350 * 4350 * 8, without.offHeap());
        assertEquals(2 * matrix, with.offHeap());
        assertTrue(with.describe().contains("posterior: A⁻¹ 156 MB (in the solver figures); after the solve 888 MB on heap"),
                with.describe());

        // a small EJML fit without cross-validation, 1 worker, p = 2,000: the posterior sets the peak
        long m2 = 2000L * 2000 * 8;
        MemoryPlan small = new MemoryPlan(2000, 40, 0, 1, 1, false, false, 0, 256, 8 * GB);
        MemoryPlan smallPost = new MemoryPlan(2000, 40, 0, 1, 1, false, false, 0, 256, 8 * GB, true);
        long sums = 2 * (m2 + 2L * 2000 * 8);
        long lanes = 2 * sums + m2 / 2 + 2L * 3 * 256 * 2000 * 8; // 168.7 MB: the peak without posterior
        assertEquals(lanes, small.peakInMemory());
        assertEquals(sums + 4 * m2, smallPost.peakInMemory()); // 192.1 MB: sums, matrix, factor, copy and A⁻¹
    }

    @Test
    void alloySizes() {
        // 11,000 unknowns, 5 folds, 16 GB: the fold sums (5 x 1.9 GB) do not fit, a file does
        MemoryPlan mid = new MemoryPlan(11_000, 400, 5, 1, 2, false, true, 500_000_000L, 256, 16 * GB);
        assertTrue(mid.needsFoldFile(), mid.describe());
        // 17,000 unknowns: the accumulation lanes alone (3 sets of 4.6 GB) exceed 70 % of 12 GB
        MemoryPlan four = new MemoryPlan(17_000, 400, 5, 1, 2, false, true, 500_000_000L, 256, 12 * GB);
        assertFalse(four.fits(), four.describe());
        assertTrue(four.refusal().contains("-Xmx29g") && four.refusal().contains("fewer threads"), four.refusal());
        // 5 elements, ~32,000 unknowns: not even the total and one fold fit 12 GB
        MemoryPlan five = new MemoryPlan(32_000, 700, 5, 1, 2, false, true, 500_000_000L, 256, 12 * GB);
        assertFalse(five.fits());
        assertTrue(five.refusal().contains("-Xmx"), five.refusal());
        // beyond one Java array
        MemoryPlan huge = new MemoryPlan(50_000, 700, 5, 1, 2, false, true, 0, 256, 512 * GB);
        assertFalse(huge.fits());
        assertTrue(huge.refusal().contains("46,340"), huge.refusal());
    }

    @Test
    void fitterRefusesBeforeFeaturising() {
        ModelSpec spec = ModelSpec.builder(List.of("W", "Nb")).pairs(1.5, 5.5, 20).triplets(1.5, 5.5, 40).build();
        FitSettings s = FitSettings.builder(spec).grid(CrossValidation.grid(new double[] {1e-6, 1e-4}, new double[] {1e-6},
                1e-10, 1e-10)).build();
        Fitter fitter = new Fitter(s);
        MemoryPlan plan = fitter.plan(0);
        if (!plan.fits()) { // the surefire heap (4 GB) is far too small for ~400,000 unknowns
            InsufficientMemoryException e = org.junit.jupiter.api.Assertions.assertThrows(InsufficientMemoryException.class,
                    () -> fitter.fit(List.of(new Configuration(RandomStructures.cubic("bcc", 3.16, "W"), -10.0, null, null,
                            "x", "x", null))));
            assertEquals(plan.refusal(), e.getMessage());
        }
        assertFalse(plan.fits(), plan.describe());
    }

    @Test
    void foldSumsInAFileGiveTheSameResultAsInMemory(@TempDir Path dir) throws java.io.IOException {
        BasisLayout layout = new BasisLayout(BlockCrossValidationTest.smallSpec());
        Featurizer fz = new Featurizer(layout);
        List<Configuration> data = NormalEquationsTest.labelled(layout,
                NormalEquationsTest.smoothSolution(layout, new Random(2)), 24, 4);
        int[] fold = DataSplit.folds(data.size(), 3, 1);
        RowWeights rw = new RowWeights(null, true);
        List<Regularization> grid = CrossValidation.grid(new double[] {1e-6, 1e-3}, new double[] {1e-6, 1e-2}, 1e-10, 1e-10);
        LossWeights lw = new LossWeights(0.5, 0.3, 0.8, 0.1, 0.2);
        SolverOptions o = SolverOptions.auto(2);
        CrossValidation.Result mem;
        try (FoldStore store = FoldStore.inMemory()) {
            NormalEquations.accumulateFolds(fz, data, fold, 3, rw, 2, FitProgress.NONE, store);
            mem = CrossValidation.run(store, new Regularizer(layout), grid, new double[] {0.5}, lw, 2, FitProgress.NONE, o);
        }
        try (FoldStore store = FoldStore.inFile(dir)) {
            NormalEquations.accumulateFolds(fz, data, fold, 3, rw, 2, FitProgress.NONE, store);
            assertTrue(store.fileBacked());
            CrossValidation.Result file = CrossValidation.run(store, new Regularizer(layout), grid, new double[] {0.5}, lw, 2,
                    FitProgress.NONE, o);
            for (int r = 0; r < grid.size(); r++) {
                assertArrayEquals(mem.rows().get(r).foldLosses(), file.rows().get(r).foldLosses(), 0.0);
            }
            NormalEquations back = store.fold(1);
            assertEquals(0.0, back.forces().maxRelativeDifference(NormalEquations.accumulate(fz,
                    List.of(data.stream().filter(c -> fold[data.indexOf(c)] == 1).toArray(Configuration[]::new)), rw, 2)
                    .forces()));
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the fold file is deleted on close");
        }
    }
}

package org.uf3j.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.fit.metrics.Metrics;
import org.uf3j.core.testing.RandomStructures;

class DataSplitTest {

    static List<Configuration> typed(int a, int b) {
        List<Configuration> out = new ArrayList<>();
        Structure s = RandomStructures.cubic("bcc", 3.2, "W");
        for (int i = 0; i < a + b; i++) {
            out.add(new Configuration(s, -1.0, null, null, i < a ? "bulk" : "surface", "c" + i, null));
        }
        return out;
    }

    @Test
    void originalIndicesFollowTheFramesKeyAndDropRemovedFrames() {
        // a copy of a 6-frame original without its frames 3 and 6 (1-based), listed out of order
        Structure s = RandomStructures.cubic("bcc", 3.2, "W");
        List<Configuration> copy = new ArrayList<>();
        for (String pos : new String[] {"2", "1", "5", "4"}) {
            copy.add(new Configuration(s, -1.0, null, null, "bulk", "w.xyz:" + pos, java.util.Map.of("orig", pos)));
        }
        OriginalIndexSplit o = OriginalIndexSplit.of(copy, new int[] {0, 2, 3, 5}, "orig");
        assertArrayEquals(new int[] {1, 3}, o.split().train()); // originals 0 and 3 are copy positions 1 and 3
        assertArrayEquals(new int[] {0, 2}, o.split().test());
        assertArrayEquals(new int[] {2, 5}, o.dropped());
        List<Configuration> unkeyed = List.of(new Configuration(s, -1.0, null, null, "bulk", "w.xyz:7", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OriginalIndexSplit.of(unkeyed, new int[] {0}, "orig"));
        assertEquals("w.xyz:7: expected an integer 'orig' (1-based position in the original file), got none", e.getMessage());
    }

    @Test
    void randomSplitIsSeededDisjointAndComplete() {
        DataSplit s1 = DataSplit.random(100, 0.2, 7);
        DataSplit s2 = DataSplit.random(100, 0.2, 7);
        assertEquals(s1, s2);
        assertEquals(20, s1.train().length);
        assertEquals(80, s1.test().length);
        boolean[] seen = new boolean[100];
        for (int i : s1.train()) {
            seen[i] = true;
        }
        for (int i : s1.test()) {
            assertTrue(!seen[i]);
            seen[i] = true;
        }
        for (boolean b : seen) {
            assertTrue(b);
        }
        assertTrue(!s1.equals(DataSplit.random(100, 0.2, 8)));
    }

    @Test
    void stratifiedSplitKeepsProportionsPerType() {
        List<Configuration> data = typed(30, 10);
        DataSplit s = DataSplit.stratified(data, 0.5, 1);
        long bulk = s.train(data).stream().filter(c -> c.configType().equals("bulk")).count();
        assertEquals(15, bulk);
        assertEquals(20, s.train().length);
        int[] folds = DataSplit.stratifiedFolds(data, 5, 3);
        for (int f = 0; f < 5; f++) {
            int nb = 0, ns = 0;
            for (int i = 0; i < folds.length; i++) {
                if (folds[i] == f) {
                    if (i < 30) {
                        nb++;
                    } else {
                        ns++;
                    }
                }
            }
            assertEquals(6, nb, "bulk in fold " + f);
            assertEquals(2, ns, "surface in fold " + f);
        }
    }

    @Test
    void indexFileIsZeroBasedAndErrorsNameTheLine(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("idx.txt");
        Files.writeString(f, "# training set\n0\n3, 5\n  9 12\n");
        int[] idx = DataSplit.readIndices(f);
        assertArrayEquals(new int[] {0, 3, 5, 9, 12}, idx);
        DataSplit s = DataSplit.fromIndices(idx, 10, true);
        assertArrayEquals(new int[] {0, 3, 5, 9}, s.train());
        assertArrayEquals(new int[] {1, 2, 4, 6, 7, 8}, s.test());
        assertArrayEquals(new int[] {12}, DataSplit.beyond(idx, 10));
        assertArrayEquals(new int[] {14, 10}, DataSplit.beyond(new int[] {14, 3, 10, 14, -1, 9}, 10)); // file order, once each
        assertArrayEquals(new int[0], DataSplit.beyond(idx, 13));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSplit.fromIndices(idx, 10, false));
        assertTrue(e.getMessage().contains("12") && e.getMessage().contains("0-based"), e.getMessage());
        Files.writeString(f, "1\n2\nx3\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> DataSplit.readIndices(f));
        assertTrue(bad.getMessage().contains("line 3") && bad.getMessage().contains("x3"), bad.getMessage());
    }

    @Test
    void metricsAreRmseAndMaeInTheStatedUnits() {
        Structure s = RandomStructures.periodic(new Random(1), 4, 6, 2, "W");
        double[] ref = new double[12];
        double[] pred = new double[12];
        pred[0] = 0.3;
        pred[4] = -0.4;
        Configuration a = new Configuration(s, -40.0, ref, null, "x", "a", null);
        Configuration b = new Configuration(s, -40.0, null, null, "y", "b", null);
        Metrics m = Metrics.of(List.of(a, b), List.of(new Evaluation(-39.96, null, pred, null),
                new Evaluation(-40.08, null, null, null)));
        // energy errors per atom: +0.01 and −0.02 eV/atom
        assertEquals(1000 * Math.sqrt((0.01 * 0.01 + 0.02 * 0.02) / 2), m.energy().rmse(), 1e-9);
        assertEquals(1000 * 0.015, m.energy().mae(), 1e-9);
        assertEquals(Math.sqrt((0.09 + 0.16) / 12), m.forces().rmse(), 1e-12);
        assertEquals(0.7 / 12, m.forces().mae(), 1e-12);
        assertEquals(12, m.forces().count());
        assertEquals(10.0, m.energyByType().get("x").rmse(), 1e-9);
        assertEquals(20.0, m.energyByType().get("y").rmse(), 1e-9);
        assertTrue(!m.forcesByType().containsKey("y"));
    }
}

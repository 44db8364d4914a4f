package org.uf3j.fit.gamma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Quotas by hand-worked largest-remainder splits, with caps handing their rest on. */
class StratumQuotaTest {
    @Test
    void largestRemainderSplitOfTheW14TrainingPool() {
        // the W-14 training split's config_type counts would be here; a 5-type pool of 1,000:
        // 640, 206, 100, 40, 14 of 100 picks -> exact 64.0, 20.6, 10.0, 4.0, 1.4 -> 64, 21, 10, 4, 1
        assertArrayEquals(new int[] {64, 21, 10, 4, 1},
                StratumQuota.apportion(new double[] {640, 206, 100, 40, 14}, 100, new int[] {500, 500, 500, 500, 500}));
        // ties of remainder go to the lower stratum: 1/3 each of 100 -> 34, 33, 33
        assertArrayEquals(new int[] {34, 33, 33}, StratumQuota.apportion(new double[] {1, 1, 1}, 100, new int[] {99, 99, 99}));
    }

    @Test
    void aCappedStratumHandsItsRestToTheOthersByShare() {
        // 60/30/10 of 100 with the first capped at 20: 40 left over go 3:1 -> 20, 60, 20
        assertArrayEquals(new int[] {20, 60, 20}, StratumQuota.apportion(new double[] {60, 30, 10}, 100, new int[] {20, 200, 200}));
        // fewer candidates than picks: everything available
        assertArrayEquals(new int[] {2, 0, 5}, StratumQuota.apportion(new double[] {1, 1, 1}, 100, new int[] {2, 0, 5}));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StratumQuota.apportion(new double[] {1, 2}, 3, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> StratumQuota.apportion(new double[] {-1, 2}, 3, new int[] {5, 5}));
    }
}

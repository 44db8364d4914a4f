package org.uf3j.bench.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;

/** The helpers of W14GammaSeparation against values worked out by hand. */
class GammaSeparationHelpersTest {
    private static Configuration bcc(double a) {
        return Configuration.of(new Structure(new String[] {"W", "W"}, new double[] {0, 0, 0, a / 2, a / 2, a / 2},
                Cell.orthorhombic(a, a, a)));
    }

    @Test
    void bccShellsAreEightFirstAndSixSecondNeighbours() {
        double a = 3.165;
        double[] d = NeighbourShells.of(List.of(bcc(a)))[0];
        assertEquals(2 * NeighbourShells.K, d.length);
        for (int k = 0; k < NeighbourShells.K; k++) {
            assertEquals(k < 8 ? a * Math.sqrt(3) / 2 : a, d[k], 1e-12);
            assertEquals(d[k], d[NeighbourShells.K + k], 1e-12);
        }
    }

    @Test
    void nearestEnvironmentOfAnExpandedCrystalIsItsShellShift() {
        double[][] shells = NeighbourShells.of(List.of(bcc(3.165), bcc(3.40)));
        double[] ref = new double[shells[0].length + shells[1].length];
        System.arraycopy(shells[0], 0, ref, 0, shells[0].length);
        System.arraycopy(shells[1], 0, ref, shells[0].length, shells[1].length);
        double[] q = NeighbourShells.of(List.of(bcc(3.20)))[0];
        double[] near = NeighbourShells.nearest(q, ref);
        // nearest is a = 3.165: every first-shell distance off by 0.035 √3/2, every second by 0.035
        double expected = Math.sqrt((8 * Math.pow(0.035 * Math.sqrt(3) / 2, 2) + 6 * Math.pow(0.035, 2)) / 14);
        assertEquals(expected, near[0], 1e-12);
    }

    @Test
    void statsCountConfigurationsAndAtomsAboveOne() {
        GradeStats s = GradeStats.of(List.of(new double[] {0.5, 1.5}, new double[] {0.2, 0.3}, new double[] {Double.POSITIVE_INFINITY, 0.1},
                new double[] {1.0000001, 0.9}));
        assertEquals(4, s.configurations());
        assertEquals(8, s.atoms());
        assertEquals(0.5, s.configFraction(), 0); // 1.0000001 is within the maxvol tolerance 1e-6
        assertEquals(0.25, s.atomFraction(), 0);
        assertEquals(1, s.infinite());
        assertEquals(1.5, s.medianMax(), 0); // sorted max: 0.3, 1.0000001, 1.5, inf; nearest rank at 0.5 -> index 2
    }
}

package org.uf3j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;

class SlabBuilderTest {

    /** Layers per repeat a·[uvw] of the normal, and n with interlayer spacing d = a/sqrt(n) (textbook values). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "BCC, S100, 2, 4", "BCC, S110, 2, 2", "BCC, S111, 6, 12",
        "FCC, S100, 2, 4", "FCC, S110, 4, 8", "FCC, S111, 3, 3"})
    void orientedBoxesHaveTheRightLayersSpacingsAndNeighbours(CubicLattice lattice, SurfaceOrientation o, int layers,
                                                               int n) {
        double a = 3.2;
        double spacing = 1 / Math.sqrt(n);
        assertEquals(layers, SlabBuilder.layersPerRepeat(lattice, o));
        Structure bulk = SlabBuilder.orientedBulk("W", lattice, a, o, 2);
        List<Double> z = SlabBuilder.layerHeights(bulk, 1e-6);
        assertEquals(2 * layers, z.size());
        for (int i = 1; i < z.size(); i++) {
            assertEquals(spacing * a, z.get(i) - z.get(i - 1), 1e-9, "interlayer spacing");
        }
        // the box is a true supercell: 12 (fcc) or 8 (bcc) nearest neighbours at r_nn for every atom
        double rnn = lattice.nearestNeighbourDistance(a);
        NeighborList nl = NeighborList.build(bulk, rnn + 0.01);
        int coordination = lattice == CubicLattice.FCC ? 12 : 8;
        for (int i = 0; i < bulk.size(); i++) {
            assertEquals(coordination, nl.end(i) - nl.start(i), "coordination of atom " + i);
            for (int e = nl.start(i); e < nl.end(i); e++) {
                assertEquals(rnn, nl.distance(e), 1e-9);
            }
        }
        // atoms per layer × layers = atoms; area matches the in-plane cell
        Structure slab = SlabBuilder.slab(bulk, 14.0);
        assertEquals(bulk.size(), slab.size());
        assertEquals(bulk.cell().vector(2, 2) + 14.0, slab.cell().vector(2, 2), 1e-12);
        double area = SlabBuilder.area(slab);
        assertEquals(a * a * o.axisLength(0) * o.axisLength(1), area, 1e-9);
        double perLayer = area * spacing * a / lattice.volumePerAtom(a);
        assertEquals(perLayer * 2 * layers, slab.size(), 1e-6);
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < slab.size(); i++) {
            lowest = Math.min(lowest, slab.x(i, 2));
        }
        assertEquals(7.0, lowest, 1e-9, "slab centred in the vacuum");
    }

    @ParameterizedTest
    @CsvSource({"DIAMOND, S100", "DIAMOND, S110", "DIAMOND, S111", "SC, S111"})
    void otherCubicLatticesFillTheirBoxes(CubicLattice lattice, SurfaceOrientation o) {
        Structure bulk = SlabBuilder.orientedBulk("Si", lattice, 5.43, o, 1);
        double v = bulk.cell().volume();
        assertEquals(Math.round(v / lattice.volumePerAtom(5.43)), bulk.size());
        assertTrue(bulk.size() > 0);
    }
}

package org.uf3j.properties;

import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.units.MetalUnits;

/**
 * Surface energy γ = (E_slab − N·E_bulk)/(2A) of a low-index surface of a cubic crystal, from a
 * periodic slab with a vacuum gap (two free surfaces of area A each), unrelaxed and with the atoms
 * relaxed at fixed cell. E_bulk is the energy per atom of the same oriented box without vacuum.
 */
public final class SurfaceEnergy {
    private SurfaceEnergy() {
    }

    /**
     * One surface: orientation, atomic layers and atoms in the slab, surface area A (Å²), slab
     * thickness (outermost layer to outermost layer, Å), vacuum gap (Å), bulk energy per atom (eV),
     * γ unrelaxed and relaxed (eV/Å², relaxed NaN when not relaxed), relaxation steps, convergence.
     */
    public record Result(SurfaceOrientation orientation, int layers, int atoms, double area, double thickness,
                         double vacuum, double bulkEnergyPerAtom, double unrelaxed, double relaxed, int relaxSteps,
                         boolean converged) {
        /** Unrelaxed γ in J/m². */
        public double unrelaxedJm2() {
            return unrelaxed * MetalUnits.J_PER_M2_PER_EV_PER_A2;
        }

        /** Relaxed γ in J/m². */
        public double relaxedJm2() {
            return relaxed * MetalUnits.J_PER_M2_PER_EV_PER_A2;
        }

        /** The relaxed γ when computed, else the unrelaxed one (eV/Å²). */
        public double best() {
            return Double.isNaN(relaxed) ? unrelaxed : relaxed;
        }
    }

    /**
     * Builds the slab (at least {@code minLayers} layers and {@code minThickness} Å thick, so the two
     * surfaces do not interact through it) with {@code vacuum} Å of vacuum and computes γ.
     *
     * @param relaxer null for the unrelaxed γ only
     */
    public static Result compute(Evaluator evaluator, String element, CubicLattice lattice, double a0,
                                 SurfaceOrientation orientation, int minLayers, double minThickness, double vacuum,
                                 Relaxer relaxer) {
        int perRepeat = SlabBuilder.layersPerRepeat(lattice, orientation);
        double repeatLength = a0 * orientation.axisLength(2);
        int repeats = Math.max(1, (int) Math.ceil((double) minLayers / perRepeat));
        while (repeats * repeatLength * (perRepeat - 1.0) / perRepeat < minThickness) {
            repeats++;
        }
        Structure bulk = SlabBuilder.orientedBulk(element, lattice, a0, orientation, repeats);
        Structure slab = SlabBuilder.slab(bulk, vacuum);
        int n = bulk.size();
        double eBulk = evaluator.evaluate(bulk).energy() / n;
        double area = SlabBuilder.area(slab);
        double unrelaxed = (evaluator.evaluate(slab).energy() - n * eBulk) / (2 * area);
        double thickness = repeats * repeatLength * (perRepeat - 1.0) / perRepeat;
        int layers = repeats * perRepeat;
        if (relaxer == null) {
            return new Result(orientation, layers, n, area, thickness, vacuum, eBulk, unrelaxed, Double.NaN, 0, false);
        }
        RelaxResult r = relaxer.relaxPositions(slab);
        double relaxed = (r.energy() - n * eBulk) / (2 * area);
        return new Result(orientation, layers, n, area, thickness, vacuum, eBulk, unrelaxed, relaxed, r.steps(),
                r.converged());
    }
}

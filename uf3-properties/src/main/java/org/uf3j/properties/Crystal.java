package org.uf3j.properties;

import java.util.List;
import org.uf3j.core.structure.Structure;

/**
 * A cubic structure filled with elements: one element for sc, bcc, fcc and diamond, two (in
 * sublattice order) for zincblende. The property calculators build their cells from it, so one code
 * path serves elements and compounds.
 *
 * @param lattice the cubic structure
 * @param species one element per sublattice ({@link CubicLattice#speciesCount()} of them)
 */
public record Crystal(CubicLattice lattice, List<String> species) {

    public Crystal {
        species = List.copyOf(species);
        if (species.size() != lattice.speciesCount()) {
            throw new IllegalArgumentException(lattice.label() + " needs " + lattice.speciesCount()
                    + (lattice.speciesCount() == 1 ? " element" : " elements (one per sublattice)") + ", got "
                    + species.size() + " " + species);
        }
    }

    /** One element in a one-species structure. */
    public static Crystal of(CubicLattice lattice, String element) {
        return new Crystal(lattice, List.of(element));
    }

    /** Whether the crystal holds more than one element. */
    public boolean isCompound() {
        return species.size() > 1 && !species.get(0).equals(species.get(1));
    }

    /** The elements run together, e.g. "W" or "InP". */
    public String formula() {
        return String.join("", species);
    }

    /** E.g. "bcc W" or "zincblende InP". */
    public String label() {
        return lattice.label() + " " + formula();
    }

    /** The conventional cube of side a. */
    public Structure conventional(double a) {
        return lattice.conventional(species, a);
    }

    /** The primitive cell of lattice constant a. */
    public Structure primitive(double a) {
        return lattice.primitive(species, a);
    }

    /** Volume per atom at lattice constant a (Å³). */
    public double volumePerAtom(double a) {
        return lattice.volumePerAtom(a);
    }
}

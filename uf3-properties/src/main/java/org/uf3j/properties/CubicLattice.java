package org.uf3j.properties;

import java.util.Locale;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Structure;

/** The cubic crystal structures whose properties this package computes, with their conventional and primitive cells. */
public enum CubicLattice {
    /** Simple cubic: one atom per cube. */
    SC(new double[][] {{0, 0, 0}}),
    /** Body-centred cubic: two atoms per cube. */
    BCC(new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}}),
    /** Face-centred cubic: four atoms per cube. */
    FCC(new double[][] {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}}),
    /** Diamond: fcc with a two-atom basis, eight atoms per cube (not a Bravais lattice). */
    DIAMOND(new double[][] {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0},
        {0.25, 0.25, 0.25}, {0.25, 0.75, 0.75}, {0.75, 0.25, 0.75}, {0.75, 0.75, 0.25}}),
    /**
     * Zincblende (sphalerite, e.g. InP, GaAs): the diamond sites with two species, the first on the fcc
     * sublattice at the origin (sites 0-3), the second on the one shifted by (¼,¼,¼) (sites 4-7).
     */
    ZINCBLENDE(DIAMOND.basis);

    private final double[][] basis;

    CubicLattice(double[][] basis) {
        this.basis = basis;
    }

    /**
     * Parses "bcc", "fcc", "diamond", "zincblende" or "sc" (case-insensitive; "sc" also as
     * "simple_cubic", zincblende also as "zinc_blende", "zb" or "sphalerite").
     */
    public static CubicLattice parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (n) {
            case "sc", "simple_cubic", "simplecubic" -> SC;
            case "bcc" -> BCC;
            case "fcc" -> FCC;
            case "diamond", "dia" -> DIAMOND;
            case "zincblende", "zinc_blende", "zb", "sphalerite" -> ZINCBLENDE;
            default -> throw new IllegalArgumentException("unknown cubic structure '" + name
                    + "' (expected bcc, fcc, diamond, zincblende or sc)");
        };
    }

    /** Lower-case name, e.g. "bcc". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Number of species the structure holds: 2 for zincblende, 1 for the others. */
    public int speciesCount() {
        return this == ZINCBLENDE ? 2 : 1;
    }

    /** The species index (0 or 1) of site {@code site} of the conventional cube. */
    public int sublattice(int site) {
        return this == ZINCBLENDE && site >= 4 ? 1 : 0;
    }

    /** Atoms in the conventional cube. */
    public int atomsPerCell() {
        return basis.length;
    }

    /** Fractional coordinates of the atoms of the conventional cube (a copy). */
    public double[][] basis() {
        double[][] b = new double[basis.length][];
        for (int i = 0; i < b.length; i++) {
            b[i] = basis[i].clone();
        }
        return b;
    }

    /** Whether every atom is a lattice point (one atom per primitive cell): true except for diamond and zincblende. */
    public boolean isBravais() {
        return this != DIAMOND && this != ZINCBLENDE;
    }

    /** Volume per atom, a³ / atoms per cube. */
    public double volumePerAtom(double a) {
        return a * a * a / basis.length;
    }

    /** Nearest-neighbour distance at lattice constant a. */
    public double nearestNeighbourDistance(double a) {
        return switch (this) {
            case SC -> a;
            case BCC -> a * Math.sqrt(3) / 2;
            case FCC -> a / Math.sqrt(2);
            case DIAMOND, ZINCBLENDE -> a * Math.sqrt(3) / 4;
        };
    }

    /** Lattice constant with the given nearest-neighbour distance. */
    public double latticeConstantForNearestNeighbour(double d) {
        return d * a1OverD();
    }

    private double a1OverD() {
        return 1.0 / nearestNeighbourDistance(1.0);
    }

    /** The conventional cube of side a, all atoms of one element, periodic in all directions. */
    public Structure conventional(String element, double a) {
        return conventional(java.util.List.of(element), a);
    }

    /**
     * The conventional cube of side a with one element per species ({@link #speciesCount()} of them,
     * in sublattice order), periodic in all directions.
     */
    public Structure conventional(java.util.List<String> species, double a) {
        requireSpecies(species);
        int n = basis.length;
        String[] sym = new String[n];
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            sym[i] = species.get(sublattice(i));
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = basis[i][k] * a;
            }
        }
        return new Structure(sym, x, Cell.orthorhombic(a, a, a));
    }

    /**
     * Primitive lattice vectors (rows, Å): sc a·(100); bcc (a/2)(−111), (1−11), (11−1); fcc and
     * diamond (a/2)(011), (101), (110).
     */
    public double[] primitiveVectors(double a) {
        double h = a / 2;
        return switch (this) {
            case SC -> new double[] {a, 0, 0, 0, a, 0, 0, 0, a};
            case BCC -> new double[] {-h, h, h, h, -h, h, h, h, -h};
            case FCC, DIAMOND, ZINCBLENDE -> new double[] {0, h, h, h, 0, h, h, h, 0};
        };
    }

    /** The primitive cell: one atom (two for diamond, the second at (a/4)(111)). */
    public Structure primitive(String element, double a) {
        return primitive(java.util.List.of(element), a);
    }

    /** The primitive cell with one element per species (zincblende: the second species at (a/4)(111)). */
    public Structure primitive(java.util.List<String> species, double a) {
        requireSpecies(species);
        Cell cell = new Cell(primitiveVectors(a), new boolean[] {true, true, true});
        if (!isBravais()) {
            double q = a / 4;
            return new Structure(new String[] {species.get(0), species.get(sublattice(4))},
                    new double[] {0, 0, 0, q, q, q}, cell);
        }
        return new Structure(new String[] {species.get(0)}, new double[] {0, 0, 0}, cell);
    }

    private void requireSpecies(java.util.List<String> species) {
        if (species.size() != speciesCount()) {
            throw new IllegalArgumentException(label() + " needs " + speciesCount() + " species, got "
                    + species.size() + " " + species);
        }
    }
}

package org.uf3j.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.model.Elements;
import org.uf3j.core.structure.Structure;

/**
 * Phonon dispersion of a monatomic cubic Bravais crystal (bcc, fcc, sc) from finite-displacement
 * force constants ({@link ForceConstants}) in an n×n×n supercell of the conventional cube: the
 * eigenvalues λ of the real symmetric 3×3 dynamical matrix D(q) give f = sqrt(λ)/(2π) in THz
 * (negative numbers for imaginary, unstable modes), along the standard high-symmetry path.
 */
public final class PhononDispersion {
    private final CubicLattice lattice;
    private final double a;
    private final double mass;
    private final int supercell;
    private final ForceConstants forceConstants;

    private PhononDispersion(CubicLattice lattice, double a, double mass, int supercell, ForceConstants fc) {
        this.lattice = lattice;
        this.a = a;
        this.mass = mass;
        this.supercell = supercell;
        this.forceConstants = fc;
    }

    /**
     * Computes the force constants.
     *
     * @param supercell    repeats of the conventional cube (see {@link #supercellFor})
     * @param displacement finite displacement in Å (0.01 is usual)
     */
    public static PhononDispersion compute(Evaluator evaluator, String element, CubicLattice lattice, double a,
                                           int supercell, double displacement) {
        if (!lattice.isBravais()) {
            throw new IllegalArgumentException("phonons here need one atom per primitive cell; " + lattice.label()
                    + " has " + lattice.primitive(element, a).size());
        }
        if (supercell < 1) {
            throw new IllegalArgumentException("supercell repeat must be >= 1, got " + supercell);
        }
        Structure sc = lattice.conventional(element, a).supercell(supercell, supercell, supercell);
        ForceConstants fc = ForceConstants.compute(evaluator, sc, displacement);
        return new PhononDispersion(lattice, a, Elements.mass(element), supercell, fc);
    }

    /** Smallest cube repeat n (≥ 2) with n·a &gt; 2 × the force-constant range, so no force constant is folded. */
    public static int supercellFor(double a, double forceConstantRange) {
        return Math.max(2, (int) Math.floor(2 * forceConstantRange / a) + 1);
    }

    public ForceConstants forceConstants() {
        return forceConstants;
    }

    public int supercell() {
        return supercell;
    }

    public double mass() {
        return mass;
    }

    public double latticeConstant() {
        return a;
    }

    /** Eigenvalues of D(q), ascending, eV/(Å² amu); q Cartesian in 1/Å (2π included). */
    public double[] eigenvalues(double[] q) {
        DMatrixRMaj d = new DMatrixRMaj(3, 3, true, forceConstants.dynamicalMatrix(q, mass));
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(3, false, true);
        if (!eig.decompose(d)) {
            throw new IllegalStateException("eigen-decomposition of the dynamical matrix failed at q = "
                    + java.util.Arrays.toString(q));
        }
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            l[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(l);
        return l;
    }

    /** The three frequencies at q (Cartesian, 1/Å), THz, ascending; negative = imaginary. */
    public double[] frequencies(double[] q) {
        double[] l = eigenvalues(q);
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) {
            f[i] = Units.frequencyThz(l[i]);
        }
        return f;
    }

    /** Frequencies at a point given in units of 2π/a. */
    public double[] frequencies(BrillouinPath.Point p) {
        return frequencies(p.cartesian(a));
    }

    /** The dispersion along the standard path of the lattice. */
    public Table standardPath(int pointsPerSegment) {
        return along(BrillouinPath.standard(lattice), pointsPerSegment);
    }

    /**
     * The dispersion along straight segments between consecutive points, {@code pointsPerSegment}
     * intervals each (so segment ends appear once, labelled).
     */
    public Table along(List<BrillouinPath.Point> points, int pointsPerSegment) {
        if (points.size() < 2 || pointsPerSegment < 1) {
            throw new IllegalArgumentException("a path needs at least 2 points and 1 interval per segment");
        }
        List<Row> rows = new ArrayList<>();
        double distance = 0;
        double[] previous = null;
        for (int s = 0; s + 1 < points.size(); s++) {
            double[] q0 = points.get(s).cartesian(a);
            double[] q1 = points.get(s + 1).cartesian(a);
            for (int i = s == 0 ? 0 : 1; i <= pointsPerSegment; i++) {
                double t = (double) i / pointsPerSegment;
                double[] q = {q0[0] + t * (q1[0] - q0[0]), q0[1] + t * (q1[1] - q0[1]), q0[2] + t * (q1[2] - q0[2])};
                if (previous != null) {
                    distance += Math.sqrt(sq(q[0] - previous[0]) + sq(q[1] - previous[1]) + sq(q[2] - previous[2]));
                }
                String label = i == 0 ? points.get(s).label() : i == pointsPerSegment ? points.get(s + 1).label() : "";
                rows.add(new Row(distance, label, q, frequencies(q)));
                previous = q;
            }
        }
        return new Table(lattice, a, rows);
    }

    private static double sq(double v) {
        return v * v;
    }

    /** One q-point of a dispersion: path distance (1/Å), label ("" between special points), q (1/Å), 3 frequencies (THz). */
    public record Row(double distance, String label, double[] q, double[] frequencies) {
    }

    /** A dispersion table (rows along the path) with tab-separated and map forms. */
    public record Table(CubicLattice lattice, double latticeConstant, List<Row> rows) {
        public Table {
            rows = List.copyOf(rows);
        }

        /** Header plus one line per q: distance, label, qx, qy, qz (1/Å), f1, f2, f3 (THz). */
        public String toTsv() {
            StringBuilder sb = new StringBuilder("distance_inv_A\tlabel\tqx\tqy\tqz\tf1_THz\tf2_THz\tf3_THz\n");
            for (Row r : rows) {
                sb.append(String.format(Locale.ROOT, "%.6f\t%s\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f%n", r.distance(),
                        r.label(), r.q()[0], r.q()[1], r.q()[2], r.frequencies()[0], r.frequencies()[1],
                        r.frequencies()[2]));
            }
            return sb.toString();
        }

        /** Largest |frequency| on the path, THz. */
        public double maxFrequency() {
            double m = 0;
            for (Row r : rows) {
                for (double f : r.frequencies()) {
                    m = Math.max(m, Math.abs(f));
                }
            }
            return m;
        }

        /** Most negative frequency (imaginary mode) on the path, or 0 when the crystal is stable there. */
        public double minFrequency() {
            double m = 0;
            for (Row r : rows) {
                m = Math.min(m, r.frequencies()[0]);
            }
            return m;
        }

        /** The rows as maps (JSON-friendly): distance, label, q, frequencies. */
        public List<Map<String, Object>> toMaps() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("distance", r.distance());
                m.put("label", r.label());
                m.put("q", List.of(r.q()[0], r.q()[1], r.q()[2]));
                m.put("frequencies_THz", List.of(r.frequencies()[0], r.frequencies()[1], r.frequencies()[2]));
                out.add(m);
            }
            return out;
        }
    }
}

package org.uf3j.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;

/**
 * Reference Lennard-Jones pair potential with value, slope and curvature shifted to 0 at the
 * cutoff: S(r) = LJ(r) − LJ(rc) − (r−rc) LJ′(rc) − ½ (r−rc)² LJ″(rc), E = Σ_{i<j} S(r_ij).
 * Labels test data; independent of the UF3 code.
 */
public final class LennardJones {
    private final double epsilon;
    private final double sigma;
    private final double cutoff;
    private final double v0;
    private final double d0;
    private final double c0;

    /** LJ with well depth epsilon (eV), size sigma (Å), shifted to zero value, slope and curvature at cutoff (Å). */
    public LennardJones(double epsilon, double sigma, double cutoff) {
        this.epsilon = epsilon;
        this.sigma = sigma;
        this.cutoff = cutoff;
        this.v0 = lj(cutoff);
        this.d0 = dlj(cutoff);
        this.c0 = d2lj(cutoff);
    }

    /** Well depth ε (eV). */
    public double epsilon() {
        return epsilon;
    }

    /** Size σ (Å). */
    public double sigma() {
        return sigma;
    }

    /** Cutoff (Å). */
    public double cutoff() {
        return cutoff;
    }

    private double lj(double r) {
        double s6 = Math.pow(sigma / r, 6);
        return 4 * epsilon * (s6 * s6 - s6);
    }

    private double dlj(double r) {
        double s6 = Math.pow(sigma / r, 6);
        return 4 * epsilon * (-12 * s6 * s6 + 6 * s6) / r;
    }

    private double d2lj(double r) {
        double s6 = Math.pow(sigma / r, 6);
        return 4 * epsilon * (156 * s6 * s6 - 42 * s6) / (r * r);
    }

    /** S(r) in eV, 0 at and beyond the cutoff. */
    public double value(double r) {
        if (r >= cutoff) {
            return 0;
        }
        double x = r - cutoff;
        return lj(r) - v0 - x * d0 - 0.5 * x * x * c0;
    }

    /** S'(r) in eV/Å. */
    public double slope(double r) {
        if (r >= cutoff) {
            return 0;
        }
        return dlj(r) - d0 - (r - cutoff) * c0;
    }

    /** A configuration labelled with this potential's energy and forces. */
    public Configuration label(Structure s, String type, String source) {
        NeighborList nl = NeighborList.build(s, cutoff);
        double e = 0;
        double[] f = new double[3 * s.size()];
        for (int i = 0; i < s.size(); i++) {
            for (int q = nl.start(i); q < nl.end(i); q++) {
                double r = nl.distance(q);
                e += 0.5 * value(r);
                double g = slope(r) / r;
                for (int k = 0; k < 3; k++) {
                    f[3 * i + k] += g * nl.vector(q, k);
                }
            }
        }
        return new Configuration(s, e, f, null, type, source, null);
    }

    /** Rattled fcc/bcc/sc crystals at several densities, and random dense cells. */
    public List<Configuration> dataset(Random rnd, int count, double dMin) {
        List<Configuration> out = new ArrayList<>();
        String[] lattices = {"fcc", "bcc", "sc", "random"};
        for (int q = 0; q < count; q++) {
            String lat = lattices[q % lattices.length];
            double nn = sigma * (1.0 + 0.22 * rnd.nextDouble()); // nearest-neighbour distance
            Structure s;
            switch (lat) {
                case "fcc" -> s = RandomStructures.cubic("fcc", nn * Math.sqrt(2), "Ar").supercell(2, 2, 2);
                case "bcc" -> s = RandomStructures.cubic("bcc", nn * 2 / Math.sqrt(3), "Ar").supercell(3, 3, 3);
                case "sc" -> s = RandomStructures.cubic("sc", nn, "Ar").supercell(3, 3, 3);
                default -> s = RandomStructures.periodic(rnd, 16, 3 * nn, nn * 0.9, "Ar");
            }
            if (!lat.equals("random")) {
                s = RandomStructures.rattle(rnd, s, 0.04 * sigma);
            }
            Configuration c = label(s, lat, "lj-" + lat + "-" + q);
            if (minDistance(s) >= dMin) {
                out.add(c);
            } else {
                q--;
            }
        }
        return out;
    }

    /** The shortest interatomic distance (periodic images included, up to 20 Å). */
    public static double minDistance(Structure s) {
        NeighborList nl = NeighborList.build(s, 20);
        double m = Double.POSITIVE_INFINITY;
        for (int e = 0; e < nl.size(); e++) {
            m = Math.min(m, nl.distance(e));
        }
        return m;
    }
}

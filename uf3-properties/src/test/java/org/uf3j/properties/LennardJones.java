package org.uf3j.properties;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.uf3j.core.basis.CubicBSpline;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.Uf3Model;

/**
 * Test fixture: a Lennard-Jones pair potential φ(r) = 4ε[(σ/r)^12 − (σ/r)^6] multiplied by a quintic
 * switch S that takes it smoothly (value, slope and curvature) from φ at r1 to 0 at rc, and its UF2
 * B-spline representation (V2 = φ/2 because the UF3 pair sum runs over ordered pairs).
 */
final class LennardJones {
    /** A pair potential φ(r) → {φ, φ', φ''}. */
    interface PairFunction {
        double[] at(double r);
    }

    final double epsilon;
    final double sigma;
    final double r1;
    final double rc;

    LennardJones(double epsilon, double sigma, double r1, double rc) {
        this.epsilon = epsilon;
        this.sigma = sigma;
        this.r1 = r1;
        this.rc = rc;
    }

    /** Halicioglu–Pound copper-like LJ (ε = 0.4093 eV, σ = 2.338 Å) switched off between 2.0σ and 2.5σ. */
    static LennardJones copper() {
        return new LennardJones(0.4093, 2.338, 2.0 * 2.338, 2.5 * 2.338);
    }

    /** The same LJ switched off between 1.25σ and 1.45σ: only nearest neighbours of fcc interact. */
    static LennardJones copperNearestNeighbour() {
        return new LennardJones(0.4093, 2.338, 1.25 * 2.338, 1.45 * 2.338);
    }

    /** {φ, φ', φ''} of the switched potential. */
    double[] phi(double r) {
        if (r >= rc) {
            return new double[] {0, 0, 0};
        }
        double s6 = Math.pow(sigma / r, 6);
        double s12 = s6 * s6;
        double v = 4 * epsilon * (s12 - s6);
        double dv = 4 * epsilon * (-12 * s12 + 6 * s6) / r;
        double d2v = 4 * epsilon * (156 * s12 - 42 * s6) / (r * r);
        if (r <= r1) {
            return new double[] {v, dv, d2v};
        }
        double w = rc - r1;
        double x = (r - r1) / w;
        double s = 1 - 10 * x * x * x + 15 * x * x * x * x - 6 * x * x * x * x * x;
        double ds = (-30 * x * x + 60 * x * x * x - 30 * x * x * x * x) / w;
        double d2s = (-60 * x + 180 * x * x - 120 * x * x * x) / (w * w);
        return new double[] {v * s, dv * s + v * ds, d2v * s + 2 * dv * ds + v * d2s};
    }

    /**
     * A UF2 model whose pair term is the least-squares cubic B-spline fit of φ/2 on uniform knots from
     * rMin to rc (the last three coefficients fixed at 0, as UF3 requires).
     */
    Uf3Model model(String element, double rMin, int intervals) {
        return Uf3Model.builder().pair(pairTerm(element, element, rMin, intervals)).build();
    }

    /** The pair term of {@link #model(String, double, int)} between elements a and b. */
    PairTerm pairTerm(String first, String second, double rMin, int intervals) {
        KnotSequence knots = KnotSequence.linear(rMin, rc, intervals);
        int nb = knots.basisCount();
        int free = nb - 3;
        DMatrixRMaj ata = new DMatrixRMaj(free, free);
        DMatrixRMaj atb = new DMatrixRMaj(free, 1);
        double[] work = new double[CubicBSpline.OUT_LENGTH];
        int samples = 12 * intervals;
        for (int i = 0; i <= samples; i++) {
            double r = rMin + (rc - rMin) * i / samples;
            int s = CubicBSpline.evaluate(knots, Math.min(r, rc), work);
            double y = phi(r)[0] / 2;
            for (int a = 0; a < 4; a++) {
                if (s + a >= free) {
                    continue;
                }
                atb.add(s + a, 0, work[a] * y);
                for (int b = 0; b < 4; b++) {
                    if (s + b < free) {
                        ata.add(s + a, s + b, work[a] * work[b]);
                    }
                }
            }
        }
        DMatrixRMaj c = new DMatrixRMaj(free, 1);
        if (!CommonOps_DDRM.solve(ata, atb, c)) {
            throw new IllegalStateException("spline fit failed");
        }
        double[] coef = new double[nb];
        for (int i = 0; i < free; i++) {
            coef[i] = c.get(i);
        }
        return new PairTerm(first, second, knots, coef);
    }

    /** The pair term on the default knots of {@link #model(String)}. */
    PairTerm pairTerm(String a, String b) {
        double rMin = 0.75 * sigma;
        return pairTerm(a, b, rMin, (int) Math.ceil((rc - rMin) / 0.01));
    }

    /** The default test model: knots from 0.75σ to rc every ~0.01 Å. */
    Uf3Model model(String element) {
        double rMin = 0.75 * sigma;
        return model(element, rMin, (int) Math.ceil((rc - rMin) / 0.01));
    }

    /** The spline's own φ = 2 V2 with its first and second derivatives: the model exactly, for tight checks. */
    static PairFunction splineOf(Uf3Model model) {
        PairTerm p = model.pairTerms().get(0);
        KnotSequence k = p.knots();
        double[] c = p.coefficients();
        return r -> {
            if (r >= k.max()) {
                return new double[] {0, 0, 0};
            }
            double[] w = new double[CubicBSpline.OUT_LENGTH];
            int s0 = CubicBSpline.evaluate(k, r, w);
            double[] out = new double[3];
            for (int a = 0; a < 4; a++) {
                out[0] += 2 * c[s0 + a] * w[a];
                out[1] += 2 * c[s0 + a] * w[4 + a];
                out[2] += 2 * c[s0 + a] * w[8 + a];
            }
            return out;
        };
    }

    /** Lattice sums of this potential. */
    LatticeSums sums() {
        return new LatticeSums(this::phi, rc);
    }
}

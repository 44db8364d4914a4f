package org.uf3j.core.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TripletContraction} with the JDK Vector API (module {@code jdk.incubator.vector}): the four
 * leg-b basis functions m0 .. m0 + 3 of a triplet are the four lanes of one 256-bit vector, so each
 * row of the tensor table is one vector load and each Horner step one fused multiply-add. The same
 * operations in the same order as {@link ScalarTripletContraction}, lane sums included, so the results
 * are identical. The l loop is a loop, not written out: C2 must inline the whole Vector API chain to
 * keep the vectors in registers, and the written-out form hit its inlining node limit (boxed vectors,
 * allocation per triplet). Until C2 has compiled it (1-3 s), the Vector API runs as objects, tens of
 * times slower than the scalar code; compiled, it allocates nothing.
 */
final class VectorTripletContraction implements TripletContraction {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private static final VectorMask<Double> ODD = VectorMask.fromLong(S, 0b1010);
    private static final VectorMask<Double> HIGH = VectorMask.fromLong(S, 0b1100);
    private static final VectorShuffle<Double> SWAP_PAIRS = VectorShuffle.fromValues(S, 1, 0, 3, 2);
    private static final VectorShuffle<Double> SWAP_HALVES = VectorShuffle.fromValues(S, 2, 3, 0, 1);

    /**
     * {Σ a, Σ b, Σ c, Σ d} over the lanes, each as (x0 + x1) + (x2 + x3) like the scalar contraction, by
     * a transpose (blends and lane permutations) instead of four sequential reductions.
     */
    private static DoubleVector sums(DoubleVector a, DoubleVector b, DoubleVector c, DoubleVector d) {
        // [a0 + a1, b0 + b1, a2 + a3, b2 + b3] and the same of c, d
        DoubleVector ab = a.blend(b, ODD).add(b.blend(a, ODD).rearrange(SWAP_PAIRS));
        DoubleVector cd = c.blend(d, ODD).add(d.blend(c, ODD).rearrange(SWAP_PAIRS));
        return ab.blend(cd, HIGH).add(cd.blend(ab, HIGH).rearrange(SWAP_HALVES));
    }

    /** Whether this JVM runs 256-bit double vectors in hardware (otherwise the Vector API is slow). */
    static boolean supported() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    @Override
    public void contract(int count, double[] tab, int nb, int[] row, double[] xs, double[] basis, int oa, int[] ob,
                         double[] out) {
        int ls = ROWS * nb;
        for (int p = 0; p < count; p++) {
            int o = row[p];
            DoubleVector x = DoubleVector.broadcast(S, xs[p]);
            DoubleVector vp = DoubleVector.zero(S), vq = vp, vr = vp;
            for (int l = 0; l < 4; l++, o += ls) {
                // h and h' by Horner's rule, the derivative alongside
                DoubleVector a3 = DoubleVector.fromArray(S, tab, o + 3 * nb);
                DoubleVector h = a3.fma(x, DoubleVector.fromArray(S, tab, o + 2 * nb));
                DoubleVector e = a3.fma(x, h);
                h = h.fma(x, DoubleVector.fromArray(S, tab, o + nb));
                e = e.fma(x, h);
                h = h.fma(x, DoubleVector.fromArray(S, tab, o));
                double bl = basis[oa + l], dl = basis[oa + 4 + l];
                vp = h.fma(DoubleVector.broadcast(S, bl), vp);
                vq = h.fma(DoubleVector.broadcast(S, dl), vq);
                vr = e.fma(DoubleVector.broadcast(S, bl), vr);
            }
            int b = ob[p];
            DoubleVector bb = DoubleVector.fromArray(S, basis, b), db = DoubleVector.fromArray(S, basis, b + 4);
            sums(vp.mul(bb), vq.mul(bb), vp.mul(db), vr.mul(bb)).intoArray(out, 4 * p);
        }
    }
}

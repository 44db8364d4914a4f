package org.uf3j.core.eval;

/**
 * The contraction of a run of triplets that share a centre, a first neighbour (slot a) and a term:
 * V3 and its three partial derivatives per triplet, from the term's tensor-spline table. Two
 * implementations of the same arithmetic: {@link ScalarTripletContraction} (any JVM) and
 * {@link VectorTripletContraction} (JDK Vector API, 4 lanes over the leg-b basis functions).
 *
 * <p>Table layout (see {@code JavaEvaluator.tensorTable}): for jk interval q, leg-a basis function l,
 * row p and leg-b basis function m the entry {@code ((q * na + l) * ROWS + p) * nb + m}; rows 0..3 hold
 * a0..a3 of the jk polynomial h_lm(x) = a0 + x (a1 + x (a2 + x a3)), rows 4 and 5 hold 2 a2 and 3 a3
 * (with row 1, h'_lm(x) = a1 + x (2 a2 + x 3 a3)).
 */
interface TripletContraction {
    /** Rows per (q, l) of the tensor table: a0, a1, a2, a3. */
    int ROWS = 4;

    /**
     * For p = 0 .. count − 1: the triplet whose tensor entries start at {@code row[p]} (the entry of
     * (q, l0, row 0, m0)), at x = {@code x[p]} in its jk interval, with the leg-a basis B_l, B'_l at
     * basis[oa .. oa + 7] and the leg-b basis at basis[ob[p] .. ob[p] + 7] (4 values, 4 derivatives).
     * Writes out[4p .. 4p + 3] = V3, dV3/dr_a, dV3/dr_b, dV3/dr_jk, with
     * V3 = Σ_lm B_l(r_a) B_m(r_b) h_lm(x).
     *
     * @param nb leg-b basis functions of the term (the stride between rows)
     */
    void contract(int count, double[] table, int nb, int[] row, double[] x, double[] basis, int oa, int[] ob,
                  double[] out);
}

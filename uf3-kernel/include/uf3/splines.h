// uf3/splines.h -- the spline tables a Potential is built from and the flat views the hot
// loops read: the 2-body spline (PairSpline, PairFast, pair_poly), the 3-body tensor spline
// (TripletSpline, TripFast), the basis of one neighbour leg (LegBasis) and the 4x4x4
// tensor contraction of one triplet (contract).
//
//   V2(r)           = sum_n c_n B_n(r)
//   V3(rij,rik,rjk) = sum_lmn c_lmn B_l(rij) B_m(rik) B_n(rjk)
#ifndef UF3_SPLINES_H
#define UF3_SPLINES_H

#include "uf3/knots.h"
#include "uf3/simd.h"

#include <cstddef>
#include <vector>

namespace uf3 {

// 2-body spline: per interval value cubic and derivative quadratic in x = r - left.
struct PairSpline {
  Knots knots;
  std::vector<double> tab;    // [q][8]: a0 a1 a2 a3 | a1 2a2 3a3 0
  std::vector<double> coeff;

  void eval(double r, int q, double &V, double &dV) const
  {
    const double x = r - knots.left(q);
    const double *a = &tab[static_cast<std::size_t>(q) * 8];
    V = a[0] + x * (a[1] + x * (a[2] + x * a[3]));
    dV = a[4] + x * (a[5] + x * a[6]);
  }
};

// 3-body tensor spline for one orientation (centre; leg ij -> element b, leg ik -> c).
struct TripletSpline {
  Knots kij, kik, kjk;
  int L = 0, M = 0, N = 0;
  std::vector<double> c;    // [l][m][n] row-major, L x M x N
  double cut_ij2 = 0, cut_ik2 = 0, cut_jk2 = 0, lo_jk2 = 0;
};

// Flat per-element-pair and per-element-triplet tables read by the hot loops.  The
// pointers refer to the spline objects owned (shared) by the Potential.
struct PairFast {
  LegView k;
  const double *tab = nullptr;    // null: no pair term
  double cut2 = 0.0, lo = 0.0;    // cut2 = 0 when not set
};
// V2(r) and dV2/dr from the per-interval cubic; requires lo <= r <= cutoff.
UF3_INLINE void pair_poly(const PairFast &P, double r, double &V, double &dV)
{
  const int q = locate(P.k, r);
  const double x = r - P.k.t[q + 3];
  const double *UF3_RESTRICT c = P.tab + 8 * static_cast<std::size_t>(q);
  V = c[0] + x * (c[1] + x * (c[2] + x * c[3]));
  dV = c[4] + x * (c[5] + x * c[6]);
}

struct TripFast {
  LegView ij, jk;                  // ik leg: the ij view of the swapped orientation
  const double *c = nullptr;       // null: no triplet term
  int M = 0, N = 0;
  double cut_ij2 = 0.0, lo_ij = 0.0, cut_jk2 = 0.0, lo_jk2 = 0.0;    // cuts 0 when not set
};

// Basis of one neighbour leg, evaluated once per (neighbour, partner element).
struct LegBasis {
  double B[4];
  double dB[4];
  int q;
  int state;    // 0: outside the leg's range (no term), 1: ok, 2: below the first knot
};

// Tensor contraction for one triplet: {V3, dV/drij, dV/drik, dV/drjk}.
UF3_INLINE v4d contract(const TripFast &T, const LegBasis &bj, const LegBasis &bk, int qn,
                        const double *UF3_RESTRICT Bn, const double *UF3_RESTRICT dBn)
{
  const std::size_t N = static_cast<std::size_t>(T.N);
  const std::size_t MN = static_cast<std::size_t>(T.M) * N;
  const double *UF3_RESTRICT base = T.c + (static_cast<std::size_t>(bj.q) * T.M + bk.q) * N + qn;
  // U_l[n] = sum_m c[l][m][n] Bik_m, dU_l[n] = sum_m c[l][m][n] dBik_m, then
  // P[n] = sum_l U_l[n] Bij_l, Pj[n] = sum_l U_l[n] dBij_l, Pk[n] = sum_l dU_l[n] Bij_l
  v4d P = zero4(), Pj = zero4(), Pk = zero4();
  for (int l = 0; l < 4; ++l) {
    const double *UF3_RESTRICT pl = base + l * MN;
    const v4d r0 = load4(pl), r1 = load4(pl + N), r2 = load4(pl + 2 * N), r3 = load4(pl + 3 * N);
    const v4d u = r0 * bk.B[0] + r1 * bk.B[1] + r2 * bk.B[2] + r3 * bk.B[3];
    const v4d du = r0 * bk.dB[0] + r1 * bk.dB[1] + r2 * bk.dB[2] + r3 * bk.dB[3];
    P += u * bj.B[l];
    Pj += u * bj.dB[l];
    Pk += du * bj.B[l];
  }
  const v4d bn = load4(Bn), dbn = load4(dBn);
  return hsum4(P * bn, Pj * bn, Pk * bn, P * dbn);
}

}    // namespace uf3

#endif

// uf3/pair_sweep.h -- the 2-body rule, written once: the pair terms of one centre atom
// with its listed neighbours.  Used by the LAMMPS plugin (uf3 2 on a half list, uf3 3 on
// the pairs each centre owns) and by Potential::compute (the JavaCPP binding, a full list).
//
// For each entry e (neighbour j, d = x_j - x_i, r = |d|), with the caller's weight w (1 when
// every pair is listed from both sides, 2 when each unordered pair is listed once):
//   energy          w V2(r)
//   force on j      F = s d with s = -w V2'(r) / r;  on the centre -F
//   virial          d (x) F  (xx yy zz xy xz yz)
//   per atom        half of the energy and half of the virial to each of i and j
// Each term goes to the caller's sink, which decides where j's share lands (LAMMPS
// arrays, a ghost buffer, a structure's outputs); the sums over the centre's terms come
// back in PairSums.
#ifndef UF3_PAIR_SWEEP_H
#define UF3_PAIR_SWEEP_H

#include "uf3/potential.h"

#include <cmath>

namespace uf3 {

// One 2-body term of a pair sweep, weight applied.
struct PairTerm {
  double energy;       // w V2(r)
  double s;            // force on the neighbour = s d, on the centre -s d
  double f[3];         // force on the neighbour, s d
  double e_half;       // PerAtom only: the energy share of each atom, energy / 2
  double v_half[6];    // PerAtom only: the virial share of each atom, (d (x) f) / 2
};

// Sums over the terms of one pair sweep.
struct PairSums {
  double energy = 0.0;
  double fi[3] = {0, 0, 0};                  // force on the centre
  double virial[6] = {0, 0, 0, 0, 0, 0};     // sum of d (x) F
};

// Neighbours: callable as nbr(e, dx, dy, dz, rsq, element) for e = 0..n-1, setting the
// displacement x_j - x_i of entry e, its square length and the neighbour's element index.
// Every entry must lie inside its pair's cutoff, rsq < pair_cutoff(ci, element)^2 (callers
// compact their neighbour lists first; this keeps the check out of the hot loop).
// Sink: callable as sink(e, const PairTerm &).  Returns 0; or 1 with err set (kind
// PAIR_TOO_CLOSE, a = e) at the first entry closer than the first knot of its spline, after
// the terms of the entries before it were handed to the sink.
template <bool PerAtom, class Neighbours, class Sink>
UF3_INLINE int Potential::pair_sweep(int ci, int n, const Neighbours &nbr, double w, PairSums &sums,
                                     EvalError &err, Sink &&sink) const
{
  double energy = 0.0, fxi = 0.0, fyi = 0.0, fzi = 0.0;
  double v0 = 0.0, v1 = 0.0, v2 = 0.0, v3 = 0.0, v4 = 0.0, v5 = 0.0;
  for (int e = 0; e < n; ++e) {
    double dx, dy, dz, rsq;
    int cj;
    nbr(e, dx, dy, dz, rsq, cj);
    const PairFast &P = pf_[pidx(ci, cj)];
    const double r = std::sqrt(rsq);
    if (!(r >= P.lo)) {
      set_err(err, EvalError::PAIR_TOO_CLOSE, e, -1, -1, ci, cj, -1, r, P.lo);
      return 1;
    }
    double V, dV;
    pair_poly(P, r, V, dV);
    PairTerm t;
    t.energy = w * V;
    t.s = -w * dV / r;
    t.f[0] = t.s * dx;
    t.f[1] = t.s * dy;
    t.f[2] = t.s * dz;
    fxi -= t.f[0];
    fyi -= t.f[1];
    fzi -= t.f[2];
    energy += t.energy;
    v0 += dx * t.f[0];
    v1 += dy * t.f[1];
    v2 += dz * t.f[2];
    v3 += dx * t.f[1];
    v4 += dx * t.f[2];
    v5 += dy * t.f[2];
    if (PerAtom) {
      t.e_half = 0.5 * t.energy;
      t.v_half[0] = 0.5 * dx * t.f[0];
      t.v_half[1] = 0.5 * dy * t.f[1];
      t.v_half[2] = 0.5 * dz * t.f[2];
      t.v_half[3] = 0.5 * dx * t.f[1];
      t.v_half[4] = 0.5 * dx * t.f[2];
      t.v_half[5] = 0.5 * dy * t.f[2];
    }
    sink(e, static_cast<const PairTerm &>(t));
  }
  sums.energy = energy;
  sums.fi[0] = fxi;
  sums.fi[1] = fyi;
  sums.fi[2] = fzi;
  sums.virial[0] = v0;
  sums.virial[1] = v1;
  sums.virial[2] = v2;
  sums.virial[3] = v3;
  sums.virial[4] = v4;
  sums.virial[5] = v5;
  return 0;
}

}    // namespace uf3

#endif

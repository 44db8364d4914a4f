// uf3/triplet_sweep.h -- the 3-body terms centred on one atom (Potential::evaluate_centre):
// the short list of neighbours within a 3-body ij leg, their leg bases evaluated once per
// (neighbour, partner element), the triplets (j, k) pruned by the ij, ik and jk cutoffs, the
// 4x4x4 contraction of each (uf3/splines.h), and forces, energies and virials (a third of
// each triplet's energy and virial to each of its three atoms).  Input and output in the
// Workspace (uf3/workspace.h).  The pair terms of the same centre are pair_sweep's.
#ifndef UF3_TRIPLET_SWEEP_H
#define UF3_TRIPLET_SWEEP_H

#include "uf3/potential.h"

#include <cmath>
#include <cstddef>

namespace uf3 {

template <bool PerAtom> inline int Potential::evaluate_centre(int ci, Workspace &ws) const
{
  return ne_ == 1 ? evaluate_impl<PerAtom, true>(ci, ws) : evaluate_impl<PerAtom, false>(ci, ws);
}

template <bool PerAtom, bool One> inline int Potential::evaluate_impl(int ci, Workspace &ws) const
{
  const int ne = One ? 1 : ne_;
  const int n = ws.n;
  const double *UF3_RESTRICT d = ws.d.data();
  const double *UF3_RESTRICT rsq = ws.rsq.data();
  const int *UF3_RESTRICT elem = ws.elem.data();
  double *UF3_RESTRICT f = ws.f.data();
  double *UF3_RESTRICT r = ws.r.data();
  double *UF3_RESTRICT inv_r = ws.inv_r.data();
  int *UF3_RESTRICT shortlist = ws.shortlist.data();
  LegBasis *UF3_RESTRICT legs = ws.legs.data();
  int *UF3_RESTRICT tp = ws.tp.data();
  int *UF3_RESTRICT tq = ws.tq.data();
  double *UF3_RESTRICT tinv = ws.tinv.data();
  double *UF3_RESTRICT tB = ws.tB.data();
  double *UF3_RESTRICT tdB = ws.tdB.data();
  double *UF3_RESTRICT eat = ws.e.data();
  double *UF3_RESTRICT vat = ws.v.data();
  const std::size_t rowc = static_cast<std::size_t>(ci) * ne;
  const double *UF3_RESTRICT l3row = l3cut2_.data() + rowc;
  double energy = 0.0, ei = 0.0;
  double vi[6] = {0, 0, 0, 0, 0, 0};
  int ns = 0;

  // -- pass 1: the short list of neighbours within a 3-body ij leg and their leg bases
  for (int e = 0; e < n; ++e) {
    const int cj = One ? 0 : elem[e];
    const double r2 = rsq[e];
    const bool three_on = r2 < l3row[cj];
    const v4d fe = zero4();
    if (PerAtom) {
      eat[e] = 0.0;
      for (int k = 0; k < 6; ++k) vat[6 * e + k] = 0.0;
    }
    if (three_on) {
      const double rr = std::sqrt(r2);
      const double ir = 1.0 / rr;
      r[e] = rr;
      inv_r[e] = ir;
      shortlist[ns] = e;
      LegBasis *UF3_RESTRICT lb = legs + static_cast<std::size_t>(ns) * ne;
      const TripFast *UF3_RESTRICT trow = tf_.data() + (rowc + cj) * ne;
      for (int ck = 0; ck < ne; ++ck) {
        const TripFast &T = trow[ck];
        LegBasis &L = lb[ck];
        if (!(r2 < T.cut_ij2)) {    // also when the triplet is not set (cut 0)
          L.state = 0;
        } else if (!(rr >= T.lo_ij)) {
          L.state = 2;
        } else {
          L.state = 1;
          L.q = locate(T.ij, rr);
          basis(T.ij, L.q, rr, L.B, L.dB);
        }
      }
      ++ns;
    }
    store4(f + 4 * static_cast<std::size_t>(e), fe);
  }

  // -- pass 2: triplets (j, k), j before k in the short list
  TripFast T1;
  if (One) T1 = tf_[0];
  for (int a = 0; a + 1 < ns; ++a) {
    const int ej = shortlist[a];
    const int cj = One ? 0 : elem[ej];
    const LegBasis *UF3_RESTRICT lj = legs + static_cast<std::size_t>(a) * ne;
    if (One && lj[0].state == 0) continue;
    const v4d dj = load4(d + 4 * static_cast<std::size_t>(ej));
    const double inv_rij = inv_r[ej];
    const TripFast *UF3_RESTRICT trow = tf_.data() + (rowc + cj) * ne;
    // phase 1: the partners whose triplet is on, their r_jk and jk basis (short, independent
    // iterations: the square roots and look-ups of several triplets overlap)
    int np = 0;
    for (int b = a + 1; b < ns; ++b) {
      const int ek = shortlist[b];
      const int ck = One ? 0 : elem[ek];
      const LegBasis &bj = lj[ck];
      const LegBasis &bk = legs[static_cast<std::size_t>(b) * ne + cj];
      if ((!One && bj.state == 0) || bk.state == 0) continue;
      const TripFast &T = One ? T1 : trow[ck];
      const v4d u = load4(d + 4 * static_cast<std::size_t>(ek)) - dj;    // x_k - x_j (lane 3 is 0)
      const double rjk2 = u[0] * u[0] + u[1] * u[1] + u[2] * u[2];
      if (!(rjk2 < T.cut_jk2)) continue;
      if (bj.state == 2 || bk.state == 2 || !(rjk2 >= T.lo_jk2)) {
        const int leg = bj.state == 2 ? 0 : (bk.state == 2 ? 1 : 2);
        const double rv = leg == 0 ? r[ej] : (leg == 1 ? r[ek] : std::sqrt(rjk2));
        const double rmin = leg == 0 ? T.lo_ij : (leg == 1 ? trow_ik_lo(ci, ck, cj) : T.jk.lo);
        set_err(ws.err, EvalError::TRIPLET_TOO_CLOSE, ej, ek, leg, ci, cj, ck, rv, rmin);
        return 1;
      }
      const double rjk = std::sqrt(rjk2);
      const int qn = locate(T.jk, rjk);
      tp[np] = b;
      tq[np] = qn;
      tinv[np] = 1.0 / rjk;
      basis(T.jk, qn, rjk, tB + 4 * static_cast<std::size_t>(np), tdB + 4 * static_cast<std::size_t>(np));
      ++np;
    }
    // phase 2: contractions and forces
    v4d fj = zero4();
    for (int p = 0; p < np; ++p) {
      const int b = tp[p];
      const int ek = shortlist[b];
      const int ck = One ? 0 : elem[ek];
      const LegBasis &bj = lj[ck];
      const LegBasis &bk = legs[static_cast<std::size_t>(b) * ne + cj];
      const TripFast &T = One ? T1 : trow[ck];
      const v4d dk = load4(d + 4 * static_cast<std::size_t>(ek));
      const v4d u = dk - dj;
      const double inv_rjk = tinv[p];
      const int qn = tq[p];
      const double *Bn = tB + 4 * static_cast<std::size_t>(p);
      const double *dBn = tdB + 4 * static_cast<std::size_t>(p);
      const v4d g = contract(T, bj, bk, qn, Bn, dBn);    // E, dE/drij, dE/drik, dE/drjk
      const double sij = g[1] * inv_rij, sik = g[2] * inv_r[ek], sjk = g[3] * inv_rjk;
      // F_j = -dE/dx_j, F_k = -dE/dx_k
      const v4d Fj = u * sjk - dj * sij;
      const v4d Fk = zero4() - (dk * sik + u * sjk);
      fj += Fj;
      double *UF3_RESTRICT fk = f + 4 * static_cast<std::size_t>(ek);
      store4(fk, load4(fk) + Fk);
      energy += g[0];
      if (PerAtom) {
        const double e3 = g[0] * (1.0 / 3.0);
        ei += e3;
        eat[ej] += e3;
        eat[ek] += e3;
        double vt[6];
        vt[0] = dj[0] * Fj[0] + dk[0] * Fk[0];
        vt[1] = dj[1] * Fj[1] + dk[1] * Fk[1];
        vt[2] = dj[2] * Fj[2] + dk[2] * Fk[2];
        vt[3] = dj[0] * Fj[1] + dk[0] * Fk[1];
        vt[4] = dj[0] * Fj[2] + dk[0] * Fk[2];
        vt[5] = dj[1] * Fj[2] + dk[1] * Fk[2];
        double *UF3_RESTRICT vj = vat + 6 * static_cast<std::size_t>(ej);
        double *UF3_RESTRICT vk = vat + 6 * static_cast<std::size_t>(ek);
        for (int k = 0; k < 6; ++k) {
          const double v3 = vt[k] * (1.0 / 3.0);
          vi[k] += v3;
          vj[k] += v3;
          vk[k] += v3;
        }
      }
    }
    double *UF3_RESTRICT fjp = f + 4 * static_cast<std::size_t>(ej);
    store4(fjp, load4(fjp) + fj);
  }

  // -- centre force and virial of all terms centred here
  v4d fsum = zero4(), vdiag = zero4();
  double v3 = 0, v4 = 0, v5 = 0;
  if (ws.want_virial) {
    for (int e = 0; e < n; ++e) {
      const v4d fe = load4(f + 4 * static_cast<std::size_t>(e));
      const v4d de = load4(d + 4 * static_cast<std::size_t>(e));
      fsum += fe;
      vdiag += de * fe;
      v3 += de[0] * fe[1];
      v4 += de[0] * fe[2];
      v5 += de[1] * fe[2];
    }
  } else {
    for (int e = 0; e < n; ++e) fsum += load4(f + 4 * static_cast<std::size_t>(e));
  }
  ws.fi[0] = -fsum[0];
  ws.fi[1] = -fsum[1];
  ws.fi[2] = -fsum[2];
  ws.virial[0] = vdiag[0];
  ws.virial[1] = vdiag[1];
  ws.virial[2] = vdiag[2];
  ws.virial[3] = v3;
  ws.virial[4] = v4;
  ws.virial[5] = v5;
  ws.energy = energy;
  ws.ei = ei;
  for (int k = 0; k < 6; ++k) ws.vi[k] = vi[k];
  ws.err.kind = EvalError::NONE;
  return 0;
}

}    // namespace uf3

#endif

// uf3/compute.h -- energy, forces and virials of a whole structure from a full neighbour
// list in CSR form (Potential::compute, the entry point of the JavaCPP binding): per atom,
// its pair terms (uf3/pair_sweep.h, weight 1: every pair is listed from both sides) and the
// 3-body terms centred on it (uf3/triplet_sweep.h).
//
//   n_atoms         number of atoms
//   element[i]      element index of atom i (0 <= element < n_elements)
//   nbr_offset[i]   neighbours of atom i are entries nbr_offset[i] .. nbr_offset[i+1]-1
//                   (n_atoms + 1 values, nbr_offset[0] = 0)
//   nbr_index[p]    atom index j of entry p (0 <= j < n_atoms; a periodic image of
//                   atom j is given by its own displacement; j may equal i for
//                   self-images in small cells)
//   nbr_disp[3p..]  displacement x_j + shift - x_i of entry p
// The list must be FULL: every neighbour pair appears in both atoms' lists (the pair
// sum runs over ordered pairs).  Neighbours beyond the cutoffs are allowed (skipped).
// Outputs (any may be null; all are overwritten):
//   forces[3i+d], virial[6] (xx yy zz xy xz yz), atom_energy[i], atom_virial[6i+k]
// Returns the total energy.  Throws uf3::Error on bad input or atoms closer than a
// first knot.  Thread-safe (const, private scratch).
#ifndef UF3_COMPUTE_H
#define UF3_COMPUTE_H

#include "uf3/pair_sweep.h"
#include "uf3/potential.h"
#include "uf3/triplet_sweep.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

namespace uf3 {

inline double Potential::compute(int n_atoms, const int *element, const int *nbr_offset, const int *nbr_index,
                                 const double *nbr_disp, double *forces, double *virial, double *atom_energy,
                                 double *atom_virial) const
{
  if (n_atoms < 0) throw Error("compute: negative atom count");
  if (n_atoms > 0 && (!element || !nbr_offset)) throw Error("compute: null input array");
  if (n_atoms > 0 && nbr_offset[0] != 0) throw Error("compute: nbr_offset[0] must be 0");
  int maxn = 0;
  for (int i = 0; i < n_atoms; ++i) {
    if (element[i] < 0 || element[i] >= ne_)
      throw Error("compute: atom " + std::to_string(i) + " has element index " +
                  std::to_string(element[i]) + ", expected 0.." + std::to_string(ne_ - 1));
    const int cnt = nbr_offset[i + 1] - nbr_offset[i];
    if (cnt < 0) throw Error("compute: nbr_offset is decreasing at atom " + std::to_string(i));
    maxn = std::max(maxn, cnt);
  }
  const int nnz = n_atoms > 0 ? nbr_offset[n_atoms] : 0;
  if (nnz > 0 && (!nbr_index || !nbr_disp)) throw Error("compute: null neighbour array");
  for (int p = 0; p < nnz; ++p)
    if (nbr_index[p] < 0 || nbr_index[p] >= n_atoms)
      throw Error("compute: neighbour entry " + std::to_string(p) + " has atom index " +
                  std::to_string(nbr_index[p]) + ", expected 0.." + std::to_string(n_atoms - 1));

  const std::size_t na = static_cast<std::size_t>(n_atoms);
  if (forces) std::fill(forces, forces + 3 * na, 0.0);
  if (atom_energy) std::fill(atom_energy, atom_energy + na, 0.0);
  if (atom_virial) std::fill(atom_virial, atom_virial + 6 * na, 0.0);
  double vir[6] = {0, 0, 0, 0, 0, 0};
  double energy = 0.0;
  const bool per_atom = atom_energy || atom_virial;

  Workspace ws;
  ws.reserve(std::max(maxn, 1), ne_);
  ws.want_virial = virial != nullptr;
  std::vector<int> pair_entry(static_cast<std::size_t>(std::max(maxn, 1)));
  for (int i = 0; i < n_atoms; ++i) {
    const int p0 = nbr_offset[i], cnt = nbr_offset[i + 1] - p0;
    for (int e = 0; e < cnt; ++e) {
      const double *d = nbr_disp + 3 * static_cast<std::size_t>(p0 + e);
      ws.set(e, d[0], d[1], d[2], element[nbr_index[p0 + e]]);
    }
    ws.n = cnt;
    const auto fail = [&]() {
      const int ja = ws.err.a >= 0 ? nbr_index[p0 + ws.err.a] : -1;
      const int jb = ws.err.b >= 0 ? nbr_index[p0 + ws.err.b] : -1;
      throw Error("compute: " + describe(ws.err, std::to_string(i), std::to_string(ja), std::to_string(jb)));
    };

    // 2-body terms, each ordered pair i -> j with weight 1, of the entries inside their pair cutoff
    int np = 0;
    for (int e = 0; e < cnt; ++e)
      if (ws.rsq[e] < pcut2_[pidx(element[i], ws.elem[e])]) pair_entry[np++] = e;
    const auto neighbour = [&](int p, double &dx, double &dy, double &dz, double &rsq, int &c) {
      const int e = pair_entry[p];
      const double *d = &ws.d[4 * static_cast<std::size_t>(e)];
      dx = d[0];
      dy = d[1];
      dz = d[2];
      rsq = ws.rsq[e];
      c = ws.elem[e];
    };
    PairSums ps;
    const auto pair_terms = [&](auto per_atom_tag) {
      constexpr bool PerAtom = decltype(per_atom_tag)::value;
      return pair_sweep<PerAtom>(element[i], np, neighbour, 1.0, ps, ws.err, [&](int p, const PairTerm &t) {
        const std::size_t j = static_cast<std::size_t>(nbr_index[p0 + pair_entry[p]]);
        if (forces)
          for (int k = 0; k < 3; ++k) forces[3 * j + k] += t.f[k];
        if (PerAtom) {
          if (atom_energy) {
            atom_energy[i] += t.e_half;
            atom_energy[j] += t.e_half;
          }
          if (atom_virial)
            for (int k = 0; k < 6; ++k) {
              atom_virial[6 * static_cast<std::size_t>(i) + k] += t.v_half[k];
              atom_virial[6 * j + k] += t.v_half[k];
            }
        }
      });
    };
    if ((per_atom ? pair_terms(std::true_type()) : pair_terms(std::false_type())) != 0) {
      ws.err.a = pair_entry[ws.err.a];
      fail();
    }
    energy += ps.energy;
    for (int k = 0; k < 6; ++k) vir[k] += ps.virial[k];
    if (forces)
      for (int k = 0; k < 3; ++k) forces[3 * i + k] += ps.fi[k];

    // 3-body terms centred on i
    const int status = per_atom ? evaluate_centre<true>(element[i], ws) : evaluate_centre<false>(element[i], ws);
    if (status) fail();
    energy += ws.energy;
    for (int k = 0; k < 6; ++k) vir[k] += ws.virial[k];
    if (forces) {
      forces[3 * i] += ws.fi[0];
      forces[3 * i + 1] += ws.fi[1];
      forces[3 * i + 2] += ws.fi[2];
      for (int e = 0; e < cnt; ++e) {
        const std::size_t j = static_cast<std::size_t>(nbr_index[p0 + e]);
        const double *fe = ws.force(e);
        forces[3 * j] += fe[0];
        forces[3 * j + 1] += fe[1];
        forces[3 * j + 2] += fe[2];
      }
    }
    if (atom_energy) {
      atom_energy[i] += ws.ei;
      for (int e = 0; e < cnt; ++e) atom_energy[nbr_index[p0 + e]] += ws.e[e];
    }
    if (atom_virial) {
      for (int k = 0; k < 6; ++k) atom_virial[6 * static_cast<std::size_t>(i) + k] += ws.vi[k];
      for (int e = 0; e < cnt; ++e) {
        double *dst = atom_virial + 6 * static_cast<std::size_t>(nbr_index[p0 + e]);
        for (int k = 0; k < 6; ++k) dst[k] += ws.v[6 * static_cast<std::size_t>(e) + k];
      }
    }
  }
  if (virial)
    for (int k = 0; k < 6; ++k) virial[k] = vir[k];
  return energy;
}

}    // namespace uf3

#endif

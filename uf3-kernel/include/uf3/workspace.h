// uf3/workspace.h -- the input, output and scratch of one centre atom's sweeps
// (Workspace) and what went wrong in one (EvalError).
#ifndef UF3_WORKSPACE_H
#define UF3_WORKSPACE_H

#include "uf3/splines.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace uf3 {

// What went wrong in a centre's sweep (status != 0): pair_sweep or evaluate_centre.
struct EvalError {
  enum Kind { NONE = 0, PAIR_TOO_CLOSE = 1, TRIPLET_TOO_CLOSE = 2 };
  int kind = NONE;
  int a = -1, b = -1;    // entries of the centre's list involved (b = -1 for pairs)
  int leg = -1;          // 0: ij, 1: ik, 2: jk (triplets)
  int ei = -1, ej = -1, ek = -1;
  double r = 0.0, r_min = 0.0;
};

// Scratch and I/O for one centre atom.  The caller sets n entries (neighbours) with
// set(e, dx, dy, dz, element):
//   dx,dy,dz  displacement x_j - x_i (including any periodic shift)
//   element   element index of the neighbour
// evaluate_centre() (the 3-body terms; pair terms are pair_sweep's) writes per entry:
// force(e) (force on that neighbour), and with per-atom output e[e] (energy share) and
// v[6*e..] (virial share); for the centre: fi, energy (total of the 3-body terms centred
// here), virial (their virial), ei and vi.
struct Workspace {
  int n = 0;
  std::vector<double> d;       // [4e..4e+2] displacement, [4e+3] = 0
  std::vector<double> rsq;
  std::vector<int> elem;
  std::vector<double> f;       // [4e..4e+2] force on the neighbour
  std::vector<double> e, v;    // per-atom shares
  double fi[3] = {0, 0, 0};
  double energy = 0.0, ei = 0.0;
  double virial[6] = {0, 0, 0, 0, 0, 0};
  double vi[6] = {0, 0, 0, 0, 0, 0};
  bool want_virial = true;    // false: virial[] is left 0 (saves work when not needed)
  EvalError err;
  // scratch
  std::vector<double> r, inv_r;
  std::vector<int> shortlist;
  std::vector<LegBasis> legs;
  // the partners of one short-list entry whose triplet is on: short-list index, 1/r_jk,
  // jk interval, jk basis values and derivatives (4 each)
  std::vector<int> tp, tq;
  std::vector<double> tinv, tB, tdB;
  int cap = 0, n_elements = 0;

  // Make room for n entries (call before filling; only grows, so no allocation in steady state).
  void reserve(int n_entries, int n_el)
  {
    if (n_entries <= cap && n_el == n_elements) return;
    cap = std::max(n_entries, 2 * cap);
    n_elements = n_el;
    const std::size_t c = static_cast<std::size_t>(cap);
    d.resize(4 * c);
    rsq.resize(c);
    elem.resize(c);
    f.resize(4 * c);
    e.resize(c);
    v.resize(6 * c);
    r.resize(c);
    inv_r.resize(c);
    shortlist.resize(c);
    tp.resize(c);
    tq.resize(c);
    tinv.resize(c);
    tB.resize(4 * c);
    tdB.resize(4 * c);
    legs.resize(c * static_cast<std::size_t>(std::max(n_el, 1)));
  }

  void set(int i, double dx, double dy, double dz, int element)
  {
    double *p = &d[4 * static_cast<std::size_t>(i)];
    p[0] = dx;
    p[1] = dy;
    p[2] = dz;
    p[3] = 0.0;
    rsq[i] = dx * dx + dy * dy + dz * dz;
    elem[i] = element;
  }
  const double *force(int i) const { return &f[4 * static_cast<std::size_t>(i)]; }
};

}    // namespace uf3

#endif

// count_flops.cpp -- the floating-point work of one MD step of our `pair_style uf3 3`, counted
// by running the kernel's own source on a counting number type (counted_real.h).
//
// The kernel headers are compiled twice in this file: once as shipped (namespace uf3, double:
// the reference energy of the structure, Potential::compute on a full list), once with `double`
// spelled flops::Real and the namespace renamed uf3c (the scalar code path, UF3_VECTOR 0, which
// does the same arithmetic as the 4-wide paths, lane by lane).  Around the kernel calls the
// program repeats the plugin's per-step arithmetic (lammps-plugin-src/pair_uf3_plugin.cpp:
// pair_terms_of and three_body_range, newton on, no virial, no per-atom output), also on
// counted numbers, so that the count is the whole work of the pair style in a step.
//
// Per-pair and per-triplet costs are not assumed: the per-centre counts of many centres are
// fitted exactly by a + b n + c T (n neighbours, T triplets) and the fit must reproduce every
// centre's count to the operation, or the program fails.
//
// Usage: count_flops FILE.uf3 ELEMENT (bcc A CELLS JITTER SEED | dump DUMPFILE) [--skin S]
//                    [--fit-jitter J]
//   bcc: a bcc box of 2 CELLS^3 atoms, lattice A (Å), each coordinate displaced uniformly by
//        up to ±JITTER Å (seeded);  dump: every frame of a LAMMPS `dump custom ... id x y z`
//        of an orthogonal periodic box (bcc assumed for the fit boxes' lattice constant).
//   --skin: neighbour skin (Å, default 2, LAMMPS' metal units).  --fit-jitter: the jitter of
//   the boxes the per-pair and per-triplet costs are fitted on (Å, default 0.2).
// Counts are per frame as if the neighbour lists had just been built (LAMMPS keeps them for
// several steps, so its lists hold slightly different entries between builds).
// Output: key = value lines (see the end of main).
//
// Every standard header the kernel uses is included here, before `double` is redefined below,
// so that no library header is ever read with the macro in force.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "uf3/uf3.h"    // the shipped kernel (double)

#include "counted_real.h"
#include "frames.h"

// ---- the counting build: the same headers, double spelled flops::Real, namespace uf3c ------
namespace uf3c {
using uf3::Error;
namespace detail {
inline std::string fmt_double(flops::Real v) { return uf3::detail::fmt_double(v.value()); }
}    // namespace detail
}    // namespace uf3c
#undef UF3_SIMD_H
#undef UF3_KNOTS_H
#undef UF3_SPLINES_H
#undef UF3_WORKSPACE_H
#undef UF3_POTENTIAL_H
#undef UF3_PAIR_SWEEP_H
#undef UF3_TRIPLET_SWEEP_H
#undef UF3_FILE_H
#undef UF3_VECTOR
#define UF3_VECTOR 0
#define uf3 uf3c
#define double flops::Real
#include "uf3/file.h"
#include "uf3/pair_sweep.h"
#include "uf3/triplet_sweep.h"
#undef double
#undef uf3
// --------------------------------------------------------------------------------------------

namespace {

using flops::Real;

using frames::Frame;
using frames::Neighbours;
using frames::die;
using frames::bcc_frame;
using frames::read_dump;
using frames::neighbours;

// Exact integer least squares: counts y_c = sum_k beta_k X_ck over centres; beta must be whole.
std::vector<long long> exact_fit(const std::vector<std::vector<double>> &X, const std::vector<std::int64_t> &y,
                                 const std::string &what)
{
  const std::size_t p = X.empty() ? 0 : X[0].size();
  std::vector<std::vector<long double>> A(p, std::vector<long double>(p + 1, 0.0L));
  for (std::size_t c = 0; c < X.size(); ++c)
    for (std::size_t a = 0; a < p; ++a) {
      for (std::size_t b = 0; b < p; ++b) A[a][b] += static_cast<long double>(X[c][a]) * X[c][b];
      A[a][p] += static_cast<long double>(X[c][a]) * y[c];
    }
  for (std::size_t k = 0; k < p; ++k) {
    std::size_t piv = k;
    for (std::size_t r = k + 1; r < p; ++r)
      if (std::fabs(static_cast<double>(A[r][k])) > std::fabs(static_cast<double>(A[piv][k]))) piv = r;
    std::swap(A[k], A[piv]);
    if (std::fabs(static_cast<double>(A[k][k])) < 1e-9)
      die(what + ": the centres do not vary enough to separate the terms (use a larger JITTER)");
    for (std::size_t r = 0; r < p; ++r) {
      if (r == k) continue;
      const long double m = A[r][k] / A[k][k];
      for (std::size_t c = k; c <= p; ++c) A[r][c] -= m * A[k][c];
    }
  }
  std::vector<long long> beta(p);
  for (std::size_t k = 0; k < p; ++k) beta[k] = std::llround(static_cast<double>(A[k][p] / A[k][k]));
  for (std::size_t c = 0; c < X.size(); ++c) {
    long double s = 0;
    for (std::size_t k = 0; k < p; ++k) s += beta[k] * static_cast<long double>(X[c][k]);
    if (std::llround(static_cast<double>(s)) != y[c])
      die(what + ": the linear model does not reproduce centre " + std::to_string(c) + " (" +
          std::to_string(static_cast<long long>(s)) + " vs " + std::to_string(y[c]) + " operations)");
  }
  return beta;
}

struct Tally {
  flops::Counts k2, g2, k3, g3;    // kernel / plugin glue, 2-body / 3-body
  long long half_entries = 0, pairs = 0, cand3 = 0, legs = 0, triplets = 0;
  // per centre, for the fits
  std::vector<std::vector<double>> X2, X3, Xg2, Xg3;
  std::vector<std::int64_t> y2, y3, yg2, yg3, u2, u3;
  double energy = 0, energy_ref = 0;
  long long atoms = 0, frames = 0;
};

flops::Counts diff(const flops::Counts &b, const flops::Counts &a)
{
  flops::Counts d;
  d.add = b.add - a.add;
  d.mul = b.mul - a.mul;
  d.div = b.div - a.div;
  d.sqrt = b.sqrt - a.sqrt;
  d.neg = b.neg - a.neg;
  d.cmp = b.cmp - a.cmp;
  d.pad_add = b.pad_add - a.pad_add;
  d.pad_mul = b.pad_mul - a.pad_mul;
  return d;
}

void accumulate(flops::Counts &s, const flops::Counts &d)
{
  s.add += d.add;
  s.mul += d.mul;
  s.div += d.div;
  s.sqrt += d.sqrt;
  s.neg += d.neg;
  s.cmp += d.cmp;
  s.pad_add += d.pad_add;
  s.pad_mul += d.pad_mul;
}

// One MD step's force evaluation as the plugin does it (pair_terms_of + three_body_range,
// newton on, no virial or per-atom output), counted; plus the reference energy.
void count_frame(const Frame &fr, const uf3::Potential &ref, const uf3c::Potential &pot, double rjk, double skin,
                 Tally &t)
{
  const int n = static_cast<int>(fr.x.size() / 3);
  const double rp = ref.pair_cutoff(0, 0), rl = ref.three_body_cutoff(0, 0), rmax = ref.max_cutoff();
  const Neighbours half = neighbours(fr, rmax + skin, true);         // LAMMPS' half list
  const Neighbours cand = neighbours(fr, rl + skin, false);          // the plugin's 3-body list
  const Neighbours full = neighbours(fr, rmax, false);               // for the reference
  const double rp2 = rp * rp, rl2 = rl * rl;

  // reference: the shipped kernel on a full list
  {
    std::vector<double> disp;
    for (int i = 0; i < n; ++i)
      for (int e = full.off[i]; e < full.off[i + 1]; ++e)
        for (int d = 0; d < 3; ++d) disp.push_back(full.img[3 * e + d] - fr.x[3 * i + d]);
    std::vector<int> el(n, 0);
    t.energy_ref += ref.compute(n, el.data(), full.off.data(), full.idx.data(), disp.data(), nullptr, nullptr,
                                nullptr, nullptr);
  }

  // counted: positions and forces as the plugin sees them (ghost images as positions)
  std::vector<Real> f(3 * static_cast<std::size_t>(n), Real(0.0));
  Real energy = 0.0;
  Real virial[6] = {0, 0, 0, 0, 0, 0};
  uf3c::Workspace ws;
  ws.want_virial = false;
  std::vector<int> pj, atom_of;
  std::vector<Real> prsq, pimg;
  std::vector<Real> xi_img;
  flops::Counts &C = flops::counts();
  for (int i = 0; i < n; ++i) {
    const Real xi0 = fr.x[3 * i], yi0 = fr.x[3 * i + 1], zi0 = fr.x[3 * i + 2];
    // ---- 2-body: pair_terms_of ----
    flops::Counts c0 = C;
    const int pnum = half.off[i + 1] - half.off[i];
    pj.assign(pnum, 0);
    prsq.assign(pnum, Real(0.0));
    pimg.assign(3 * static_cast<std::size_t>(pnum), Real(0.0));
    int m = 0;
    for (int c = 0; c < pnum; ++c) {
      const int e = half.off[i] + c;
      const Real xj = half.img[3 * e], yj = half.img[3 * e + 1], zj = half.img[3 * e + 2];
      const Real dx = xj - xi0, dy = yj - yi0, dz = zj - zi0;
      const Real rsq = dx * dx + dy * dy + dz * dz;
      pj[m] = half.idx[e];
      prsq[m] = rsq;
      pimg[3 * m] = xj;
      pimg[3 * m + 1] = yj;
      pimg[3 * m + 2] = zj;
      m += rsq < Real(rp2);
    }
    const auto neighbor = [&](int e, Real &dx, Real &dy, Real &dz, Real &rsq, int &cj) {
      dx = pimg[3 * e] - xi0;
      dy = pimg[3 * e + 1] - yi0;
      dz = pimg[3 * e + 2] - zi0;
      rsq = prsq[e];
      cj = 0;
    };
    uf3c::PairSums sums;
    uf3c::EvalError err;
    flops::Counts c1 = C;
    const int st = pot.pair_sweep<false>(0, m, neighbor, 2.0, sums, err, [&](int e, const uf3c::PairTerm &p) {
      const int j = pj[e];
      f[3 * j] += p.f[0];
      f[3 * j + 1] += p.f[1];
      f[3 * j + 2] += p.f[2];
    });
    if (st != 0) die("a pair closer than the first knot at atom " + std::to_string(i));
    flops::Counts c2 = C;
    f[3 * i] += sums.fi[0];
    f[3 * i + 1] += sums.fi[1];
    f[3 * i + 2] += sums.fi[2];
    energy += sums.energy;
    for (int k = 0; k < 6; ++k) virial[k] += sums.virial[k];
    flops::Counts c3 = C;
    // the plugin's callbacks run inside the sweep: the neighbour's displacement (3 subtractions,
    // recomputed from the positions) and the sink's force scatter (3 additions) per pair; they
    // are the plugin's work, moved from the kernel's count to the glue
    flops::Counts kern2 = diff(c2, c1), glue2 = diff(c3, c0);
    glue2 = diff(glue2, kern2);
    kern2.add -= 6 * static_cast<std::int64_t>(m);
    glue2.add += 6 * static_cast<std::int64_t>(m);
    accumulate(t.k2, kern2);
    accumulate(t.g2, glue2);
    t.X2.push_back({1.0, static_cast<double>(m)});
    t.y2.push_back(kern2.total());
    t.u2.push_back(kern2.useful());
    t.Xg2.push_back({1.0, static_cast<double>(pnum), static_cast<double>(m)});
    t.yg2.push_back(glue2.total());
    t.half_entries += pnum;
    t.pairs += m;

    // ---- 3-body: three_body_range ----
    c0 = C;
    const int cnum = cand.off[i + 1] - cand.off[i];
    ws.reserve(std::max(cnum, 1), 1);
    atom_of.assign(std::max(cnum, 1), 0);
    m = 0;
    for (int c = 0; c < cnum; ++c) {
      const int e = cand.off[i] + c;
      ws.set(m, Real(cand.img[3 * e]) - xi0, Real(cand.img[3 * e + 1]) - yi0, Real(cand.img[3 * e + 2]) - zi0, 0);
      atom_of[m] = cand.idx[e];
      m += ws.rsq[m] < Real(rl2);
    }
    ws.n = m;
    for (int e = 0; e < m; ++e) ws.d[4 * static_cast<std::size_t>(e) + 3] = Real::padding();
    long long trip = 0;
    c1 = C;
    if (pot.evaluate_centre<false>(0, ws) != 0) die("a triplet closer than the first knot at atom " + std::to_string(i));
    c2 = C;
    f[3 * i] += ws.fi[0];
    f[3 * i + 1] += ws.fi[1];
    f[3 * i + 2] += ws.fi[2];
    for (int e = 0; e < m; ++e) {
      const Real *fe = ws.force(e);
      const int j = atom_of[e];
      f[3 * j] += fe[0];
      f[3 * j + 1] += fe[1];
      f[3 * j + 2] += fe[2];
    }
    energy += ws.energy;
    for (int k = 0; k < 6; ++k) virial[k] += ws.virial[k];
    c3 = C;
    flops::Counts kern3 = diff(c2, c1), glue3 = diff(c3, c0);
    glue3 = diff(glue3, kern3);
    // triplets: the pairs (j, k), j < k, of the centre's legs inside the jk range (uncounted)
    for (int a = 0; a < m; ++a)
      for (int b = a + 1; b < m; ++b) {
        double r2 = 0;
        for (int d = 0; d < 3; ++d) {
          const double u = ws.d[4 * b + d].value() - ws.d[4 * a + d].value();
          r2 += u * u;
        }
        trip += r2 < rjk * rjk;
      }
    accumulate(t.k3, kern3);
    accumulate(t.g3, glue3);
    const double pairs_of_legs = 0.5 * m * (m - 1.0);
    t.X3.push_back({1.0, static_cast<double>(m), pairs_of_legs, static_cast<double>(trip)});
    t.y3.push_back(kern3.total());
    t.u3.push_back(kern3.useful());
    t.Xg3.push_back({1.0, static_cast<double>(cnum), static_cast<double>(m)});
    t.yg3.push_back(glue3.total());
    t.cand3 += cnum;
    t.legs += m;
    t.triplets += trip;
  }
  t.energy += energy.value();
  t.atoms += n;
  t.frames += 1;
}

}    // namespace

namespace {

std::string file_text(const std::string &path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) die("cannot open potential file " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void print_counts(const std::string &key, const flops::Counts &c, double per)
{
  std::printf("%s.flops = %.2f\n%s.useful = %.2f\n%s.add = %.2f\n%s.mul = %.2f\n%s.div = %.2f\n%s.sqrt = %.2f\n",
              key.c_str(), c.total() / per, key.c_str(), c.useful() / per, key.c_str(), c.add / per, key.c_str(),
              c.mul / per, key.c_str(), c.div / per, key.c_str(), c.sqrt / per);
}

}    // namespace

int main(int argc, char **argv)
{
  std::vector<std::string> args(argv + 1, argv + argc);
  double skin = 2.0, fit_jitter = 0.2;
  for (std::size_t k = 0; k < args.size();) {
    if (args[k] == "--skin" && k + 1 < args.size()) {
      skin = std::atof(args[k + 1].c_str());
      args.erase(args.begin() + k, args.begin() + k + 2);
    } else if (args[k] == "--fit-jitter" && k + 1 < args.size()) {
      fit_jitter = std::atof(args[k + 1].c_str());
      args.erase(args.begin() + k, args.begin() + k + 2);
    } else {
      ++k;
    }
  }
  if (args.size() < 3 || !((args[2] == "bcc" && args.size() == 7) || (args[2] == "dump" && args.size() == 4)))
    die("usage: count_flops FILE.uf3 ELEMENT (bcc A CELLS JITTER SEED | dump DUMPFILE) [--skin S] [--fit-jitter J]");
  const std::string path = args[0], element = args[1];

  const uf3::Potential ref = uf3::read_potential_file(path, element, true);
  const uf3::PotentialFile pf = uf3::parse_potential_file(file_text(path), path);
  double rjk = -1, a_lat = 0;
  for (const auto &b : pf.triplets)
    if (b.el[0] == element && b.el[1] == element && b.el[2] == element) rjk = b.rjk;
  if (rjk <= 0) die(path + ": no 3B block " + element + " " + element + " " + element);
  const uf3c::Potential pot = uf3c::read_potential_file(path, element, true);

  std::vector<Frame> frames;
  if (args[2] == "bcc") {
    a_lat = std::atof(args[3].c_str());
    const int cells = std::atoi(args[4].c_str());
    if (!(a_lat > 0) || cells < 1) die("bcc: expected A > 0 and CELLS >= 1");
    frames.push_back(bcc_frame(a_lat, cells, std::atof(args[5].c_str()), static_cast<unsigned>(std::atol(args[6].c_str()))));
  } else {
    frames = read_dump(args[3]);
    const Frame &f0 = frames[0];
    a_lat = f0.L[0] / std::cbrt(f0.x.size() / 6.0);    // bcc: 2 atoms per cell
  }

  // the structures the per-pair / per-triplet costs are fitted on: the same lattice compressed
  // and stretched by -10 to +20 %, jittered, so that neighbour and triplet counts vary from
  // centre to centre
  Tally fit, box;
  const double need = 2 * (ref.max_cutoff() + skin);
  for (const double scale : {0.9, 0.95, 1.0, 1.1, 1.2}) {
    const double a = a_lat * scale;
    const int cells = static_cast<int>(std::floor(need / a)) + 1;
    count_frame(bcc_frame(a, cells, fit_jitter, 7u), ref, pot, rjk, skin, fit);
  }
  for (const Frame &f : frames) count_frame(f, ref, pot, rjk, skin, box);

  // the fits over every centre of both
  auto join = [](auto a, const auto &b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  const auto X2 = join(fit.X2, box.X2), Xg2 = join(fit.Xg2, box.Xg2), Xg3 = join(fit.Xg3, box.Xg3);
  auto X3 = join(fit.X3, box.X3);
  bool all_on = true;    // every pair of legs is a triplet (jk cutoff >= twice the legs)
  for (const auto &r : X3) all_on = all_on && r[2] == r[3];
  if (all_on)
    for (auto &r : X3) r.erase(r.begin() + 2);
  const auto b2 = exact_fit(X2, join(fit.y2, box.y2), "2-body kernel");
  const auto u2 = exact_fit(X2, join(fit.u2, box.u2), "2-body kernel, useful");
  const auto b3 = exact_fit(X3, join(fit.y3, box.y3), "3-body kernel");
  const auto u3 = exact_fit(X3, join(fit.u3, box.u3), "3-body kernel, useful");
  const auto g2 = exact_fit(Xg2, join(fit.yg2, box.yg2), "2-body plugin glue");
  const auto g3 = exact_fit(Xg3, join(fit.yg3, box.yg3), "3-body plugin glue");

  // the 4x4x4 contraction of one triplet on its own (its arithmetic does not depend on the data)
  flops::Counts contraction;
  {
    std::vector<Real> c(64, Real(0.5));
    uf3c::TripFast T;
    T.c = c.data();
    T.M = T.N = 4;
    uf3c::LegBasis bj, bk;
    bj.q = bk.q = 0;
    for (int k = 0; k < 4; ++k) bj.B[k] = bj.dB[k] = bk.B[k] = bk.dB[k] = Real(0.25);
    const Real Bn[4] = {0.1, 0.2, 0.3, 0.4}, dBn[4] = {0.1, 0.2, 0.3, 0.4};
    const flops::Counts before = flops::counts();
    const uf3c::v4d g = uf3c::contract(T, bj, bk, 0, Bn, dBn);
    contraction = diff(flops::counts(), before);
    if (!(g[0].value() > 0)) die("the contraction test gave no energy");
  }

  const double rel = std::fabs(box.energy - box.energy_ref) / std::fabs(box.energy_ref);
  if (!(rel < 1e-12)) die("the counting build's energy differs from the shipped kernel's: " + std::to_string(rel));

  const double na = static_cast<double>(box.atoms);
  std::printf("potential = %s\nelement = %s\nframes = %lld\natoms = %lld\nskin = %g\n", path.c_str(), element.c_str(),
              box.frames, box.atoms, skin);
  std::printf("energy_rel_diff = %.3g\nfit_centres = %zu\n", rel, X2.size());
  std::printf("per_atom.half_list_entries = %.3f\nper_atom.pairs = %.3f\nper_atom.three_body_candidates = %.3f\n"
              "per_atom.legs = %.3f\nper_atom.triplets = %.3f\n",
              box.half_entries / na, box.pairs / na, box.cand3 / na, box.legs / na, box.triplets / na);
  // fitted costs: kernel
  std::printf("kernel.per_pair = %lld\nkernel.per_pair_useful = %lld\nkernel.pair_sweep_call = %lld\n", b2[1], u2[1], b2[0]);
  std::printf("kernel.per_triplet = %lld\nkernel.per_triplet_useful = %lld\nkernel.per_leg = %lld\nkernel.per_leg_useful = %lld\n"
              "kernel.evaluate_centre_call = %lld\n",
              b3.back(), u3.back(), b3[1], u3[1], b3[0]);
  std::printf("kernel.contract = %lld\nkernel.contract.add = %lld\nkernel.contract.mul = %lld\n",
              static_cast<long long>(contraction.total()), static_cast<long long>(contraction.add),
              static_cast<long long>(contraction.mul));
  if (!all_on) std::printf("kernel.per_leg_pair_outside_jk = %lld\n", b3[2]);
  std::printf("glue.per_half_list_entry = %lld\nglue.per_pair = %lld\nglue.pair_centre = %lld\n", g2[1], g2[2], g2[0]);
  std::printf("glue.per_three_body_candidate = %lld\nglue.per_leg = %lld\nglue.three_body_centre = %lld\n", g3[1], g3[2], g3[0]);
  // totals per atom and step on the measured frames
  print_counts("per_atom_step.kernel_2body", box.k2, na);
  print_counts("per_atom_step.kernel_3body", box.k3, na);
  print_counts("per_atom_step.glue", [&] {
    flops::Counts g = box.g2;
    accumulate(g, box.g3);
    return g;
  }(), na);
  flops::Counts all = box.k2;
  accumulate(all, box.k3);
  accumulate(all, box.g2);
  accumulate(all, box.g3);
  print_counts("per_atom_step.total", all, na);
  return 0;
}

// kernel_time.cpp -- where the time of a `uf3 3` step goes, outside LAMMPS: the shipped kernel
// (built as the plugin builds it, -O3 -march=native) timed in CPU time on the frames of a LAMMPS
// dump, in three parts:
//   pairs     pair_sweep on every centre's pairs (each once, weight 2), as the plugin's uf3 3;
//   triplets  evaluate_centre on every centre's 3-body legs (the plugin's 3-body list, already
//             within the leg cutoff), forces scattered to the atoms;
//   contract  the 4x4x4 contraction alone, on the same triplets' precomputed leg bases: the
//             arithmetic core with independent iterations (its throughput bound).
// Each is the best of REPS passes over all frames, in ns per atom (pairs, triplets) or per
// triplet (contract).
//
// Usage: kernel_time FILE.uf3 ELEMENT DUMPFILE [REPS]   (REPS default 5)
// Output: key = value lines.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "frames.h"
#include "uf3/uf3.h"

namespace {

double cpu_seconds()
{
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

// A frame's lists as the plugin keeps them: pairs inside the 2-body cutoff (each once) and the
// 3-body legs (neighbours inside the leg cutoff, both directions), as displacements.
struct Lists {
  int n = 0;
  std::vector<int> poff, pidx, loff, lidx;
  std::vector<double> pd, ld;    // 3 per entry
};

Lists lists(const frames::Frame &f, double rp, double rl)
{
  Lists L;
  L.n = static_cast<int>(f.x.size() / 3);
  const frames::Neighbours half = frames::neighbours(f, rp, true), full = frames::neighbours(f, rl, false);
  L.poff = half.off;
  L.pidx = half.idx;
  L.loff = full.off;
  L.lidx = full.idx;
  for (int i = 0; i < L.n; ++i) {
    for (int e = half.off[i]; e < half.off[i + 1]; ++e)
      for (int d = 0; d < 3; ++d) L.pd.push_back(half.img[3 * e + d] - f.x[3 * i + d]);
    for (int e = full.off[i]; e < full.off[i + 1]; ++e)
      for (int d = 0; d < 3; ++d) L.ld.push_back(full.img[3 * e + d] - f.x[3 * i + d]);
  }
  return L;
}

double pairs_pass(const uf3::Potential &pot, const Lists &L, std::vector<double> &force)
{
  uf3::EvalError err;
  double energy = 0;
  for (int i = 0; i < L.n; ++i) {
    const int o = L.poff[i], m = L.poff[i + 1] - o;
    const double *d = &L.pd[3 * static_cast<std::size_t>(o)];
    const auto nbr = [&](int e, double &dx, double &dy, double &dz, double &rsq, int &cj) {
      dx = d[3 * e];
      dy = d[3 * e + 1];
      dz = d[3 * e + 2];
      rsq = dx * dx + dy * dy + dz * dz;
      cj = 0;
    };
    uf3::PairSums s;
    pot.pair_sweep<false>(0, m, nbr, 2.0, s, err, [&](int e, const uf3::PairTerm &t) {
      double *fj = &force[3 * static_cast<std::size_t>(L.pidx[o + e])];
      fj[0] += t.f[0];
      fj[1] += t.f[1];
      fj[2] += t.f[2];
    });
    for (int k = 0; k < 3; ++k) force[3 * static_cast<std::size_t>(i) + k] += s.fi[k];
    energy += s.energy;
  }
  return energy;
}

double triplets_pass(const uf3::Potential &pot, const Lists &L, uf3::Workspace &ws, std::vector<double> &force)
{
  ws.want_virial = false;
  double energy = 0;
  for (int i = 0; i < L.n; ++i) {
    const int o = L.loff[i], m = L.loff[i + 1] - o;
    ws.reserve(std::max(m, 1), 1);
    for (int e = 0; e < m; ++e) {
      const double *d = &L.ld[3 * static_cast<std::size_t>(o + e)];
      ws.set(e, d[0], d[1], d[2], 0);
    }
    ws.n = m;
    if (pot.evaluate_centre<false>(0, ws) != 0) frames::die("kernel_time: a triplet closer than the first knot");
    for (int k = 0; k < 3; ++k) force[3 * static_cast<std::size_t>(i) + k] += ws.fi[k];
    for (int e = 0; e < m; ++e) {
      double *fj = &force[3 * static_cast<std::size_t>(L.lidx[o + e])];
      const double *fe = ws.force(e);
      fj[0] += fe[0];
      fj[1] += fe[1];
      fj[2] += fe[2];
    }
    energy += ws.energy;
  }
  return energy;
}

// The triplets of a frame with the inputs of contract() precomputed.
struct Contractions {
  std::vector<uf3::LegBasis> legs;
  std::vector<int> a, b, qn;
  std::vector<double> Bn, dBn;
};

void add_contractions(const uf3::TripFast &T, const Lists &L, Contractions &C)
{
  for (int i = 0; i < L.n; ++i) {
    const int o = L.loff[i], m = L.loff[i + 1] - o;
    const int base = static_cast<int>(C.legs.size());
    for (int e = 0; e < m; ++e) {
      const double *d = &L.ld[3 * static_cast<std::size_t>(o + e)];
      uf3::LegBasis lb;
      const double r = std::sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
      lb.q = uf3::locate(T.ij, r);
      lb.state = 1;
      uf3::basis(T.ij, lb.q, r, lb.B, lb.dB);
      C.legs.push_back(lb);
    }
    for (int j = 0; j < m; ++j)
      for (int k = j + 1; k < m; ++k) {
        const double *dj = &L.ld[3 * static_cast<std::size_t>(o + j)], *dk = &L.ld[3 * static_cast<std::size_t>(o + k)];
        const double ux = dk[0] - dj[0], uy = dk[1] - dj[1], uz = dk[2] - dj[2];
        const double r2 = ux * ux + uy * uy + uz * uz;
        if (!(r2 < T.cut_jk2)) continue;
        const double r = std::sqrt(r2);
        const int q = uf3::locate(T.jk, r);
        double B[4], dB[4];
        uf3::basis(T.jk, q, r, B, dB);
        C.a.push_back(base + j);
        C.b.push_back(base + k);
        C.qn.push_back(q);
        C.Bn.insert(C.Bn.end(), B, B + 4);
        C.dBn.insert(C.dBn.end(), dB, dB + 4);
      }
  }
}

double contract_pass(const uf3::TripFast &T, const Contractions &C)
{
  uf3::v4d acc = uf3::zero4();
  const std::size_t n = C.qn.size();
  for (std::size_t t = 0; t < n; ++t)
    acc += uf3::contract(T, C.legs[C.a[t]], C.legs[C.b[t]], C.qn[t], &C.Bn[4 * t], &C.dBn[4 * t]);
  return uf3::hsum(acc);
}

template <class F> double best(int reps, F f)
{
  double b = 1e30;
  for (int r = 0; r < reps; ++r) {
    const double t0 = cpu_seconds();
    f();
    b = std::min(b, cpu_seconds() - t0);
  }
  return b;
}

}    // namespace

int main(int argc, char **argv)
{
  if (argc < 4 || argc > 5) frames::die("usage: kernel_time FILE.uf3 ELEMENT DUMPFILE [REPS]");
  const int reps = argc == 5 ? std::atoi(argv[4]) : 5;
  if (reps < 1) frames::die("kernel_time: REPS must be a positive integer");
  const std::string path = argv[1], element = argv[2];
  const uf3::Potential pot = uf3::read_potential_file(path, element, true);
  const double rp = pot.pair_cutoff(0, 0), rl = pot.three_body_cutoff(0, 0);

  // the triplet table as the kernel builds it: ij knots, jk knots, coefficients [l][m][n]
  std::FILE *fp = std::fopen(path.c_str(), "rb");
  if (!fp) frames::die("kernel_time: cannot open " + path);
  std::string text;
  char buf[65536];
  std::size_t got;
  while ((got = std::fread(buf, 1, sizeof(buf), fp)) > 0) text.append(buf, got);
  std::fclose(fp);
  const uf3::PotentialFile pf = uf3::parse_potential_file(text, path);
  const uf3::TripletBlock *tb = nullptr;
  for (const auto &b : pf.triplets)
    if (b.el[0] == element && b.el[1] == element && b.el[2] == element) tb = &b;
  if (!tb) frames::die("kernel_time: " + path + " has no 3B block " + element + " " + element + " " + element);
  const uf3::Knots kij(tb->kij.data(), static_cast<int>(tb->kij.size()), "ij"),
      kjk(tb->kjk.data(), static_cast<int>(tb->kjk.size()), "jk");
  uf3::TripFast T;
  T.ij = kij.view();
  T.jk = kjk.view();
  T.c = tb->coeff.data();
  T.M = static_cast<int>(tb->kik.size()) - 4;
  T.N = static_cast<int>(tb->kjk.size()) - 4;
  T.cut_jk2 = tb->rjk * tb->rjk;

  const std::vector<frames::Frame> fr = frames::read_dump(argv[3]);
  std::vector<Lists> ls;
  Contractions C;
  long long atoms = 0;
  for (const auto &f : fr) {
    ls.push_back(lists(f, rp, rl));
    add_contractions(T, ls.back(), C);
    atoms += ls.back().n;
  }
  std::vector<double> force(3 * static_cast<std::size_t>(ls[0].n));
  uf3::Workspace ws;
  volatile double sink = 0;
  const double t_pairs = best(reps, [&] {
    for (const auto &l : ls) sink = sink + pairs_pass(pot, l, force);
  });
  const double t_trip = best(reps, [&] {
    for (const auto &l : ls) sink = sink + triplets_pass(pot, l, ws, force);
  });
  const double t_con = best(reps, [&] { sink = sink + contract_pass(T, C); });
  const double ntrip = static_cast<double>(C.qn.size());
  std::printf("frames = %zu\natoms = %lld\ntriplets_per_atom = %.3f\n", fr.size(), atoms, ntrip / atoms);
  std::printf("ns_per_atom.pairs = %.2f\nns_per_atom.triplets = %.2f\nns_per_triplet.triplets = %.3f\n"
              "ns_per_triplet.contract = %.3f\nns_per_atom.contract = %.2f\n",
              1e9 * t_pairs / atoms, 1e9 * t_trip / atoms, 1e9 * t_trip / ntrip, 1e9 * t_con / ntrip,
              1e9 * t_con / atoms);
  return 0;
}

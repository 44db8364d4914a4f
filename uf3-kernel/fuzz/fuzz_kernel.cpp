// libFuzzer target: the kernel (Potential::compute) on random geometries.
// The input chooses 1-8 atoms of one or two elements in a periodic cell: positions are
// arbitrary, snapped onto knots and cutoffs, coincident with another atom, or far outside the
// cell; the harness builds the full neighbour list (periodic images within the cutoff) by
// brute force. Contract: compute either throws uf3::Error with a one-line message (atoms
// closer than a first knot, or coincident) or returns finite energy, forces and virial with
// zero net force (translation invariance); never another exception, a crash or undefined
// behaviour (AddressSanitizer + UndefinedBehaviorSanitizer).
// The potentials come from UF3_FUZZ_POTENTIALS: "FILE:ELEMENTS[;FILE:ELEMENTS...]" with
// ELEMENTS comma-separated (scripts/fuzz.sh sets it).
#include "uf3/uf3.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Loaded {
  uf3::Potential pot;
  std::vector<double> knots;    // every knot of every spline (snapping targets)
  double cut;                   // largest knot
  int ne;
};

[[noreturn]] void violation(const std::string &what)
{
  std::fprintf(stderr, "contract violation: %s\n", what.c_str());
  std::abort();
}

std::vector<Loaded> load()
{
  const char *spec = std::getenv("UF3_FUZZ_POTENTIALS");
  if (!spec || !*spec) {
    std::fprintf(stderr, "fuzz_kernel: set UF3_FUZZ_POTENTIALS=FILE:EL[,EL][;FILE:EL...]\n");
    std::exit(2);
  }
  std::vector<Loaded> out;
  std::stringstream all(spec);
  std::string item;
  while (std::getline(all, item, ';')) {
    const auto colon = item.rfind(':');
    if (colon == std::string::npos) {
      std::fprintf(stderr, "fuzz_kernel: '%s' is not FILE:ELEMENTS\n", item.c_str());
      std::exit(2);
    }
    std::string els = item.substr(colon + 1);
    std::replace(els.begin(), els.end(), ',', ' ');
    std::FILE *fp = std::fopen(item.substr(0, colon).c_str(), "rb");
    if (!fp) {
      std::fprintf(stderr, "fuzz_kernel: cannot open %s\n", item.substr(0, colon).c_str());
      std::exit(2);
    }
    std::string text;
    char buf[65536];
    std::size_t got;
    while ((got = std::fread(buf, 1, sizeof(buf), fp)) > 0) text.append(buf, got);
    std::fclose(fp);
    const uf3::PotentialFile pf = uf3::parse_potential_file(text, item.substr(0, colon));
    const auto names = uf3::detail::LineReader::split(els);
    Loaded l{uf3::make_potential(pf, names, true), {}, 0.0, static_cast<int>(names.size())};
    for (const auto &b : pf.pairs) l.knots.insert(l.knots.end(), b.knots.begin(), b.knots.end());
    for (const auto &b : pf.triplets) {
      l.knots.insert(l.knots.end(), b.kij.begin(), b.kij.end());
      l.knots.insert(l.knots.end(), b.kik.begin(), b.kik.end());
      l.knots.insert(l.knots.end(), b.kjk.begin(), b.kjk.end());
    }
    for (double k : l.knots) l.cut = std::max(l.cut, k);
    out.push_back(std::move(l));
  }
  return out;
}

class Bytes {
 public:
  Bytes(const std::uint8_t *d, std::size_t n) : d_(d), n_(n) {}
  std::uint8_t byte() { return p_ < n_ ? d_[p_++] : 0; }
  double unit() { return (byte() * 256.0 + byte()) / 65535.0; }    // [0, 1]
  double raw()
  {
    double v = 0.0;
    if (p_ + 8 <= n_) std::memcpy(&v, d_ + p_, 8);
    p_ += 8;
    return v;
  }

 private:
  const std::uint8_t *d_;
  std::size_t n_, p_ = 0;
};

}    // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
  static const std::vector<Loaded> pots = load();
  Bytes in(data, size);
  const Loaded &L = pots[in.byte() % pots.size()];
  const int n = 1 + in.byte() % 8;
  const double cell = L.cut * (0.5 + 2.0 * in.unit());    // from half to 2.5 cutoffs
  std::vector<double> x(3 * n);
  std::vector<int> el(n);
  for (int i = 0; i < n; ++i) {
    el[i] = in.byte() % L.ne;
    const int how = in.byte() % 6;
    for (int d = 0; d < 3; ++d) x[3 * i + d] = cell * in.unit();
    if (how == 1 && i > 0) {    // at a knot (or a cutoff) from atom 0 along x
      const double k = L.knots[in.byte() % L.knots.size()];
      x[3 * i] = x[0] + k;
      x[3 * i + 1] = x[1];
      x[3 * i + 2] = x[2];
    } else if (how == 2 && i > 0) {    // coincident with an earlier atom
      const int j = in.byte() % i;
      for (int d = 0; d < 3; ++d) x[3 * i + d] = x[3 * j + d];
    } else if (how == 3) {    // far outside the cell (wrapped below, as LAMMPS would not)
      for (int d = 0; d < 3; ++d) x[3 * i + d] += cell * (static_cast<int>(in.byte()) - 128) * 1000.0;
    } else if (how == 4) {    // any double at all, NaN and infinities included
      for (int d = 0; d < 3; ++d) x[3 * i + d] = in.raw();
    }
  }
  // full neighbour list over periodic images within the largest cutoff
  const double cut = L.cut;
  const int reach = static_cast<int>(std::ceil(cut / cell));
  std::vector<int> off{0}, idx;
  std::vector<double> disp;
  bool finite_positions = true;
  for (double v : x) finite_positions = finite_positions && std::isfinite(v) && std::fabs(v) < 1e12;
  if (!finite_positions) return 0;    // not a geometry: the caller (LAMMPS, Java) never passes one
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j)
      for (int a = -reach; a <= reach; ++a)
        for (int b = -reach; b <= reach; ++b)
          for (int c = -reach; c <= reach; ++c) {
            if (i == j && a == 0 && b == 0 && c == 0) continue;
            double dv[3];
            for (int d = 0; d < 3; ++d) {
              const double s = d == 0 ? a : d == 1 ? b : c;
              // minimum-image base shift, then the image offset
              const double raw = x[3 * j + d] - x[3 * i + d];
              dv[d] = raw - cell * std::nearbyint(raw / cell) + s * cell;
            }
            if (dv[0] * dv[0] + dv[1] * dv[1] + dv[2] * dv[2] <= cut * cut) {
              idx.push_back(j);
              disp.insert(disp.end(), dv, dv + 3);
            }
          }
    off.push_back(static_cast<int>(idx.size()));
  }
  std::vector<double> f(3 * n), ae(n), av(6 * n);
  double vir[6];
  double e;
  try {
    e = L.pot.compute(n, el.data(), off.data(), idx.data(), disp.data(), f.data(), vir, ae.data(), av.data());
  } catch (const uf3::Error &err) {
    const std::string m = err.what();
    if (m.empty() || m.find('\n') != std::string::npos) violation("bad error message: '" + m + "'");
    return 0;
  } catch (const std::exception &err) {
    violation(std::string("compute threw a non-uf3::Error: ") + err.what());
  }
  double fmax = 0.0, sum[3] = {0, 0, 0}, esum = 0.0;
  for (int i = 0; i < n; ++i) {
    esum += ae[i];
    for (int d = 0; d < 3; ++d) {
      if (!std::isfinite(f[3 * i + d])) violation("non-finite force");
      fmax = std::max(fmax, std::fabs(f[3 * i + d]));
      sum[d] += f[3 * i + d];
    }
  }
  if (!std::isfinite(e)) violation("non-finite energy");
  for (double v : vir)
    if (!std::isfinite(v)) violation("non-finite virial");
  for (double s : sum)
    if (std::fabs(s) > 1e-9 * std::max(1.0, fmax) * n) violation("net force " + std::to_string(s) + " is not zero");
  if (std::fabs(esum - e) > 1e-9 * std::max(1.0, std::fabs(e))) violation("per-atom energies do not sum to the energy");
  return 0;
}

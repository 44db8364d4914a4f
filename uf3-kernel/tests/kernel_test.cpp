// Stand-alone tests of the UF3 kernel, uf3/uf3.h (no LAMMPS):
//   kernel_test check FILE.uf3 [FILE2.uf3]   correctness checks, exit 1 on failure
//   kernel_test bench FILE.uf3 [reps]        time Potential::compute on 2000 bcc Nb atoms
// Checks: basis against a direct Cox-de Boor recursion (uniform and non-uniform knots),
// pair/triplet energies against direct sums, forces and virial against central finite
// differences of the energy, per-atom sums, translation/permutation invariance, and
// errors for atoms closer than the first knot.
#include "uf3/uf3.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

int n_fail = 0, n_pass = 0;

void check(bool ok, const std::string &what)
{
  if (ok) {
    ++n_pass;
  } else {
    ++n_fail;
    std::printf("FAIL: %s\n", what.c_str());
  }
}


// direct Cox-de Boor recursion, value of B_{i,p}(r) (right-open intervals)
double bspline(const std::vector<double> &t, int i, int p, double r)
{
  if (p == 0) return (t[i] <= r && r < t[i + 1]) ? 1.0 : 0.0;
  double v = 0.0;
  const double d1 = t[i + p] - t[i], d2 = t[i + p + 1] - t[i + 1];
  if (d1 > 0) v += (r - t[i]) / d1 * bspline(t, i, p - 1, r);
  if (d2 > 0) v += (t[i + p + 1] - r) / d2 * bspline(t, i + 1, p - 1, r);
  return v;
}

std::string read_file(const std::string &path)
{
  std::ifstream in(path);
  if (!in) {
    std::printf("cannot open %s\n", path.c_str());
    std::exit(2);
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct System {
  double L[3];
  std::vector<double> x;    // 3n
  std::vector<int> el;
  int n() const { return static_cast<int>(el.size()); }
};

struct Csr {
  std::vector<int> off, idx;
  std::vector<double> disp;
};

Csr neighbours(const System &s, double rc)
{
  Csr c;
  const int n = s.n();
  int img[3];
  for (int d = 0; d < 3; ++d) img[d] = static_cast<int>(std::ceil(rc / s.L[d]));
  c.off.push_back(0);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j)
      for (int a = -img[0]; a <= img[0]; ++a)
        for (int b = -img[1]; b <= img[1]; ++b)
          for (int e = -img[2]; e <= img[2]; ++e) {
            const double dx = s.x[3 * j] + a * s.L[0] - s.x[3 * i];
            const double dy = s.x[3 * j + 1] + b * s.L[1] - s.x[3 * i + 1];
            const double dz = s.x[3 * j + 2] + e * s.L[2] - s.x[3 * i + 2];
            const double r2 = dx * dx + dy * dy + dz * dz;
            if (r2 > 0 && r2 < rc * rc) {
              c.idx.push_back(j);
              c.disp.push_back(dx);
              c.disp.push_back(dy);
              c.disp.push_back(dz);
            }
          }
    c.off.push_back(static_cast<int>(c.idx.size()));
  }
  return c;
}

double energy(const uf3::Potential &p, const System &s, double rc, std::vector<double> *f = nullptr,
              double *vir = nullptr, std::vector<double> *ea = nullptr, std::vector<double> *va = nullptr)
{
  Csr c = neighbours(s, rc);
  if (f) f->assign(3 * s.n(), 0.0);
  if (ea) ea->assign(s.n(), 0.0);
  if (va) va->assign(6 * s.n(), 0.0);
  return p.compute(s.n(), s.el.data(), c.off.data(), c.idx.data(), c.disp.data(), f ? f->data() : nullptr, vir,
                   ea ? ea->data() : nullptr, va ? va->data() : nullptr);
}

System bcc(int nrep, double a, double jitter, unsigned seed, int n_el)
{
  System s;
  s.L[0] = s.L[1] = s.L[2] = nrep * a;
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(-jitter, jitter);
  std::uniform_int_distribution<int> pick(0, n_el - 1);
  for (int i = 0; i < nrep; ++i)
    for (int j = 0; j < nrep; ++j)
      for (int k = 0; k < nrep; ++k)
        for (int b = 0; b < 2; ++b) {
          s.x.push_back((i + 0.5 * b) * a + u(rng));
          s.x.push_back((j + 0.5 * b) * a + u(rng));
          s.x.push_back((k + 0.5 * b) * a + u(rng));
          s.el.push_back(pick(rng));
        }
  return s;
}

void test_basis()
{
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  for (int variant = 0; variant < 3; ++variant) {
    std::vector<double> t;
    if (variant == 0) {    // clamped uniform
      for (int i = 0; i < 4; ++i) t.push_back(1.0);
      for (int i = 1; i < 9; ++i) t.push_back(1.0 + 0.5 * i);
      for (int i = 0; i < 3; ++i) t.push_back(5.5);
    } else if (variant == 1) {    // clamped non-uniform
      for (int i = 0; i < 4; ++i) t.push_back(0.5);
      double x = 0.5;
      for (int i = 0; i < 7; ++i) t.push_back(x += 0.2 + u(rng));
      for (int i = 0; i < 3; ++i) t.push_back(x);
    } else {    // clamped with a double interior knot
      t = {1, 1, 1, 1, 1.5, 2, 2, 2.7, 3.1, 4, 4, 4, 4};
    }
    uf3::Knots k(t.data(), static_cast<int>(t.size()), "test");
    const int nb = k.n_basis();
    double maxerr = 0, maxderr = 0, maxpu = 0;
    for (int s = 0; s < 2000; ++s) {
      const double r = k.lo() + (k.hi() - k.lo()) * (s + 0.5) / 2000.0;
      const int q = k.locate(r);
      double B[4], dB[4];
      k.basis(q, r, B, dB);
      double sum = 0;
      for (int b = 0; b < 4; ++b) {
        const double ref = bspline(t, q + b, 3, r);
        maxerr = std::max(maxerr, std::fabs(ref - B[b]));
        const double h = 1e-6;
        const double dref = (bspline(t, q + b, 3, r + h) - bspline(t, q + b, 3, r - h)) / (2 * h);
        maxderr = std::max(maxderr, std::fabs(dref - dB[b]));
        sum += B[b];
      }
      maxpu = std::max(maxpu, std::fabs(sum - 1.0));
      // the other basis functions vanish here
      for (int i = 0; i < nb; ++i)
        if (i < q || i > q + 3) maxerr = std::max(maxerr, std::fabs(bspline(t, i, 3, r)));
    }
    char buf[200];
    std::snprintf(buf, sizeof(buf), "basis variant %d: max |B - CoxdeBoor| = %.2e, |dB - fd| = %.2e, |sum-1| = %.2e",
                  variant, maxerr, maxderr, maxpu);
    std::printf("%s\n", buf);
    check(maxerr < 1e-13 && maxderr < 1e-6 && maxpu < 1e-13, buf);
    check(k.uniform() == (variant == 0), "uniform detection variant " + std::to_string(variant));
  }
}

void test_terms(const uf3::PotentialFile &pf, const uf3::Potential &pot, const std::vector<std::string> &els)
{
  // pair energies against the direct sum over basis functions
  for (const auto &b : pf.pairs) {
    int a = -1, c = -1;
    for (std::size_t i = 0; i < els.size(); ++i) {
      if (els[i] == b.el[0]) a = static_cast<int>(i);
      if (els[i] == b.el[1]) c = static_cast<int>(i);
    }
    if (a < 0 || c < 0) continue;
    double maxerr = 0, scale = 0;
    for (int s = 0; s < 500; ++s) {
      const double r = b.knots[3] + (b.knots.back() - b.knots[3]) * (s + 0.37) / 500.0;
      double ref = 0;
      for (std::size_t n = 0; n < b.coeff.size(); ++n) ref += b.coeff[n] * bspline(b.knots, static_cast<int>(n), 3, r);
      double dv;
      const double v = pot.pair_energy(a, c, r, &dv);
      maxerr = std::max(maxerr, std::fabs(v - ref));
      scale = std::max(scale, std::fabs(ref));
    }
    std::printf("2B %s %s: max |V - direct| = %.2e (max |V| %.2e)\n", b.el[0].c_str(), b.el[1].c_str(), maxerr, scale);
    check(maxerr <= 1e-12 * scale, "2B direct sum " + b.el[0] + " " + b.el[1]);
  }
  std::mt19937 rng(11);
  for (const auto &b : pf.triplets) {
    int a = -1, j = -1, k = -1;
    for (std::size_t i = 0; i < els.size(); ++i) {
      if (els[i] == b.el[0]) a = static_cast<int>(i);
      if (els[i] == b.el[1]) j = static_cast<int>(i);
      if (els[i] == b.el[2]) k = static_cast<int>(i);
    }
    if (a < 0 || j < 0 || k < 0) continue;
    std::uniform_real_distribution<double> uij(b.kij[3], b.kij.back()), uik(b.kik[3], b.kik.back());
    double maxerr = 0, scale = 0, maxg = 0, gscale = 0;
    for (int s = 0; s < 200; ++s) {
      const double rij = uij(rng), rik = uik(rng);
      std::uniform_real_distribution<double> ujk(std::max(std::fabs(rij - rik), b.kjk[3]),
                                                 std::min(rij + rik, b.kjk.back()));
      const double rjk = ujk(rng);
      auto direct = [&](double x, double y, double z) {
        double e = 0;
        for (int l = 0; l < b.L; ++l) {
          const double bl = bspline(b.kij, l, 3, x);
          if (bl == 0) continue;
          for (int m = 0; m < b.M; ++m) {
            const double bm = bspline(b.kik, m, 3, y);
            if (bm == 0) continue;
            for (int n = 0; n < b.N; ++n)
              e += b.coeff[(static_cast<std::size_t>(l) * b.M + m) * b.N + n] * bl * bm * bspline(b.kjk, n, 3, z);
          }
        }
        return e;
      };
      double ref = direct(rij, rik, rjk);
      if (j == k) ref = 0.5 * (ref + direct(rik, rij, rjk));    // kernel uses the symmetric part
      double g[3];
      const double v = pot.triplet_energy(a, j, k, rij, rik, rjk, g);
      maxerr = std::max(maxerr, std::fabs(v - ref));
      scale = std::max(scale, std::fabs(ref));
      // swapped orientation gives the same energy
      double gs[3];
      const double vs = pot.triplet_energy(a, k, j, rik, rij, rjk, gs);
      maxerr = std::max(maxerr, std::fabs(vs - v));
      const double h = 1e-6;
      double fd[3];
      fd[0] = (pot.triplet_energy(a, j, k, rij + h, rik, rjk, nullptr) -
               pot.triplet_energy(a, j, k, rij - h, rik, rjk, nullptr)) / (2 * h);
      fd[1] = (pot.triplet_energy(a, j, k, rij, rik + h, rjk, nullptr) -
               pot.triplet_energy(a, j, k, rij, rik - h, rjk, nullptr)) / (2 * h);
      fd[2] = (pot.triplet_energy(a, j, k, rij, rik, rjk + h, nullptr) -
               pot.triplet_energy(a, j, k, rij, rik, rjk - h, nullptr)) / (2 * h);
      for (int d = 0; d < 3; ++d) {
        maxg = std::max(maxg, std::fabs(fd[d] - g[d]));
        gscale = std::max(gscale, std::fabs(g[d]));
      }
      maxg = std::max({maxg, std::fabs(gs[0] - g[1]), std::fabs(gs[1] - g[0]), std::fabs(gs[2] - g[2])});
    }
    std::printf("3B %s %s %s: max |V - direct| = %.2e (max |V| %.2e), max |grad - fd| = %.2e (max %.2e)\n",
                b.el[0].c_str(), b.el[1].c_str(), b.el[2].c_str(), maxerr, scale, maxg, gscale);
    check(maxerr <= 1e-12 * std::max(scale, 1e-300) + 1e-18, "3B direct sum " + b.el[0] + b.el[1] + b.el[2]);
    check(maxg <= 1e-6 * std::max(gscale, 1e-300) + 1e-12, "3B gradient " + b.el[0] + b.el[1] + b.el[2]);
  }
}

void test_system(const uf3::Potential &pot, int n_el, const std::string &label, unsigned seed)
{
  const double rc = pot.max_cutoff();
  System s = bcc(2, 3.3008, 0.15, seed, n_el);
  std::vector<double> f, ea, va;
  double vir[6];
  const double E = energy(pot, s, rc, &f, vir, &ea, &va);
  // forces: central differences
  const double h = 1e-5;
  double maxf = 0, fscale = 0;
  for (int i = 0; i < s.n(); ++i)
    for (int d = 0; d < 3; ++d) {
      System p = s, m = s;
      p.x[3 * i + d] += h;
      m.x[3 * i + d] -= h;
      const double fd = -(energy(pot, p, rc) - energy(pot, m, rc)) / (2 * h);
      maxf = std::max(maxf, std::fabs(fd - f[3 * i + d]));
      fscale = std::max(fscale, std::fabs(f[3 * i + d]));
    }
  // virial: W_ab = -dE/de_ab under homogeneous strain x -> (1+e) x  (diagonal and symmetric shear)
  double maxv = 0, vscale = 0;
  const int comp[6][2] = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
  for (int c = 0; c < 6; ++c) {
    auto strained = [&](double eps) {
      // triclinic strain of an orthogonal cell is not representable here for shears, so
      // strain the atom positions and use explicit image displacements instead
      System t = s;
      const int a = comp[c][0], b = comp[c][1];
      Csr nl = neighbours(s, rc + 0.5);
      for (std::size_t p = 0; p < nl.idx.size(); ++p) {
        double *d = &nl.disp[3 * p];
        if (a == b) {
          d[a] *= 1 + eps;
        } else {
          const double da = d[a], db = d[b];
          d[a] += 0.5 * eps * db;
          d[b] += 0.5 * eps * da;
        }
      }
      return pot.compute(t.n(), t.el.data(), nl.off.data(), nl.idx.data(), nl.disp.data(), nullptr, nullptr,
                         nullptr, nullptr);
    };
    const double he = 1e-6;
    const double dEde = (strained(he) - strained(-he)) / (2 * he);
    // E(eps) with d -> (1+eps) d: dE/deps = sum dE/dd . d = -W
    const double W = -dEde;
    maxv = std::max(maxv, std::fabs(W - vir[c]));
    vscale = std::max(vscale, std::fabs(vir[c]));
  }
  double se = 0, sv[6] = {0, 0, 0, 0, 0, 0}, fsum[3] = {0, 0, 0};
  for (int i = 0; i < s.n(); ++i) {
    se += ea[i];
    for (int k = 0; k < 6; ++k) sv[k] += va[6 * i + k];
    for (int d = 0; d < 3; ++d) fsum[d] += f[3 * i + d];
  }
  double maxsv = 0;
  for (int k = 0; k < 6; ++k) maxsv = std::max(maxsv, std::fabs(sv[k] - vir[k]));
  // translation and permutation invariance
  System t = s;
  for (int i = 0; i < t.n(); ++i) t.x[3 * i] += 0.123;
  const double Et = energy(pot, t, rc);
  System p = s;
  std::reverse(p.el.begin(), p.el.end());
  for (int i = 0; i < s.n(); ++i)
    for (int d = 0; d < 3; ++d) p.x[3 * i + d] = s.x[3 * (s.n() - 1 - i) + d];
  const double Ep = energy(pot, p, rc);
  char buf[400];
  std::snprintf(buf, sizeof(buf),
                "%s: E = %.12g; |F - fd| = %.2e (max |F| %.2e); |W - fd| = %.2e (max |W| %.2e); "
                "|sum e_i - E| = %.2e; |sum w_i - W| = %.2e; |sum F| = %.2e; translation %.2e; permutation %.2e",
                label.c_str(), E, maxf, fscale, maxv, vscale, std::fabs(se - E), maxsv,
                std::fabs(fsum[0]) + std::fabs(fsum[1]) + std::fabs(fsum[2]), std::fabs(Et - E), std::fabs(Ep - E));
  std::printf("%s\n", buf);
  check(maxf < 1e-6 * std::max(1.0, fscale), label + ": forces vs finite differences");
  check(maxv < 1e-6 * std::max(1.0, vscale), label + ": virial vs finite differences");
  check(std::fabs(se - E) < 1e-10 * std::fabs(E), label + ": per-atom energies sum to E");
  check(maxsv < 1e-10 * std::max(1.0, vscale), label + ": per-atom virials sum to W");
  check(std::fabs(fsum[0]) + std::fabs(fsum[1]) + std::fabs(fsum[2]) < 1e-10 * std::max(1.0, fscale),
        label + ": forces sum to zero");
  check(std::fabs(Et - E) < 1e-11 * std::fabs(E), label + ": translation invariance");
  check(std::fabs(Ep - E) < 1e-11 * std::fabs(E), label + ": permutation invariance");

  // too close: an atom pushed onto another -> error naming the atoms
  System c = s;
  c.x[3] = c.x[0] + 0.0004;
  c.x[4] = c.x[1];
  c.x[5] = c.x[2];
  bool threw = false;
  try {
    energy(pot, c, rc);
  } catch (const uf3::Error &e) {
    threw = std::string(e.what()).find("closer than the first knot") != std::string::npos;
    std::printf("%s: too-close error: %s\n", label.c_str(), e.what());
  }
  check(threw, label + ": error for atoms closer than the first knot");
}

int run_checks(int argc, char **argv)
{
  test_basis();
  for (int f = 2; f < argc; ++f) {
    const std::string path = argv[f];
    uf3::PotentialFile pf = uf3::parse_potential_file(read_file(path), path);
    std::vector<std::string> els = pf.elements;
    std::vector<std::string> warnings;
    uf3::Potential pot = uf3::make_potential(pf, els, true, &warnings);
    for (const auto &w : warnings) std::printf("warning: %s\n", w.c_str());
    test_terms(pf, pot, els);
    test_system(pot, static_cast<int>(els.size()), path + " (2+3-body)", 5);
    uf3::Potential pot2 = uf3::make_potential(pf, els, false);
    test_system(pot2, static_cast<int>(els.size()), path + " (2-body)", 6);
  }
  std::printf("kernel_test: %d passed, %d failed\n", n_pass, n_fail);
  return n_fail ? 1 : 0;
}

int run_bench(int argc, char **argv)
{
  const std::string path = argv[2];
  const int reps = argc > 3 ? std::atoi(argv[3]) : 10;
  uf3::PotentialFile pf = uf3::parse_potential_file(read_file(path), path);
  const bool three = argc > 4 ? std::atoi(argv[4]) != 0 : true;
  uf3::Potential pot = uf3::make_potential(pf, pf.elements, three);
  System s = bcc(10, 3.3008, 0.05, 3, 1);
  Csr c = neighbours(s, pot.max_cutoff());
  std::vector<double> f(3 * s.n());
  double vir[6];
  double E = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; ++r)
    E = pot.compute(s.n(), s.el.data(), c.off.data(), c.idx.data(), c.disp.data(), f.data(), vir, nullptr, nullptr);
  auto t1 = std::chrono::steady_clock::now();
  const double us = std::chrono::duration<double, std::micro>(t1 - t0).count() / reps / s.n();
  std::printf("E = %.12g, %.3f us/atom/evaluation (%d atoms, %zu neighbour entries)\n", E, us, s.n(), c.idx.size());
  return 0;
}

}    // namespace

int main(int argc, char **argv)
{
  if (argc >= 3 && std::string(argv[1]) == "check") return run_checks(argc, argv);
  if (argc >= 3 && std::string(argv[1]) == "bench") return run_bench(argc, argv);
  std::printf("usage: kernel_test check FILE.uf3 [...] | kernel_test bench FILE.uf3 [reps]\n");
  return 2;
}

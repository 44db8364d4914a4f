// libFuzzer target: the .uf3 parser (uf3/file.h) and the Potential built from what it accepts.
// Contract: any input either parses, or throws uf3::Error with a one-line message that names
// the file (and, for syntax, the line); never another exception, a crash or undefined
// behaviour (run under AddressSanitizer + UndefinedBehaviorSanitizer). A file that parses and
// builds a Potential must give a finite energy on a small cluster whenever its coefficients
// are moderate (B-spline bases lie in [0, 1], so |E| <= number of terms x max |c|).
// Build: scripts/fuzz.sh (clang++ -fsanitize=fuzzer,address,undefined).
#include "uf3/uf3.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

[[noreturn]] void violation(const std::string &what)
{
  std::fprintf(stderr, "contract violation: %s\n", what.c_str());
  std::abort();
}

void check_message(const uf3::Error &e, bool needs_line)
{
  const std::string m = e.what();
  if (m.empty()) violation("empty error message");
  if (m.find('\n') != std::string::npos) violation("multi-line error message: " + m);
  if (m.find("fuzz.uf3") == std::string::npos) violation("message does not name the file: " + m);
  if (needs_line && m.find("line") == std::string::npos) violation("message names no line: " + m);
}

double max_coefficient(const uf3::PotentialFile &pf)
{
  double m = 0.0;
  for (const auto &b : pf.pairs)
    for (double c : b.coeff) m = std::max(m, std::fabs(c));
  for (const auto &b : pf.triplets)
    for (double c : b.coeff) m = std::max(m, std::fabs(c));
  return m;
}

// The largest first knot of any spline (knots[3] of a clamped vector): the cluster below is
// scaled so that no distance falls under it.
double largest_first_knot(const uf3::PotentialFile &pf)
{
  double m = 0.0;
  auto first = [&m](const std::vector<double> &k) {
    if (k.size() > 3 && std::isfinite(k[3])) m = std::max(m, k[3]);
  };
  for (const auto &b : pf.pairs) first(b.knots);
  for (const auto &b : pf.triplets) {
    first(b.kij);
    first(b.kik);
    first(b.kjk);
  }
  return m;
}

// Four atoms of the given element indices, 2.1-3.0 Å apart times `scale`, one full neighbour list.
double cluster_energy(const uf3::Potential &pot, int ne, double scale)
{
  const double x0[4][3] = {{0, 0, 0}, {2.1, 0.3, 0}, {0.4, 2.6, 0.2}, {1.0, 1.0, 1.7}};
  double x[4][3];
  for (int i = 0; i < 4; ++i)
    for (int d = 0; d < 3; ++d) x[i][d] = x0[i][d] * scale;
  int el[4];
  for (int i = 0; i < 4; ++i) el[i] = i % ne;
  std::vector<int> off{0}, idx;
  std::vector<double> disp;
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) {
      if (i == j) continue;
      idx.push_back(j);
      for (int d = 0; d < 3; ++d) disp.push_back(x[j][d] - x[i][d]);
    }
    off.push_back(static_cast<int>(idx.size()));
  }
  std::vector<double> f(12);
  double vir[6];
  return pot.compute(4, el, off.data(), idx.data(), disp.data(), f.data(), vir, nullptr, nullptr);
}

}    // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
  const std::string text(reinterpret_cast<const char *>(data), size);
  uf3::PotentialFile pf;
  try {
    pf = uf3::parse_potential_file(text, "fuzz.uf3");
  } catch (const uf3::Error &e) {
    check_message(e, true);
    return 0;
  } catch (const std::exception &e) {
    violation(std::string("parse threw a non-uf3::Error: ") + e.what());
  }
  if (pf.elements.empty() || pf.elements.size() > 4) return 0;
  for (bool three : {false, true}) {
    try {
      uf3::Potential pot = uf3::make_potential(pf, pf.elements, three);
      double e;
      try {
        const double scale = std::max(1.0, 1.01 * largest_first_knot(pf) / 2.12);    // 2.12 Å: its shortest distance
        e = cluster_energy(pot, static_cast<int>(pf.elements.size()), scale);
      } catch (const uf3::Error &err) {
        continue;    // atoms closer than a first knot: a documented refusal
      }
      if (!std::isfinite(e) && max_coefficient(pf) < 1e250)
        violation("non-finite energy from finite, moderate coefficients");
    } catch (const uf3::Error &e) {
      check_message(e, false);
    } catch (const std::exception &e) {
      violation(std::string("make_potential threw a non-uf3::Error: ") + e.what());
    }
  }
  return 0;
}

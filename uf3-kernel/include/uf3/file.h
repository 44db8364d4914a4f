// uf3/file.h -- reader for the ML-UF3 potential file format (LAMMPS >= 27Jun2024),
// producing a uf3::Potential.  Header-only C++17, no LAMMPS dependency.  The one check
// that a potential has every term the simulated elements need is make_potential's.
//
// Format (one block per interaction, each line as shown; '#' lines close blocks):
//   #UF3 POT UNITS: metal DATE: ... AUTHOR: ... CITATION: ...
//   2B El1 El2 LEAD TRAIL uk|nk
//   RCUT NKNOTS
//   knot_0 ... knot_{NKNOTS-1}
//   NCOEFF
//   c_0 ... c_{NCOEFF-1}
//   #
//   #UF3 POT UNITS: metal ...
//   3B Elc El1 El2 LEAD TRAIL uk|nk           (leg ij -> El1, leg ik -> El2)
//   RJK RIK RIJ NK_JK NK_IK NK_IJ
//   knots of the jk leg
//   knots of the ik leg
//   knots of the ij leg
//   L M N                                     (L = NK_IJ-4, M = NK_IK-4, N = NK_JK-4)
//   L*M lines of N coefficients c[l][m][0..N-1], l slowest
//   #
// Requirements checked here: LEAD = 0, TRAIL = 3, NKNOTS = NCOEFF + 4 (per leg for
// 3B), no knot beyond the block's declared cutoff (the declared cutoff is what the
// neighbour list is built from), one units style for the whole file, no duplicate
// blocks.  Unlike LAMMPS' ML-UF3 style, the three legs of a 3B block may have
// independent cutoffs and knots.  Every problem is reported as
//   uf3::Error("file NAME line N: expected ..., found ...").
#ifndef UF3_FILE_H
#define UF3_FILE_H

#include "uf3/error.h"
#include "uf3/potential.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace uf3 {

struct PairBlock {
  std::string el[2];
  double rcut = 0.0;
  std::vector<double> knots, coeff;
  int line = 0;          // line of the "2B" word
  int knots_line = 0;
  int coeff_line = 0;
};

struct TripletBlock {
  std::string el[3];     // centre, ij-leg element, ik-leg element
  double rjk = 0.0, rik = 0.0, rij = 0.0;
  std::vector<double> kjk, kik, kij, coeff;
  int L = 0, M = 0, N = 0;
  int line = 0;          // line of the "3B" word
  int knots_line = 0;    // line of the jk knots (ik, ij follow)
  int coeff_line = 0;    // first coefficient row
};

struct PotentialFile {
  std::string name;
  std::string units;
  int units_line = 0;
  std::vector<PairBlock> pairs;
  std::vector<TripletBlock> triplets;
  std::vector<std::string> elements;    // in order of first appearance
};

namespace detail {

class LineReader {
 public:
  LineReader(const std::string &text, const std::string &name) : name_(name)
  {
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(pos, end - pos);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(line);
      pos = end + 1;
    }
    // a trailing newline leaves one empty pseudo-line: drop it
    if (!lines_.empty() && lines_.back().empty()) lines_.pop_back();
  }

  bool done() const { return next_ >= lines_.size(); }
  int line_no() const { return static_cast<int>(next_); }    // number of the line last read
  int total() const { return static_cast<int>(lines_.size()); }
  const std::string &peek() const { return lines_[next_]; }
  const std::string &next() { return lines_[next_++]; }

  [[noreturn]] void fail(int line, const std::string &msg) const
  {
    throw Error("file " + name_ + " line " + std::to_string(line) + ": " + msg);
  }

  // next line as tokens; fails at end of file
  std::vector<std::string> tokens(const std::string &what, int block_line)
  {
    if (done())
      fail(total(), "file ends inside the block started on line " + std::to_string(block_line) +
                        ": expected " + what);
    return split(next());
  }

  static std::vector<std::string> split(const std::string &s)
  {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
  }

  const std::string &name() const { return name_; }

 private:
  std::string name_;
  std::vector<std::string> lines_;
  std::size_t next_ = 0;
};

inline bool parse_double(const std::string &s, double &out)
{
  if (s.empty()) return false;
  char *end = nullptr;
  errno = 0;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && errno != ERANGE && std::isfinite(out);
}

inline bool parse_int(const std::string &s, int &out)
{
  if (s.empty()) return false;
  char *end = nullptr;
  errno = 0;
  long v = std::strtol(s.c_str(), &end, 10);
  if (end != s.c_str() + s.size() || errno == ERANGE || v < -1000000000L || v > 1000000000L)
    return false;
  out = static_cast<int>(v);
  return true;
}

inline std::string quote(const std::string &s)
{
  const std::size_t max = 60;
  std::string t = s.size() > max ? s.substr(0, max) : s;
  for (char &c : t)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  return "'" + t + (s.size() > max ? "...'" : "'");
}

inline double number(LineReader &rd, const std::string &tok, const std::string &what)
{
  double v;
  if (!parse_double(tok, v)) rd.fail(rd.line_no(), "expected " + what + " (a finite number), found " + quote(tok));
  return v;
}

inline int integer(LineReader &rd, const std::string &tok, const std::string &what, int min)
{
  int v;
  if (!parse_int(tok, v)) rd.fail(rd.line_no(), "expected " + what + " (an integer), found " + quote(tok));
  if (v < min)
    rd.fail(rd.line_no(), "expected " + what + " >= " + std::to_string(min) + ", found " + tok);
  return v;
}

// exactly `count` numbers on the next line
inline std::vector<double> number_line(LineReader &rd, int count, const std::string &what, int block_line)
{
  if (rd.done())
    rd.fail(rd.total(), "file ends inside the block started on line " + std::to_string(block_line) +
                            ": expected " + what);
  const std::string &raw = rd.next();
  auto t = LineReader::split(raw);
  if (!t.empty() && t[0][0] == '#')
    rd.fail(rd.line_no(), "expected " + what + " (" + std::to_string(count) +
                              " numbers), found the comment/block line " + quote(raw) + " (truncated block?)");
  if (static_cast<int>(t.size()) != count)
    rd.fail(rd.line_no(), "expected " + what + ": " + std::to_string(count) + " numbers, found " +
                              std::to_string(t.size()));
  std::vector<double> v(count);
  for (int i = 0; i < count; ++i) v[i] = number(rd, t[i], what + " (entry " + std::to_string(i + 1) + ")");
  return v;
}

inline void check_knots_within(LineReader &rd, int line, const std::vector<double> &knots, double cut,
                               int cut_line, const std::string &what)
{
  const double last = knots.back();
  if (last > cut * (1.0 + 1e-12) + 1e-12)
    rd.fail(line, "the last " + what + " knot " + fmt_double(last) + " lies beyond the cutoff " +
                      fmt_double(cut) + " declared on line " + std::to_string(cut_line) +
                      ": the interaction would reach beyond the neighbour-list cutoff");
}

inline void check_trims(LineReader &rd, const std::vector<std::string> &t, int first)
{
  const int lead = integer(rd, t[first], "the leading trim", 0);
  const int trail = integer(rd, t[first + 1], "the trailing trim", 0);
  if (lead != 0)
    rd.fail(rd.line_no(), "expected leading trim 0 (the only value pair_style uf3 supports), found " +
                              std::to_string(lead));
  if (trail != 3)
    rd.fail(rd.line_no(), "expected trailing trim 3 (the only value pair_style uf3 supports), found " +
                              std::to_string(trail));
  const std::string &sp = t[first + 2];
  if (sp != "uk" && sp != "nk")
    rd.fail(rd.line_no(), "expected knot spacing 'uk' or 'nk', found " + quote(sp));
}

}    // namespace detail

// Parse the whole text of a .uf3 file (name is used in messages only).
inline PotentialFile parse_potential_file(const std::string &text, const std::string &name)
{
  using namespace detail;
  PotentialFile pf;
  pf.name = name;
  LineReader rd(text, name);
  std::map<std::pair<std::string, std::string>, int> seen2;
  std::map<std::pair<std::string, std::pair<std::string, std::string>>, int> seen3;
  auto note_element = [&pf](const std::string &e) {
    for (const auto &x : pf.elements)
      if (x == e) return;
    pf.elements.push_back(e);
  };

  while (!rd.done()) {
    const std::string &raw = rd.next();
    auto t = LineReader::split(raw);
    if (t.empty()) continue;
    const bool header = t.size() >= 2 && t[0] == "#UF3" && t[1] == "POT";
    if (!header) {
      if (t[0][0] == '#') continue;    // comment between blocks
      rd.fail(rd.line_no(), "expected a block header '#UF3 POT UNITS: ...', found " + quote(raw));
    }
    const int block_line = rd.line_no();
    // units
    std::string units;
    for (std::size_t i = 0; i + 1 < t.size(); ++i)
      if (t[i] == "UNITS:") units = t[i + 1];
    if (units.empty() || units.back() == ':')
      rd.fail(block_line, "expected 'UNITS: <units style>' in the block header, found " + quote(raw));
    if (pf.units.empty()) {
      pf.units = units;
      pf.units_line = block_line;
    } else if (units != pf.units) {
      rd.fail(block_line, "expected the same units as line " + std::to_string(pf.units_line) + " ('" +
                              pf.units + "'), found '" + units + "'");
    }

    auto k = rd.tokens("a '2B' or '3B' line", block_line);
    const int kind_line = rd.line_no();
    if (k.empty())
      rd.fail(kind_line, "expected '2B El1 El2 LEAD TRAIL uk|nk' or '3B Elc El1 El2 LEAD TRAIL uk|nk', "
                         "found an empty line");
    if (k[0] == "2B") {
      if (k.size() != 6)
        rd.fail(kind_line, "expected 6 words '2B El1 El2 LEAD TRAIL uk|nk', found " + std::to_string(k.size()));
      check_trims(rd, k, 3);
      PairBlock b;
      b.el[0] = k[1];
      b.el[1] = k[2];
      b.line = kind_line;
      auto key = std::make_pair(std::min(k[1], k[2]), std::max(k[1], k[2]));
      auto it = seen2.find(key);
      if (it != seen2.end())
        rd.fail(kind_line, "duplicate 2B block for " + k[1] + "-" + k[2] + " (first defined on line " +
                               std::to_string(it->second) + ")");
      seen2[key] = kind_line;

      auto h = rd.tokens("'RCUT NKNOTS'", block_line);
      const int hline = rd.line_no();
      if (h.size() != 2) rd.fail(hline, "expected 2 words 'RCUT NKNOTS', found " + std::to_string(h.size()));
      b.rcut = number(rd, h[0], "the cutoff RCUT");
      if (!(b.rcut > 0.0)) rd.fail(hline, "expected a positive cutoff RCUT, found " + h[0]);
      const int nk = integer(rd, h[1], "the number of knots NKNOTS", 8);
      b.knots = number_line(rd, nk, "the " + std::to_string(nk) + " knots", block_line);
      b.knots_line = rd.line_no();
      check_knots_within(rd, b.knots_line, b.knots, b.rcut, hline, "2B");
      auto c = rd.tokens("'NCOEFF'", block_line);
      const int cline = rd.line_no();
      if (c.size() != 1) rd.fail(cline, "expected 1 word 'NCOEFF', found " + std::to_string(c.size()));
      const int nc = integer(rd, c[0], "the number of coefficients NCOEFF", 1);
      if (nk != nc + 4)
        rd.fail(cline, "expected NCOEFF = NKNOTS - 4 = " + std::to_string(nk - 4) + " (NKNOTS = " +
                           std::to_string(nk) + " on line " + std::to_string(hline) + "), found " +
                           std::to_string(nc));
      b.coeff = number_line(rd, nc, "the " + std::to_string(nc) + " coefficients", block_line);
      b.coeff_line = rd.line_no();
      note_element(b.el[0]);
      note_element(b.el[1]);
      pf.pairs.push_back(std::move(b));
    } else if (k[0] == "3B") {
      if (k.size() != 7)
        rd.fail(kind_line, "expected 7 words '3B Elc El1 El2 LEAD TRAIL uk|nk', found " +
                               std::to_string(k.size()));
      check_trims(rd, k, 4);
      TripletBlock b;
      b.el[0] = k[1];
      b.el[1] = k[2];
      b.el[2] = k[3];
      b.line = kind_line;
      auto key = std::make_pair(k[1], std::make_pair(std::min(k[2], k[3]), std::max(k[2], k[3])));
      auto it = seen3.find(key);
      if (it != seen3.end())
        rd.fail(kind_line, "duplicate 3B block for centre " + k[1] + " with neighbours " + k[2] + "-" + k[3] +
                               " (first defined on line " + std::to_string(it->second) + ")");
      seen3[key] = kind_line;

      auto h = rd.tokens("'RJK RIK RIJ NK_JK NK_IK NK_IJ'", block_line);
      const int hline = rd.line_no();
      if (h.size() != 6)
        rd.fail(hline, "expected 6 words 'RJK RIK RIJ NK_JK NK_IK NK_IJ', found " + std::to_string(h.size()));
      b.rjk = number(rd, h[0], "the cutoff RJK");
      b.rik = number(rd, h[1], "the cutoff RIK");
      b.rij = number(rd, h[2], "the cutoff RIJ");
      if (!(b.rjk > 0.0 && b.rik > 0.0 && b.rij > 0.0))
        rd.fail(hline, "expected positive cutoffs RJK RIK RIJ");
      const int nkjk = integer(rd, h[3], "NK_JK", 8);
      const int nkik = integer(rd, h[4], "NK_IK", 8);
      const int nkij = integer(rd, h[5], "NK_IJ", 8);
      b.kjk = number_line(rd, nkjk, "the " + std::to_string(nkjk) + " jk-leg knots", block_line);
      b.knots_line = rd.line_no();
      check_knots_within(rd, rd.line_no(), b.kjk, b.rjk, hline, "jk-leg");
      b.kik = number_line(rd, nkik, "the " + std::to_string(nkik) + " ik-leg knots", block_line);
      check_knots_within(rd, rd.line_no(), b.kik, b.rik, hline, "ik-leg");
      b.kij = number_line(rd, nkij, "the " + std::to_string(nkij) + " ij-leg knots", block_line);
      check_knots_within(rd, rd.line_no(), b.kij, b.rij, hline, "ij-leg");
      auto s = rd.tokens("'L M N' (shape of the coefficient tensor)", block_line);
      const int sline = rd.line_no();
      if (s.size() != 3) rd.fail(sline, "expected 3 words 'L M N', found " + std::to_string(s.size()));
      b.L = integer(rd, s[0], "L", 1);
      b.M = integer(rd, s[1], "M", 1);
      b.N = integer(rd, s[2], "N", 1);
      if (b.L != nkij - 4 || b.M != nkik - 4 || b.N != nkjk - 4)
        rd.fail(sline, "expected L M N = NK_IJ-4 NK_IK-4 NK_JK-4 = " + std::to_string(nkij - 4) + " " +
                           std::to_string(nkik - 4) + " " + std::to_string(nkjk - 4) + " (from line " +
                           std::to_string(hline) + "), found " + s[0] + " " + s[1] + " " + s[2]);
      b.coeff.reserve(static_cast<std::size_t>(b.L) * b.M * b.N);
      for (int l = 0; l < b.L; ++l)
        for (int m = 0; m < b.M; ++m) {
          auto row = number_line(rd, b.N,
                                 "coefficient row [" + std::to_string(l) + "][" + std::to_string(m) +
                                     "] of " + std::to_string(b.L * b.M),
                                 block_line);
          if (l == 0 && m == 0) b.coeff_line = rd.line_no();
          b.coeff.insert(b.coeff.end(), row.begin(), row.end());
        }
      note_element(b.el[0]);
      note_element(b.el[1]);
      note_element(b.el[2]);
      pf.triplets.push_back(std::move(b));
    } else {
      rd.fail(kind_line, "expected '2B' or '3B' (" +
                             std::string(k[0] == "1B" ? "one-body energies are not part of the LAMMPS "
                                                        "format" : "an interaction block") +
                             "), found " + quote(k[0]));
    }
    // the block ends at a '#' line (or at the end of the file)
    while (!rd.done() && LineReader::split(rd.peek()).empty()) rd.next();
    if (!rd.done()) {
      const std::string &nx = rd.peek();
      if (LineReader::split(nx)[0][0] != '#')
        rd.fail(rd.line_no() + 1, "expected '#' closing the block started on line " +
                                      std::to_string(block_line) + ", found " + quote(nx) +
                                      " (too many numbers or lines in the block?)");
      const auto nt = LineReader::split(nx);
      if (!(nt.size() >= 2 && nt[0] == "#UF3" && nt[1] == "POT")) rd.next();
    }
  }
  if (pf.pairs.empty() && pf.triplets.empty())
    throw Error("file " + name + " line " + std::to_string(std::max(rd.total(), 1)) +
                ": expected at least one '#UF3 POT' block, found none");
  return pf;
}

// Build a Potential for the given element names (index = position in `elements`,
// names must be distinct).  Needs a 2B block for every pair of these elements and,
// with three_body, a 3B block for every centre and neighbour pair; a 3B block whose
// coefficients are all zero (a term left out) is not set in the Potential, so evaluation
// skips it (no neighbour list reach, no triplet loop, no below-first-knot error).  Blocks of
// other elements are ignored.  Non-fatal remarks (e.g. a tensor symmetrised) go to warnings.
inline Potential make_potential(const PotentialFile &pf, const std::vector<std::string> &elements,
                                bool three_body, std::vector<std::string> *warnings = nullptr)
{
  const std::string where = "file " + pf.name;
  const int ne = static_cast<int>(elements.size());
  if (ne < 1) throw Error(where + ": no elements requested");
  auto index_of = [&elements](const std::string &e) {
    for (std::size_t i = 0; i < elements.size(); ++i)
      if (elements[i] == e) return static_cast<int>(i);
    return -1;
  };
  for (const auto &e : elements) {
    bool found = false;
    for (const auto &x : pf.elements) found = found || x == e;
    if (!found) {
      std::string have;
      for (const auto &x : pf.elements) have += (have.empty() ? "" : " ") + x;
      throw Error(where + ": unknown element '" + e + "': no block in the file mentions it (the file has: " +
                  have + ")");
    }
  }
  Potential pot(ne);
  auto warn = [warnings](const std::string &w) {
    if (warnings) warnings->push_back(w);
  };
  for (const auto &b : pf.pairs) {
    const int a = index_of(b.el[0]), c = index_of(b.el[1]);
    if (a < 0 || c < 0) continue;
    try {
      pot.set_pair(a, c, static_cast<int>(b.knots.size()), b.knots.data(), b.coeff.data());
    } catch (const Error &e) {
      throw Error(where + " line " + std::to_string(b.knots_line) + ": 2B " + b.el[0] + " " + b.el[1] +
                  ": " + e.what());
    }
    const std::size_t n = b.coeff.size();
    if (b.coeff[n - 1] != 0.0 || b.coeff[n - 2] != 0.0 || b.coeff[n - 3] != 0.0)
      warn(where + " line " + std::to_string(b.coeff_line) + ": 2B " + b.el[0] + " " + b.el[1] +
           " declares trailing trim 3 but its last 3 coefficients are not all zero: the potential is "
           "not smooth at its cutoff");
  }
  for (int a = 0; a < ne; ++a)
    for (int c = a; c < ne; ++c)
      if (!pot.has_pair(a, c))
        throw Error(where + ": missing 2B block for " + elements[a] + " " + elements[c] +
                    " (needed by the elements given in pair_coeff)");
  if (!three_body) return pot;

  // a 3B block of zeros stands for a triplet term left out of the potential (a partial 3-body
  // set): it counts as given but is not set, so it costs nothing at evaluation
  std::vector<char> zero_block(static_cast<std::size_t>(ne) * ne * ne, 0);
  for (const auto &b : pf.triplets) {
    const int a = index_of(b.el[0]), j = index_of(b.el[1]), k = index_of(b.el[2]);
    if (a < 0 || j < 0 || k < 0) continue;
    bool all_zero = true;
    for (const double x : b.coeff) all_zero = all_zero && x == 0.0;
    if (all_zero) {
      zero_block[(static_cast<std::size_t>(a) * ne + j) * ne + k] = 1;
      zero_block[(static_cast<std::size_t>(a) * ne + k) * ne + j] = 1;
      continue;
    }
    const std::string label = "3B " + b.el[0] + " " + b.el[1] + " " + b.el[2];
    if (j == k) {
      bool sym = true;
      for (int l = 0; l < b.L && sym; ++l)
        for (int m = l + 1; m < b.M && sym; ++m)
          for (int n = 0; n < b.N && sym; ++n) {
            const double x = b.coeff[(static_cast<std::size_t>(l) * b.M + m) * b.N + n];
            const double y = b.coeff[(static_cast<std::size_t>(m) * b.M + l) * b.N + n];
            if (std::fabs(x - y) > 1e-12 * std::max(std::fabs(x), std::fabs(y))) sym = false;
          }
      if (!sym && b.L == b.M)
        warn(where + " line " + std::to_string(b.coeff_line) + ": " + label +
             ": coefficients are not symmetric in the two legs although both neighbours are " + b.el[1] +
             "; using their symmetric part (otherwise the energy would depend on neighbour order)");
    }
    bool trail_ok = true;
    for (int l = 0; l < b.L; ++l)
      for (int m = 0; m < b.M; ++m)
        for (int n = 0; n < b.N; ++n)
          if ((l >= b.L - 3 || m >= b.M - 3 || n >= b.N - 3) &&
              b.coeff[(static_cast<std::size_t>(l) * b.M + m) * b.N + n] != 0.0)
            trail_ok = false;
    if (!trail_ok)
      warn(where + " line " + std::to_string(b.coeff_line) + ": " + label +
           " declares trailing trim 3 but not all coefficients of the last 3 basis functions of "
           "every leg are zero: the potential is not smooth at its cutoffs");
    try {
      pot.set_triplet(a, j, k, static_cast<int>(b.kij.size()), b.kij.data(), static_cast<int>(b.kik.size()),
                      b.kik.data(), static_cast<int>(b.kjk.size()), b.kjk.data(), b.coeff.data());
    } catch (const Error &e) {
      throw Error(where + " line " + std::to_string(b.knots_line) + ": " + label + ": " + e.what());
    }
  }
  for (int a = 0; a < ne; ++a)
    for (int j = 0; j < ne; ++j)
      for (int k = j; k < ne; ++k)
        if (!pot.has_triplet(a, j, k) && !zero_block[(static_cast<std::size_t>(a) * ne + j) * ne + k])
          throw Error(where + ": missing 3B block for centre " + elements[a] + " with neighbours " +
                      elements[j] + " and " + elements[k] + " ('3B " + elements[a] + " " + elements[j] +
                      " " + elements[k] + "' or '3B " + elements[a] + " " + elements[k] + " " + elements[j] +
                      "'; needed by pair_style uf3 3 with the elements given in pair_coeff)");
  return pot;
}

// Convenience for bindings (e.g. JavaCPP): read FILE and build the Potential for the
// space-separated element names (element index = position in the list).  Throws
// uf3::Error with "file ... line ...: expected ..." messages.
inline Potential read_potential_file(const std::string &path, const std::string &elements, bool three_body)
{
  std::FILE *fp = std::fopen(path.c_str(), "rb");
  if (!fp) throw Error("cannot open potential file " + path);
  std::string text;
  char buf[65536];
  std::size_t got;
  while ((got = std::fread(buf, 1, sizeof(buf), fp)) > 0) text.append(buf, got);
  std::fclose(fp);
  std::vector<std::string> names = detail::LineReader::split(elements);
  for (std::size_t i = 0; i < names.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (names[i] == names[j]) throw Error("read_potential_file: element " + names[i] + " given twice");
  return make_potential(parse_potential_file(text, path), names, three_body);
}

}    // namespace uf3

#endif

// uf3/gamma.h -- the extrapolation grade gamma of one atom from an active-set side file
// (.asi, written by UF3-J: uf3 fit / uf3 active-set; format in docs/gamma.md and the Java
// reader org.uf3j.core.gamma.ActiveSetFile).  Header-only C++17, no LAMMPS dependency.
//
// Per-atom features (the per-atom energy's coefficient features, each bond split half/half):
//   x_f = [f == ONE] + sum over raw coefficients mapped to f of
//         sum_j B_n(r_ij)                              (pair terms of the centre's element)
//         sum_{j<k} B_l(r_ij) B_m(r_ik) B_n(r_jk)       (triplet terms centred on the atom,
//                                                       leg ij pointing at the term's 2nd element)
//   gamma = max_j |(x A^-1)_j|, infinite when a raw coefficient marked -2 (never touched by a
//   training atom) is non-zero, a distance lies below a first knot, or the element has no
//   active set.  Java twin: org.uf3j.core.gamma.AtomFeatures / ExtrapolationGrade.
#ifndef UF3_GAMMA_H
#define UF3_GAMMA_H

#include "uf3/error.h"
#include "uf3/file.h"
#include "uf3/knots.h"

#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace uf3 {

// scratch of one thread
struct GammaScratch {
  std::vector<double> x;      // features
  std::vector<double> y;      // x A^-1
  std::vector<double> leg;    // 4 per near neighbour: dx, dy, dz, r
  std::vector<int> near_el;   // element of each near neighbour
};

class ExtrapolationGrade {
 public:
  // text: the .asi file's content (name for messages); pf: the potential file the active set
  // belongs to (knots); elements: the simulated elements in kernel index order.
  ExtrapolationGrade(const std::string &text, const std::string &name, const PotentialFile &pf,
                     const std::vector<std::string> &elements)
      : ne_(static_cast<int>(elements.size())), el_(ne_)
  {
    std::istringstream in(text);
    std::string line;
    int no = 0;
    auto next = [&](bool required) -> bool {
      while (std::getline(in, line)) {
        ++no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto p = line.find_first_not_of(" \t");
        if (p == std::string::npos) continue;
        if (line[p] == '#' && no > 1) continue;
        return true;
      }
      if (required) throw Error("file " + name + ": unexpected end of file after line " + std::to_string(no));
      return false;
    };
    auto fail = [&](const std::string &what) -> Error {
      return Error("file " + name + " line " + std::to_string(no) + ": expected " + what + ", found '" + line + "'");
    };
    if (!next(false) || line.rfind("#UF3 ACTIVE SET 1", 0) != 0) throw fail("'#UF3 ACTIVE SET 1' (an active-set file)");
    while (next(false)) {
      std::istringstream w(line);
      std::string kw, el;
      int d = -1;
      if (!(w >> kw >> el >> d) || kw != "ELEMENT" || d < 0) throw fail("'ELEMENT symbol d'");
      int e = -1;
      for (int k = 0; k < ne_; ++k)
        if (elements[k] == el) e = k;
      Element tmp;
      Element &E = e >= 0 ? el_[e] : tmp;
      E.present = true;
      E.d = d;
      E.pair_of.assign(ne_, -1);
      E.trip_of.assign(static_cast<std::size_t>(ne_) * ne_, -1);
      E.trip_swap.assign(static_cast<std::size_t>(ne_) * ne_, 0);
      next(true);
      {
        std::istringstream o(line);
        if (!(o >> kw >> E.one) || kw != "ONE" || E.one >= d) throw fail("'ONE feature'");
      }
      auto first_word = [&]() {
        std::istringstream f(line);
        std::string x;
        f >> x;
        return x;
      };
      while (next(true) && first_word() == "TERM") {
        std::istringstream t(line);
        std::vector<std::string> words;
        std::string x;
        while (t >> x) words.push_back(x);
        if (words.size() < 4) throw fail("'TERM 2B|3B elements... n'");
        const int n = std::atoi(words.back().c_str());
        const std::string kind = words[1];
        std::vector<int> idx(n);
        next(true);
        std::istringstream v(line);
        for (int k = 0; k < n; ++k)
          if (!(v >> idx[k]) || idx[k] < -2 || idx[k] >= d) throw fail(std::to_string(n) + " feature indices in -2.." + std::to_string(d - 1));
        if (kind == "2B" && words.size() == 5) {
          const PairBlock *b = find_pair(pf, words[2], words[3]);
          if (!b) throw Error("file " + name + ": term 2B " + words[2] + " " + words[3] + " is not in potential file " + pf.name);
          if (static_cast<int>(b->knots.size()) - 4 != n) throw fail("as many coefficients as the potential's 2B block");
          Pair p;
          p.knots = Knots(b->knots.data(), static_cast<int>(b->knots.size()), name + " 2B");
          p.idx = idx;
          const std::string other = words[2] == el ? words[3] : words[2];
          for (int k = 0; k < ne_; ++k)
            if (elements[k] == other) E.pair_of[k] = static_cast<int>(E.pairs.size());
          E.pairs.push_back(std::move(p));
        } else if (kind == "3B" && words.size() == 6) {
          const TripletBlock *b = nullptr;
          for (const auto &tb : pf.triplets)
            if (tb.el[0] == words[2] && tb.el[1] == words[3] && tb.el[2] == words[4]) b = &tb;
          if (!b) throw Error("file " + name + ": term 3B " + words[2] + " " + words[3] + " " + words[4] +
                              " is not in potential file " + pf.name + " with its legs in that order");
          if (b->L * b->M * b->N != n) throw fail("as many coefficients as the potential's 3B block");
          Trip tr;
          tr.kij = Knots(b->kij.data(), static_cast<int>(b->kij.size()), name + " 3B ij");
          tr.kik = Knots(b->kik.data(), static_cast<int>(b->kik.size()), name + " 3B ik");
          tr.kjk = Knots(b->kjk.data(), static_cast<int>(b->kjk.size()), name + " 3B jk");
          tr.M = b->M;
          tr.N = b->N;
          tr.idx = idx;
          int a = -1, c = -1;
          for (int k = 0; k < ne_; ++k) {
            if (elements[k] == words[3]) a = k;
            if (elements[k] == words[4]) c = k;
          }
          const int id = static_cast<int>(E.trips.size());
          if (a >= 0 && c >= 0) {
            E.trip_of[a * ne_ + c] = id;
            E.trip_swap[a * ne_ + c] = 0;
            E.trip_of[c * ne_ + a] = id;
            E.trip_swap[c * ne_ + a] = a != c;
          }
          E.reach = std::max(E.reach, std::max(tr.kij.hi(), tr.kik.hi()));
          E.trips.push_back(std::move(tr));
        } else {
          throw fail("'TERM 2B El El n' or 'TERM 3B El El El n'");
        }
      }
      if (first_word() != "INVERSE") throw fail("INVERSE");
      E.inv.resize(static_cast<std::size_t>(d) * d);
      for (int k = 0; k < d; ++k) {
        next(true);
        std::istringstream v(line);
        for (int j = 0; j < d; ++j)
          if (!(v >> E.inv[static_cast<std::size_t>(k) * d + j])) throw fail(std::to_string(d) + " numbers (row of the inverse)");
      }
      next(true);
      if (first_word() == "ORIGINS") {
        for (int k = 0; k < d; ++k) next(true);
        next(true);
      }
      if (first_word() != "END") throw fail("END");
      for (const auto &p : E.pairs) cut_ = std::max(cut_, p.knots.hi());
      cut_ = std::max(cut_, E.reach);
    }
  }

  // distance up to which neighbours matter
  double cutoff() const { return cut_; }

  // gamma of a centre of element ci with n neighbours; nbr(e, dx, dy, dz, rsq, cj) gives
  // neighbour e's displacement x_j - x_i, its square and element (cj < 0: not simulated here).
  template <class Neighbours>
  double grade(int ci, int n, const Neighbours &nbr, GammaScratch &s) const
  {
    const double inf = std::numeric_limits<double>::infinity();
    const Element &E = el_[ci];
    if (!E.present) return inf;
    s.x.assign(E.d, 0.0);
    if (s.leg.size() < 4 * static_cast<std::size_t>(n)) {
      s.leg.resize(4 * static_cast<std::size_t>(n));
      s.near_el.resize(n);
    }
    if (E.one >= 0) s.x[E.one] = 1.0;
    double B[4], dB[4];
    int m = 0;
    for (int e = 0; e < n; ++e) {
      double dx, dy, dz, rsq;
      int cj;
      nbr(e, dx, dy, dz, rsq, cj);
      if (cj < 0) continue;
      const double r = std::sqrt(rsq);
      if (r < E.reach) {
        double *l = &s.leg[4 * static_cast<std::size_t>(m)];
        l[0] = dx;
        l[1] = dy;
        l[2] = dz;
        l[3] = r;
        s.near_el[m++] = cj;
      }
      const int p = E.pair_of[cj];
      if (p < 0) continue;
      const Pair &P = E.pairs[p];
      if (r >= P.knots.hi()) continue;
      if (r < P.knots.lo()) return inf;
      const int q = P.knots.locate(r);
      P.knots.basis(q, r, B, dB);
      for (int a = 0; a < 4; ++a)
        if (!add(P.idx[q + a], B[a], s.x)) return inf;
    }
    double Bij[4], Bik[4], Bjk[4];
    for (int a = 0; a < m; ++a)
      for (int b = a + 1; b < m; ++b) {
        const int key = s.near_el[a] * ne_ + s.near_el[b];
        const int t = E.trip_of[key];
        if (t < 0) continue;
        const Trip &T = E.trips[t];
        const double *lj = &s.leg[4 * static_cast<std::size_t>(E.trip_swap[key] ? b : a)];
        const double *lk = &s.leg[4 * static_cast<std::size_t>(E.trip_swap[key] ? a : b)];
        const double rij = lj[3], rik = lk[3];
        if (rij >= T.kij.hi() || rik >= T.kik.hi()) continue;
        const double dx = lk[0] - lj[0], dy = lk[1] - lj[1], dz = lk[2] - lj[2];
        const double rjk = std::sqrt(dx * dx + dy * dy + dz * dz);
        if (rjk >= T.kjk.hi()) continue;
        if (rij < T.kij.lo() || rik < T.kik.lo() || rjk < T.kjk.lo()) return inf;
        const int l0 = T.kij.locate(rij), m0 = T.kik.locate(rik), n0 = T.kjk.locate(rjk);
        T.kij.basis(l0, rij, Bij, dB);
        T.kik.basis(m0, rik, Bik, dB);
        T.kjk.basis(n0, rjk, Bjk, dB);
        for (int l = 0; l < 4; ++l)
          for (int mm = 0; mm < 4; ++mm) {
            const double v = Bij[l] * Bik[mm];
            const int base = ((l0 + l) * T.M + m0 + mm) * T.N + n0;
            for (int nn = 0; nn < 4; ++nn)
              if (!add(T.idx[base + nn], v * Bjk[nn], s.x)) return inf;
          }
      }
    // y = x A^-1, row by row of A^-1 (contiguous), skipping the many zero features
    const int d = E.d;
    s.y.assign(d, 0.0);
    double *y = s.y.data();
    for (int k = 0; k < d; ++k) {
      const double xk = s.x[k];
      if (xk == 0.0) continue;
      const double *row = &E.inv[static_cast<std::size_t>(k) * d];
      for (int j = 0; j < d; ++j) y[j] += xk * row[j];
    }
    double best = 0.0;
    for (int j = 0; j < d; ++j) best = std::max(best, std::fabs(y[j]));
    return best;
  }

 private:
  struct Pair {
    Knots knots;
    std::vector<int> idx;
  };
  struct Trip {
    Knots kij, kik, kjk;
    int M = 0, N = 0;
    std::vector<int> idx;
  };
  struct Element {
    bool present = false;
    int d = 0, one = -1;
    double reach = 0.0;
    std::vector<double> inv;
    std::vector<int> pair_of, trip_of;
    std::vector<char> trip_swap;
    std::vector<Pair> pairs;
    std::vector<Trip> trips;
  };

  static bool add(int f, double v, std::vector<double> &x)
  {
    if (f >= 0) {
      x[f] += v;
      return true;
    }
    return !(f == -2 && v != 0.0);
  }

  static const PairBlock *find_pair(const PotentialFile &pf, const std::string &a, const std::string &b)
  {
    for (const auto &p : pf.pairs)
      if ((p.el[0] == a && p.el[1] == b) || (p.el[0] == b && p.el[1] == a)) return &p;
    return nullptr;
  }

  int ne_;
  std::vector<Element> el_;
  double cut_ = 0.0;
};

}    // namespace uf3

#endif

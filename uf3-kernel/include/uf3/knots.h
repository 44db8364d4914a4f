// uf3/knots.h -- knot vectors and the cubic B-spline basis on them: a validated knot
// vector with per-interval basis polynomials (Knots), its flat view for the hot loops
// (LegView), interval look-up (locate) and the 4 non-zero basis functions (basis).
//
// Domain of a knot vector t[0..nk-1]: [t[3], t[nk-4]), n_basis = nk - 4.  Knots are
// arbitrary non-decreasing values, normally clamped (end knots repeated 4 times).
#ifndef UF3_KNOTS_H
#define UF3_KNOTS_H

#include "uf3/error.h"
#include "uf3/simd.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

namespace uf3 {

// Flat, pointer-based view of a Knots object for the hot loops (see Knots).
struct LegView {
  const double *t = nullptr;    // knots
  const double *P = nullptr;    // [q][power 0..3][b 0..3] basis polynomials
  const double *D = nullptr;    // [q][power 0..2][b 0..3] their derivatives
  double lo = 0.0, hi = 0.0, inv_h = 0.0;
  int nint = 0;
  int uniform = 0;
};

// Interval q holding r, for lo <= r <= hi (r == hi maps to the last interval).
UF3_INLINE int locate(const LegView &k, double r)
{
  if (k.uniform) {
    int q = static_cast<int>((r - k.lo) * k.inv_h);
    if (q > k.nint - 1) q = k.nint - 1;
    if (q < 0) q = 0;
    // knots agree with lo + q*h to 1e-9 h: one step corrects any rounding
    if (r < k.t[q + 3])
      --q;
    else if (q < k.nint - 1 && r >= k.t[q + 4])
      ++q;
    return q;
  }
  // first knot in t[4..nint+3] greater than r; the interval starts one before it
  const double *p = std::upper_bound(k.t + 4, k.t + 4 + (k.nint - 1), r);
  return static_cast<int>(p - k.t) - 4;
}

// Values and derivatives of the 4 non-zero basis functions B_q..B_{q+3} at r.
UF3_INLINE void basis(const LegView &k, int q, double r, double *UF3_RESTRICT B, double *UF3_RESTRICT dB)
{
  const double x = r - k.t[q + 3];
  const double *UF3_RESTRICT P = k.P + 16 * static_cast<std::size_t>(q);
  const double *UF3_RESTRICT D = k.D + 12 * static_cast<std::size_t>(q);
  store4(B, load4(P) + x * (load4(P + 4) + x * (load4(P + 8) + x * load4(P + 12))));
  store4(dB, load4(D) + x * (load4(D + 4) + x * load4(D + 8)));
}

// ---------------------------------------------------------------------------
// A validated knot vector with per-interval basis polynomials.
// Interval q (0 <= q < nint) spans [t[q+3], t[q+4]); on it the four non-zero basis
// functions are B_{q}, ..., B_{q+3}; each is stored as a cubic in x = r - t[q+3]:
//   B_{q+b}(r)  = P[q][0][b] + x*(P[q][1][b] + x*(P[q][2][b] + x*P[q][3][b]))
//   B'_{q+b}(r) = D[q][0][b] + x*(D[q][1][b] + x*D[q][2][b])
// ---------------------------------------------------------------------------
class Knots {
 public:
  Knots() = default;

  Knots(const double *knots, int n_knots, const std::string &what)
  {
    if (n_knots < 8)
      throw Error(what + ": expected at least 8 knots (4 basis functions), got " +
                  std::to_string(n_knots));
    t_.assign(knots, knots + n_knots);
    for (int i = 0; i < n_knots; ++i) {
      if (!std::isfinite(t_[i]))
        throw Error(what + ": knot " + std::to_string(i) + " is not a finite number");
      if (i > 0 && t_[i] < t_[i - 1])
        throw Error(what + ": knots must be non-decreasing, but knot " + std::to_string(i) +
                    " (" + detail::fmt_double(t_[i]) + ") < knot " + std::to_string(i - 1) + " (" +
                    detail::fmt_double(t_[i - 1]) + ")");
    }
    lo_ = t_[3];
    hi_ = t_[n_knots - 4];
    if (!(hi_ > lo_))
      throw Error(what + ": empty spline domain [knot 3, knot n-4] = [" + detail::fmt_double(lo_) +
                  ", " + detail::fmt_double(hi_) + "]");
    nint_ = n_knots - 7;
    build_polynomials();
    // uniform spacing: O(1) guess, corrected by at most a step either way
    const double h = (hi_ - lo_) / nint_;
    uniform_ = true;
    for (int q = 0; q <= nint_; ++q)
      if (std::fabs(t_[q + 3] - (lo_ + q * h)) > 1e-9 * h) uniform_ = false;
    inv_h_ = 1.0 / h;
  }

  int size() const { return static_cast<int>(t_.size()); }
  const double *data() const { return t_.data(); }
  double lo() const { return lo_; }          // first knot of the domain, t[3]
  double hi() const { return hi_; }          // end of the domain (cutoff), t[nk-4]
  double last() const { return t_.back(); }  // last knot, t[nk-1]
  int n_basis() const { return size() - 4; }
  int n_intervals() const { return nint_; }
  bool uniform() const { return uniform_; }
  double left(int q) const { return t_[q + 3]; }

  LegView view() const
  {
    LegView v;
    v.t = t_.data();
    v.P = P_.data();
    v.D = D_.data();
    v.lo = lo_;
    v.hi = hi_;
    v.inv_h = inv_h_;
    v.nint = nint_;
    v.uniform = uniform_ ? 1 : 0;
    return v;
  }

  // Interval holding r; requires lo() <= r <= hi().
  int locate(double r) const { return uf3::locate(view(), r); }

  // Values and derivatives of the 4 non-zero basis functions at r in interval q.
  void basis(int q, double r, double *B, double *dB) const { uf3::basis(view(), q, r, B, dB); }

  // Per-interval polynomial coefficients of sum_b c[q+b] B_{q+b} in x = r - left(q):
  // out[q*4 + p] is the coefficient of x^p.
  void spline_polynomials(const double *coeff, std::vector<double> &out) const
  {
    out.assign(static_cast<std::size_t>(nint_) * 4, 0.0);
    for (int q = 0; q < nint_; ++q)
      for (int p = 0; p < 4; ++p) {
        double s = 0.0;
        for (int b = 0; b < 4; ++b) s += coeff[q + b] * P_[static_cast<std::size_t>(q) * 16 + p * 4 + b];
        out[static_cast<std::size_t>(q) * 4 + p] = s;
      }
  }

  bool same_as(const Knots &o) const { return t_ == o.t_; }

 private:
  // Cox-de Boor recursion carried out on polynomials in x = r - t[s] for each interval
  // s = q + 3.  Degenerate (zero-length) intervals get all-zero polynomials; locate()
  // never returns them.
  void build_polynomials()
  {
    P_.assign(static_cast<std::size_t>(nint_) * 16, 0.0);
    D_.assign(static_cast<std::size_t>(nint_) * 12, 0.0);
    for (int q = 0; q < nint_; ++q) {
      const int s = q + 3;
      if (!(t_[s + 1] > t_[s])) continue;
      // N[b][p]: coefficient of x^p of basis function with global index s-3+b
      double N[4][4] = {{0}};
      N[3][0] = 1.0;    // degree 0: only B_{s,0} is non-zero
      for (int deg = 1; deg <= 3; ++deg) {
        double M[4][4] = {{0}};
        for (int b = 3 - deg; b <= 3; ++b) {
          const int i = s - 3 + b;
          // term 1: (r - t_i)/(t_{i+deg} - t_i) * N_{i,deg-1}
          const double den1 = t_[i + deg] - t_[i];
          if (den1 > 0.0 && b >= 4 - deg) {
            const double a0 = (t_[s] - t_[i]) / den1, a1 = 1.0 / den1;
            for (int p = 0; p < 4; ++p) {
              M[b][p] += a0 * N[b][p];
              if (p > 0) M[b][p] += a1 * N[b][p - 1];
            }
          }
          // term 2: (t_{i+deg+1} - r)/(t_{i+deg+1} - t_{i+1}) * N_{i+1,deg-1}
          const double den2 = t_[i + deg + 1] - t_[i + 1];
          if (den2 > 0.0 && b + 1 <= 3) {
            const double a0 = (t_[i + deg + 1] - t_[s]) / den2, a1 = -1.0 / den2;
            for (int p = 0; p < 4; ++p) {
              M[b][p] += a0 * N[b + 1][p];
              if (p > 0) M[b][p] += a1 * N[b + 1][p - 1];
            }
          }
        }
        for (int b = 0; b < 4; ++b)
          for (int p = 0; p < 4; ++p) N[b][p] = M[b][p];
      }
      double *P = &P_[static_cast<std::size_t>(q) * 16];
      double *D = &D_[static_cast<std::size_t>(q) * 12];
      for (int b = 0; b < 4; ++b) {
        for (int p = 0; p < 4; ++p) P[p * 4 + b] = N[b][p];
        for (int p = 0; p < 3; ++p) D[p * 4 + b] = (p + 1) * N[b][p + 1];
      }
    }
  }

  std::vector<double> t_;
  std::vector<double> P_, D_;
  double lo_ = 0.0, hi_ = 0.0, inv_h_ = 0.0;
  int nint_ = 0;
  bool uniform_ = false;
};

}    // namespace uf3

#endif

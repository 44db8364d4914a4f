// uf3_kernel.h -- the one definition of the UF3 spline math (header-only, C++17).
//
// Used by the LAMMPS plugin (pair_uf3_plugin.cpp) and by the JavaCPP binding
// (uf3-lammps-native). No LAMMPS or MPI dependency.
//
// Model (ordered-pair convention of the uf3 package and LAMMPS ML-UF3):
//   E = sum_i sum_{j != i} V2_{ci cj}(r_ij)  +  sum_i sum_{j<k} V3_{ci; cj ck}(r_ij, r_ik, r_jk)
//   V2(r)           = sum_n c_n B_n(r)
//   V3(rij,rik,rjk) = sum_lmn c_lmn B_l(rij) B_m(rik) B_n(rjk)
// with cubic B-splines on arbitrary non-decreasing knot vectors (normally clamped:
// end knots repeated 4 times), n_basis = n_knots - 4.
//
// Domain of a knot vector t[0..nk-1]: [t[3], t[nk-4]).  A distance at or beyond
// t[nk-4] contributes nothing (the potential is truncated there; with the usual
// trailing trim of 3 zero coefficients V, V', V'' vanish at that point).  A distance
// below t[3] (the first knot of a clamped vector) where the term is otherwise active
// is an error: the spline is undefined there and extrapolating would be garbage.
//
// Element indices are 0-based.  Pair splines are symmetric (set_pair(a,b) also sets
// (b,a)).  A triplet (centre a; b, c) has its ij leg pointing at element b and its ik
// leg at element c; set_triplet(a,b,c,...) also sets (a;c,b) with the legs swapped.
// Each leg (ij, ik, jk) has its own knot vector and therefore its own cutoff.
// For b == c the ij and ik knots must be identical and the coefficient tensor is
// replaced by its symmetric part (c_lmn + c_mln)/2 (the energy must not depend on
// the order in which j and k are listed).
//
// Terms that were never set contribute nothing; use missing_terms() to check that
// a potential is complete for the elements you simulate.
//
// Virial order everywhere: xx, yy, zz, xy, xz, yz (the LAMMPS order), virial =
// sum over terms of (relative position) (x) (force), units of energy; per-atom
// virials follow LAMMPS: a pair term gives half to each atom, a triplet term a third
// to each of its three atoms.  Per-atom energies likewise (pair: half each, triplet:
// a third each).
//
// Errors: every public function reports bad input by throwing uf3::Error (derived
// from std::runtime_error; JavaCPP turns it into a java.lang.RuntimeException with
// the same message).  The per-centre evaluator used by LAMMPS returns a status code
// instead and leaves the details in the Workspace (no exceptions in hot loops).
#ifndef UF3_KERNEL_H
#define UF3_KERNEL_H

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace uf3 {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string &what) : std::runtime_error(what) {}
};

namespace detail {
inline std::string fmt_double(double v)
{
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%.17g", v);
  return buf;
}
}    // namespace detail

#if defined(__GNUC__) || defined(__clang__)
#define UF3_INLINE inline __attribute__((always_inline))
#define UF3_RESTRICT __restrict__
#else
#define UF3_INLINE inline
#define UF3_RESTRICT
#endif

// UF3_VECTOR selects how the 4-wide arithmetic of the hot loops is written:
//   2  one 256-bit vector (GCC/Clang vector extension; chosen when AVX is enabled)
//   1  two 128-bit vectors (GCC/Clang with SSE2 but no AVX, e.g. -march=x86-64)
//   0  plain scalar code (any compiler)
// Override with -DUF3_VECTOR=n.
#ifndef UF3_VECTOR
#if (defined(__GNUC__) || defined(__clang__)) && defined(__AVX__)
#define UF3_VECTOR 2
#elif (defined(__GNUC__) || defined(__clang__)) && defined(__SSE2__)
#define UF3_VECTOR 1
#else
#define UF3_VECTOR 0
#endif
#endif

// v4d: 4 doubles with element access v[i], +, -, * (element-wise and by a scalar).
#if UF3_VECTOR == 2
// all functions taking or returning v4d are inlined, so GCC's note about the AVX
// vector ABI does not apply
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif
typedef double v4d __attribute__((vector_size(32)));
UF3_INLINE v4d zero4()
{
  v4d v = {0.0, 0.0, 0.0, 0.0};
  return v;
}
UF3_INLINE v4d load4(const double *p)
{
  v4d v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}
UF3_INLINE void store4(double *p, const v4d &v) { std::memcpy(p, &v, sizeof(v)); }
#elif UF3_VECTOR == 1
typedef double v2d __attribute__((vector_size(16)));
struct v4d {
  v2d lo, hi;
  double operator[](int i) const { return i < 2 ? lo[i] : hi[i - 2]; }
};
UF3_INLINE v4d operator+(const v4d &x, const v4d &y) { return {x.lo + y.lo, x.hi + y.hi}; }
UF3_INLINE v4d operator-(const v4d &x, const v4d &y) { return {x.lo - y.lo, x.hi - y.hi}; }
UF3_INLINE v4d operator*(const v4d &x, const v4d &y) { return {x.lo * y.lo, x.hi * y.hi}; }
UF3_INLINE v4d operator*(const v4d &x, double s) { return {x.lo * s, x.hi * s}; }
UF3_INLINE v4d operator*(double s, const v4d &x) { return {x.lo * s, x.hi * s}; }
UF3_INLINE v4d &operator+=(v4d &x, const v4d &y) { return x = x + y; }
UF3_INLINE v4d &operator-=(v4d &x, const v4d &y) { return x = x - y; }
UF3_INLINE v4d zero4()
{
  v4d v = {{0.0, 0.0}, {0.0, 0.0}};
  return v;
}
UF3_INLINE v4d load4(const double *p)
{
  v4d v;
  std::memcpy(&v.lo, p, sizeof(v2d));
  std::memcpy(&v.hi, p + 2, sizeof(v2d));
  return v;
}
UF3_INLINE void store4(double *p, const v4d &v)
{
  std::memcpy(p, &v.lo, sizeof(v2d));
  std::memcpy(p + 2, &v.hi, sizeof(v2d));
}
#else
struct v4d {
  double a[4];
  double operator[](int i) const { return a[i]; }
};
inline v4d operator+(const v4d &x, const v4d &y) { return {{x.a[0] + y.a[0], x.a[1] + y.a[1], x.a[2] + y.a[2], x.a[3] + y.a[3]}}; }
inline v4d operator-(const v4d &x, const v4d &y) { return {{x.a[0] - y.a[0], x.a[1] - y.a[1], x.a[2] - y.a[2], x.a[3] - y.a[3]}}; }
inline v4d operator*(const v4d &x, const v4d &y) { return {{x.a[0] * y.a[0], x.a[1] * y.a[1], x.a[2] * y.a[2], x.a[3] * y.a[3]}}; }
inline v4d operator*(const v4d &x, double s) { return {{x.a[0] * s, x.a[1] * s, x.a[2] * s, x.a[3] * s}}; }
inline v4d operator*(double s, const v4d &x) { return x * s; }
inline v4d &operator+=(v4d &x, const v4d &y) { return x = x + y; }
inline v4d &operator-=(v4d &x, const v4d &y) { return x = x - y; }
inline v4d zero4() { return {{0.0, 0.0, 0.0, 0.0}}; }
inline v4d load4(const double *p) { return {{p[0], p[1], p[2], p[3]}}; }
inline void store4(double *p, const v4d &v)
{
  for (int i = 0; i < 4; ++i) p[i] = v.a[i];
}
#endif
UF3_INLINE double hsum(const v4d &v) { return (v[0] + v[1]) + (v[2] + v[3]); }
// {sum(a), sum(b), sum(c), sum(d)}
UF3_INLINE v4d hsum4(const v4d &a, const v4d &b, const v4d &c, const v4d &d)
{
#if UF3_VECTOR == 2 && defined(__clang__)
  const v4d t0 = __builtin_shufflevector(a, b, 0, 4, 2, 6) + __builtin_shufflevector(a, b, 1, 5, 3, 7);
  const v4d t1 = __builtin_shufflevector(c, d, 0, 4, 2, 6) + __builtin_shufflevector(c, d, 1, 5, 3, 7);
  return __builtin_shufflevector(t0, t1, 0, 1, 4, 5) + __builtin_shufflevector(t0, t1, 2, 3, 6, 7);
#elif UF3_VECTOR == 2
  typedef long long v4i __attribute__((vector_size(32)));
  const v4i even = {0, 4, 2, 6}, odd = {1, 5, 3, 7}, lo = {0, 1, 4, 5}, hi = {2, 3, 6, 7};
  const v4d t0 = __builtin_shuffle(a, b, even) + __builtin_shuffle(a, b, odd);
  const v4d t1 = __builtin_shuffle(c, d, even) + __builtin_shuffle(c, d, odd);
  return __builtin_shuffle(t0, t1, lo) + __builtin_shuffle(t0, t1, hi);
#elif UF3_VECTOR == 1
  const v2d s0 = a.lo + a.hi, s1 = b.lo + b.hi, s2 = c.lo + c.hi, s3 = d.lo + d.hi;
  v4d r = {{s0[0] + s0[1], s1[0] + s1[1]}, {s2[0] + s2[1], s3[0] + s3[1]}};
  return r;
#else
  v4d r = {{hsum(a), hsum(b), hsum(c), hsum(d)}};
  return r;
#endif
}

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

// 2-body spline: per interval value cubic and derivative quadratic in x = r - left.
struct PairSpline {
  Knots knots;
  std::vector<double> tab;    // [q][8]: a0 a1 a2 a3 | a1 2a2 3a3 0
  std::vector<double> coeff;

  void eval(double r, int q, double &V, double &dV) const
  {
    const double x = r - knots.left(q);
    const double *a = &tab[static_cast<std::size_t>(q) * 8];
    V = a[0] + x * (a[1] + x * (a[2] + x * a[3]));
    dV = a[4] + x * (a[5] + x * a[6]);
  }
};

// 3-body tensor spline for one orientation (centre; leg ij -> element b, leg ik -> c).
struct TripletSpline {
  Knots kij, kik, kjk;
  int L = 0, M = 0, N = 0;
  std::vector<double> c;    // [l][m][n] row-major, L x M x N
  double cut_ij2 = 0, cut_ik2 = 0, cut_jk2 = 0, lo_jk2 = 0;
};

// Flat per-element-pair and per-element-triplet tables read by the hot loops.  The
// pointers refer to the spline objects owned (shared) by the Potential.
struct PairFast {
  LegView k;
  const double *tab = nullptr;    // null: no pair term
  double cut2 = 0.0, lo = 0.0;    // cut2 = 0 when not set
};
// V2(r) and dV2/dr from the per-interval cubic; requires lo <= r <= cutoff.
UF3_INLINE void pair_poly(const PairFast &P, double r, double &V, double &dV)
{
  const int q = locate(P.k, r);
  const double x = r - P.k.t[q + 3];
  const double *UF3_RESTRICT c = P.tab + 8 * static_cast<std::size_t>(q);
  V = c[0] + x * (c[1] + x * (c[2] + x * c[3]));
  dV = c[4] + x * (c[5] + x * c[6]);
}

struct TripFast {
  LegView ij, jk;                  // ik leg: the ij view of the swapped orientation
  const double *c = nullptr;       // null: no triplet term
  int M = 0, N = 0;
  double cut_ij2 = 0.0, lo_ij = 0.0, cut_jk2 = 0.0, lo_jk2 = 0.0;    // cuts 0 when not set
};

// Basis of one neighbour leg, evaluated once per (neighbour, partner element).
struct LegBasis {
  double B[4];
  double dB[4];
  int q;
  int state;    // 0: outside the leg's range (no term), 1: ok, 2: below the first knot
};

// What went wrong in evaluate_centre (status != 0).
struct EvalError {
  enum Kind { NONE = 0, PAIR_TOO_CLOSE = 1, TRIPLET_TOO_CLOSE = 2 };
  int kind = NONE;
  int a = -1, b = -1;    // workspace entries involved (b = -1 for pairs)
  int leg = -1;          // 0: ij, 1: ik, 2: jk (triplets)
  int ei = -1, ej = -1, ek = -1;
  double r = 0.0, r_min = 0.0;
};

// Scratch and I/O for one centre atom.  The caller sets n entries (neighbours) with
// set(e, dx, dy, dz, element, w):
//   dx,dy,dz  displacement x_j - x_i (including any periodic shift)
//   element   element index of the neighbour
//   w         weight of the pair term for this neighbour: 1 for an ordered-pair full
//             list (the usual case); the LAMMPS plugin passes 2 for one member of each
//             mirrored pair and 0 for the other (it then still enters triplets).
// evaluate_centre() writes per entry: force(e) (force on that neighbour), and with
// per-atom output e[e] (energy share) and v[6*e..] (virial share); for the centre: fi,
// energy (total of all terms centred here), virial (their virial), ei and vi.
struct Workspace {
  int n = 0;
  std::vector<double> d;       // [4e..4e+2] displacement, [4e+3] = 0
  std::vector<double> rsq, w;
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
    w.resize(c);
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

  void set(int i, double dx, double dy, double dz, int element, double weight)
  {
    double *p = &d[4 * static_cast<std::size_t>(i)];
    p[0] = dx;
    p[1] = dy;
    p[2] = dz;
    p[3] = 0.0;
    rsq[i] = dx * dx + dy * dy + dz * dz;
    elem[i] = element;
    w[i] = weight;
  }
  const double *force(int i) const { return &f[4 * static_cast<std::size_t>(i)]; }
};

class Potential {
 public:
  explicit Potential(int n_elements) : ne_(n_elements)
  {
    if (n_elements < 1) throw Error("uf3::Potential: need at least one element");
    if (n_elements > 64) throw Error("uf3::Potential: at most 64 elements are supported");
    const std::size_t n2 = static_cast<std::size_t>(ne_) * ne_;
    pairs_.resize(n2);
    triplets_.resize(n2 * ne_);
    pf_.resize(n2);
    tf_.resize(n2 * ne_);
    pcut2_.assign(n2, 0.0);
    plo_.assign(n2, 0.0);
    l3cut2_.assign(n2, 0.0);
  }

  int n_elements() const { return ne_; }

  // 2-body term for elements (a, b) and (b, a): n_knots knots, n_knots - 4 coefficients.
  void set_pair(int a, int b, int n_knots, const double *knots, const double *coeff)
  {
    check_el(a, "set_pair");
    check_el(b, "set_pair");
    const std::string what = "2-body spline " + std::to_string(a) + "-" + std::to_string(b);
    auto sp = std::make_shared<PairSpline>();
    sp->knots = Knots(knots, n_knots, what);
    const int nc = n_knots - 4;
    sp->coeff.assign(coeff, coeff + nc);
    for (int i = 0; i < nc; ++i)
      if (!std::isfinite(sp->coeff[i]))
        throw Error(what + ": coefficient " + std::to_string(i) + " is not a finite number");
    std::vector<double> poly;
    sp->knots.spline_polynomials(sp->coeff.data(), poly);
    const int nint = sp->knots.n_intervals();
    sp->tab.assign(static_cast<std::size_t>(nint) * 8, 0.0);
    for (int q = 0; q < nint; ++q) {
      const double *a4 = &poly[static_cast<std::size_t>(q) * 4];
      double *o = &sp->tab[static_cast<std::size_t>(q) * 8];
      o[0] = a4[0]; o[1] = a4[1]; o[2] = a4[2]; o[3] = a4[3];
      o[4] = a4[1]; o[5] = 2.0 * a4[2]; o[6] = 3.0 * a4[3]; o[7] = 0.0;
    }
    pairs_[pidx(a, b)] = sp;
    pairs_[pidx(b, a)] = sp;
    const double hi = sp->knots.hi(), lo = sp->knots.lo();
    pcut2_[pidx(a, b)] = pcut2_[pidx(b, a)] = hi * hi;
    plo_[pidx(a, b)] = plo_[pidx(b, a)] = lo;
    PairFast f;
    f.k = sp->knots.view();
    f.tab = sp->tab.data();
    f.cut2 = hi * hi;
    f.lo = lo;
    pf_[pidx(a, b)] = f;
    pf_[pidx(b, a)] = f;
  }

  // 3-body term for centre element a with leg ij -> element b and leg ik -> element c.
  // Knot vectors per leg; coeff is [l][m][n] row-major with l < nk_ij-4 (ij leg),
  // m < nk_ik-4 (ik leg), n < nk_jk-4 (jk leg).  Also sets (a; c, b) with legs swapped.
  void set_triplet(int a, int b, int c, int nk_ij, const double *knots_ij, int nk_ik,
                   const double *knots_ik, int nk_jk, const double *knots_jk, const double *coeff)
  {
    check_el(a, "set_triplet");
    check_el(b, "set_triplet");
    check_el(c, "set_triplet");
    const std::string what =
        "3-body spline " + std::to_string(a) + "-" + std::to_string(b) + "-" + std::to_string(c);
    auto t = std::make_shared<TripletSpline>();
    t->kij = Knots(knots_ij, nk_ij, what + " (ij leg)");
    t->kik = Knots(knots_ik, nk_ik, what + " (ik leg)");
    t->kjk = Knots(knots_jk, nk_jk, what + " (jk leg)");
    t->L = nk_ij - 4;
    t->M = nk_ik - 4;
    t->N = nk_jk - 4;
    const std::size_t total = static_cast<std::size_t>(t->L) * t->M * t->N;
    t->c.assign(coeff, coeff + total);
    for (std::size_t i = 0; i < total; ++i)
      if (!std::isfinite(t->c[i]))
        throw Error(what + ": coefficient " + std::to_string(i) + " is not a finite number");
    if (b == c) {
      if (!t->kij.same_as(t->kik))
        throw Error(what + ": both neighbours are the same element, so the ij and ik knots "
                           "must be identical");
      for (int l = 0; l < t->L; ++l)
        for (int m = l + 1; m < t->M; ++m)
          for (int n = 0; n < t->N; ++n) {
            double &x = t->c[(static_cast<std::size_t>(l) * t->M + m) * t->N + n];
            double &y = t->c[(static_cast<std::size_t>(m) * t->M + l) * t->N + n];
            const double s = 0.5 * (x + y);
            x = s;
            y = s;
          }
    }
    finish_triplet(*t);
    triplets_[tidx(a, b, c)] = t;
    if (b != c) {
      auto s = std::make_shared<TripletSpline>();
      s->kij = t->kik;
      s->kik = t->kij;
      s->kjk = t->kjk;
      s->L = t->M;
      s->M = t->L;
      s->N = t->N;
      s->c.resize(total);
      for (int l = 0; l < t->L; ++l)
        for (int m = 0; m < t->M; ++m)
          for (int n = 0; n < t->N; ++n)
            s->c[(static_cast<std::size_t>(m) * s->M + l) * s->N + n] =
                t->c[(static_cast<std::size_t>(l) * t->M + m) * t->N + n];
      finish_triplet(*s);
      triplets_[tidx(a, c, b)] = s;
    }
    update_leg_cutoffs();
  }

  bool has_pair(int a, int b) const { return in_range(a, b) && pairs_[pidx(a, b)] != nullptr; }
  bool has_triplet(int a, int b, int c) const
  {
    return in_range(a, b) && c >= 0 && c < ne_ && triplets_[tidx(a, b, c)] != nullptr;
  }
  bool has_three_body() const { return has3_; }

  // Cutoffs (end of the spline domains).  0 where nothing is set.
  double pair_cutoff(int a, int b) const { return has_pair(a, b) ? pairs_[pidx(a, b)]->knots.hi() : 0.0; }
  // largest ij-leg cutoff of any triplet centred on a with a neighbour of element b
  double three_body_cutoff(int a, int b) const
  {
    check_el(a, "three_body_cutoff");
    check_el(b, "three_body_cutoff");
    return std::sqrt(l3cut2_[pidx(a, b)]);
  }
  // distance up to which an a-b neighbour matters (either as centre a or centre b)
  double cutoff(int a, int b) const
  {
    return std::max({pair_cutoff(a, b), three_body_cutoff(a, b), three_body_cutoff(b, a)});
  }
  double max_cutoff() const
  {
    double m = 0.0;
    for (int a = 0; a < ne_; ++a)
      for (int b = 0; b < ne_; ++b) m = std::max(m, cutoff(a, b));
    return m;
  }
  // first knot of the pair spline (distances below it are an error)
  double pair_min_distance(int a, int b) const { return has_pair(a, b) ? plo_[pidx(a, b)] : 0.0; }

  // Human-readable list of terms that are not set among the given elements
  // (pairs always; triplets if three_body).  Empty when complete.
  std::vector<std::string> missing_terms(bool three_body) const
  {
    std::vector<std::string> out;
    for (int a = 0; a < ne_; ++a)
      for (int b = a; b < ne_; ++b)
        if (!has_pair(a, b)) out.push_back("2B " + std::to_string(a) + " " + std::to_string(b));
    if (three_body)
      for (int a = 0; a < ne_; ++a)
        for (int b = 0; b < ne_; ++b)
          for (int c = b; c < ne_; ++c)
            if (!has_triplet(a, b, c))
              out.push_back("3B " + std::to_string(a) + " " + std::to_string(b) + " " +
                            std::to_string(c));
    return out;
  }

  // Non-throwing single pair term for hot loops (no range checks on a, b):
  // returns 0 and sets V, dV = dV/dr; -1 if there is no term (pair not set or r at or
  // beyond its cutoff; V = dV = 0); 1 if r is below the first knot (V, dV untouched).
  int pair_term(int a, int b, double r, double &V, double &dV) const noexcept
  {
    const std::size_t p = pidx(a, b);
    const PairSpline *sp = pairs_[p].get();
    if (!sp || !(r * r < pcut2_[p])) {
      V = dV = 0.0;
      return -1;
    }
    if (!(r >= plo_[p])) return 1;
    sp->eval(r, sp->knots.locate(r), V, dV);
    return 0;
  }

  // Pair term for hot loops whose caller knows r^2 < the pair cutoff^2 of (a, b) (no
  // other checks): 0 and V, dV = dV/dr; or 1 if r is below the first knot.
  UF3_INLINE int pair_value(int a, int b, double r, double &V, double &dV) const
  {
    const PairFast &P = pf_[pidx(a, b)];
    if (!(r >= P.lo)) return 1;
    pair_poly(P, r, V, dV);
    return 0;
  }

  // V2_ab(r); *dvdr (if not null) receives dV2/dr.  0 at and beyond the cutoff.
  double pair_energy(int a, int b, double r, double *dvdr) const
  {
    check_el(a, "pair_energy");
    check_el(b, "pair_energy");
    if (dvdr) *dvdr = 0.0;
    const PairSpline *p = pairs_[pidx(a, b)].get();
    if (!p || !(r < p->knots.hi())) return 0.0;
    if (!(r >= p->knots.lo()))
      throw Error("pair_energy: r = " + detail::fmt_double(r) + " is below the first knot " +
                  detail::fmt_double(p->knots.lo()));
    double V, dV;
    p->eval(r, p->knots.locate(r), V, dV);
    if (dvdr) *dvdr = dV;
    return V;
  }

  // V3_{a;b,c}(rij, rik, rjk); grad (if not null) receives dV/drij, dV/drik, dV/drjk.
  double triplet_energy(int a, int b, int c, double rij, double rik, double rjk, double *grad) const
  {
    check_el(a, "triplet_energy");
    check_el(b, "triplet_energy");
    check_el(c, "triplet_energy");
    if (grad) grad[0] = grad[1] = grad[2] = 0.0;
    const TripletSpline *t = triplets_[tidx(a, b, c)].get();
    if (!t || !(rij < t->kij.hi()) || !(rik < t->kik.hi()) || !(rjk < t->kjk.hi())) return 0.0;
    if (!(rij >= t->kij.lo()) || !(rik >= t->kik.lo()) || !(rjk >= t->kjk.lo()))
      throw Error("triplet_energy: a distance is below the first knot of its leg");
    LegBasis bj, bk;
    bj.q = t->kij.locate(rij);
    t->kij.basis(bj.q, rij, bj.B, bj.dB);
    bk.q = t->kik.locate(rik);
    t->kik.basis(bk.q, rik, bk.B, bk.dB);
    const int qn = t->kjk.locate(rjk);
    double Bn[4], dBn[4];
    t->kjk.basis(qn, rjk, Bn, dBn);
    const v4d g = contract(tf_[tidx(a, b, c)], bj, bk, qn, Bn, dBn);
    if (grad) {
      grad[0] = g[1];
      grad[1] = g[2];
      grad[2] = g[3];
    }
    return g[0];
  }

  // ---- evaluation of all terms centred on one atom (see Workspace) ----------------
  // Returns 0 on success; otherwise ws.err describes the problem (outputs undefined).
  template <bool PerAtom> int evaluate_centre(int ci, Workspace &ws) const
  {
    return ne_ == 1 ? evaluate_impl<PerAtom, true>(ci, ws) : evaluate_impl<PerAtom, false>(ci, ws);
  }

  // Message for a failed evaluate_centre; labels are how the caller names the atoms
  // (centre, and the atoms of workspace entries err.a and err.b).
  static std::string describe(const EvalError &err, const std::string &centre,
                              const std::string &atom_a, const std::string &atom_b)
  {
    using detail::fmt_double;
    if (err.kind == EvalError::PAIR_TOO_CLOSE)
      return "atoms " + centre + " and " + atom_a + " are " + fmt_double(err.r) +
          " apart, closer than the first knot " + fmt_double(err.r_min) + " of the 2-body spline of elements " +
          std::to_string(err.ei) + "-" + std::to_string(err.ej);
    if (err.kind == EvalError::TRIPLET_TOO_CLOSE) {
      static const char *legs[3] = {"ij", "ik", "jk"};
      std::string pair = err.leg == 0 ? centre + " and " + atom_a
          : err.leg == 1             ? centre + " and " + atom_b
                                     : atom_a + " and " + atom_b;
      return "atoms " + pair + " are " + fmt_double(err.r) + " apart, closer than the first knot " +
          fmt_double(err.r_min) + " of the " + legs[err.leg] + " leg of the 3-body spline of elements " +
          std::to_string(err.ei) + "-" + std::to_string(err.ej) + "-" + std::to_string(err.ek) +
          " (triplet centred on atom " + centre + " with atoms " + atom_a + " and " + atom_b + ")";
    }
    return "no error";
  }

  // ---- bulk evaluation from a full neighbour list in CSR form -------------------------
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
  double compute(int n_atoms, const int *element, const int *nbr_offset, const int *nbr_index,
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
    for (int i = 0; i < n_atoms; ++i) {
      const int p0 = nbr_offset[i], cnt = nbr_offset[i + 1] - p0;
      for (int e = 0; e < cnt; ++e) {
        const double *d = nbr_disp + 3 * static_cast<std::size_t>(p0 + e);
        ws.set(e, d[0], d[1], d[2], element[nbr_index[p0 + e]], 1.0);
      }
      ws.n = cnt;
      const int status = per_atom ? evaluate_centre<true>(element[i], ws)
                                  : evaluate_centre<false>(element[i], ws);
      if (status) {
        const int ja = ws.err.a >= 0 ? nbr_index[p0 + ws.err.a] : -1;
        const int jb = ws.err.b >= 0 ? nbr_index[p0 + ws.err.b] : -1;
        throw Error("compute: " + describe(ws.err, std::to_string(i), std::to_string(ja),
                                           std::to_string(jb)));
      }
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

 private:
  // evaluate_centre for ne_ elements; One: single-element potential (tables hoisted)
  template <bool PerAtom, bool One> int evaluate_impl(int ci, Workspace &ws) const
  {
    const int ne = One ? 1 : ne_;
    const int n = ws.n;
    const double *UF3_RESTRICT d = ws.d.data();
    const double *UF3_RESTRICT rsq = ws.rsq.data();
    const double *UF3_RESTRICT w = ws.w.data();
    const int *UF3_RESTRICT elem = ws.elem.data();
    double *UF3_RESTRICT f = ws.f.data();
    double *UF3_RESTRICT r = ws.r.data();
    double *UF3_RESTRICT inv_r = ws.inv_r.data();
    int *UF3_RESTRICT shortlist = ws.shortlist.data();
    LegBasis *UF3_RESTRICT legs = ws.legs.data();
    int *UF3_RESTRICT tp = ws.tp.data();
    int *UF3_RESTRICT tq = ws.tq.data();
    double *UF3_RESTRICT tinv = ws.tinv.data();
    double *UF3_RESTRICT tB = ws.tB.data();
    double *UF3_RESTRICT tdB = ws.tdB.data();
    double *UF3_RESTRICT eat = ws.e.data();
    double *UF3_RESTRICT vat = ws.v.data();
    const std::size_t rowc = static_cast<std::size_t>(ci) * ne;
    const PairFast *UF3_RESTRICT prow = pf_.data() + rowc;
    const double *UF3_RESTRICT l3row = l3cut2_.data() + rowc;
    double energy = 0.0, ei = 0.0;
    double vi[6] = {0, 0, 0, 0, 0, 0};
    int ns = 0;

    // -- pass 1: pair terms; short list and leg bases for the triplets
    for (int e = 0; e < n; ++e) {
      const int cj = One ? 0 : elem[e];
      const PairFast &P = prow[cj];
      const double r2 = rsq[e];
      const bool pair_on = w[e] != 0.0 && r2 < P.cut2;
      const bool three_on = r2 < l3row[cj];
      const double *UF3_RESTRICT de = d + 4 * static_cast<std::size_t>(e);
      v4d fe = zero4();
      if (PerAtom) {
        eat[e] = 0.0;
        for (int k = 0; k < 6; ++k) vat[6 * e + k] = 0.0;
      }
      if (pair_on || three_on) {
        const double rr = std::sqrt(r2);
        const double ir = 1.0 / rr;
        r[e] = rr;
        inv_r[e] = ir;
        if (pair_on) {
          if (!(rr >= P.lo)) {
            set_err(ws, EvalError::PAIR_TOO_CLOSE, e, -1, -1, ci, cj, -1, rr, P.lo);
            return 1;
          }
          double V, dV;
          pair_poly(P, rr, V, dV);
          const double we = w[e];
          fe = load4(de) * (-we * dV * ir);    // force on j
          energy += we * V;
          if (PerAtom) {
            const double eh = 0.5 * we * V;
            ei += eh;
            eat[e] = eh;
            double *UF3_RESTRICT ve = vat + 6 * static_cast<std::size_t>(e);
            ve[0] = 0.5 * de[0] * fe[0];
            ve[1] = 0.5 * de[1] * fe[1];
            ve[2] = 0.5 * de[2] * fe[2];
            ve[3] = 0.5 * de[0] * fe[1];
            ve[4] = 0.5 * de[0] * fe[2];
            ve[5] = 0.5 * de[1] * fe[2];
            for (int k = 0; k < 6; ++k) vi[k] += ve[k];
          }
        }
        if (three_on) {
          shortlist[ns] = e;
          LegBasis *UF3_RESTRICT lb = legs + static_cast<std::size_t>(ns) * ne;
          const TripFast *UF3_RESTRICT trow = tf_.data() + (rowc + cj) * ne;
          for (int ck = 0; ck < ne; ++ck) {
            const TripFast &T = trow[ck];
            LegBasis &L = lb[ck];
            if (!(r2 < T.cut_ij2)) {    // also when the triplet is not set (cut 0)
              L.state = 0;
            } else if (!(rr >= T.lo_ij)) {
              L.state = 2;
            } else {
              L.state = 1;
              L.q = locate(T.ij, rr);
              basis(T.ij, L.q, rr, L.B, L.dB);
            }
          }
          ++ns;
        }
      }
      store4(f + 4 * static_cast<std::size_t>(e), fe);
    }

    // -- pass 2: triplets (j, k), j before k in the short list
    TripFast T1;
    if (One) T1 = tf_[0];
    for (int a = 0; a + 1 < ns; ++a) {
      const int ej = shortlist[a];
      const int cj = One ? 0 : elem[ej];
      const LegBasis *UF3_RESTRICT lj = legs + static_cast<std::size_t>(a) * ne;
      if (One && lj[0].state == 0) continue;
      const v4d dj = load4(d + 4 * static_cast<std::size_t>(ej));
      const double inv_rij = inv_r[ej];
      const TripFast *UF3_RESTRICT trow = tf_.data() + (rowc + cj) * ne;
      // phase 1: the partners whose triplet is on, their r_jk and jk basis (short, independent
      // iterations: the square roots and look-ups of several triplets overlap)
      int np = 0;
      for (int b = a + 1; b < ns; ++b) {
        const int ek = shortlist[b];
        const int ck = One ? 0 : elem[ek];
        const LegBasis &bj = lj[ck];
        const LegBasis &bk = legs[static_cast<std::size_t>(b) * ne + cj];
        if ((!One && bj.state == 0) || bk.state == 0) continue;
        const TripFast &T = One ? T1 : trow[ck];
        const v4d u = load4(d + 4 * static_cast<std::size_t>(ek)) - dj;    // x_k - x_j (lane 3 is 0)
        const double rjk2 = u[0] * u[0] + u[1] * u[1] + u[2] * u[2];
        if (!(rjk2 < T.cut_jk2)) continue;
        if (bj.state == 2 || bk.state == 2 || !(rjk2 >= T.lo_jk2)) {
          const int leg = bj.state == 2 ? 0 : (bk.state == 2 ? 1 : 2);
          const double rv = leg == 0 ? r[ej] : (leg == 1 ? r[ek] : std::sqrt(rjk2));
          const double rmin = leg == 0 ? T.lo_ij : (leg == 1 ? trow_ik_lo(ci, ck, cj) : T.jk.lo);
          set_err(ws, EvalError::TRIPLET_TOO_CLOSE, ej, ek, leg, ci, cj, ck, rv, rmin);
          return 1;
        }
        const double rjk = std::sqrt(rjk2);
        const int qn = locate(T.jk, rjk);
        tp[np] = b;
        tq[np] = qn;
        tinv[np] = 1.0 / rjk;
        basis(T.jk, qn, rjk, tB + 4 * static_cast<std::size_t>(np), tdB + 4 * static_cast<std::size_t>(np));
        ++np;
      }
      // phase 2: contractions and forces
      v4d fj = zero4();
      for (int p = 0; p < np; ++p) {
        const int b = tp[p];
        const int ek = shortlist[b];
        const int ck = One ? 0 : elem[ek];
        const LegBasis &bj = lj[ck];
        const LegBasis &bk = legs[static_cast<std::size_t>(b) * ne + cj];
        const TripFast &T = One ? T1 : trow[ck];
        const v4d dk = load4(d + 4 * static_cast<std::size_t>(ek));
        const v4d u = dk - dj;
        const double inv_rjk = tinv[p];
        const int qn = tq[p];
        const double *Bn = tB + 4 * static_cast<std::size_t>(p);
        const double *dBn = tdB + 4 * static_cast<std::size_t>(p);
        const v4d g = contract(T, bj, bk, qn, Bn, dBn);    // E, dE/drij, dE/drik, dE/drjk
        const double sij = g[1] * inv_rij, sik = g[2] * inv_r[ek], sjk = g[3] * inv_rjk;
        // F_j = -dE/dx_j, F_k = -dE/dx_k
        const v4d Fj = u * sjk - dj * sij;
        const v4d Fk = zero4() - (dk * sik + u * sjk);
        fj += Fj;
        double *UF3_RESTRICT fk = f + 4 * static_cast<std::size_t>(ek);
        store4(fk, load4(fk) + Fk);
        energy += g[0];
        if (PerAtom) {
          const double e3 = g[0] * (1.0 / 3.0);
          ei += e3;
          eat[ej] += e3;
          eat[ek] += e3;
          double vt[6];
          vt[0] = dj[0] * Fj[0] + dk[0] * Fk[0];
          vt[1] = dj[1] * Fj[1] + dk[1] * Fk[1];
          vt[2] = dj[2] * Fj[2] + dk[2] * Fk[2];
          vt[3] = dj[0] * Fj[1] + dk[0] * Fk[1];
          vt[4] = dj[0] * Fj[2] + dk[0] * Fk[2];
          vt[5] = dj[1] * Fj[2] + dk[1] * Fk[2];
          double *UF3_RESTRICT vj = vat + 6 * static_cast<std::size_t>(ej);
          double *UF3_RESTRICT vk = vat + 6 * static_cast<std::size_t>(ek);
          for (int k = 0; k < 6; ++k) {
            const double v3 = vt[k] * (1.0 / 3.0);
            vi[k] += v3;
            vj[k] += v3;
            vk[k] += v3;
          }
        }
      }
      double *UF3_RESTRICT fjp = f + 4 * static_cast<std::size_t>(ej);
      store4(fjp, load4(fjp) + fj);
    }

    // -- centre force and virial of all terms centred here
    v4d fsum = zero4(), vdiag = zero4();
    double v3 = 0, v4 = 0, v5 = 0;
    if (ws.want_virial) {
      for (int e = 0; e < n; ++e) {
        const v4d fe = load4(f + 4 * static_cast<std::size_t>(e));
        const v4d de = load4(d + 4 * static_cast<std::size_t>(e));
        fsum += fe;
        vdiag += de * fe;
        v3 += de[0] * fe[1];
        v4 += de[0] * fe[2];
        v5 += de[1] * fe[2];
      }
    } else {
      for (int e = 0; e < n; ++e) fsum += load4(f + 4 * static_cast<std::size_t>(e));
    }
    ws.fi[0] = -fsum[0];
    ws.fi[1] = -fsum[1];
    ws.fi[2] = -fsum[2];
    ws.virial[0] = vdiag[0];
    ws.virial[1] = vdiag[1];
    ws.virial[2] = vdiag[2];
    ws.virial[3] = v3;
    ws.virial[4] = v4;
    ws.virial[5] = v5;
    ws.energy = energy;
    ws.ei = ei;
    for (int k = 0; k < 6; ++k) ws.vi[k] = vi[k];
    ws.err.kind = EvalError::NONE;
    return 0;
  }

  // Tensor contraction for one triplet: {V3, dV/drij, dV/drik, dV/drjk}.
  static UF3_INLINE v4d contract(const TripFast &T, const LegBasis &bj, const LegBasis &bk, int qn,
                                 const double *UF3_RESTRICT Bn, const double *UF3_RESTRICT dBn)
  {
    const std::size_t N = static_cast<std::size_t>(T.N);
    const std::size_t MN = static_cast<std::size_t>(T.M) * N;
    const double *UF3_RESTRICT base = T.c + (static_cast<std::size_t>(bj.q) * T.M + bk.q) * N + qn;
    // U_l[n] = sum_m c[l][m][n] Bik_m, dU_l[n] = sum_m c[l][m][n] dBik_m, then
    // P[n] = sum_l U_l[n] Bij_l, Pj[n] = sum_l U_l[n] dBij_l, Pk[n] = sum_l dU_l[n] Bij_l
    v4d P = zero4(), Pj = zero4(), Pk = zero4();
    for (int l = 0; l < 4; ++l) {
      const double *UF3_RESTRICT pl = base + l * MN;
      const v4d r0 = load4(pl), r1 = load4(pl + N), r2 = load4(pl + 2 * N), r3 = load4(pl + 3 * N);
      const v4d u = r0 * bk.B[0] + r1 * bk.B[1] + r2 * bk.B[2] + r3 * bk.B[3];
      const v4d du = r0 * bk.dB[0] + r1 * bk.dB[1] + r2 * bk.dB[2] + r3 * bk.dB[3];
      P += u * bj.B[l];
      Pj += u * bj.dB[l];
      Pk += du * bj.B[l];
    }
    const v4d bn = load4(Bn), dbn = load4(dBn);
    return hsum4(P * bn, Pj * bn, Pk * bn, P * dbn);
  }

  double trow_ik_lo(int ci, int ck, int cj) const { return tf_[tidx(ci, ck, cj)].lo_ij; }

  static void set_err(Workspace &ws, int kind, int a, int b, int leg, int ei, int ej, int ek,
                      double r, double rmin)
  {
    ws.err.kind = kind;
    ws.err.a = a;
    ws.err.b = b;
    ws.err.leg = leg;
    ws.err.ei = ei;
    ws.err.ej = ej;
    ws.err.ek = ek;
    ws.err.r = r;
    ws.err.r_min = rmin;
  }

  void finish_triplet(TripletSpline &t)
  {
    t.cut_ij2 = t.kij.hi() * t.kij.hi();
    t.cut_ik2 = t.kik.hi() * t.kik.hi();
    t.cut_jk2 = t.kjk.hi() * t.kjk.hi();
    t.lo_jk2 = t.kjk.lo() * t.kjk.lo();
  }

  void update_leg_cutoffs()
  {
    for (std::size_t i = 0; i < triplets_.size(); ++i) {
      TripFast f;
      const TripletSpline *t = triplets_[i].get();
      if (t) {
        f.ij = t->kij.view();
        f.jk = t->kjk.view();
        f.c = t->c.data();
        f.M = t->M;
        f.N = t->N;
        f.cut_ij2 = t->cut_ij2;
        f.lo_ij = t->kij.lo();
        f.cut_jk2 = t->cut_jk2;
        f.lo_jk2 = t->lo_jk2;
      }
      tf_[i] = f;
    }
    has3_ = false;
    for (int a = 0; a < ne_; ++a)
      for (int b = 0; b < ne_; ++b) {
        double m = 0.0;
        for (int c = 0; c < ne_; ++c) {
          const TripletSpline *t = triplets_[tidx(a, b, c)].get();
          if (t) {
            has3_ = true;
            m = std::max(m, t->cut_ij2);
          }
        }
        l3cut2_[pidx(a, b)] = m;
      }
  }

  void check_el(int a, const char *fn) const
  {
    if (a < 0 || a >= ne_)
      throw Error(std::string(fn) + ": element index " + std::to_string(a) + " out of range 0.." +
                  std::to_string(ne_ - 1));
  }
  bool in_range(int a, int b) const { return a >= 0 && a < ne_ && b >= 0 && b < ne_; }
  std::size_t pidx(int a, int b) const { return static_cast<std::size_t>(a) * ne_ + b; }
  std::size_t tidx(int a, int b, int c) const
  {
    return (static_cast<std::size_t>(a) * ne_ + b) * ne_ + c;
  }

  int ne_;
  bool has3_ = false;
  std::vector<std::shared_ptr<PairSpline>> pairs_;
  std::vector<std::shared_ptr<TripletSpline>> triplets_;
  std::vector<double> pcut2_, plo_, l3cut2_;
  std::vector<PairFast> pf_;
  std::vector<TripFast> tf_;
};

}    // namespace uf3

#endif

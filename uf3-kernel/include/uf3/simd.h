// uf3/simd.h -- the 4-wide double arithmetic of the hot loops (v4d), written once for
// three code paths chosen at compile time, plus the inlining and aliasing macros.
#ifndef UF3_SIMD_H
#define UF3_SIMD_H

#include <cstring>

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

namespace uf3 {

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

}    // namespace uf3

#endif

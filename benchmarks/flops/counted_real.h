// counted_real.h -- a double that counts the floating-point operations done on it, for the
// counting build of the kernel (count_flops.cpp compiles the kernel headers a second time with
// `double` spelled as flops::Real).  Counting convention: every +, -, *, / and sqrt is one
// operation, unary minus and comparisons are counted apart (not flops); a multiply followed
// by an add is two operations, as an FMA is two flops in the peak figures.
//
// Padding lanes: the kernel keeps 3-vectors in 4-wide registers (lane 3 = 0).  A value made
// with Real::padding() is such a lane; any product with it, and any sum or difference of it
// with a zero, is again padding, and the operations producing padding are counted apart
// (they run on the hardware but do no useful work).
#ifndef UF3_BENCH_COUNTED_REAL_H
#define UF3_BENCH_COUNTED_REAL_H

#include <cmath>
#include <cstdint>

namespace flops {

// Operation counts, by kind; pad_* are the operations whose result is a padding lane.
struct Counts {
  std::int64_t add = 0, mul = 0, div = 0, sqrt = 0, neg = 0, cmp = 0;
  std::int64_t pad_add = 0, pad_mul = 0;

  std::int64_t total() const { return add + mul + div + sqrt; }
  std::int64_t useful() const { return total() - pad_add - pad_mul; }
};

// The counts of the running program.  The counting tool is single-threaded by design: the
// number type's operators have no other place to report to.
inline Counts &counts()
{
  static Counts c;
  return c;
}

class Real {
 public:
  constexpr Real() = default;
  constexpr Real(double v) : v_(v) {}    // NOLINT: implicit, as a double literal converts
  constexpr Real(int v) : v_(v) {}       // NOLINT
  constexpr Real(long v) : v_(static_cast<double>(v)) {}    // NOLINT
  constexpr Real(unsigned long v) : v_(static_cast<double>(v)) {}    // NOLINT

  static Real padding()
  {
    Real r(0.0);
    r.pad_ = true;
    return r;
  }

  double value() const { return v_; }
  bool pad() const { return pad_; }
  explicit operator int() const { return static_cast<int>(v_); }
  explicit operator long() const { return static_cast<long>(v_); }
  explicit operator double() const { return v_; }

  friend Real operator+(Real a, Real b) { return sum(a, b, a.v_ + b.v_); }
  friend Real operator-(Real a, Real b) { return sum(a, b, a.v_ - b.v_); }
  friend Real operator*(Real a, Real b)
  {
    Real r(a.v_ * b.v_);
    r.pad_ = a.pad_ || b.pad_;
    ++counts().mul;
    if (r.pad_) ++counts().pad_mul;
    return r;
  }
  friend Real operator/(Real a, Real b)
  {
    ++counts().div;
    return Real(a.v_ / b.v_);
  }
  friend Real operator-(Real a)
  {
    ++counts().neg;
    Real r(-a.v_);
    r.pad_ = a.pad_;
    return r;
  }
  Real &operator+=(Real b) { return *this = *this + b; }
  Real &operator-=(Real b) { return *this = *this - b; }
  Real &operator*=(Real b) { return *this = *this * b; }
  Real &operator/=(Real b) { return *this = *this / b; }

  friend bool operator<(Real a, Real b) { return ++counts().cmp, a.v_ < b.v_; }
  friend bool operator>(Real a, Real b) { return ++counts().cmp, a.v_ > b.v_; }
  friend bool operator<=(Real a, Real b) { return ++counts().cmp, a.v_ <= b.v_; }
  friend bool operator>=(Real a, Real b) { return ++counts().cmp, a.v_ >= b.v_; }
  friend bool operator==(Real a, Real b) { return ++counts().cmp, a.v_ == b.v_; }
  friend bool operator!=(Real a, Real b) { return ++counts().cmp, a.v_ != b.v_; }

  friend Real sqrt_counted(Real a)
  {
    ++counts().sqrt;
    return Real(std::sqrt(a.v_));
  }

 private:
  static Real sum(Real a, Real b, double v)
  {
    Real r(v);
    // padding meets padding or a zero: still padding (the lane stays 0)
    r.pad_ = (a.pad_ || b.pad_) && (a.pad_ || a.v_ == 0.0) && (b.pad_ || b.v_ == 0.0);
    ++counts().add;
    if (r.pad_) ++counts().pad_add;
    return r;
  }

  double v_ = 0.0;
  bool pad_ = false;
};

}    // namespace flops

// the kernel calls std::sqrt, std::isfinite and std::fabs on its number type
namespace std {
inline flops::Real sqrt(flops::Real a) { return sqrt_counted(a); }
inline bool isfinite(flops::Real a) { return std::isfinite(a.value()); }
inline flops::Real fabs(flops::Real a) { return flops::Real(std::fabs(a.value())); }
}    // namespace std

#endif

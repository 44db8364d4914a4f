// uf3/potential.h -- a UF3 potential: the spline tables of every 2-body and 3-body term,
// built once from knots and coefficients (set_pair, set_triplet; uf3/file.h builds them
// from a .uf3 file), their cutoffs, and single-term evaluation.  The sweeps over a
// centre's neighbours are members declared here and defined by job in uf3/pair_sweep.h
// (2-body terms), uf3/triplet_sweep.h (3-body terms) and uf3/compute.h (a whole structure
// from a CSR neighbour list); include uf3/uf3.h, which has them all.
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
// Terms that were never set contribute nothing (has_pair, has_triplet tell;
// uf3/file.h's make_potential insists on every term among the simulated elements).
//
// Virial order everywhere: xx, yy, zz, xy, xz, yz (the LAMMPS order), virial =
// sum over terms of (relative position) (x) (force), units of energy; per-atom
// virials follow LAMMPS: a pair term gives half to each atom, a triplet term a third
// to each of its three atoms.  Per-atom energies likewise (pair: half each, triplet:
// a third each).
//
// Errors: see uf3/error.h (uf3::Error from every public function; status codes and an
// EvalError from the per-centre sweeps).
#ifndef UF3_POTENTIAL_H
#define UF3_POTENTIAL_H

#include "uf3/error.h"
#include "uf3/knots.h"
#include "uf3/simd.h"
#include "uf3/splines.h"
#include "uf3/workspace.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace uf3 {

struct PairTerm;
struct PairSums;
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

  // ---- the sweeps over one centre's neighbours (defined in uf3/pair_sweep.h and
  // uf3/triplet_sweep.h) and over a whole structure (uf3/compute.h) --------------------

  // The 2-body terms of centre element ci with each of its n listed neighbours, weight w
  // per term (see uf3/pair_sweep.h).  Returns 0, or 1 with err set.
  template <bool PerAtom, class Neighbours, class Sink>
  int pair_sweep(int ci, int n, const Neighbours &nbr, double w, PairSums &sums, EvalError &err,
                 Sink &&sink) const;

  // The 3-body terms centred on one atom (see Workspace and uf3/triplet_sweep.h).
  // Returns 0 on success; otherwise ws.err describes the problem (outputs undefined).
  template <bool PerAtom> int evaluate_centre(int ci, Workspace &ws) const;

  // Message for a failed pair_sweep or evaluate_centre; labels are how the caller names
  // the atoms (centre, and the atoms of entries err.a and err.b).
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

  // Energy, forces and virials of a structure from a full neighbour list in CSR form
  // (see uf3/compute.h).  Throws uf3::Error on bad input or atoms closer than a first knot.
  double compute(int n_atoms, const int *element, const int *nbr_offset, const int *nbr_index,
                 const double *nbr_disp, double *forces, double *virial, double *atom_energy,
                 double *atom_virial) const;

 private:
  // evaluate_centre for ne_ elements; One: single-element potential (tables hoisted)
  template <bool PerAtom, bool One> int evaluate_impl(int ci, Workspace &ws) const;

  double trow_ik_lo(int ci, int ck, int cj) const { return tf_[tidx(ci, ck, cj)].lo_ij; }

  static void set_err(EvalError &err, int kind, int a, int b, int leg, int ei, int ej, int ek, double r,
                      double rmin)
  {
    err.kind = kind;
    err.a = a;
    err.b = b;
    err.leg = leg;
    err.ei = ei;
    err.ej = ej;
    err.ek = ek;
    err.r = r;
    err.r_min = rmin;
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

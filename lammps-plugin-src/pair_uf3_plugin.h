/* -*- c++ -*- ----------------------------------------------------------
   pair_style uf3 (UF3-J plugin): Ultra-Fast Force Fields, 2- and 3-body
   cubic B-spline potentials, reading the ML-UF3 potential file format.

   pair_style uf3 2|3 [gamma FILE.asi]
   pair_coeff * * FILE.uf3 El_1 ... El_ntypes

   gamma FILE.asi: per-atom extrapolation grade on the steps fix pair asks for
   (pair_uf3_gamma.h).

   The spline math lives in the UF3 kernel, uf3-kernel/include/uf3/uf3.h (shared with the
   JavaCPP binding in uf3-native).
------------------------------------------------------------------------- */

#ifndef LMP_PAIR_UF3_PLUGIN_H
#define LMP_PAIR_UF3_PLUGIN_H

#include "pair.h"
#include "pair_uf3_gamma.h"

#include "uf3/uf3.h"

#include <memory>
#include <string>
#include <vector>

namespace LAMMPS_NS {

class PairUF3J : public Pair {
 public:
  PairUF3J(class LAMMPS *);
  ~PairUF3J() override;
  void compute(int, int) override;
  void settings(int, char **) override;
  void coeff(int, char **) override;
  void init_style() override;
  double init_one(int, int) override;
  double single(int, int, int, int, double, double, double, double &) override;
  int pack_reverse_comm(int, int, double *) override;
  void unpack_reverse_comm(int, int *, double *) override;
  double memory_usage() override;
  void init_list(int, class NeighList *) override;
  void *extract(const char *, int &) override;
  void *extract_peratom(const char *, int &) override;

 protected:
  int nbody;                                // 2 or 3
  std::unique_ptr<uf3::Potential> pot;      // spline tables
  std::vector<std::string> el_names;        // distinct elements, kernel index order
  std::vector<int> type2el;                 // atom type -> element index
  std::vector<double> pcut2, l3cut2;        // per type pair: 2-body and 3-body (ij leg) cutoff^2

  // per-centre scratch: one for the serial style, one per thread for uf3/omp
  struct alignas(64) Scratch {    // own cache lines: one per thread in uf3/omp
    uf3::Workspace ws;
    std::vector<int> atom_of;                 // LAMMPS index of each workspace entry
    std::vector<int> pair_j, pair_type;       // the pair candidates inside their cutoff
    std::vector<double> pair_rsq;             // and their squared distances
    int fail_i = -1, fail_j = -1;             // the first too-close centre (and pair partner, or -1)
  };
  Scratch scratch;
  // where the terms of a range of centres go: the style's own arrays, or one thread's
  struct Tally {
    double **f;
    double *eatom;
    double **vatom;
    double energy = 0.0;
    double virial[6] = {0, 0, 0, 0, 0, 0};
  };

  // newton_pair off, 3-body: contributions to ghost atoms, reverse-communicated by us
  double *gbuf;
  int gbuf_nmax, gbuf_stride;

  // uf3 3: LAMMPS' half list (newton off: every pair with a ghost on both ranks), the entries of
  // each centre reordered after a build so that the pairs it takes come first (pmine of them:
  // each unordered pair once); and our own 3-body list built from it, per local atom (by
  // atom index) the neighbours within an ij leg + skin: 4 bytes per entry, no per-pair copy
  std::vector<int> pmine;                   // per ilist entry: the pairs it takes
  std::vector<int> cand, cand_off;          // 3-body neighbours of local atom i: cand[cand_off[i]..]
  int pair_most;                            // the longest run of pairs a centre takes
  bigint cand_ncalls;
  int cand_inum;

  UF3Gamma gamma_grade;                     // extrapolation grade (pair_style ... gamma FILE)
  class NeighList *gamma_list;              // with gamma: occasional full list

  void allocate();
  void compute_gamma();
  void compute_two_body();
  // uf3 2, centres ilist[ifrom..ito): forces into f, energy/virial (EV) through tally_pair
  template <bool EV> void two_body_range(int ifrom, int ito, double **f, Scratch &sc, void *ctx);
  // ev_tally of one pair (fpair: force on i along x_i - x_j); ctx: the thread's data (uf3/omp)
  virtual void tally_pair(int i, int j, double e, double fpair, double dx, double dy, double dz, void *ctx);
  template <bool PER_ATOM> void compute_three_body();
  // uf3 3, before the centres are swept (serial): candidate lists, scratch, newton-off ghost rows
  void three_body_setup(bool zero_ghost_rows);
  // uf3 3, centres ilist[ifrom..ito): false (sc.fail_i set) at a too-close atom
  template <bool PER_ATOM> bool three_body_range(int ifrom, int ito, Scratch &sc, Tally &t);
  template <bool PER_ATOM> bool pair_terms_of(int ii, int i, int ci, Scratch &sc, Tally &t);
  // newton off: the ghost rows of f (eatom, vatom) to their owners, then cleared
  void ghosts_to_owners(bool per_atom);
  void build_candidates();
  static double scratch_bytes(const Scratch &sc);
  [[noreturn]] void too_close(const Scratch &sc);
  [[noreturn]] void fail(const uf3::EvalError &err, const std::string &i, const std::string &a,
                         const std::string &b);
};

}    // namespace LAMMPS_NS

#endif

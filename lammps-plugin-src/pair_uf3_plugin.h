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
  uf3::Workspace ws;                        // per-centre scratch
  std::vector<int> ws_atom;                 // LAMMPS index of each workspace entry

  // newton_pair off, 3-body: contributions to ghost atoms, reverse-communicated by us
  double *gbuf;
  int gbuf_nmax, gbuf_stride;

  // uf3 3: per local atom, the full-list entries that can matter until the next neighbour-list
  // build, in two lists: the pairs this atom takes the 2-body term of (each unordered pair once)
  // and the neighbours within a 3-body ij leg (+ skin)
  struct Candidate {    // 8 bytes: a million-atom run keeps ~170 per atom
    int j;               // LAMMPS atom index
    int type;            // its atom type
  };
  std::vector<Candidate> pcand, cand;       // pair terms, 3-body neighbours
  std::vector<int> pcand_off, cand_off;
  std::vector<int> pair_j, pair_type;       // per centre: the pair candidates inside their cutoff
  std::vector<double> pair_rsq;             // and their squared distances
  bigint cand_ncalls;
  int cand_inum;

  UF3Gamma gamma_grade;                     // extrapolation grade (pair_style ... gamma FILE)
  class NeighList *gamma_list;              // uf3 2 with gamma: occasional full list

  void allocate();
  void compute_gamma();
  void compute_two_body();
  template <bool PER_ATOM, bool NEWTON> void compute_three_body();
  template <bool PER_ATOM, bool NEWTON> void pair_terms_of(int ii, int i, int ci);
  void build_candidates();
  [[noreturn]] void too_close(int i);
  [[noreturn]] void pair_too_close(int i, int j, const uf3::EvalError &err);
  [[noreturn]] void fail(const uf3::EvalError &err, const std::string &i, const std::string &a,
                         const std::string &b);
};

}    // namespace LAMMPS_NS

#endif

/* -*- c++ -*- ----------------------------------------------------------
   pair_style uf3 (UF3-J plugin): the extrapolation grade gamma per atom.

   pair_style uf3 3 gamma FILE.asi          (or 2)
   fix G all pair N uf3 gamma 1             gamma of every local atom every N steps
   compute M all reduce max f_G
   fix H all halt N v_maxgamma > 5.0        (variable maxgamma equal c_M)

   Computed only on the steps fix pair asks for (it sets the "gamma_flag" this class owns);
   ordinary steps pay one test of that flag.  The math is uf3/gamma.h in the shared kernel.
------------------------------------------------------------------------- */

#ifndef LMP_PAIR_UF3_GAMMA_H
#define LMP_PAIR_UF3_GAMMA_H

#include "pointers.h"

#include "uf3/uf3.h"

#include <memory>
#include <string>
#include <vector>

namespace LAMMPS_NS {

class NeighList;

class UF3Gamma : protected Pointers {
 public:
  explicit UF3Gamma(class LAMMPS *);
  ~UF3Gamma() override;

  // pair_style words after 2|3: "gamma FILE" or nothing; returns the number of words used
  int settings(int narg, char **arg);
  bool enabled() const { return !file.empty(); }
  // after the potential file is parsed (same element order as the kernel's)
  void load(const uf3::PotentialFile &pf, const std::vector<std::string> &elements);
  // on a step fix pair flagged: gamma of every local atom from a full neighbour list
  bool wanted() const { return enabled() && flag != 0; }
  void compute(NeighList *full, const std::vector<int> &type2el);
  void *extract(const char *name, int &dim);
  void *extract_peratom(const char *name, int &ncol);
  double memory_usage() const;

 private:
  std::string file;
  std::unique_ptr<uf3::ExtrapolationGrade> grade;
  uf3::GammaScratch scratch;
  int flag;          // set by fix pair on the steps it wants gamma
  double *gamma;     // per local atom
  int nmax;
};

}    // namespace LAMMPS_NS

#endif

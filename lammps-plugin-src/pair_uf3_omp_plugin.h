/* -*- c++ -*- ----------------------------------------------------------
   pair_style uf3/omp (UF3-J plugin): pair_style uf3 with OpenMP threads, following the
   OPENMP package's conventions (-sf omp or pair_style uf3/omp, package omp N): each thread
   takes a contiguous range of centres, accumulates forces, energy and virial (global and
   per-atom) in its own arrays (fix omp's), and reduce_thr sums them at the end.  Same terms
   and same results as pair_style uf3 (to rounding), uf3 2 and uf3 3, newton on and off.
------------------------------------------------------------------------- */

#ifndef LMP_PAIR_UF3_OMP_PLUGIN_H
#define LMP_PAIR_UF3_OMP_PLUGIN_H

#include "pair_uf3_plugin.h"
#include "thr_omp.h"

#include <vector>

namespace LAMMPS_NS {

class PairUF3JOMP : public PairUF3J, public ThrOMP {
 public:
  PairUF3JOMP(class LAMMPS *);
  void compute(int, int) override;
  double memory_usage() override;

 protected:
  void tally_pair(int i, int j, double e, double fpair, double dx, double dy, double dz, void *ctx) override;

 private:
  std::vector<Scratch> thread_scratch;    // one per thread (the serial style's stays unused)
  std::vector<Tally> thread_tally;        // uf3 3: each thread's energy and virial sums
};

}    // namespace LAMMPS_NS

#endif

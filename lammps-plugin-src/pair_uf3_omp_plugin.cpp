/* ----------------------------------------------------------------------
   pair_style uf3/omp (UF3-J plugin).  See pair_uf3_omp_plugin.h.

   The candidate lists (uf3 3) are rebuilt before the threads start; the threads then only
   read the neighbour lists and write their own force / per-atom arrays and their own
   scratch.  With newton off the ghost rows that reduce_thr summed go to their owners by
   this style's reverse communication, as in the serial style.
------------------------------------------------------------------------- */

#include "pair_uf3_omp_plugin.h"

#include "atom.h"
#include "comm.h"
#include "force.h"
#include "neigh_list.h"
#include "suffix.h"
#include "timer.h"

using namespace LAMMPS_NS;

/* ---------------------------------------------------------------------- */

PairUF3JOMP::PairUF3JOMP(LAMMPS *lmp) : PairUF3J(lmp), ThrOMP(lmp, THR_PAIR)
{
  suffix_flag |= Suffix::OMP;
  respa_enable = 0;
}

/* ---------------------------------------------------------------------- */

void PairUF3JOMP::compute(int eflag, int vflag)
{
  ev_init(eflag, vflag);

  const int nlocal = atom->nlocal;
  const int nall = nlocal + atom->nghost;
  const int nthreads = comm->nthreads;
  const int inum = list->inum;
  const int newton_pair = force->newton_pair;
  const bool three = nbody == 3;
  const bool per_atom = eflag_atom || vflag_atom;
  if (static_cast<int>(thread_scratch.size()) < nthreads) {
    thread_scratch.resize(nthreads);
    thread_tally.resize(nthreads);
  }
  if (three) three_body_setup(false);    // fix omp has cleared every row of every thread

#if defined(_OPENMP)
#pragma omp parallel default(shared)
#endif
  {
    int ifrom, ito, tid;
    loop_setup_thr(ifrom, ito, tid, inum, nthreads);
    ThrData *thr = fix->get_thr(tid);
    thr->timer(Timer::START);
    ev_setup_thr(eflag, vflag, nall, eatom, vatom, nullptr, thr);
    Scratch &sc = thread_scratch[tid];

    if (three) {
      // the thread's rows of eatom and vatom, as ev_setup_thr laid them out; sums on the
      // thread's own stack (no false sharing), stored for the ordered reduction below
      Tally t{thr->get_f(), eflag_atom ? eatom + static_cast<std::size_t>(tid) * nall : nullptr,
              vflag_atom ? vatom + static_cast<std::size_t>(tid) * nall : nullptr};
      if (per_atom)
        three_body_range<true>(ifrom, ito, sc, t);
      else
        three_body_range<false>(ifrom, ito, sc, t);
      thread_tally[tid] = t;
    } else if (evflag) {
      two_body_range<true>(ifrom, ito, thr->get_f(), sc, thr);
    } else {
      two_body_range<false>(ifrom, ito, thr->get_f(), sc, thr);
    }

    thr->timer(Timer::PAIR);
    reduce_thr(this, eflag, vflag, thr);
  }

  // a too-close pair or triplet: reported once, by the first thread (in centre order) that met one
  for (int tid = 0; tid < nthreads; tid++)
    if (thread_scratch[tid].fail_i >= 0) too_close(thread_scratch[tid]);
  if (!three) return;
  // energy and virial of uf3 3: the threads' sums, in thread order (deterministic)
  for (int tid = 0; tid < nthreads; tid++) {
    if (eflag_global) eng_vdwl += thread_tally[tid].energy;
    if (vflag_global)
      for (int k = 0; k < 6; k++) virial[k] += thread_tally[tid].virial[k];
  }
  if (!newton_pair) ghosts_to_owners(per_atom);
}

/* ----------------------------------------------------------------------
   uf3 2: one pair into the thread's accumulators (ev_tally's rules)
------------------------------------------------------------------------- */

void PairUF3JOMP::tally_pair(int i, int j, double e, double fpair, double dx, double dy, double dz, void *ctx)
{
  ev_tally_thr(this, i, j, atom->nlocal, force->newton_pair, e, 0.0, fpair, dx, dy, dz, static_cast<ThrData *>(ctx));
}

/* ---------------------------------------------------------------------- */

double PairUF3JOMP::memory_usage()
{
  double bytes = memory_usage_thr();
  bytes += PairUF3J::memory_usage();
  for (const Scratch &sc : thread_scratch) bytes += scratch_bytes(sc);
  return bytes;
}

/* ----------------------------------------------------------------------
   pair_style uf3 (UF3-J plugin): the extrapolation grade gamma.  See pair_uf3_gamma.h.
------------------------------------------------------------------------- */

#include "pair_uf3_gamma.h"
#include "file_text.h"

#include "atom.h"
#include "comm.h"
#include "error.h"
#include "memory.h"
#include "neigh_list.h"
#include "utils.h"

#include <cmath>
#include <cstdio>
#include <cstring>

using namespace LAMMPS_NS;

UF3Gamma::UF3Gamma(LAMMPS *lmp) : Pointers(lmp), flag(0), gamma(nullptr), nmax(0) {}

UF3Gamma::~UF3Gamma()
{
  memory->destroy(gamma);
}

int UF3Gamma::settings(int narg, char **arg)
{
  file.clear();
  grade.reset();
  if (narg == 0) return 0;
  if (narg != 2 || strcmp(arg[0], "gamma") != 0)
    error->all(FLERR, "pair_style uf3: after 2|3 expected 'gamma FILE.asi' (an active-set file), found '{}'",
               narg >= 1 ? arg[0] : "");
  file = arg[1];
  return 2;
}

void UF3Gamma::load(const uf3::PotentialFile &pf, const std::vector<std::string> &elements)
{
  if (!enabled()) return;
  const std::string text = UF3J::broadcast_file_text(lmp, file, false, "active-set file");
  grade = std::make_unique<uf3::ExtrapolationGrade>(text, file, pf, elements);
}

void UF3Gamma::compute(NeighList *full, const std::vector<int> &type2el)
{
  if (!grade) return;
  if (atom->nmax > nmax) {
    memory->destroy(gamma);
    nmax = atom->nmax;
    memory->create(gamma, nmax, "pair:uf3:gamma");
  }
  const double(*xx)[3] = reinterpret_cast<const double(*)[3]>(atom->x[0]);
  const int *type = atom->type;
  const int nlocal = atom->nlocal;
  for (int i = 0; i < nlocal; i++) gamma[i] = 0.0;
  const double cut2 = grade->cutoff() * grade->cutoff();
  const int inum = full->inum;
  for (int ii = 0; ii < inum; ii++) {
    const int i = full->ilist[ii];
    const int ci = type2el[type[i]];
    if (ci < 0) continue;
    const int *jlist = full->firstneigh[i];
    const int jnum = full->numneigh[i];
    const auto nbr = [&](int e, double &dx, double &dy, double &dz, double &rsq, int &cj) {
      const int j = jlist[e] & NEIGHMASK;
      dx = xx[j][0] - xx[i][0];
      dy = xx[j][1] - xx[i][1];
      dz = xx[j][2] - xx[i][2];
      rsq = dx * dx + dy * dy + dz * dz;
      cj = rsq < cut2 ? type2el[type[j]] : -1;
    };
    gamma[i] = grade->grade(ci, jnum, nbr, scratch);
  }
}

void *UF3Gamma::extract(const char *name, int &dim)
{
  dim = 0;
  if (enabled() && strcmp(name, "gamma_flag") == 0) return &flag;
  return nullptr;
}

void *UF3Gamma::extract_peratom(const char *name, int &ncol)
{
  ncol = 0;
  if (enabled() && strcmp(name, "gamma") == 0) return gamma;
  return nullptr;
}

double UF3Gamma::memory_usage() const
{
  return static_cast<double>(nmax) * sizeof(double) +
      static_cast<double>(scratch.x.capacity() + scratch.leg.capacity()) * sizeof(double);
}

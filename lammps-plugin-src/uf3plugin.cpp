// Registers pair style "uf3" (UF3-J), overriding LAMMPS' built-in ML-UF3 style, and (built
// with UF3_OMP, for a LAMMPS with the OPENMP package) its threaded variant "uf3/omp".
// Load with "plugin load uf3plugin.so" or via LAMMPS_PLUGIN_PATH.

#include "lammpsplugin.h"
#include "version.h"

#include "pair_uf3_plugin.h"
#if defined(UF3_OMP)
#include "pair_uf3_omp_plugin.h"
#endif

using namespace LAMMPS_NS;

static Pair *uf3_creator(LAMMPS *lmp)
{
  return new PairUF3J(lmp);
}

#if defined(UF3_OMP)
static Pair *uf3_omp_creator(LAMMPS *lmp)
{
  return new PairUF3JOMP(lmp);
}
#endif

extern "C" void lammpsplugin_init(void *lmp, void *handle, void *regfunc)
{
  lammpsplugin_t plugin;
  auto register_plugin = (lammpsplugin_regfunc) regfunc;
  plugin.version = LAMMPS_VERSION;
  plugin.style = "pair";
  plugin.name = "uf3";
  plugin.info = "UF3-J pair style uf3 (2- and 3-body B-spline potentials, ML-UF3 file format)";
  plugin.author = "UF3-J project";
  plugin.creator.v1 = (lammpsplugin_factory1 *) &uf3_creator;
  plugin.handle = handle;
  (*register_plugin)(&plugin, lmp);
#if defined(UF3_OMP)
  plugin.name = "uf3/omp";
  plugin.info = "UF3-J pair style uf3 with OpenMP threads (-sf omp; package omp N)";
  plugin.creator.v1 = (lammpsplugin_factory1 *) &uf3_omp_creator;
  (*register_plugin)(&plugin, lmp);
#endif
}

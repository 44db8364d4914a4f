/* ----------------------------------------------------------------------
   pair_style uf3 (UF3-J plugin).  See pair_uf3_plugin.h.

   Energy convention (as the uf3 package and LAMMPS ML-UF3):
     E = sum_i sum_{j!=i} V2(r_ij) + sum_i sum_{j<k} V3(r_ij, r_ik, r_jk)

   The 2-body terms come from the kernel's pair sweep (uf3::Potential::pair_sweep), the
   3-body terms from its triplet sweep (uf3::Potential::evaluate_centre).
   uf3 2: half neighbour list; each unordered pair is swept once with weight 2 (both
          ordered pairs) and tallied by ev_tally; standard newton on/off handling.
   uf3 3: half neighbour list built as with newton off (every pair with a ghost on both
          ranks); for each local atom i, the pairs it owns (each unordered pair is owned by
          exactly one of its two atoms, see build_candidates) are swept with weight 2, then
          the 3-body terms centred on i, from a 3-body list built out of the half list.
          Forces, per-atom energies and virials on neighbours that are ghost atoms
          go to f/eatom/vatom of the ghost with newton_pair on (LAMMPS sums them
          back), and with newton_pair off into a private buffer that this style
          reverse-communicates itself.  Either way each term is computed once, by
          the owner of its centre atom, and the virial is tallied explicitly.
------------------------------------------------------------------------- */

#include "pair_uf3_plugin.h"
#include "file_text.h"

#include "uf3/uf3.h"

#include "atom.h"
#include "comm.h"
#include "error.h"
#include "force.h"
#include "memory.h"
#include "neigh_list.h"
#include "neighbor.h"
#include "neigh_request.h"
#include "update.h"

#include <cmath>
#include <cstring>
#include <type_traits>

using namespace LAMMPS_NS;

namespace {
constexpr int GSTRIDE = 10;    // per-atom ghost buffer: force 3, energy 1, virial 6
}    // namespace

/* ---------------------------------------------------------------------- */

PairUF3J::PairUF3J(LAMMPS *lmp) :
    Pair(lmp), nbody(3), gbuf(nullptr), gbuf_nmax(0), gbuf_stride(3), pair_most(0), cand_ncalls(-1), cand_inum(-1),
    gamma_grade(lmp), gamma_list(nullptr)
{
  restartinfo = 0;
  one_coeff = 1;
  manybody_flag = 1;
  single_enable = 0;
  no_virial_fdotr_compute = 1;
  centroidstressflag = CENTROID_NOTAVAIL;
  comm_reverse_off = GSTRIDE;
}

PairUF3J::~PairUF3J()
{
  if (copymode) return;
  memory->destroy(gbuf);
  if (allocated) {
    memory->destroy(setflag);
    memory->destroy(cutsq);
  }
}

/* ---------------------------------------------------------------------- */

void PairUF3J::allocate()
{
  allocated = 1;
  const int n = atom->ntypes + 1;
  memory->create(setflag, n, n, "pair:setflag");
  memory->create(cutsq, n, n, "pair:cutsq");
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) setflag[i][j] = 0;
  pcut2.assign(static_cast<std::size_t>(n) * n, 0.0);
  l3cut2.assign(static_cast<std::size_t>(n) * n, 0.0);
}

/* ----------------------------------------------------------------------
   pair_style uf3 2|3
------------------------------------------------------------------------- */

void PairUF3J::settings(int narg, char **arg)
{
  if (narg < 1 || (strcmp(arg[0], "2") != 0 && strcmp(arg[0], "3") != 0)) {
    std::string found;
    for (int i = 0; i < narg; i++) found += (i ? " " : "") + std::string(arg[i]);
    error->all(FLERR, "pair_style uf3: expected one argument, 2 (2-body) or 3 (2- and 3-body), found '{}'",
               found);
  }
  gamma_grade.settings(narg - 1, arg + 1);
  nbody = arg[0][0] - '0';
  if (nbody == 3) {
    manybody_flag = 1;
    single_enable = 0;
    comm_reverse_off = GSTRIDE;
    centroidstressflag = CENTROID_NOTAVAIL;
  } else {
    manybody_flag = 0;
    single_enable = 1;
    comm_reverse_off = 0;
    centroidstressflag = CENTROID_SAME;
  }
  // a new pair_style invalidates earlier coefficients
  pot.reset();
  if (allocated) {
    const int n = atom->ntypes + 1;
    for (int i = 0; i < n; i++)
      for (int j = 0; j < n; j++) setflag[i][j] = 0;
  }
}

/* ----------------------------------------------------------------------
   pair_coeff * * FILE El_1 ... El_ntypes
------------------------------------------------------------------------- */

void PairUF3J::coeff(int narg, char **arg)
{
  const int ntypes = atom->ntypes;
  if (narg != 3 + ntypes)
    error->all(FLERR,
               "pair_coeff for pair_style uf3: expected {} words '* * FILE El_1 ... El_{}' (one element "
               "name per atom type), found {}",
               3 + ntypes, ntypes, narg);
  if (strcmp(arg[0], "*") != 0 || strcmp(arg[1], "*") != 0)
    error->all(FLERR, "pair_coeff for pair_style uf3: expected '* *' as the first two words, found '{} {}'",
               arg[0], arg[1]);
  if (!allocated) allocate();

  // NULL: the type is not handled by this style (pair_style hybrid gives it to another one)
  el_names.clear();
  type2el.assign(ntypes + 1, -1);
  for (int t = 1; t <= ntypes; t++) {
    const std::string name = arg[2 + t];
    if (name == "NULL") continue;
    int idx = -1;
    for (std::size_t e = 0; e < el_names.size(); e++)
      if (el_names[e] == name) idx = static_cast<int>(e);
    if (idx < 0) {
      idx = static_cast<int>(el_names.size());
      el_names.push_back(name);
    }
    type2el[t] = idx;
  }
  if (el_names.empty())
    error->all(FLERR, "pair_coeff for pair_style uf3: every atom type is NULL; name the element of at least one");
  if (force->pair == this)    // not a sub-style of pair_style hybrid
    for (int t = 1; t <= ntypes; t++)
      if (type2el[t] < 0)
        error->all(FLERR,
                   "pair_coeff for pair_style uf3: atom type {} is NULL, but no other style would compute its "
                   "interactions; NULL is for a sub-style of pair_style hybrid or hybrid/overlay",
                   t);

  // rank 0 reads the file, everybody parses the same text (same errors everywhere)
  const std::string fname = arg[2];
  const std::string text = UF3J::broadcast_file_text(lmp, fname, true, "potential file");

  std::vector<std::string> warnings;
  try {
    uf3::PotentialFile pf = uf3::parse_potential_file(text, fname);
    if (pf.units != update->unit_style)
      throw uf3::Error("file " + fname + " line " + std::to_string(pf.units_line) + ": expected units '" +
                       update->unit_style + "' (the simulation's units), found '" + pf.units + "'");
    pot = std::make_unique<uf3::Potential>(uf3::make_potential(pf, el_names, nbody == 3, &warnings));
    gamma_grade.load(pf, el_names);
  } catch (const uf3::Error &e) {
    error->all(FLERR, "pair_style uf3: {}", e.what());
  }
  if (comm->me == 0)
    for (const auto &w : warnings) error->warning(FLERR, "pair_style uf3: {}", w);

  // cutoffs of NULL-type pairs stay 0: those atoms are never candidates (init_one sets the others)
  std::fill(pcut2.begin(), pcut2.end(), 0.0);
  std::fill(l3cut2.begin(), l3cut2.end(), 0.0);
  for (int i = 1; i <= ntypes; i++)
    for (int j = 1; j <= ntypes; j++) setflag[i][j] = type2el[i] >= 0 && type2el[j] >= 0 ? 1 : 0;
}

/* ---------------------------------------------------------------------- */

void PairUF3J::init_style()
{
  if (!pot) error->all(FLERR, "pair_style uf3: pair_coeff * * FILE El_1 ... has not been given");
  if (nbody == 3)    // no full list: half the memory of the official style's (issue 15)
    neighbor->add_request(this, NeighConst::REQ_NEWTON_OFF);
  else
    neighbor->add_request(this);
  // the grade needs every neighbour of an atom: a full list, built only on the steps that ask
  // (uf3 3's own list is a half one since issue 15)
  if (gamma_grade.enabled())
    neighbor->add_request(this, NeighConst::REQ_FULL | NeighConst::REQ_OCCASIONAL)->set_id(1);
}

void PairUF3J::init_list(int id, NeighList *ptr)
{
  if (id == 1)
    gamma_list = ptr;
  else
    Pair::init_list(id, ptr);
}

/* ---------------------------------------------------------------------- */

double PairUF3J::init_one(int i, int j)
{
  if (setflag[i][j] == 0 || !pot) error->all(FLERR, "pair_style uf3: pair_coeff has not been given");
  const int a = type2el[i], b = type2el[j];
  if (a < 0 || b < 0)    // pair_style hybrid asks only for the pairs it gave to this style
    error->all(FLERR, "pair_style uf3: atom types {} {} are not both handled by this style (NULL in pair_coeff)", i,
               j);
  const int n = atom->ntypes + 1;
  const double p = pot->pair_cutoff(a, b);
  const double l_ab = nbody == 3 ? pot->three_body_cutoff(a, b) : 0.0;
  const double l_ba = nbody == 3 ? pot->three_body_cutoff(b, a) : 0.0;
  pcut2[i * n + j] = pcut2[j * n + i] = p * p;
  l3cut2[i * n + j] = l_ab * l_ab;
  l3cut2[j * n + i] = l_ba * l_ba;
  return std::max(p, std::max(l_ab, l_ba));
}

/* ---------------------------------------------------------------------- */

void PairUF3J::compute(int eflag, int vflag)
{
  ev_init(eflag, vflag);
  if (nbody == 2) {
    compute_two_body();
    if (gamma_grade.wanted()) compute_gamma();
    return;
  }
  if (eflag_atom || vflag_atom)
    compute_three_body<true>();
  else
    compute_three_body<false>();
  if (gamma_grade.wanted()) compute_gamma();
}

/* ----------------------------------------------------------------------
   extrapolation grade of every local atom (steps fix pair flags only)
------------------------------------------------------------------------- */

void PairUF3J::compute_gamma()
{
  neighbor->build_one(gamma_list);
  try {
    gamma_grade.compute(gamma_list, type2el);
  } catch (const uf3::Error &e) {
    error->one(FLERR, "pair_style uf3: {}", e.what());
  }
}

void *PairUF3J::extract(const char *name, int &dim)
{
  return gamma_grade.extract(name, dim);
}

void *PairUF3J::extract_peratom(const char *name, int &ncol)
{
  return gamma_grade.extract_peratom(name, ncol);
}

/* ----------------------------------------------------------------------
   uf3 2: half list, each unordered pair once, counting both ordered pairs
------------------------------------------------------------------------- */

void PairUF3J::compute_two_body()
{
  if (evflag)
    two_body_range<true>(0, list->inum, atom->f, scratch, nullptr);
  else
    two_body_range<false>(0, list->inum, atom->f, scratch, nullptr);
  if (scratch.fail_i >= 0) too_close(scratch);
}

void PairUF3J::tally_pair(int i, int j, double e, double fpair, double dx, double dy, double dz, void * /*ctx*/)
{
  ev_tally(i, j, atom->nlocal, force->newton_pair, e, 0.0, fpair, dx, dy, dz);
}

template <bool EV> void PairUF3J::two_body_range(int ifrom, int ito, double **f, Scratch &sc, void *ctx)
{
  const double(*UF3_RESTRICT xx)[3] = reinterpret_cast<const double(*)[3]>(atom->x[0]);
  const int *type = atom->type;
  const int nlocal = atom->nlocal;
  const int newton_pair = force->newton_pair;
  const int n = atom->ntypes + 1;
  const int *ilist = list->ilist;
  const int *numneigh = list->numneigh;
  int **firstneigh = list->firstneigh;
  const int *el = type2el.data();
  uf3::Workspace &ws = sc.ws;
  sc.fail_i = -1;

  for (int ii = ifrom; ii < ito; ii++) {
    const int i = ilist[ii];
    const double xi = xx[i][0], yi = xx[i][1], zi = xx[i][2];
    const int ti = type[i];
    const int ci = el[ti];
    if (ci < 0) continue;    // a NULL type (no pair of it is within a cutoff of this style)
    const double *pc2 = &pcut2[static_cast<std::size_t>(ti) * n];
    const int *jlist = firstneigh[i];
    const int jnum = numneigh[i];
    ws.reserve(jnum, pot->n_elements());
    if (static_cast<int>(sc.atom_of.size()) < ws.cap) sc.atom_of.resize(ws.cap);
    int *UF3_RESTRICT cand = sc.atom_of.data();
    double *UF3_RESTRICT crsq = ws.rsq.data();
    // pairs inside the cutoff (branch-free compaction), then their terms
    int m = 0;
    for (int jj = 0; jj < jnum; jj++) {
      const int j = jlist[jj] & NEIGHMASK;
      const double dx = xx[j][0] - xi, dy = xx[j][1] - yi, dz = xx[j][2] - zi;
      const double rsq = dx * dx + dy * dy + dz * dz;
      cand[m] = j;
      crsq[m] = rsq;
      m += rsq < pc2[type[j]];
    }
    const auto neighbor = [&](int e, double &dx, double &dy, double &dz, double &rsq, int &cj) {
      const int j = cand[e];
      dx = xx[j][0] - xi;
      dy = xx[j][1] - yi;
      dz = xx[j][2] - zi;
      rsq = crsq[e];
      cj = el[type[j]];
    };
    // both ordered pairs (weight 2); ev_tally takes the force on i as fpair (x_i - x_j), and
    // with newton off counts half of a pair with a ghost (the other rank counts the other half).
    // Two instantiations: without the ev_tally call (most steps) the sums stay in registers
    uf3::PairSums sums;
    const int status = pot->pair_sweep<false>(ci, m, neighbor, 2.0, sums, ws.err, [&](int e, const uf3::PairTerm &t) {
      const int j = cand[e];
      if (newton_pair || j < nlocal) {
        f[j][0] += t.f[0];
        f[j][1] += t.f[1];
        f[j][2] += t.f[2];
      }
      if (EV) tally_pair(i, j, eflag_either ? t.energy : 0.0, t.s, xi - xx[j][0], yi - xx[j][1], zi - xx[j][2], ctx);
    });
    if (status != 0) {
      sc.fail_i = i;
      sc.fail_j = cand[ws.err.a];
      return;
    }
    f[i][0] += sums.fi[0];
    f[i][1] += sums.fi[1];
    f[i][2] += sums.fi[2];
  }
}

/* ----------------------------------------------------------------------
   uf3 3: all terms centred on each local atom.  Contributions to ghost atoms go to
   their rows of f (eatom, vatom): LAMMPS sums them to the owners with newton on, this
   style (ghosts_to_owners) with newton off.
------------------------------------------------------------------------- */

template <bool PER_ATOM> void PairUF3J::compute_three_body()
{
  three_body_setup(!force->newton_pair);
  Tally t{atom->f, eatom, vatom};
  const bool ok = three_body_range<PER_ATOM>(0, list->inum, scratch, t);
  if (!ok) too_close(scratch);
  if (eflag_global) eng_vdwl += t.energy;
  if (vflag_global)
    for (int k = 0; k < 6; k++) virial[k] += t.virial[k];
  if (!force->newton_pair) ghosts_to_owners(PER_ATOM);
}

void PairUF3J::three_body_setup(bool zero_ghost_rows)
{
  // refresh after every neighbour-list build (ago == 0; setup may rebuild and sort atoms
  // while resetting ncalls, so setupflag is checked too)
  if (neighbor->ago == 0 || update->setupflag || neighbor->ncalls != cand_ncalls || list->inum != cand_inum)
    build_candidates();
  if (!zero_ghost_rows) return;
  // newton off: LAMMPS clears only the local rows; the ghost rows collect this style's terms
  const int nlocal = atom->nlocal, nall = nlocal + atom->nghost;
  if (nall > nlocal) {
    std::fill(&atom->f[nlocal][0], &atom->f[nlocal][0] + 3 * static_cast<std::size_t>(nall - nlocal), 0.0);
    if (eflag_atom) std::fill(eatom + nlocal, eatom + nall, 0.0);
    if (vflag_atom) std::fill(&vatom[nlocal][0], &vatom[nlocal][0] + 6 * static_cast<std::size_t>(nall - nlocal), 0.0);
  }
}

template <bool PER_ATOM> bool PairUF3J::three_body_range(int ifrom, int ito, Scratch &sc, Tally &t)
{
  const double(*UF3_RESTRICT xx)[3] = reinterpret_cast<const double(*)[3]>(atom->x[0]);
  double **f = t.f;
  const int *type = atom->type;
  const int ne = pot->n_elements();
  const int *ilist = list->ilist;
  uf3::Workspace &ws = sc.ws;
  ws.want_virial = vflag_global != 0;
  sc.fail_i = -1;
  if (static_cast<int>(sc.pair_j.size()) < pair_most) {
    sc.pair_j.resize(pair_most);
    sc.pair_type.resize(pair_most);
    sc.pair_rsq.resize(pair_most);
  }

  for (int ii = ifrom; ii < ito; ii++) {
    const int i = ilist[ii];
    const double *xi = xx[i];
    const int ti = type[i];
    const int ci = type2el[ti];
    if (ci < 0) continue;    // a NULL type (its candidate lists are empty)
    if (!pair_terms_of<PER_ATOM>(ii, i, ci, sc, t)) return false;

    const int *UF3_RESTRICT clist = cand.data() + cand_off[i];
    const int cnum = cand_off[i + 1] - cand_off[i];

    ws.reserve(cnum, ne);
    if (static_cast<int>(sc.atom_of.size()) < ws.cap) sc.atom_of.resize(ws.cap);
    int *UF3_RESTRICT atom_of = sc.atom_of.data();
    const double xi0 = xi[0], yi0 = xi[1], zi0 = xi[2];
    const double *UF3_RESTRICT lc2 = &l3cut2[static_cast<std::size_t>(ti) * (atom->ntypes + 1)];
    // 3-body candidates from the last neighbour-list build; keep those inside their leg range
    // now (branch-free compaction; the kernel re-checks each term's own cutoff)
    int m = 0;
    for (int c = 0; c < cnum; c++) {
      const int j = clist[c];
#if defined(__GNUC__)
      if (c + 8 < cnum) __builtin_prefetch(xx[clist[c + 8]]);
#endif
      const int tj = type[j];
      ws.set(m, xx[j][0] - xi0, xx[j][1] - yi0, xx[j][2] - zi0, type2el[tj]);
      atom_of[m] = j;
      m += ws.rsq[m] < lc2[tj];
    }
    ws.n = m;
    if (pot->evaluate_centre<PER_ATOM>(ci, ws) != 0) {
      sc.fail_i = i;
      sc.fail_j = -1;
      return false;
    }

    f[i][0] += ws.fi[0];
    f[i][1] += ws.fi[1];
    f[i][2] += ws.fi[2];
    for (int e = 0; e < m; e++) {
      double *dst = f[atom_of[e]];
      const double *fe = ws.force(e);
      dst[0] += fe[0];
      dst[1] += fe[1];
      dst[2] += fe[2];
    }
    t.energy += ws.energy;
    for (int k = 0; k < 6; k++) t.virial[k] += ws.virial[k];
    if (PER_ATOM) {
      if (eflag_atom) {
        t.eatom[i] += ws.ei;
        for (int e = 0; e < m; e++) t.eatom[atom_of[e]] += ws.e[e];
      }
      if (vflag_atom) {
        for (int k = 0; k < 6; k++) t.vatom[i][k] += ws.vi[k];
        for (int e = 0; e < m; e++) {
          const double *v = &ws.v[6 * static_cast<std::size_t>(e)];
          double *dst = t.vatom[atom_of[e]];
          for (int k = 0; k < 6; k++) dst[k] += v[k];
        }
      }
    }
  }
  return true;
}

// the threaded style (uf3/omp, another translation unit) runs the same ranges
template void PairUF3J::two_body_range<true>(int, int, double **, Scratch &, void *);
template void PairUF3J::two_body_range<false>(int, int, double **, Scratch &, void *);
template bool PairUF3J::three_body_range<true>(int, int, Scratch &, Tally &);
template bool PairUF3J::three_body_range<false>(int, int, Scratch &, Tally &);

/* ----------------------------------------------------------------------
   newton off, uf3 3: the ghost rows of f (eatom, vatom) hold this style's terms on
   ghost atoms; they go to the owners by reverse communication and are cleared.
------------------------------------------------------------------------- */

void PairUF3J::ghosts_to_owners(bool per_atom)
{
  const int nlocal = atom->nlocal, nall = nlocal + atom->nghost;
  if (atom->nmax > gbuf_nmax) {
    memory->destroy(gbuf);
    gbuf_nmax = atom->nmax;
    memory->create(gbuf, static_cast<bigint>(gbuf_nmax) * GSTRIDE, "pair:uf3:gbuf");
  }
  gbuf_stride = per_atom ? GSTRIDE : 3;
  double **f = atom->f;
  for (int i = 0; i < nall; i++) {
    double *g = gbuf + static_cast<std::size_t>(i) * GSTRIDE;
    const bool ghost = i >= nlocal;
    for (int k = 0; k < 3; k++) {
      g[k] = ghost ? f[i][k] : 0.0;
      if (ghost) f[i][k] = 0.0;
    }
    if (per_atom) {
      g[3] = ghost && eflag_atom ? eatom[i] : 0.0;
      if (ghost && eflag_atom) eatom[i] = 0.0;
      for (int k = 0; k < 6; k++) {
        g[4 + k] = ghost && vflag_atom ? vatom[i][k] : 0.0;
        if (ghost && vflag_atom) vatom[i][k] = 0.0;
      }
    }
  }
  comm->reverse_comm(this);
  for (int i = 0; i < nlocal; i++) {
    const double *g = gbuf + static_cast<std::size_t>(i) * GSTRIDE;
    f[i][0] += g[0];
    f[i][1] += g[1];
    f[i][2] += g[2];
    if (per_atom) {
      if (eflag_atom) eatom[i] += g[3];
      if (vflag_atom)
        for (int k = 0; k < 6; k++) vatom[i][k] += g[4 + k];
    }
  }
}

/* ----------------------------------------------------------------------
   uf3 3, the 2-body terms of centre i: the pairs it takes (each unordered pair once,
   counting both ordered pairs, as in uf3 2), straight from the front of its half-list row.
   Per-atom energy and virial: half of each pair to each atom (ghosts' rows included).
------------------------------------------------------------------------- */

template <bool PER_ATOM> bool PairUF3J::pair_terms_of(int ii, int i, int ci, Scratch &sc, Tally &t)
{
  const double(*UF3_RESTRICT xx)[3] = reinterpret_cast<const double(*)[3]>(atom->x[0]);
  double **f = t.f;
  const int *UF3_RESTRICT plist = list->firstneigh[i];
  const int pnum = pmine[ii];
  const int *UF3_RESTRICT type = atom->type;
  int *UF3_RESTRICT pj = sc.pair_j.data();
  int *UF3_RESTRICT pt = sc.pair_type.data();
  double *UF3_RESTRICT prsq = sc.pair_rsq.data();
  const double xi0 = xx[i][0], yi0 = xx[i][1], zi0 = xx[i][2];
  const double *UF3_RESTRICT pc2 = &pcut2[static_cast<std::size_t>(type[i]) * (atom->ntypes + 1)];
  const int *el = type2el.data();

  // inside the cutoff now (branch-free compaction)
  int m = 0;
  for (int c = 0; c < pnum; c++) {
    const int j = plist[c] & NEIGHMASK;
    const double dx = xx[j][0] - xi0, dy = xx[j][1] - yi0, dz = xx[j][2] - zi0;
    const double rsq = dx * dx + dy * dy + dz * dz;
    const int tj = type[j];
    pj[m] = j;
    pt[m] = tj;
    prsq[m] = rsq;
    m += rsq < pc2[tj];
  }

  const auto neighbor = [&](int e, double &dx, double &dy, double &dz, double &rsq, int &cj) {
    const int j = pj[e];
    dx = xx[j][0] - xi0;
    dy = xx[j][1] - yi0;
    dz = xx[j][2] - zi0;
    rsq = prsq[e];
    cj = el[pt[e]];
  };
  // both ordered pairs (weight 2)
  uf3::PairSums sums;
  const int status = pot->pair_sweep<PER_ATOM>(ci, m, neighbor, 2.0, sums, sc.ws.err, [&](int e, const uf3::PairTerm &p) {
    const int j = pj[e];
    f[j][0] += p.f[0];
    f[j][1] += p.f[1];
    f[j][2] += p.f[2];
    if (PER_ATOM) {
      if (eflag_atom) {
        t.eatom[i] += p.e_half;
        t.eatom[j] += p.e_half;
      }
      if (vflag_atom)
        for (int k = 0; k < 6; k++) {
          t.vatom[i][k] += p.v_half[k];
          t.vatom[j][k] += p.v_half[k];
        }
    }
  });
  if (status != 0) {
    sc.fail_i = i;
    sc.fail_j = pj[sc.ws.err.a];
    return false;
  }
  f[i][0] += sums.fi[0];
  f[i][1] += sums.fi[1];
  f[i][2] += sums.fi[2];
  t.energy += sums.energy;
  for (int k = 0; k < 6; k++) t.virial[k] += sums.virial[k];
  return true;
}

/* ----------------------------------------------------------------------
   After each neighbour-list build: (1) in each centre's half-list row, the pairs it takes
   first (j > i for local j, which the half list already is; for ghost j the "upper" one,
   above in z, then y, then x, so that across ranks each unordered pair is taken once);
   reordering a row leaves the list the same set for any other user of it.  (2) Per local
   atom the neighbours within a 3-body ij leg + skin, both directions of each half-list
   pair: counted, then filled, so the list holds exactly its entries (4 bytes each).
------------------------------------------------------------------------- */

void PairUF3J::build_candidates()
{
  const double(*UF3_RESTRICT xx)[3] = reinterpret_cast<const double(*)[3]>(atom->x[0]);
  const int *type = atom->type;
  const int nlocal = atom->nlocal;
  const int n = atom->ntypes + 1;
  const int inum = list->inum;
  const int *ilist = list->ilist;
  const int *numneigh = list->numneigh;
  int **firstneigh = list->firstneigh;
  const double skin = neighbor->skin;

  // 3-body ranges + skin, per type pair (centre type, neighbour type)
  std::vector<double> l2(static_cast<std::size_t>(n) * n);
  for (std::size_t k = 0; k < l2.size(); k++) {
    const double l = l3cut2[k] > 0.0 ? std::sqrt(l3cut2[k]) + skin : 0.0;
    l2[k] = l * l;
  }
  pmine.assign(inum, 0);
  cand_off.assign(static_cast<std::size_t>(nlocal) + 1, 0);
  int most = 0;
  for (int pass = 0; pass < 2; pass++) {    // 0: count and reorder, 1: fill
    if (pass == 1) {
      for (int i = 0; i < nlocal; i++) cand_off[i + 1] += cand_off[i];
      cand.assign(cand_off[nlocal], 0);
    }
    std::vector<int> &at = cand_off;    // pass 1: the next free slot of atom i is at[i]
    for (int ii = 0; ii < inum; ii++) {
      const int i = ilist[ii];
      const double xi0 = xx[i][0], yi0 = xx[i][1], zi0 = xx[i][2];
      const int ti = type[i];
      int *jlist = firstneigh[i];
      const int jnum = numneigh[i];
      int front = 0;
      for (int jj = 0; jj < jnum; jj++) {
        const int jraw = jlist[jj];
        const int j = jraw & NEIGHMASK;
        const double xj = xx[j][0], yj = xx[j][1], zj = xx[j][2];
        const double dx = xj - xi0, dy = yj - yi0, dz = zj - zi0;
        const double rsq = dx * dx + dy * dy + dz * dz;
        const int tj = type[j];
        if (pass == 0) {
          const bool above = zj > zi0 || (zj == zi0 && (yj > yi0 || (yj == yi0 && xj > xi0)));
          if (j < nlocal || above) {
            jlist[jj] = jlist[front];
            jlist[front++] = jraw;
          }
          if (rsq < l2[static_cast<std::size_t>(ti) * n + tj]) at[i + 1]++;
          if (j < nlocal && rsq < l2[static_cast<std::size_t>(tj) * n + ti]) at[j + 1]++;
        } else {
          if (rsq < l2[static_cast<std::size_t>(ti) * n + tj]) cand[at[i]++] = j;
          if (j < nlocal && rsq < l2[static_cast<std::size_t>(tj) * n + ti]) cand[at[j]++] = i;
        }
      }
      if (pass == 0) {
        pmine[ii] = front;
        most = std::max(most, front);
      }
    }
    if (pass == 1)    // the fill advanced each start to the next atom's: shift back
      for (int i = nlocal; i > 0; i--) cand_off[i] = cand_off[i - 1];
  }
  cand_off[0] = 0;
  pair_most = most;
  cand_ncalls = neighbor->ncalls;
  cand_inum = inum;
}

/* ---------------------------------------------------------------------- */

void PairUF3J::too_close(const Scratch &sc)
{
  const uf3::EvalError &err = sc.ws.err;
  if (sc.fail_j >= 0)    // a pair term
    fail(err, std::to_string(atom->tag[sc.fail_i]), std::to_string(atom->tag[sc.fail_j]), "");
  const std::string a = err.a >= 0 ? std::to_string(atom->tag[sc.atom_of[err.a]]) : "?";
  const std::string b = err.b >= 0 ? std::to_string(atom->tag[sc.atom_of[err.b]]) : "?";
  fail(err, std::to_string(atom->tag[sc.fail_i]), a, b);
}

/* ---------------------------------------------------------------------- */

void PairUF3J::fail(const uf3::EvalError &err, const std::string &i, const std::string &a, const std::string &b)
{
  std::string msg = uf3::Potential::describe(err, i, a, b);
  // name elements rather than indices
  msg += " [elements:";
  for (std::size_t e = 0; e < el_names.size(); e++) msg += " " + std::to_string(e) + "=" + el_names[e];
  msg += "]";
  error->one(FLERR, "pair_style uf3: {}", msg);
}

/* ---------------------------------------------------------------------- */

double PairUF3J::single(int /*i*/, int /*j*/, int itype, int jtype, double rsq, double /*factor_coul*/,
                        double /*factor_lj*/, double &fforce)
{
  fforce = 0.0;
  const int n = atom->ntypes + 1;
  if (rsq >= pcut2[static_cast<std::size_t>(itype) * n + jtype]) return 0.0;
  const double r = std::sqrt(rsq);
  double V, dV;
  const int st = pot->pair_term(type2el[itype], type2el[jtype], r, V, dV);
  if (st < 0) return 0.0;
  if (st > 0)
    error->one(FLERR, "pair_style uf3: distance {} is below the first knot {} of the 2-body spline", r,
               pot->pair_min_distance(type2el[itype], type2el[jtype]));
  // both ordered pairs i->j and j->i
  fforce = -2.0 * dV / r;
  return 2.0 * V;
}

/* ---------------------------------------------------------------------- */

int PairUF3J::pack_reverse_comm(int n, int first, double *buf)
{
  int m = 0;
  for (int i = first; i < first + n; i++) {
    const double *g = gbuf + static_cast<std::size_t>(i) * GSTRIDE;
    for (int k = 0; k < gbuf_stride; k++) buf[m++] = g[k];
  }
  return m;
}

void PairUF3J::unpack_reverse_comm(int n, int *list_in, double *buf)
{
  int m = 0;
  for (int i = 0; i < n; i++) {
    double *g = gbuf + static_cast<std::size_t>(list_in[i]) * GSTRIDE;
    for (int k = 0; k < gbuf_stride; k++) g[k] += buf[m++];
  }
}

/* ---------------------------------------------------------------------- */

double PairUF3J::scratch_bytes(const Scratch &sc)
{
  double bytes = static_cast<double>(sc.ws.cap) * (20 * sizeof(double) + 2 * sizeof(int));
  bytes += static_cast<double>(sc.ws.legs.size()) * sizeof(uf3::LegBasis);
  bytes += static_cast<double>(sc.atom_of.capacity() + 2 * sc.pair_j.capacity()) * sizeof(int);
  bytes += static_cast<double>(sc.pair_rsq.capacity()) * sizeof(double);
  return bytes;
}

double PairUF3J::memory_usage()
{
  double bytes = Pair::memory_usage();
  bytes += static_cast<double>(gbuf_nmax) * GSTRIDE * sizeof(double);
  bytes += scratch_bytes(scratch);
  bytes += static_cast<double>(cand.capacity() + cand_off.capacity() + pmine.capacity()) * sizeof(int);
  bytes += gamma_grade.memory_usage();
  return bytes;
}

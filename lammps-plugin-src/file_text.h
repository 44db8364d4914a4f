/* -*- c++ -*- ----------------------------------------------------------
   UF3-J plugin: a whole input file read on rank 0 and broadcast, so that every rank parses the
   same text and stops on the same error (the potential file and the active-set file).
------------------------------------------------------------------------- */
#ifndef UF3J_FILE_TEXT_H
#define UF3J_FILE_TEXT_H

#include "comm.h"
#include "error.h"
#include "lammps.h"
#include "utils.h"

#include <cstdio>
#include <string>

namespace UF3J {

// The text of PATH on every rank. With search_potentials the file is opened as LAMMPS opens
// potential files (also from $LAMMPS_POTENTIALS). WHAT names the file in the error, e.g.
// "potential file": "pair_style uf3: cannot open potential file X: reason".
inline std::string broadcast_file_text(LAMMPS_NS::LAMMPS *lmp, const std::string &path, bool search_potentials,
                                       const char *what)
{
  std::string text, open_error;
  int len = 0;
  if (lmp->comm->me == 0) {
    FILE *fp = search_potentials ? LAMMPS_NS::utils::open_potential(path, lmp, nullptr) : fopen(path.c_str(), "r");
    if (!fp) {
      open_error = LAMMPS_NS::utils::getsyserror();
      len = -1;
    } else {
      char buf[65536];
      std::size_t got;
      while ((got = fread(buf, 1, sizeof(buf), fp)) > 0) text.append(buf, got);
      fclose(fp);
      len = static_cast<int>(text.size());
    }
  }
  MPI_Bcast(&len, 1, MPI_INT, 0, lmp->world);
  if (len < 0) {
    if (lmp->comm->me == 0)
      lmp->error->one(FLERR, "pair_style uf3: cannot open {} {}: {}", what, path, open_error);
    lmp->error->all(FLERR, "pair_style uf3: cannot open {} {}", what, path);
  }
  text.resize(len);
  if (len > 0) MPI_Bcast(&text[0], len, MPI_CHAR, 0, lmp->world);
  return text;
}

}    // namespace UF3J

#endif

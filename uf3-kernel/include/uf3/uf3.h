// uf3/uf3.h -- the UF3 kernel in one include: the one C++ definition of the UF3 spline
// math, shared by the LAMMPS plugin (lammps-plugin-src) and the JavaCPP binding (uf3-native).
// Header-only C++17; no LAMMPS or MPI dependency.  The parts, by job:
//   uf3/error.h          uf3::Error, number formatting for messages
//   uf3/simd.h           the 4-wide arithmetic of the hot loops (AVX, SSE2 or scalar)
//   uf3/knots.h          knot vectors, interval look-up, the cubic B-spline basis
//   uf3/splines.h        2-body and 3-body spline tables, the triplet contraction
//   uf3/workspace.h      a centre's neighbours, outputs and scratch; EvalError
//   uf3/potential.h      uf3::Potential: the tables of every term, cutoffs, single terms
//   uf3/pair_sweep.h     the 2-body terms of one centre (the 2-body rule, once)
//   uf3/triplet_sweep.h  the 3-body terms of one centre
//   uf3/compute.h        a whole structure from a full CSR neighbour list
//   uf3/file.h           the ML-UF3 .uf3 file reader -> uf3::Potential
//   uf3/gamma.h          the extrapolation grade of an atom from an active-set (.asi) file
#ifndef UF3_UF3_H
#define UF3_UF3_H

#include "uf3/error.h"
#include "uf3/simd.h"
#include "uf3/knots.h"
#include "uf3/splines.h"
#include "uf3/workspace.h"
#include "uf3/potential.h"
#include "uf3/pair_sweep.h"
#include "uf3/triplet_sweep.h"
#include "uf3/compute.h"
#include "uf3/file.h"
#include "uf3/gamma.h"

#endif

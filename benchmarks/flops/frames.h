// frames.h -- the structures of the flops benchmarks: bcc boxes, frames of a LAMMPS dump and
// their neighbour lists (minimum image), shared by count_flops.cpp and kernel_time.cpp.
#ifndef UF3_BENCH_FRAMES_H
#define UF3_BENCH_FRAMES_H

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace frames {

struct Frame {
  double L[3];
  std::vector<double> x;    // 3 per atom
};

[[noreturn]] inline void die(const std::string &msg)
{
  std::cerr << msg << "\n";
  std::exit(2);
}

inline Frame bcc_frame(double a, int cells, double jitter, unsigned seed)
{
  Frame f;
  f.L[0] = f.L[1] = f.L[2] = a * cells;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-jitter, jitter);
  for (int i = 0; i < cells; ++i)
    for (int j = 0; j < cells; ++j)
      for (int k = 0; k < cells; ++k)
        for (int b = 0; b < 2; ++b) {
          const double h = 0.5 * b;
          f.x.push_back((i + h) * a + u(rng));
          f.x.push_back((j + h) * a + u(rng));
          f.x.push_back((k + h) * a + u(rng));
        }
  return f;
}

// Frames of a LAMMPS `dump custom N all custom id x y z` (orthogonal box), atoms by id.
inline std::vector<Frame> read_dump(const std::string &path)
{
  std::ifstream in(path);
  if (!in) die("cannot open dump file " + path);
  std::vector<Frame> frames;
  std::string line;
  int line_no = 0;
  auto next = [&](const std::string &what) {
    if (!std::getline(in, line)) die(path + " line " + std::to_string(line_no + 1) + ": file ends, expected " + what);
    ++line_no;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.rfind("ITEM: TIMESTEP", 0) != 0) die(path + " line " + std::to_string(line_no) + ": expected 'ITEM: TIMESTEP'");
    next("the timestep");
    next("'ITEM: NUMBER OF ATOMS'");
    next("the number of atoms");
    const long n = std::strtol(line.c_str(), nullptr, 10);
    if (n <= 0) die(path + " line " + std::to_string(line_no) + ": expected a positive number of atoms");
    next("'ITEM: BOX BOUNDS pp pp pp'");
    if (line.find("xy") != std::string::npos) die(path + " line " + std::to_string(line_no) + ": triclinic boxes are not supported");
    Frame f;
    for (int d = 0; d < 3; ++d) {
      next("box bounds");
      double lo, hi;
      if (std::sscanf(line.c_str(), "%lf %lf", &lo, &hi) != 2) die(path + " line " + std::to_string(line_no) + ": expected 'lo hi'");
      f.L[d] = hi - lo;
    }
    next("'ITEM: ATOMS id x y z'");
    if (line.find("ITEM: ATOMS id x y z") != 0) die(path + " line " + std::to_string(line_no) + ": expected 'ITEM: ATOMS id x y z'");
    f.x.assign(3 * static_cast<std::size_t>(n), 0.0);
    for (long i = 0; i < n; ++i) {
      next("an atom line 'id x y z'");
      long id;
      double x, y, z;
      if (std::sscanf(line.c_str(), "%ld %lf %lf %lf", &id, &x, &y, &z) != 4 || id < 1 || id > n)
        die(path + " line " + std::to_string(line_no) + ": expected 'id x y z' with 1 <= id <= " + std::to_string(n));
      f.x[3 * (id - 1)] = x;
      f.x[3 * (id - 1) + 1] = y;
      f.x[3 * (id - 1) + 2] = z;
    }
    frames.push_back(std::move(f));
  }
  if (frames.empty()) die(path + ": no frames");
  return frames;
}

// Neighbours of every atom within rc (minimum image; the box must exceed 2 rc): image positions.
struct Neighbours {
  std::vector<int> off, idx;
  std::vector<double> img;    // 3 per entry: x_j + shift
};

inline Neighbours neighbours(const Frame &f, double rc, bool half)
{
  const int n = static_cast<int>(f.x.size() / 3);
  for (int d = 0; d < 3; ++d)
    if (f.L[d] <= 2 * rc) die("box edge " + std::to_string(f.L[d]) + " Å is not above 2 x " + std::to_string(rc) + " Å (minimum image)");
  Neighbours nb;
  nb.off.push_back(0);
  for (int i = 0; i < n; ++i) {
    for (int j = half ? i + 1 : 0; j < n; ++j) {
      if (j == i) continue;
      double s[3], r2 = 0;
      for (int d = 0; d < 3; ++d) {
        const double dd = f.x[3 * j + d] - f.x[3 * i + d];
        s[d] = -f.L[d] * std::nearbyint(dd / f.L[d]);
        r2 += (dd + s[d]) * (dd + s[d]);
      }
      if (r2 < rc * rc) {
        nb.idx.push_back(j);
        for (int d = 0; d < 3; ++d) nb.img.push_back(f.x[3 * j + d] + s[d]);
      }
    }
    nb.off.push_back(static_cast<int>(nb.idx.size()));
  }
  return nb;
}

}    // namespace frames

#endif

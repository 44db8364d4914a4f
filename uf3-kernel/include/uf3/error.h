// uf3/error.h -- the kernel's one exception type and number formatting for messages.
//
// Every public function of the kernel reports bad input by throwing uf3::Error (derived
// from std::runtime_error; JavaCPP turns it into a java.lang.RuntimeException with the
// same message).  The per-centre sweeps used by LAMMPS return a status code instead and
// leave the details in an EvalError (no exceptions in hot loops).
#ifndef UF3_ERROR_H
#define UF3_ERROR_H

#include <cstdio>
#include <stdexcept>
#include <string>

namespace uf3 {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string &what) : std::runtime_error(what) {}
};

namespace detail {
inline std::string fmt_double(double v)
{
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%.17g", v);
  return buf;
}
}    // namespace detail

}    // namespace uf3

#endif

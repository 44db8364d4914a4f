// fma_peak.cpp -- the double-precision FMA peak of one core, measured: independent FMA chains
// (enough accumulators to cover the FMA latency on two pipes) with 512-bit (AVX-512), 256-bit
// (AVX2) and scalar operands, in flops per second of CPU time (an FMA is 2 flops), and the core
// clock from a chain of dependent integer additions (1 cycle each on x86 cores) and of
// dependent integer multiplications (3 cycles on AMD Zen), so that flops per cycle follow.
//
// CPU time (CLOCK_THREAD_CPUTIME_ID), not wall time: when another process takes the core the
// thread's CPU clock stops, so the rates are those of the core while this program runs.
// Each figure is the best of REPS repetitions.
//
// Usage: fma_peak [REPS]   (default 7).  Output: key = value lines.
#include <immintrin.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace {

const double kOne = 1e-3;    // the FMA operands (accumulators grow by 1e-6 per FMA: no overflow, no denormals)

double cpu_seconds()
{
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

// The FMA loops are inline assembly so that the accumulators stay in registers (compilers
// spill arrays of vectors) and nothing else runs in the loop but its counter: K independent
// chains acc_k += b * c, K = 24 (512-bit), 12 (256-bit and scalar; 16 registers), each more
// than the latency (4 cycles) times the pipes (2) that Zen 4/5 need.
constexpr int K512 = 24, K256 = 12, KSCALAR = 12;

#define R4(op, r, a, b, c, d) op " %%" r "31, %%" r "30, %%" r #a "\n\t" op " %%" r "31, %%" r "30, %%" r #b "\n\t" \
  op " %%" r "31, %%" r "30, %%" r #c "\n\t" op " %%" r "31, %%" r "30, %%" r #d "\n\t"

// iters x K512 FMAs on 8 doubles each
__attribute__((target("avx512f"), noinline)) void fma512(long iters)
{
  __asm__ volatile(
      "vpxorq %%zmm0, %%zmm0, %%zmm0\n\t"
      "vbroadcastsd %1, %%zmm30\n\t"
      "vbroadcastsd %1, %%zmm31\n\t"
      "1:\n\t"
      R4("vfmadd231pd", "zmm", 0, 1, 2, 3) R4("vfmadd231pd", "zmm", 4, 5, 6, 7)
      R4("vfmadd231pd", "zmm", 8, 9, 10, 11) R4("vfmadd231pd", "zmm", 12, 13, 14, 15)
      R4("vfmadd231pd", "zmm", 16, 17, 18, 19) R4("vfmadd231pd", "zmm", 20, 21, 22, 23)
      "dec %0\n\t"
      "jnz 1b\n\t"
      : "+r"(iters)
      : "m"(kOne)
      : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
        "xmm12", "xmm13", "xmm14", "xmm15", "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "xmm21", "xmm22",
        "xmm23", "xmm30", "xmm31", "cc");
}
#undef R4

#define R4(op, r, a, b, c, d) op " %%" r "15, %%" r "14, %%" r #a "\n\t" op " %%" r "15, %%" r "14, %%" r #b "\n\t" \
  op " %%" r "15, %%" r "14, %%" r #c "\n\t" op " %%" r "15, %%" r "14, %%" r #d "\n\t"

// iters x K256 FMAs on 4 doubles each
__attribute__((target("avx2,fma"), noinline)) void fma256(long iters)
{
  __asm__ volatile(
      "vbroadcastsd %1, %%ymm14\n\t"
      "vbroadcastsd %1, %%ymm15\n\t"
      "1:\n\t"
      R4("vfmadd231pd", "ymm", 0, 1, 2, 3) R4("vfmadd231pd", "ymm", 4, 5, 6, 7)
      R4("vfmadd231pd", "ymm", 8, 9, 10, 11)
      "dec %0\n\t"
      "jnz 1b\n\t"
      : "+r"(iters)
      : "m"(kOne)
      : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
        "xmm14", "xmm15", "cc");
}

// iters x KSCALAR FMAs on one double each
__attribute__((target("avx2,fma"), noinline)) void fma_scalar(long iters)
{
  __asm__ volatile(
      "vmovsd %1, %%xmm14\n\t"
      "vmovsd %1, %%xmm15\n\t"
      "1:\n\t"
      R4("vfmadd231sd", "xmm", 0, 1, 2, 3) R4("vfmadd231sd", "xmm", 4, 5, 6, 7)
      R4("vfmadd231sd", "xmm", 8, 9, 10, 11)
      "dec %0\n\t"
      "jnz 1b\n\t"
      : "+r"(iters)
      : "m"(kOne)
      : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
        "xmm14", "xmm15", "cc");
}
#undef R4

// one dependent chain of FMAs: its latency in cycles once the clock is known
__attribute__((target("fma"), noinline)) double fma_chain(long iters, double seed)
{
  __m128d x = _mm_set_sd(seed);
  const __m128d a = _mm_set_sd(0.999999), b = _mm_set_sd(1e-7);
  for (long i = 0; i < iters; ++i) {
    x = _mm_fmadd_sd(x, a, b);
    x = _mm_fmadd_sd(x, a, b);
    x = _mm_fmadd_sd(x, a, b);
    x = _mm_fmadd_sd(x, a, b);
  }
  return _mm_cvtsd_f64(x);
}

// 64 dependent register-register additions per iteration (1 cycle latency each)
__attribute__((noinline)) std::uint64_t add_chain(long iters, std::uint64_t x, std::uint64_t one)
{
  for (long i = 0; i < iters; ++i) {
#define A8 "add %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\t"
    __asm__ volatile(A8 A8 A8 A8 A8 A8 A8 A8 : "+r"(x) : "r"(one));
#undef A8
  }
  return x;
}

// 16 dependent 64-bit multiplications per iteration (3 cycles latency each on Zen)
__attribute__((noinline)) std::uint64_t mul_chain(long iters, std::uint64_t x, std::uint64_t m)
{
  for (long i = 0; i < iters; ++i) {
#define M8 "imul %1, %0\n\timul %1, %0\n\timul %1, %0\n\timul %1, %0\n\timul %1, %0\n\timul %1, %0\n\timul %1, %0\n\timul %1, %0\n\t"
    __asm__ volatile(M8 M8 : "+r"(x) : "r"(m));
#undef M8
  }
  return x;
}

template <class F> double best_seconds(int reps, F f)
{
  double best = 1e30;
  for (int r = 0; r < reps; ++r) {
    const double t0 = cpu_seconds();
    f();
    const double t = cpu_seconds() - t0;
    if (t < best) best = t;
  }
  return best;
}

}    // namespace

int main(int argc, char **argv)
{
  const int reps = argc > 1 ? std::atoi(argv[1]) : 7;
  if (reps < 1) {
    std::fprintf(stderr, "fma_peak: REPS must be a positive integer, got %s\n", argv[1]);
    return 2;
  }
  volatile double sink = 0;
  volatile std::uint64_t isink = 0;
  const long n_add = 4000000;    // x 64 additions
  const long n_mul = 4000000;    // x 16 multiplications
  const long n_fma = 20000000;   // x K FMAs
  const long n_lat = 25000000;   // x 4 dependent FMAs

  const double t_add = best_seconds(reps, [&] { isink = isink + add_chain(n_add, isink, 1); });
  const double t_mul = best_seconds(reps, [&] { isink = isink + mul_chain(n_mul, isink | 1, 3); });
  const double hz_add = 64.0 * n_add / t_add;          // 1 cycle per addition
  const double hz_mul = 16.0 * n_mul * 3.0 / t_mul;    // 3 cycles per multiplication
  const double hz = hz_add;

  const bool avx512 = __builtin_cpu_supports("avx512f");
  const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  std::printf("clock_ghz.add_chain = %.3f\nclock_ghz.imul_chain = %.3f\n", hz_add * 1e-9, hz_mul * 1e-9);
  std::printf("cpu.avx512f = %d\ncpu.avx2_fma = %d\n", avx512 ? 1 : 0, avx2 ? 1 : 0);
  if (avx512) {
    const double t = best_seconds(reps, [&] { fma512(n_fma); });
    const double fl = 2.0 * 8 * K512 * n_fma;
    std::printf("avx512.gflops = %.2f\navx512.flops_per_cycle = %.2f\n", fl / t * 1e-9, fl / t / hz);
  }
  if (avx2) {
    const double t = best_seconds(reps, [&] { fma256(n_fma); });
    const double fl = 2.0 * 4 * K256 * n_fma;
    std::printf("avx2.gflops = %.2f\navx2.flops_per_cycle = %.2f\n", fl / t * 1e-9, fl / t / hz);
    const double ts = best_seconds(reps, [&] { fma_scalar(n_fma); });
    const double fs = 2.0 * KSCALAR * n_fma;
    std::printf("scalar.gflops = %.2f\nscalar.flops_per_cycle = %.2f\n", fs / ts * 1e-9, fs / ts / hz);
    const double tl = best_seconds(reps, [&] { sink = sink + fma_chain(n_lat, sink); });
    std::printf("fma_latency_cycles = %.2f\n", tl * hz / (4.0 * n_lat));
  }
  return 0;
}

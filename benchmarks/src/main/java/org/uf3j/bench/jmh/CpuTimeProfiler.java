package org.uf3j.bench.jmh;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof org.uf3j.bench.jmh.CpuTimeProfiler}) that reports the CPU time the
 * benchmark JVM used per operation as the secondary metric {@code ·cpu}, in the benchmark's own
 * unit (time per op for AverageTime, ops per CPU time for Throughput). On a shared machine the
 * wall time of an iteration grows whenever other processes take the core; CPU time does not (it
 * still feels cache and memory-bandwidth contention). It counts every thread of the JVM, so JIT
 * compilation and GC are in it; after warm-up those are small for these single-threaded runs.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private long cpuStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation (robust to time-sharing on a loaded machine)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = processCpuNanos() - cpuStart;
        long ops = result.getMetadata().getAllOps();
        if (cpu <= 0 || ops <= 0) {
            return List.of();
        }
        TimeUnit unit = benchmarkParams.getTimeUnit();
        double perUnit = unit.toNanos(1); // nanoseconds in one output time unit
        Mode mode = benchmarkParams.getMode();
        if (mode == Mode.Throughput) {
            return List.of(new ScalarResult("·cpu", ops / (cpu / perUnit), "ops/cpu-" + shortName(unit),
                    AggregationPolicy.AVG));
        }
        return List.of(new ScalarResult("·cpu", cpu / perUnit / ops, "cpu-" + shortName(unit) + "/op",
                AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    private static String shortName(TimeUnit unit) {
        return switch (unit) {
            case NANOSECONDS -> "ns";
            case MICROSECONDS -> "us";
            case MILLISECONDS -> "ms";
            case SECONDS -> "s";
            default -> unit.name().toLowerCase();
        };
    }
}

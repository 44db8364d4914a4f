package org.uf3j.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;

/**
 * The Java neighbour-list build (all ordered pairs within the model cutoff, periodic images
 * included) that both {@code Evaluator}s run before their kernels: 8 Å for Nb.uf3, 5.5 Å for W.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class NeighborListBenchmark {
    @Param({"Nb", "W"})
    public String potential;

    @Param({"128", "2000"})
    public int atoms;

    private Structure structure;
    private double cutoff;

    @Setup(Level.Trial)
    public void setUp() {
        BenchInputs.Potential pot = BenchInputs.Potential.valueOf(potential);
        structure = pot.bcc(atoms);
        cutoff = pot.model(3).maxCutoff();
    }

    @Benchmark
    public int build() {
        return NeighborList.build(structure, cutoff).size();
    }
}

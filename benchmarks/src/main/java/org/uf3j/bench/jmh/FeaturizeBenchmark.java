package org.uf3j.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.FeatureBlock;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.NormalEquations;
import org.uf3j.fit.RowWeights;

/**
 * Fitting throughput on W-14, one thread, in configurations per second (JMH ops/s; one op = one
 * configuration): {@link #featurize} computes the energy and force rows of each configuration
 * (neighbour list and B-spline features, {@link Featurizer}); {@link #accumulate} also adds them
 * into the normal equations ({@link NormalEquations#accumulate}, what a fit does per
 * configuration). Knots as in the UF3 paper's W fits: 2-body 1.5–5.5 Å with 25 intervals; 3-body
 * legs 1.5–3.5 Å with 6 intervals (jk to 7 Å with 12).
 *
 * <p>The frames are every {@value #STRIDE}th of w14.xyz, {@value #FRAMES} in all (an even sample of
 * its configuration types, 1 to ~100 atoms, mean about 16; the file starts with 2,000 one-atom
 * frames). {@code jmh.sh} also reports atoms/s from the sample's atom count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FeaturizeBenchmark {
    static final int FRAMES = 300;
    static final int STRIDE = 32;

    @Param({"2", "3"})
    public int body;

    private List<Configuration> configs;
    private int atoms;
    private Featurizer featurizer;
    private FeatureBlock block;

    /** Atoms processed, reported by JMH as the secondary rate "atoms" (atoms/s). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Atoms {
        public long atoms;

        @Setup(Level.Iteration)
        public void clear() {
            atoms = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        configs = BenchInputs.w14Sample(FRAMES, STRIDE);
        ModelSpec.Builder spec = ModelSpec.builder(List.of("W")).pairs(1.5, 5.5, 25);
        if (body == 3) {
            spec.triplets(1.5, 3.5, 6);
        }
        featurizer = new Featurizer(new BasisLayout(spec.build()));
        block = featurizer.newBlock();
        atoms = configs.stream().mapToInt(Configuration::size).sum();
        System.out.printf("%n%d W-14 frames (every %dth), %d atoms; %d columns%n", configs.size(), STRIDE, atoms,
                featurizer.layout().size());
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void featurize(Blackhole bh, Atoms counter) {
        for (Configuration c : configs) {
            featurizer.featurize(c, block, true, false);
            bh.consume(block.energy(block.columns() - 1));
        }
        counter.atoms += atoms;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long accumulate(Atoms counter) {
        counter.atoms += atoms;
        return NormalEquations.accumulate(featurizer, configs, RowWeights.uniform(), 1).configurations();
    }
}

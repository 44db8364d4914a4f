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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.NeighborList;
import org.uf3j.core.structure.Structure;
import org.uf3j.nativekernel.NativeEvaluator;
import org.uf3j.nativekernel.Uf3Kernel;

/**
 * Java vs native (the C++ kernel of the LAMMPS plugin, through JavaCPP) on bcc boxes, one thread:
 * <ul>
 *   <li>{@link #kernel}: energy, forces and virial from a neighbour list built beforehand — the
 *       spline kernels alone. Java: {@link JavaEvaluator#evaluate(Structure, NeighborList)} (also
 *       per-atom energies); native: {@code uf3::Potential::compute} on the same list without
 *       per-atom outputs (its fastest path, the one LAMMPS MD runs). With {@code body=2} the model
 *       is the same potential without its 3-body terms, so kernel(3) − kernel(2) is the triplet
 *       kernel.</li>
 *   <li>{@link #structure}: a whole {@code Evaluator.evaluate(Structure)}: Java neighbour list
 *       (both), then the kernel; NativeEvaluator also copies the list into the kernel's arrays and
 *       computes per-atom energies.</li>
 * </ul>
 * Time per call; {@code jmh.sh} divides by the atom count (μs/atom).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class EvaluatorBenchmark {
    @Param({"Nb", "W"})
    public String potential;

    @Param({"2", "3"})
    public int body;

    @Param({"128", "2000"})
    public int atoms;

    @Param({"java", "native"})
    public String impl;

    private Structure structure;
    private JavaEvaluator java;
    private NativeEvaluator nativeEvaluator;
    private Uf3Kernel.Potential kernel;
    private NeighborList list;
    // the native kernel's inputs and outputs, prepared once
    private int[] species;
    private int[] offsets;
    private int[] neighbors;
    private double[] displacements;
    private double[] forces;
    private double[] virial;

    @Setup(Level.Trial)
    public void setUp() {
        BenchInputs.Potential pot = BenchInputs.Potential.valueOf(potential);
        Uf3Model model = pot.model(body);
        structure = pot.bcc(atoms);
        java = new JavaEvaluator(model);
        list = NeighborList.build(structure, java.cutoff());
        if (impl.equals("native")) {
            nativeEvaluator = new NativeEvaluator(model);
            kernel = nativeKernel(model);
            species = java.speciesOf(structure);
            offsets = list.offsets();
            neighbors = list.neighbors();
            displacements = list.displacements();
            forces = new double[3 * atoms];
            virial = new double[6];
            // the two back ends agree (the agreement tests check this to 1e-9 on many more cases)
            double ej = java.evaluate(structure).energy();
            double en = nativeEvaluator.evaluate(structure).energy();
            if (!(Math.abs(ej - en) <= 1e-9 * Math.abs(ej))) {
                throw new IllegalStateException("Java and native energies differ: " + ej + " vs " + en);
            }
        } else if (impl.equals("java")) {
            System.err.println("[EvaluatorBenchmark] Java triplet contraction: "
                    + (java.vectorised() ? "Vector API" : "scalar (no jdk.incubator.vector)"));
        } else {
            throw new IllegalArgumentException("impl must be java or native, got " + impl);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (nativeEvaluator != null) {
            nativeEvaluator.close();
            kernel.close();
        }
    }

    /** The same potential as {@link NativeEvaluator} sets up, as a bare kernel. */
    static Uf3Kernel.Potential nativeKernel(Uf3Model model) {
        var el = model.elements();
        Uf3Kernel.Potential k = new Uf3Kernel.Potential(el.size());
        for (PairTerm p : model.pairTerms()) {
            double[] t = p.knots().toArray();
            k.set_pair(el.indexOf(p.first()), el.indexOf(p.second()), t.length, t, p.coefficients());
        }
        for (TripletTerm t : model.tripletTerms()) {
            double[] ij = t.knotsIJ().toArray(), ik = t.knotsIK().toArray(), jk = t.knotsJK().toArray();
            k.set_triplet(el.indexOf(t.centre()), el.indexOf(t.first()), el.indexOf(t.second()), ij.length, ij,
                    ik.length, ik, jk.length, jk, t.coefficients());
        }
        return k;
    }

    @Benchmark
    public double kernel() {
        if (kernel != null) {
            double e = kernel.compute(atoms, species, offsets, neighbors, displacements, forces, virial, null, null);
            return e + forces[0] + virial[0];
        }
        Evaluation e = java.evaluate(structure, list);
        return e.energy() + e.forces()[0] + e.virial()[0];
    }

    @Benchmark
    public double structure() {
        Evaluation e = nativeEvaluator != null ? nativeEvaluator.evaluate(structure) : java.evaluate(structure);
        return e.energy() + e.forces()[0] + e.virial()[0];
    }
}

package org.uf3j.nativekernel;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * JavaCPP binding of {@code uf3::Potential} from the UF3 kernel ({@code uf3-kernel/include/uf3/uf3.h}),
 * the same headers the LAMMPS plugin compiles: one definition of the spline kernel for both. C++ errors
 * ({@code uf3::Error}) arrive as {@link RuntimeException} with the kernel's message.
 */
@Platform(include = "uf3/uf3.h")
@Namespace("uf3")
public final class Uf3Kernel {
    static {
        Loader.load();
    }

    private Uf3Kernel() {
    }

    /** A native potential over {@code n} elements (0-based element indices). */
    public static class Potential extends Pointer {
        static {
            Loader.load();
        }

        public Potential(int nElements) {
            allocate(nElements);
        }

        private native void allocate(int nElements);

        /** Sets the 2-body spline of elements a and b (and b, a). */
        public native void set_pair(int a, int b, int nKnots, @Const double[] knots, @Const double[] coefficients);

        /** Sets the 3-body spline (centre a; ij leg to b, ik leg to c), coefficients [l][m][n]. */
        public native void set_triplet(int a, int b, int c, int nKnotsIJ, @Const double[] knotsIJ, int nKnotsIK,
                                       @Const double[] knotsIK, int nKnotsJK, @Const double[] knotsJK,
                                       @Const double[] coefficients);

        /** Largest interaction distance of any term. */
        public native double max_cutoff();

        /**
         * Energy of a full neighbour list (CSR); forces (3N), virial (6: xx yy zz xy xz yz),
         * per-atom energies (N) and per-atom virials (6N) are written where not null.
         */
        public native double compute(int nAtoms, @Const int[] element, @Const int[] nbrOffset, @Const int[] nbrIndex,
                                     @Const double[] nbrDisp, double[] forces, double[] virial, double[] atomEnergy,
                                     double[] atomVirial);
    }

    /** Forces the native library to load (throws if the platform has no build). */
    public static void load() {
        Loader.load(Uf3Kernel.class);
    }
}

package org.uf3j.core.eval;

/** Picks the {@link TripletContraction} for this JVM: the Vector API when it is loaded and fast, else scalar. */
final class TripletContractions {
    /** System property: {@code -Duf3.vector=false} forces the scalar contraction. */
    static final String PROPERTY = "uf3.vector";

    private TripletContractions() {
    }

    /**
     * The vector contraction when the module {@code jdk.incubator.vector} is in the boot layer (the JVM
     * ran with {@code --add-modules jdk.incubator.vector}), the CPU has 256-bit vectors and
     * {@value #PROPERTY} is not false; the scalar one otherwise.
     */
    static TripletContraction preferred() {
        boolean wanted = !"false".equals(System.getProperty(PROPERTY));
        if (wanted && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && VectorTripletContraction.supported()) {
            return new VectorTripletContraction();
        }
        return new ScalarTripletContraction();
    }
}

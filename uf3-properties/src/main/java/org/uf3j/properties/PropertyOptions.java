package org.uf3j.properties;

import java.util.List;

/**
 * Settings of a {@link PropertySuite} run (immutable; start from {@link #defaults()} and change what
 * you need with the {@code with…} methods). Lengths in Å, energies in eV, forces in eV/Å.
 */
public final class PropertyOptions {
    private double latticeGuess = Double.NaN;
    private double fixedLatticeConstant = Double.NaN;
    private double cutoff = Double.NaN;
    private double forceConstantRange = Double.NaN;
    private double forceTolerance = 1e-3;
    private int maxSteps = 5000;
    private double eosVolumeRange = 0.02;
    private int eosPoints = 11;
    private double elasticStrain = 1e-3;
    private boolean elasticInternalRelaxation = false;
    private boolean relax = true;
    private int vacancySupercell = 4;
    private int surfaceMinLayers = 12;
    private double surfaceVacuum = 15.0;
    private List<SurfaceOrientation> surfaces = List.of(SurfaceOrientation.values());
    private int phononSupercell = 0;
    private double phononDisplacement = 0.01;
    private int phononPointsPerSegment = 20;
    private boolean elastic = true;
    private boolean vacancy = true;
    private boolean surfaceEnergies = true;
    private boolean phonons = true;

    private PropertyOptions() {
    }

    /**
     * Defaults: a0 found by scanning then Brent; FIRE to 1e-3 eV/Å (5000 steps); E(V) over ±2 %
     * volume at 11 points; strains ±1e-3; vacancy in 4×4×4 cubes; (100), (110), (111) slabs of ≥ 12
     * layers with ≥ 15 Å vacuum; phonons with ±0.01 Å displacements in an automatic supercell, 20
     * points per path segment; everything relaxed and computed.
     */
    public static PropertyOptions defaults() {
        return new PropertyOptions();
    }

    private PropertyOptions copy() {
        PropertyOptions o = new PropertyOptions();
        o.latticeGuess = latticeGuess;
        o.fixedLatticeConstant = fixedLatticeConstant;
        o.cutoff = cutoff;
        o.forceConstantRange = forceConstantRange;
        o.forceTolerance = forceTolerance;
        o.maxSteps = maxSteps;
        o.eosVolumeRange = eosVolumeRange;
        o.eosPoints = eosPoints;
        o.elasticStrain = elasticStrain;
        o.elasticInternalRelaxation = elasticInternalRelaxation;
        o.relax = relax;
        o.vacancySupercell = vacancySupercell;
        o.surfaceMinLayers = surfaceMinLayers;
        o.surfaceVacuum = surfaceVacuum;
        o.surfaces = surfaces;
        o.phononSupercell = phononSupercell;
        o.phononDisplacement = phononDisplacement;
        o.phononPointsPerSegment = phononPointsPerSegment;
        o.elastic = elastic;
        o.vacancy = vacancy;
        o.surfaceEnergies = surfaceEnergies;
        o.phonons = phonons;
        return o;
    }

    private static double positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive number, got " + v);
        }
        return v;
    }

    private static int atLeast(String what, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(what + " must be >= " + min + ", got " + v);
        }
        return v;
    }

    /** Starting lattice constant for the minimisation (NaN: scan E over nearest-neighbour distances). */
    public PropertyOptions withLatticeGuess(double a) {
        PropertyOptions o = copy();
        o.latticeGuess = Double.isNaN(a) ? a : positive("lattice guess", a);
        return o;
    }

    /** Use this lattice constant instead of minimising (e.g. the DFT one); NaN to minimise. */
    public PropertyOptions withFixedLatticeConstant(double a) {
        PropertyOptions o = copy();
        o.fixedLatticeConstant = Double.isNaN(a) ? a : positive("fixed lattice constant", a);
        return o;
    }

    /** Interaction cutoff and force-constant range (needed for evaluators other than JavaEvaluator). */
    public PropertyOptions withCutoff(double cutoff, double forceConstantRange) {
        PropertyOptions o = copy();
        o.cutoff = positive("cutoff", cutoff);
        o.forceConstantRange = Math.max(positive("force-constant range", forceConstantRange), cutoff);
        return o;
    }

    /** Interaction cutoff of a pair potential (force-constant range = cutoff). */
    public PropertyOptions withCutoff(double cutoff) {
        return withCutoff(cutoff, cutoff);
    }

    public PropertyOptions withForceTolerance(double tolerance) {
        PropertyOptions o = copy();
        o.forceTolerance = positive("force tolerance", tolerance);
        return o;
    }

    public PropertyOptions withMaxSteps(int steps) {
        PropertyOptions o = copy();
        o.maxSteps = atLeast("max steps", steps, 1);
        return o;
    }

    /** Relative volume half-range and number of points of the E(V) fit. */
    public PropertyOptions withEquationOfState(double volumeRange, int points) {
        PropertyOptions o = copy();
        o.eosVolumeRange = positive("volume range", volumeRange);
        o.eosPoints = atLeast("equation-of-state points", points, 5);
        return o;
    }

    public PropertyOptions withElasticStrain(double strain) {
        PropertyOptions o = copy();
        o.elasticStrain = positive("elastic strain", strain);
        return o;
    }

    /** Relax atoms inside every strained cell (always done for diamond). */
    public PropertyOptions withElasticInternalRelaxation(boolean on) {
        PropertyOptions o = copy();
        o.elasticInternalRelaxation = on;
        return o;
    }

    /** Relax atoms in vacancy supercells and slabs (false: unrelaxed energies only). */
    public PropertyOptions withRelaxation(boolean on) {
        PropertyOptions o = copy();
        o.relax = on;
        return o;
    }

    public PropertyOptions withVacancySupercell(int n) {
        PropertyOptions o = copy();
        o.vacancySupercell = atLeast("vacancy supercell", n, 1);
        return o;
    }

    public PropertyOptions withSurfaceSlab(int minLayers, double vacuum) {
        PropertyOptions o = copy();
        o.surfaceMinLayers = atLeast("surface layers", minLayers, 2);
        o.surfaceVacuum = positive("vacuum", vacuum);
        return o;
    }

    public PropertyOptions withSurfaces(List<SurfaceOrientation> which) {
        PropertyOptions o = copy();
        o.surfaces = List.copyOf(which);
        return o;
    }

    /** Supercell repeat (0: automatic) and displacement (Å) of the phonon force constants. */
    public PropertyOptions withPhonons(int supercell, double displacement, int pointsPerSegment) {
        PropertyOptions o = copy();
        o.phononSupercell = atLeast("phonon supercell", supercell, 0);
        o.phononDisplacement = positive("phonon displacement", displacement);
        o.phononPointsPerSegment = atLeast("points per segment", pointsPerSegment, 1);
        return o;
    }

    /** Which properties to compute besides a0, E and B(EOS). */
    public PropertyOptions withProperties(boolean elastic, boolean vacancy, boolean surfaceEnergies, boolean phonons) {
        PropertyOptions o = copy();
        o.elastic = elastic;
        o.vacancy = vacancy;
        o.surfaceEnergies = surfaceEnergies;
        o.phonons = phonons;
        return o;
    }

    public double latticeGuess() {
        return latticeGuess;
    }

    public double fixedLatticeConstant() {
        return fixedLatticeConstant;
    }

    public double cutoff() {
        return cutoff;
    }

    public double forceConstantRange() {
        return forceConstantRange;
    }

    public double forceTolerance() {
        return forceTolerance;
    }

    public int maxSteps() {
        return maxSteps;
    }

    public double eosVolumeRange() {
        return eosVolumeRange;
    }

    public int eosPoints() {
        return eosPoints;
    }

    public double elasticStrain() {
        return elasticStrain;
    }

    public boolean elasticInternalRelaxation() {
        return elasticInternalRelaxation;
    }

    public boolean relax() {
        return relax;
    }

    public int vacancySupercell() {
        return vacancySupercell;
    }

    public int surfaceMinLayers() {
        return surfaceMinLayers;
    }

    public double surfaceVacuum() {
        return surfaceVacuum;
    }

    public List<SurfaceOrientation> surfaces() {
        return surfaces;
    }

    public int phononSupercell() {
        return phononSupercell;
    }

    public double phononDisplacement() {
        return phononDisplacement;
    }

    public int phononPointsPerSegment() {
        return phononPointsPerSegment;
    }

    public boolean computeElastic() {
        return elastic;
    }

    public boolean computeVacancy() {
        return vacancy;
    }

    public boolean computeSurfaces() {
        return surfaceEnergies;
    }

    public boolean computePhonons() {
        return phonons;
    }
}

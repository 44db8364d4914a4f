package org.uf3j.fit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.uf3j.fit.solve.SolverOptions;
import org.uf3j.fit.uncertainty.CalibrationMethod;

/**
 * Everything a fit needs besides the data. Build with {@link #builder(ModelSpec)}; defaults:
 * κ = 0.5, one regularisation point λ_curv = 1e-6 and λ_ridge = 1e-10 for both body orders (no
 * cross-validation), 5 stratified folds when the grid has more than one point, seed 0, no
 * config_type weights, no virial rows, all processors.
 *
 * @param folds           cross-validation folds (used when grid or kappas have more than one point)
 * @param stratifiedFolds spread every config_type evenly over the folds
 * @param virialWeight    ν of the virial rows (0: not fitted)
 * @param solver          dense Cholesky back end: AUTO (EJML below
 *                        {@link SolverOptions#DEFAULT_THRESHOLD} unknowns, OpenBLAS from there), EJML or OPENBLAS
 * @param foldFile        directory for a temporary file of the per-fold sums, always used when set; when
 *                        null the sums stay in memory unless the {@link MemoryPlan} says they do not fit
 *                        (then the file goes to java.io.tmpdir)
 * @param posterior       also compute the Bayesian posterior ({@code org.uf3j.fit.uncertainty})
 * @param calibration     how the posterior's temperatures are set from the cross-validation residuals
 *                        (default: quantile at 95.45 %)
 */
public record FitSettings(ModelSpec spec, double kappa, double[] kappas, List<Regularization> grid, int folds,
                          boolean stratifiedFolds, long seed, Map<String, Double> configTypeWeights, double virialWeight,
                          int threads, SolverOptions.Backend solver, Path foldFile, boolean posterior,
                          CalibrationMethod calibration) {

    public FitSettings {
        if (!(kappa >= 0 && kappa <= 1)) {
            throw new IllegalArgumentException("kappa must lie in [0, 1], got " + kappa);
        }
        kappas = kappas == null || kappas.length == 0 ? new double[] {kappa} : kappas.clone();
        for (double k : kappas) {
            if (!(k >= 0 && k <= 1)) {
                throw new IllegalArgumentException("kappa candidates must lie in [0, 1], got " + k);
            }
        }
        grid = List.copyOf(grid);
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("need at least one regularisation point");
        }
        configTypeWeights = configTypeWeights == null ? Map.of() : Map.copyOf(configTypeWeights);
        threads = Math.max(1, threads);
        solver = solver == null ? SolverOptions.Backend.AUTO : solver;
        calibration = calibration == null ? CalibrationMethod.defaults() : calibration;
    }

    /**
     * The solver back end with the measured threshold and one BLAS thread per factorisation:
     * multithreaded OpenBLAS {@code dpotrf} gives results that differ in the last bits between 1
     * and 2 threads (measured), so the fit parallelises over independent factorisations instead
     * (cross-validation runs {@code threads} of them at once) and stays bit-for-bit reproducible
     * for any thread count.
     */
    public SolverOptions solverOptions() {
        return new SolverOptions(solver, SolverOptions.DEFAULT_THRESHOLD, 1);
    }

    public static Builder builder(ModelSpec spec) {
        return new Builder(spec);
    }

    /** Whether the fit cross-validates (more than one candidate). */
    public boolean crossValidates() {
        return grid.size() > 1 || kappas.length > 1;
    }

    public RowWeights rowWeights() {
        return new RowWeights(configTypeWeights, virialWeight > 0);
    }

    public static final class Builder {
        private final ModelSpec spec;
        private double kappa = 0.5;
        private double[] kappas;
        private List<Regularization> grid = List.of(Regularization.of(1e-6, 1e-10));
        private int folds = 5;
        private boolean stratified = true;
        private long seed;
        private Map<String, Double> weights = Map.of();
        private double virialWeight;
        private int threads = Runtime.getRuntime().availableProcessors();
        private SolverOptions.Backend solver = SolverOptions.Backend.AUTO;
        private Path foldFile;
        private boolean posterior;
        private CalibrationMethod calibration = CalibrationMethod.defaults();

        private Builder(ModelSpec spec) {
            this.spec = spec;
        }

        public Builder kappa(double k) {
            this.kappa = k;
            return this;
        }

        /** Candidate κ values for cross-validation (the scoring κ stays {@link #kappa(double)}). */
        public Builder kappas(double... k) {
            this.kappas = k.clone();
            return this;
        }

        public Builder regularization(Regularization r) {
            this.grid = List.of(r);
            return this;
        }

        public Builder grid(List<Regularization> g) {
            this.grid = g;
            return this;
        }

        public Builder folds(int k) {
            this.folds = k;
            return this;
        }

        public Builder stratifiedFolds(boolean s) {
            this.stratified = s;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder configTypeWeights(Map<String, Double> w) {
            this.weights = w;
            return this;
        }

        public Builder virialWeight(double w) {
            this.virialWeight = w;
            return this;
        }

        public Builder threads(int t) {
            this.threads = t;
            return this;
        }

        /** The dense solver back end (default AUTO). */
        public Builder solver(SolverOptions.Backend b) {
            this.solver = b;
            return this;
        }

        /** Keep the per-fold sums in a temporary file in {@code directory} (null: only when memory requires). */
        public Builder foldFile(Path directory) {
            this.foldFile = directory;
            return this;
        }

        /**
         * Also compute the Bayesian posterior of the coefficients ({@link FitResult#posterior()},
         * {@code org.uf3j.fit.uncertainty}); costs one p×p inverse from the final factorisation.
         */
        public Builder posterior(boolean on) {
            this.posterior = on;
            return this;
        }

        /** How the posterior's temperatures are calibrated (default quantile at 95.45 %; see {@link CalibrationMethod}). */
        public Builder calibration(CalibrationMethod method) {
            this.calibration = method;
            return this;
        }

        public FitSettings build() {
            return new FitSettings(spec, kappa, kappas, grid, folds, stratified, seed, weights, virialWeight, threads, solver,
                    foldFile, posterior, calibration);
        }
    }
}

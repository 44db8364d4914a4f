package org.uf3j.cli.fit;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.DataSplit;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.Regularization;

/**
 * The one place where a {@link FitConfig} becomes what the fit library takes: the model
 * specification and {@link FitSettings} (knots, λ grid, κ, folds, seeds, weights, threads) and
 * the train/test {@link DataSplit}. Defaults that depend on more than one section live here (the
 * fold seed falls back to the split's seed; 0 threads means all processors).
 */
public final class FitConfigMapping {
    private FitConfigMapping() {
    }

    /** The fit settings for the final element list and {@code nTrain} training configurations. */
    public static FitSettings settings(FitConfig config, List<String> elements, int nTrain) {
        String file = config.file().toString();
        ModelSpec.Builder b = ModelSpec.builder(elements).spacing(config.spacing());
        Knots two = config.twoBody().defaults();
        b.pairs(two.rMin(), two.rMax(), two.resolution());
        config.twoBody().pairs().forEach((key, k) -> {
            String[] el = key.split("-");
            b.pair(el[0], el[1], k.rMin(), k.rMax(), k.resolution());
        });
        if (config.threeBodyFit()) {
            TripletKnots d = config.threeBody().defaults();
            b.triplets(d.rMin(), d.rMax(), d.resolution(), d.resolutionJk());
            config.threeBody().triplets().forEach((key, tr) -> {
                String[] el = key.split("-");
                b.triplet(el[0], el[1], el[2], tr.rMin(), tr.rMax(), tr.resolution(), tr.resolutionJk());
            });
            for (String key : config.threeBody().exclude()) {
                String[] el = key.split("-");
                b.exclude(el[0], el[1], el[2]);
            }
        }
        ModelSpec spec;
        try {
            spec = b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, "", e.getMessage());
        }
        RegularizationSection reg = config.regularization();
        double[] c3 = config.threeBodyFit() ? reg.curvature3() : new double[] {reg.curvature3()[0]};
        List<Regularization> grid = CrossValidation.grid(reg.curvature2(), c3, reg.ridge2(), reg.ridge3());
        CrossValidationSection cv = config.crossValidation();
        FitSettings.Builder s = FitSettings.builder(spec).grid(grid).folds(cv.folds())
                .stratifiedFolds(cv.stratified())
                .seed(cv.seed() != null ? cv.seed() : config.split().seed())
                .configTypeWeights(config.data().configTypeWeights()).virialWeight(config.virialWeight())
                .threads(config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors())
                .solver(config.solver()).posterior(config.uncertainty().enabled())
                .calibration(config.uncertainty().calibration());
        if (config.kappas().length == 1) {
            s.kappa(config.kappas()[0]);
        } else {
            s.kappa(0.5).kappas(config.kappas());
        }
        FitSettings fs = s.build();
        if (fs.crossValidates() && nTrain < 2) {
            throw new ConfigException(file, "cross_validation", "needs at least 2 training configurations, have " + nTrain);
        }
        return fs;
    }

    /**
     * The train/test split of all configurations (data files concatenated in order). An index file
     * that names a configuration the data do not have is an error, or with
     * {@code missing_indices: drop} such indices are left out and {@code warnings} gets one line
     * listing them.
     */
    public static DataSplit split(FitConfig config, List<Configuration> all, Consumer<String> warnings) throws IOException {
        SplitSection s = config.split();
        String file = config.file().toString();
        if (s.trainIndices() != null) {
            int[] idx;
            try {
                idx = DataSplit.readIndices(s.trainIndices());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file, "split.train_indices", e.getMessage());
            }
            int n = all.size();
            int[] beyond = DataSplit.beyond(idx, n);
            if (beyond.length > 0) {
                String which = (beyond.length == 1 ? "index " : beyond.length + " indices ") + list(beyond);
                String data = "the data have " + n + " configuration" + (n == 1 ? "" : "s") + " (0-based positions 0.."
                        + (n - 1) + ")";
                if (!s.dropMissing()) {
                    throw new ConfigException(file, "split.train_indices", s.trainIndices() + ": " + which
                            + (beyond.length == 1 ? " names" : " name") + " no configuration: " + data
                            + "; to leave such indices out give split.missing_indices: drop");
                }
                warnings.accept(file + ": split.train_indices: " + s.trainIndices() + ": dropped " + which
                        + " (missing_indices: drop): " + data);
            }
            try {
                return DataSplit.fromIndices(idx, n, s.dropMissing());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file, "split.train_indices", s.trainIndices() + ": " + e.getMessage());
            }
        }
        if (s.testFraction() == 0) {
            return DataSplit.random(all.size(), 1.0, s.seed());
        }
        return s.stratified() ? DataSplit.stratified(all, 1 - s.testFraction(), s.seed())
                : DataSplit.random(all.size(), 1 - s.testFraction(), s.seed());
    }

    /** "9691, 9692", or the first ten and how many in all. */
    private static String list(int[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(v.length, 10); i++) {
            b.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return v.length > 10 ? b + ", ... (" + v.length + " in all)" : b.toString();
    }
}

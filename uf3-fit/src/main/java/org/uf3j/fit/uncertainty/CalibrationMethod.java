package org.uf3j.fit.uncertainty;

import java.util.Locale;

/**
 * How the posterior's energy and force temperatures are set from the cross-validation residuals
 * ({@link TemperatureEstimator}): {@code QUANTILE} matches the {@code level} quantile of the
 * standardised residuals |r|/σ to the Gaussian one (robust to a few badly predicted structures),
 * {@code MSE} matches their mean square (the original calibration; outliers dominate it).
 *
 * @param kind  the estimator
 * @param level the coverage matched by {@code QUANTILE}, in (0, 1) (ignored by {@code MSE})
 */
public record CalibrationMethod(Kind kind, double level) {
    /** The default coverage: the 2σ interval's 95.45 %, see {@link TemperatureEstimator}. */
    public static final double DEFAULT_LEVEL = 0.9545;

    /** The estimators. */
    public enum Kind { QUANTILE, MSE }

    public CalibrationMethod {
        if (kind == null) {
            throw new IllegalArgumentException("calibration method must be quantile or mse");
        }
        if (kind == Kind.QUANTILE && !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("calibration level must lie strictly between 0 and 1, got " + level);
        }
        if (kind == Kind.MSE) {
            level = Double.NaN;
        }
    }

    /** The default: quantile at {@link #DEFAULT_LEVEL}. */
    public static CalibrationMethod defaults() {
        return quantile(DEFAULT_LEVEL);
    }

    public static CalibrationMethod quantile(double level) {
        return new CalibrationMethod(Kind.QUANTILE, level);
    }

    public static CalibrationMethod mse() {
        return new CalibrationMethod(Kind.MSE, Double.NaN);
    }

    /** "quantile" or "mse" (case-insensitive) with the level for quantile. */
    public static CalibrationMethod parse(String name, double level) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "quantile" -> quantile(level);
            case "mse" -> mse();
            default -> throw new IllegalArgumentException("calibration must be quantile or mse, got '" + name + "'");
        };
    }

    /** The name stored in posterior.uf3p: "mse" or "quantile" (the level is stored beside it). */
    public String label() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return kind == Kind.MSE ? "mse" : String.format(Locale.ROOT, "quantile %.4g", level);
    }
}

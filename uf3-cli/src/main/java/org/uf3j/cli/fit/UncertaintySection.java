package org.uf3j.cli.fit;

import java.util.Set;
import org.uf3j.fit.uncertainty.CalibrationMethod;

/**
 * The {@code uncertainty} setting: {@code true}/{@code false}, or a mapping with {@code enabled},
 * {@code calibration} ({@code quantile} or {@code mse}) and the quantile's {@code level}.
 */
public record UncertaintySection(boolean enabled, CalibrationMethod calibration) {
    static final Set<String> KEYS = Set.of("enabled", "calibration", "level");

    /** Reads a boolean or a mapping; absent: enabled, quantile calibration at 95.45 %. */
    static UncertaintySection read(Node n) {
        if (!n.isObject()) {
            return new UncertaintySection(n.bool(true), CalibrationMethod.defaults());
        }
        n.onlyKeys(KEYS);
        boolean enabled = n.get("enabled").bool(true);
        String name = n.get("calibration").text("quantile").trim();
        double level = n.get("level").number(CalibrationMethod.DEFAULT_LEVEL);
        if (!name.equals("quantile") && !name.equals("mse")) {
            throw n.get("calibration").error("must be quantile or mse, got '" + name + "'");
        }
        if (!(level > 0 && level < 1)) {
            throw n.get("level").error("must lie strictly between 0 and 1 (the coverage matched), got " + level);
        }
        if (name.equals("mse") && !n.get("level").isMissing()) {
            throw n.get("level").error("only applies to calibration: quantile");
        }
        return new UncertaintySection(enabled, CalibrationMethod.parse(name, level));
    }
}

package org.uf3j.fit;

import java.util.Map;
import org.uf3j.core.structure.Configuration;

/**
 * Which rows of a configuration enter the normal equations, and with what per-configuration
 * weight: energy rows when the configuration has an energy, force rows when it has forces, virial
 * rows when it has a virial and {@code virials} is on; every row of a configuration is multiplied
 * by the weight of its config_type (default 1; 0 drops the configuration).
 */
public record RowWeights(Map<String, Double> configTypeWeights, boolean virials) {

    public RowWeights {
        configTypeWeights = configTypeWeights == null ? Map.of() : Map.copyOf(configTypeWeights);
        for (Map.Entry<String, Double> e : configTypeWeights.entrySet()) {
            if (!(e.getValue() >= 0) || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("config_type weight of " + e.getKey() + " must be finite and >= 0, got "
                        + e.getValue());
            }
        }
    }

    /** Every configuration weight 1, no virial rows. */
    public static RowWeights uniform() {
        return new RowWeights(Map.of(), false);
    }

    public double weight(Configuration c) {
        return configTypeWeights.getOrDefault(c.configType(), 1.0);
    }
}

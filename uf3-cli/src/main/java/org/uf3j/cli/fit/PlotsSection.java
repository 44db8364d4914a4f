package org.uf3j.cli.fit;

import java.util.Set;

/** The {@code plots} setting: {@code plots: false}, or a mapping with {@code enabled} and the 3-body plot {@code angle}. */
public record PlotsSection(boolean enabled, double angle) {
    static final Set<String> KEYS = Set.of("enabled", "angle");

    /** Reads a boolean or a mapping; absent: enabled, 90°. */
    static PlotsSection read(Node pl) {
        boolean plots = true;
        double angle = 90;
        if (pl.isObject()) {
            pl.onlyKeys(KEYS);
            plots = pl.get("enabled").bool(true);
            angle = pl.get("angle").number(90);
            if (!(angle > 0 && angle < 180)) {
                throw pl.get("angle").error("must lie strictly between 0 and 180 degrees, got " + angle);
            }
        } else {
            plots = pl.bool(true);
        }
        return new PlotsSection(plots, angle);
    }
}

package org.uf3j.cli.fit;

import java.util.Set;

/**
 * The {@code regularization} section: the curvature λ candidates of the 2- and 3-body terms (the
 * cross-validation grid) and one ridge strength each.
 */
public record RegularizationSection(double[] curvature2, double[] curvature3, double ridge2, double ridge3) {
    static final Set<String> KEYS = Set.of("curvature_2b", "curvature_3b", "ridge_2b", "ridge_3b");

    /** Reads the section; absent keys (or an absent section) take 1e-6 (curvature) and 1e-10 (ridge). */
    static RegularizationSection read(Node reg) {
        double[] c2 = {1e-6};
        double[] c3 = {1e-6};
        double r2 = 1e-10;
        double r3 = 1e-10;
        if (!reg.isMissing()) {
            reg.onlyKeys(KEYS);
            c2 = ConfigValues.nonNegative(reg.get("curvature_2b"), c2);
            c3 = ConfigValues.nonNegative(reg.get("curvature_3b"), c3);
            r2 = ConfigValues.nonNegative(reg.get("ridge_2b"), new double[] {r2})[0];
            r3 = ConfigValues.nonNegative(reg.get("ridge_3b"), new double[] {r3})[0];
            if (reg.get("ridge_2b").isArray() || reg.get("ridge_3b").isArray()) {
                throw reg.error("ridge_2b and ridge_3b take one number each (the λ grid is over curvature_2b, "
                        + "curvature_3b and kappa)");
            }
        }
        return new RegularizationSection(c2, c3, r2, r3);
    }
}

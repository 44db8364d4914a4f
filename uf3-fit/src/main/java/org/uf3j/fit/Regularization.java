package org.uf3j.fit;

/**
 * Regularisation strengths: curvature (second-difference) penalty λ_curv and ridge λ_ridge,
 * separately for 2-body and 3-body coefficients. One-body energies are not regularised.
 */
public record Regularization(double curvature2, double curvature3, double ridge2, double ridge3) {

    public Regularization {
        double[] all = {curvature2, curvature3, ridge2, ridge3};
        for (double v : all) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("regularisation strengths must be finite and >= 0, got " + this);
            }
        }
    }

    /** The same λ for 2- and 3-body terms. */
    public static Regularization of(double curvature, double ridge) {
        return new Regularization(curvature, curvature, ridge, ridge);
    }

    @Override
    public String toString() {
        return String.format("λ_curv2=%.3g λ_curv3=%.3g λ_ridge2=%.3g λ_ridge3=%.3g", curvature2, curvature3, ridge2, ridge3);
    }
}

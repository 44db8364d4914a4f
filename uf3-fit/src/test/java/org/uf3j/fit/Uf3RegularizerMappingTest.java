package org.uf3j.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The claim of docs/from-uf3.md for 2-body terms: uf3 ≥ 0.4.0's penalty curvature_2b‖D₂c‖² +
 * ridge_2b‖c‖², with D₂ built as uf3 documents it (one row per coefficient: c_{i−1} − 2c_i + c_{i+1}
 * inside, c₁ − c₀ and c_{n−2} − c_{n−1} at the ends; frozen trailing coefficients as zero columns),
 * equals our {@link Regularizer} with the same two numbers plus uf3's first-difference row at r_min,
 * and nothing else. Built here from that definition, independently of our stencil code.
 */
class Uf3RegularizerMappingTest {

    @Test
    void twoBodyPenaltyIsUf3sWithoutItsLeadingFirstDifferenceRow() {
        int intervals = 10;
        ModelSpec spec = ModelSpec.builder(List.of("W")).pairs(1.5, 5.5, intervals).build();
        BasisLayout layout = new BasisLayout(spec);
        int nb = intervals + 3;                  // B-spline coefficients of the pair term
        int fitted = nb - BasisLayout.TRAILING_TRIM;
        assertEquals(1 + fitted, layout.size()); // one-body column + fitted pair coefficients
        double curvature = 3e-4;
        double ridge = 7e-6;
        DMatrixRMaj ours = new Regularizer(layout).matrix(new Regularization(curvature, 0, ridge, 0));

        // uf3's D₂ over all nb coefficients, then restricted to the fitted ones (columns 1.. of ours)
        double[][] d = new double[nb][nb];
        for (int i = 0; i < nb; i++) {
            if (i > 0) {
                d[i][i - 1] = 1;
            }
            if (i + 1 < nb) {
                d[i][i + 1] = 1;
            }
            d[i][i] = (i == 0 || i == nb - 1) ? -1 : -2;
        }
        for (int a = 0; a < fitted; a++) {
            for (int b = 0; b < fitted; b++) {
                double uf3 = a == b ? ridge : 0;
                double leadingRow = curvature * d[0][a] * d[0][b];
                for (int r = 0; r < nb; r++) {
                    uf3 += curvature * d[r][a] * d[r][b];
                }
                assertEquals(uf3 - leadingRow, ours.get(1 + a, 1 + b), 1e-18, "entry (" + a + ", " + b + ")");
            }
            assertEquals(0.0, ours.get(0, 1 + a), 0.0, "one-body column untouched");
        }
        assertEquals(0.0, ours.get(0, 0), 0.0, "one-body energies are not regularised (uf3: ridge_1b)");
    }
}

package org.uf3j.fit.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.Regularizer;
import org.uf3j.fit.TargetStatistics;
import org.uf3j.fit.solve.SolverOptions;

/** The selection design of a small UF2 fit against M built row by row from an explicit design matrix. */
class SelectionDesignTest {

    @Test
    void designIsTheNormalMatrixWithRowsWeightedByTheirCalibratedNoise() {
        List<Configuration> train = PosteriorTest.data(25, 3);
        FitResult fit = PosteriorTest.fit(train);
        Posterior post = fit.posterior();
        SelectionDesign design = post.design();
        assertNotNull(design);
        double alpha = post.noise().tauForce() / post.noise().tauEnergy();
        // the test data's energies carry 3 meV/atom of noise against 0.01 eV/Å on forces: far from the κ balance
        assertTrue(alpha < 0.5 || alpha > 2, "α " + alpha);
        assertEquals(alpha, design.alpha(), 1e-12 * alpha);

        BasisLayout layout = new BasisLayout(PosteriorTest.spec());
        int p = layout.size();
        TargetStatistics st = TargetStatistics.of(train);
        PosteriorTest.Rows rows = PosteriorTest.Rows.of(layout, train);
        double aE = PosteriorTest.KAPPA / (st.sigmaEnergy() * st.sigmaEnergy() * rows.e().size());
        double aF = (1 - PosteriorTest.KAPPA) / (st.sigmaForce() * st.sigmaForce() * rows.f().size());
        assertEquals(alpha * aE, design.energyRowWeight(), 1e-10 * alpha * aE);
        assertEquals(aF, design.forceRowWeight(), 1e-10 * aF);

        DMatrixRMaj m = new Regularizer(layout).matrix(PosteriorTest.REG);
        double[] unused = new double[p];
        PosteriorTest.addRows(m, unused, rows.e(), rows.ey(), alpha * aE);
        PosteriorTest.addRows(m, unused, rows.f(), rows.fy(), aF);
        double[] gotM = design.matrix();
        double scaleM = CommonOps_DDRM.elementMaxAbs(m);
        for (int q = 0; q < p * p; q++) {
            assertEquals(m.data[q], gotM[q], 1e-12 * scaleM, "M entry " + q);
        }
        DMatrixRMaj inv = new DMatrixRMaj(p, p);
        assertTrue(CommonOps_DDRM.invert(m, inv));
        double[] got = design.inverse(SolverOptions.ejml());
        double scale = CommonOps_DDRM.elementMaxAbs(inv);
        for (int q = 0; q < p * p; q++) {
            assertEquals(inv.data[q], got[q], 1e-8 * scale, "M⁻¹ entry " + q);
        }
        // and it is not A⁻¹: the re-weighting changed the matrix
        double[] a = post.inverse();
        double diff = 0;
        for (int q = 0; q < p * p; q++) {
            diff = Math.max(diff, Math.abs(a[q] - got[q]));
        }
        assertTrue(diff > 1e-3 * scale, "M⁻¹ equals A⁻¹ to " + diff / scale);
    }

    @Test
    void alphaStaysFiniteWhenATemperatureIsNearZero() {
        List<Configuration> train = PosteriorTest.data(25, 3);
        FitResult fit = PosteriorTest.fit(train);
        Posterior.Noise n = fit.posterior().noise();
        BasisLayout layout = new BasisLayout(PosteriorTest.spec());
        org.uf3j.fit.NormalEquations total = org.uf3j.fit.NormalEquations.accumulate(new org.uf3j.fit.Featurizer(layout), train,
                org.uf3j.fit.RowWeights.uniform(), 1);
        total.symmetrize();
        org.uf3j.fit.LossWeights lw = TargetStatistics.of(train).lossWeights(PosteriorTest.KAPPA, 0);
        Posterior.Noise exact = new Posterior.Noise(Double.MIN_VALUE, 1.0, 0, 0, n.source(), n.kappa());
        SelectionDesign d = SelectionDesign.of(total, lw, new Regularizer(layout), PosteriorTest.REG, exact);
        assertEquals(SelectionDesign.MAX_ALPHA, d.alpha(), 0.0);
        assertTrue(Double.isFinite(d.energyRowWeight()) && d.energyRowWeight() > 0, "w_E " + d.energyRowWeight());
        assertEquals(d.size() * d.size(), d.inverse(org.uf3j.fit.solve.SolverOptions.ejml()).length);
    }
}

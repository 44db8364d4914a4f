package org.uf3j.fit.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomStructures;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.DataSplit;
import org.uf3j.fit.FeatureBlock;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.Fitter;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.Regularization;
import org.uf3j.fit.Regularizer;
import org.uf3j.fit.TargetStatistics;
import org.uf3j.fit.solve.SolverOptions;

/** The posterior of a small UF2 fit against an explicit design matrix, explicit inverse and sampling. */
class PosteriorTest {
    static final double KAPPA = 0.6;
    static final Regularization REG = new Regularization(1e-3, 0, 1e-6, 0);

    static ModelSpec spec() {
        return ModelSpec.builder(List.of("W")).pairs(1.8, 5.0, 6).build();
    }

    /** Random W cells labelled by a smooth pair model plus Gaussian noise (so the residuals are not 0). */
    static List<Configuration> data(int count, long seed) {
        BasisLayout layout = new BasisLayout(spec());
        double[] x = new double[layout.size()];
        x[0] = -1.3;
        for (int q = 1; q < x.length; q++) {
            x[q] = 0.4 * Math.exp(-0.8 * q) - 0.02;
        }
        JavaEvaluator ev = new JavaEvaluator(layout.toModel(x));
        Random rnd = new Random(seed);
        List<Configuration> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Structure s = RandomStructures.periodic(rnd, 3 + rnd.nextInt(5), 5.5 + rnd.nextDouble(), 2.0, "W");
            Evaluation e = ev.evaluate(s);
            double[] f = e.forces().clone();
            for (int q = 0; q < f.length; q++) {
                f[q] += 0.01 * rnd.nextGaussian();
            }
            out.add(new Configuration(s, e.energy() + 0.003 * s.size() * rnd.nextGaussian(), f, null, "t", "cfg" + c, null));
        }
        return out;
    }

    static FitResult fit(List<Configuration> train) {
        return fit(train, CalibrationMethod.mse(), 1);
    }

    static FitResult fit(List<Configuration> train, CalibrationMethod method, int threads) {
        FitSettings settings = FitSettings.builder(spec()).kappa(KAPPA).regularization(REG).threads(threads)
                .solver(SolverOptions.Backend.EJML).posterior(true).calibration(method).build();
        return new Fitter(settings).fit(train);
    }

    /** Explicit rows of a list of configurations: per-atom energy rows and force rows with their targets. */
    record Rows(List<double[]> e, List<Double> ey, List<double[]> f, List<Double> fy) {
        static Rows of(BasisLayout layout, List<Configuration> configs) {
            Featurizer fz = new Featurizer(layout);
            Rows r = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Configuration c : configs) {
                FeatureBlock b = fz.featurize(c);
                double[] row = b.energyRow();
                for (int q = 0; q < row.length; q++) {
                    row[q] /= c.size();
                }
                r.e.add(row);
                r.ey.add(c.energy() / c.size());
                for (int k = 0; k < 3 * c.size(); k++) {
                    r.f.add(b.forceRow(k));
                    r.fy.add(c.forces()[k]);
                }
            }
            return r;
        }
    }

    /** {A (regularised normal matrix), c} of an explicit least-squares problem with the fit's weights. */
    static Object[] solveExplicit(BasisLayout layout, Rows r, TargetStatistics st) {
        int p = layout.size();
        double aE = KAPPA / (st.sigmaEnergy() * st.sigmaEnergy() * r.e.size());
        double aF = (1 - KAPPA) / (st.sigmaForce() * st.sigmaForce() * r.f.size());
        DMatrixRMaj a = new Regularizer(layout).matrix(REG);
        double[] rhs = new double[p];
        addRows(a, rhs, r.e, r.ey, aE);
        addRows(a, rhs, r.f, r.fy, aF);
        DMatrixRMaj inv = new DMatrixRMaj(p, p);
        assertTrue(CommonOps_DDRM.invert(a, inv));
        double[] c = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                c[i] += inv.get(i, j) * rhs[j];
            }
        }
        return new Object[] {inv, c, aE, aF};
    }

    @Test
    void posteriorEqualsTheExplicitInverseOfABruteForceProblem() {
        List<Configuration> train = data(25, 3);
        FitResult fit = fit(train);
        Posterior post = fit.posterior();
        assertNotNull(post);
        BasisLayout layout = new BasisLayout(spec());
        int p = layout.size();
        TargetStatistics st = TargetStatistics.of(train);
        Rows all = Rows.of(layout, train);
        Object[] sol = solveExplicit(layout, all, st);
        DMatrixRMaj inv = (DMatrixRMaj) sol[0];
        double[] c = (double[]) sol[1];
        double aE = (double) sol[2], aF = (double) sol[3];
        // the row weights uf3 select adds rows with are the explicit fit's
        assertEquals(aE, post.energyRowWeight(), 1e-12 * aE);
        assertEquals(aF, post.forceRowWeight(), 1e-12 * aF);
        double[] mean = post.mean();
        for (int q = 0; q < p; q++) {
            assertEquals(c[q], mean[q], 1e-8 * (1 + Math.abs(c[q])), "mean " + q);
        }
        double maxInv = 0;
        for (int q = 0; q < p; q++) {
            maxInv = Math.max(maxInv, inv.get(q, q));
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                assertEquals(inv.get(i, j), post.inverse(i, j), 1e-8 * maxInv, "A⁻¹ " + i + "," + j);
            }
        }
        // 5-fold cross-validation by brute force: the same folds, each solved explicitly
        int[] fold = DataSplit.stratifiedFolds(train, 5, 0);
        double sqE = 0, sqF = 0;
        long nE = 0, nF = 0;
        for (int f = 0; f < 5; f++) {
            List<Configuration> in = new ArrayList<>(), out = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                (fold[i] == f ? out : in).add(train.get(i));
            }
            double[] cf = (double[]) solveExplicit(layout, Rows.of(layout, in), st)[1];
            Rows held = Rows.of(layout, out);
            sqE += sse(held.e, held.ey, cf);
            sqF += sse(held.f, held.fy, cf);
            nE += held.e.size();
            nF += held.f.size();
        }
        double mseE = sqE / nE, mseF = sqF / nF;
        assertEquals("cross-validation", post.noise().source());
        assertEquals(CalibrationMethod.mse(), post.noise().calibration());
        double tauE = aE * mseE, tauF = aF * mseF;
        assertEquals(tauE, post.noise().tauEnergy(), 1e-7 * tauE);
        assertEquals(tauF, post.noise().tauForce(), 1e-7 * tauF);
        double sE = Math.max(0, mseE - tauE * meanQuad(inv.data, all.e, p));
        double sF = Math.max(0, mseF - tauF * meanQuad(inv.data, all.f, p));
        assertEquals(sE, post.noise().energyNoise(), 1e-7 * (sE + 1e-12));
        assertEquals(sF, post.noise().forceNoise(), 1e-7 * sF);
        assertTrue(sF > 0, "the force noise of this data is 0.01 eV/Å");

        // prediction on a new structure: sqrt(τ xᵀA⁻¹x + s²) from explicit rows
        Configuration fresh = data(1, 99).get(0);
        Uncertainty u = new UncertaintyPredictor(post).predict(fresh);
        Rows nr = Rows.of(layout, List.of(fresh));
        int n = fresh.size();
        double vE = tauE * quad(inv.data, nr.e.get(0), p);
        assertEquals(Math.sqrt(vE + sE), u.energyStdPerAtom(), 1e-9 * u.energyStdPerAtom());
        assertEquals(n * u.energyStdPerAtom(), u.energyStd(), 1e-12 * u.energyStd());
        for (int k = 0; k < 3 * n; k++) {
            double vF = tauF * quad(inv.data, nr.f.get(k), p);
            assertEquals(Math.sqrt(vF + sF), u.forceStd()[k], 1e-9 * u.forceStd()[k], "force row " + k);
        }
    }

    /**
     * The quantile calibration against brute force: every structure predicted by an explicit solve
     * without its fold, its variance shape v = a xᵀA⁻¹x + (1 − a·mean xᵀA⁻¹x) from the explicit inverse,
     * and T from those residuals; τ = a·T and s² = T·(1 − a·mean xᵀA⁻¹x), on 1 and 2 threads.
     */
    @Test
    void quantileCalibrationEqualsBruteForceCrossValidationResiduals() {
        List<Configuration> train = data(25, 3);
        BasisLayout layout = new BasisLayout(spec());
        int p = layout.size();
        TargetStatistics st = TargetStatistics.of(train);
        Rows all = Rows.of(layout, train);
        Object[] sol = solveExplicit(layout, all, st);
        double[] inv = ((DMatrixRMaj) sol[0]).data;
        double aE = (double) sol[2], aF = (double) sol[3];
        double floorE = Math.max(0, 1 - aE * meanQuad(inv, all.e, p));
        double floorF = Math.max(0, 1 - aF * meanQuad(inv, all.f, p));
        int[] fold = DataSplit.stratifiedFolds(train, 5, 0);
        List<Double> re = new ArrayList<>(), ve = new ArrayList<>(), rf = new ArrayList<>(), vf = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            List<Configuration> in = new ArrayList<>(), out = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                (fold[i] == f ? out : in).add(train.get(i));
            }
            double[] cf = (double[]) solveExplicit(layout, Rows.of(layout, in), st)[1];
            Rows held = Rows.of(layout, out);
            for (int r = 0; r < held.e.size(); r++) {
                re.add(dot(held.e.get(r), cf) - held.ey.get(r));
                ve.add(aE * quad(inv, held.e.get(r), p) + floorE);
            }
            for (int r = 0; r < held.f.size(); r++) {
                rf.add(dot(held.f.get(r), cf) - held.fy.get(r));
                vf.add(aF * quad(inv, held.f.get(r), p) + floorF);
            }
        }
        CalibrationMethod method = CalibrationMethod.quantile(0.9);
        double tE = TemperatureEstimator.quantile(toArray(re), toArray(ve), 0.9);
        double tF = TemperatureEstimator.quantile(toArray(rf), toArray(vf), 0.9);
        for (int threads : new int[] {1, 2}) {
            FitResult fit = fit(train, method, threads);
            Posterior.Noise n = fit.posterior().noise();
            assertEquals(method, n.calibration());
            assertEquals(aE * tE, n.tauEnergy(), 1e-7 * aE * tE);
            assertEquals(aF * tF, n.tauForce(), 1e-7 * aF * tF);
            assertEquals(tE * floorE, n.energyNoise(), 1e-7 * tE);
            assertEquals(tF * floorF, n.forceNoise(), 1e-7 * tF);
            CvResiduals cv = fit.calibrationResiduals();
            assertEquals(train.size(), cv.energyResidual().length);
            assertEquals(rf.size(), cv.forceResidual().length, "small set: every force component is kept");
            // the mean square of the collected residuals is the pooled cross-validation MSE of the mse calibration
            double mse = 0;
            for (double r : re) {
                mse += r * r / re.size();
            }
            double sq = 0;
            for (double r : cv.energyResidual()) {
                sq += r * r / re.size();
            }
            assertEquals(mse, sq, 1e-9 * mse);
        }
        // this data has no outliers: the two calibrations give temperatures of the same size
        Posterior.Noise m = fit(train).posterior().noise();
        assertTrue(m.tauEnergy() > 0.3 * aE * tE && m.tauEnergy() < 3 * aE * tE, m + " vs " + aE * tE);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int q = 0; q < a.length; q++) {
            s += a[q] * b[q];
        }
        return s;
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    @Test
    void samplesHaveThePosteriorMeanAndCovariance() {
        Posterior post = fit(data(25, 3)).posterior();
        int p = post.size();
        int k = 20000;
        double[][] s = new PosteriorSampler(post).draw(post.mean(), k, 42);
        double[] mean = post.mean();
        double[] m = new double[p];
        for (double[] c : s) {
            for (int q = 0; q < p; q++) {
                m[q] += c[q] / k;
            }
        }
        for (int a = 0; a < p; a++) {
            double sa = Math.sqrt(post.covariance(a, a));
            assertEquals(mean[a], m[a], 5 * sa / Math.sqrt(k), "sample mean " + a);
            for (int b = 0; b <= a; b++) {
                double cov = 0;
                for (double[] c : s) {
                    cov += (c[a] - m[a]) * (c[b] - m[b]);
                }
                cov /= k - 1;
                double sab = post.covariance(a, b);
                double tol = 5 * Math.sqrt((post.covariance(a, a) * post.covariance(b, b) + sab * sab) / k);
                assertEquals(sab, cov, tol, "sample covariance " + a + "," + b);
            }
        }
        // the same seed, the same draws
        assertEquals(s[7][3], new PosteriorSampler(post).draw(mean, 8, 42)[7][3], 0.0);
    }

    /** The predicted parameter variance of a force equals its variance over models drawn from the posterior (Java evaluator). */
    @Test
    void predictedForceVarianceMatchesMonteCarloOverSampledModels() {
        List<Configuration> train = data(25, 3);
        FitResult fit = fit(train);
        Posterior post = fit.posterior();
        Configuration fresh = data(1, 7).get(0);
        int k = 4000;
        List<Uf3Model> models = new PosteriorSampler(post).models(fit.model(), k, 5);
        int rows = 3 * fresh.size();
        double[] sum = new double[rows], sq = new double[rows];
        double eSum = 0, eSq = 0;
        for (Uf3Model m : models) {
            Evaluation e = new JavaEvaluator(m).evaluate(fresh.structure());
            for (int r = 0; r < rows; r++) {
                sum[r] += e.forces()[r];
                sq[r] += e.forces()[r] * e.forces()[r];
            }
            double epa = e.energy() / fresh.size();
            eSum += epa;
            eSq += epa * epa;
        }
        Uncertainty u = new UncertaintyPredictor(post).predict(fresh);
        double sF = post.noise().forceNoise();
        double tol = 4 * Math.sqrt(2.0 / k);
        for (int r = 0; r < rows; r++) {
            double var = (sq[r] - sum[r] * sum[r] / k) / (k - 1);
            double predicted = (u.forceStd()[r] * u.forceStd()[r] - sF) * post.noise().tauSamples() / post.noise().tauForce();
            assertEquals(predicted, var, tol * predicted, "force row " + r);
        }
        double eVar = (eSq - eSum * eSum / k) / (k - 1);
        double pe = u.energyParameterStdPerAtom() * u.energyParameterStdPerAtom() * post.noise().tauSamples()
                / post.noise().tauEnergy();
        assertEquals(pe, eVar, tol * pe);
    }

    static void addRows(DMatrixRMaj a, double[] rhs, List<double[]> rows, List<Double> y, double w) {
        int p = rhs.length;
        for (int r = 0; r < rows.size(); r++) {
            double[] x = rows.get(r);
            for (int i = 0; i < p; i++) {
                rhs[i] += w * x[i] * y.get(r);
                for (int j = 0; j < p; j++) {
                    a.data[i * p + j] += w * x[i] * x[j];
                }
            }
        }
    }

    private static double sse(List<double[]> rows, List<Double> y, double[] c) {
        double s = 0;
        for (int r = 0; r < rows.size(); r++) {
            double d = -y.get(r);
            for (int q = 0; q < c.length; q++) {
                d += rows.get(r)[q] * c[q];
            }
            s += d * d;
        }
        return s;
    }

    static double quad(double[] m, double[] x, int p) {
        double s = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                s += x[i] * m[i * p + j] * x[j];
            }
        }
        return s;
    }

    private static double meanQuad(double[] inv, List<double[]> rows, int p) {
        double s = 0;
        for (double[] r : rows) {
            s += quad(inv, r, p);
        }
        return s / rows.size();
    }
}

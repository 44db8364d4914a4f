package org.uf3j.fit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.FeatureBlock;
import org.uf3j.fit.Featurizer;
import org.uf3j.fit.RowWeights;
import org.uf3j.fit.Workers;

/**
 * The cross-validation residuals of the training structures, each with the shape v of its
 * predicted variance: structure i of fold f is predicted by the coefficients fitted without fold
 * f (r = x·c_f − y, energies per atom and force components, the fit's own rows), and
 * v = a_t xᵀA⁻¹x + s0_t with A the full fit's normal matrix, a_t the row factor of kind t and
 * s0_t = max(0, 1 − a_t·mean_rows xᵀA⁻¹x): the posterior's σ² = T·v for a temperature T
 * ({@link TemperatureEstimator}). Every energy row is kept, and of the force components (each costs
 * a quadratic form in the touched columns) every s-th one of every structure, s chosen so that
 * about {@link #FORCE_SAMPLE} are kept: a sample in proportion to each structure's size, like the
 * pooled force errors the test coverage counts. Immutable.
 *
 * @param energyResidual per-atom energy residuals (eV/atom), one per structure with an energy
 * @param energyShape    their variance shapes (dimensionless)
 * @param energyType     their config_types
 * @param forceResidual  force-component residuals (eV/Å)
 * @param forceShape     their variance shapes
 * @param forceType      their structures' config_types
 */
public record CvResiduals(double[] energyResidual, double[] energyShape, String[] energyType, double[] forceResidual,
                          double[] forceShape, String[] forceType) {
    /** A gathered entry of A⁻¹ costs about this many flops of the dgemm that the gather saves. */
    private static final long GATHER_FLOPS = 12;

    /** About how many force components are kept in all. */
    public static final int FORCE_SAMPLE = 20_000;

    /**
     * The variance shape of one kind of rows: v = rowFactor·xᵀA⁻¹x + floor.
     *
     * @param rowFactor a_t of the fit's loss
     * @param floor     s0_t, the noise share
     */
    public record Shape(double rowFactor, double floor) {
        double of(double quadratic) {
            return rowFactor * Math.max(0.0, quadratic) + floor;
        }
    }

    /**
     * Collects the residuals on {@code threads} threads (structure order kept; results do not depend on the threads).
     *
     * @param layout    the fit's columns
     * @param training  the training structures
     * @param fold      each structure's fold
     * @param foldX     the coefficients of each fold's training part ([fold][column])
     * @param inverse   A⁻¹, p×p row-major
     * @param weights   the fit's row weights (structures of weight 0 did not enter the fit and are skipped)
     */
    public static CvResiduals collect(BasisLayout layout, List<Configuration> training, int[] fold, double[][] foldX,
                                      double[] inverse, Shape energy, Shape force, RowWeights weights, int threads) {
        int n = training.size();
        if (fold.length != n) {
            throw new IllegalArgumentException("fold assignment of " + fold.length + " structures for " + n + " structures");
        }
        long forceRows = 0;
        for (Configuration c : training) {
            if (c.hasForces() && weights.weight(c) > 0) {
                forceRows += 3L * c.size();
            }
        }
        int stride = (int) Math.max(1, (forceRows + FORCE_SAMPLE - 1) / FORCE_SAMPLE);
        Part[] parts = new Part[n];
        int workers = Math.max(1, Math.min(threads, n));
        ExecutorService pool = Workers.pool(workers, "uf3-calibration");
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                final int lane = t;
                tasks.add(pool.submit(() -> {
                    Lane w = new Lane(layout, inverse);
                    for (int i = lane; i < n; i += workers) {
                        Configuration c = training.get(i);
                        if (weights.weight(c) > 0) {
                            parts[i] = w.residuals(c, foldX[fold[i]], energy, force, stride, i % stride);
                        }
                    }
                }));
            }
            for (Future<?> f : tasks) {
                Workers.join(f, "collecting the cross-validation residuals");
            }
        } finally {
            pool.shutdownNow();
        }
        int ne = 0, nf = 0;
        for (Part p : parts) {
            if (p != null) {
                ne += p.e.length;
                nf += p.f.length;
            }
        }
        double[] er = new double[ne], ev = new double[ne], fr = new double[nf], fv = new double[nf];
        String[] et = new String[ne], ft = new String[nf];
        int ie = 0, jf = 0;
        for (int i = 0; i < n; i++) {
            Part p = parts[i];
            if (p == null) {
                continue;
            }
            String type = training.get(i).configType() == null || training.get(i).configType().isEmpty() ? "(none)"
                    : training.get(i).configType();
            for (int q = 0; q < p.e.length; q++, ie++) {
                er[ie] = p.e[q];
                ev[ie] = p.ev[q];
                et[ie] = type;
            }
            for (int q = 0; q < p.f.length; q++, jf++) {
                fr[jf] = p.f[q];
                fv[jf] = p.fv[q];
                ft[jf] = type;
            }
        }
        return new CvResiduals(er, ev, et, fr, fv, ft);
    }

    /** The temperature of the energies by {@code method}. */
    public double energyTemperature(CalibrationMethod method) {
        return TemperatureEstimator.estimate(method, energyResidual, energyShape);
    }

    /** The temperature of the force components by {@code method}. */
    public double forceTemperature(CalibrationMethod method) {
        return TemperatureEstimator.estimate(method, forceResidual, forceShape);
    }

    /** The energy residuals and shapes of one config_type: {residuals, shapes}. */
    public double[][] energyOfType(String type) {
        return select(energyResidual, energyShape, energyType, type);
    }

    /** The force residuals and shapes of one config_type: {residuals, shapes}. */
    public double[][] forceOfType(String type) {
        return select(forceResidual, forceShape, forceType, type);
    }

    private static double[][] select(double[] r, double[] v, String[] t, String type) {
        int n = 0;
        double[] rr = new double[r.length], vv = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            if (t[i].equals(type)) {
                rr[n] = r[i];
                vv[n++] = v[i];
            }
        }
        return new double[][] {Arrays.copyOf(rr, n), Arrays.copyOf(vv, n)};
    }

    /** One structure's residuals and shapes. */
    private record Part(double[] e, double[] ev, double[] f, double[] fv) {
    }

    /** One thread's featuriser and work arrays. */
    private static final class Lane {
        private final Featurizer featurizer;
        private final FeatureBlock block;
        private final double[] inverse;
        private final int p;
        private double[] rows = new double[0];
        private double[] product = new double[0];
        private double[] sub = new double[0];
        private double[] quad = new double[0];

        Lane(BasisLayout layout, double[] inverse) {
            this.featurizer = new Featurizer(layout);
            this.block = featurizer.newBlock();
            this.inverse = inverse;
            this.p = layout.size();
        }

        /** Residuals of the energy and of force components offset, offset + stride, … */
        Part residuals(Configuration c, double[] x, Shape energy, Shape force, int stride, int offset) {
            boolean useE = c.hasEnergy(), useF = c.hasForces();
            if (!useE && !useF) {
                return new Part(new double[0], new double[0], new double[0], new double[0]);
            }
            int n = c.size();
            featurizer.featurize(c, block, useF, false);
            int[] cols = block.activeColumns();
            int k = cols.length;
            int nf = useF && offset < 3 * n ? (3 * n - offset + stride - 1) / stride : 0;
            int[] fRows = new int[nf];
            for (int j = 0; j < nf; j++) {
                fRows[j] = offset + j * stride;
            }
            int m = (useE ? 1 : 0) + nf;
            // few rows touching almost every column: the quadratic forms over all p columns (zeros
            // included) cost less than gathering the k×k block of A⁻¹ the structure touches
            boolean full = k == p || (long) m * ((long) p * p - (long) k * k) <= GATHER_FLOPS * (long) k * k;
            int w = full ? p : k;
            rows = grow(rows, (long) m * w);
            product = grow(product, (long) m * w);
            quad = grow(quad, m);
            if (full) {
                Arrays.fill(rows, 0, m * w, 0.0);
            }
            double[] pred = new double[m];
            double[] ref = new double[m];
            int r = 0;
            if (useE) {
                for (int q = 0; q < k; q++) {
                    double v = block.energy(cols[q]) / n;
                    rows[full ? cols[q] : q] = v;
                    pred[0] += v * x[cols[q]];
                }
                ref[0] = c.energy() / n;
                r = 1;
            }
            for (int j = 0; j < nf; j++, r++) {
                int o = r * w;
                for (int q = 0; q < k; q++) {
                    double v = block.force(fRows[j], cols[q]);
                    rows[o + (full ? cols[q] : q)] = v;
                    pred[r] += v * x[cols[q]];
                }
                ref[r] = c.forces()[fRows[j]];
            }
            double[] s;
            if (full) {
                s = inverse;
            } else {
                sub = grow(sub, (long) k * k);
                for (int a = 0; a < k; a++) {
                    int base = cols[a] * p;
                    for (int b = 0; b < k; b++) {
                        sub[a * k + b] = inverse[base + cols[b]];
                    }
                }
                s = sub;
            }
            QuadraticForms.diagonal(rows, m, w, s, product, quad);
            double[] e = new double[useE ? 1 : 0], ev = new double[e.length], f = new double[nf], fv = new double[nf];
            r = 0;
            if (useE) {
                e[0] = pred[0] - ref[0];
                ev[0] = energy.of(quad[0]);
                r = 1;
            }
            for (int j = 0; j < nf; j++, r++) {
                f[j] = pred[r] - ref[r];
                fv[j] = force.of(quad[r]);
            }
            return new Part(e, ev, f, fv);
        }

        private static double[] grow(double[] a, long need) {
            if (need > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("structure too large for the calibration work arrays (" + need + " entries)");
            }
            return a.length >= need ? a : new double[(int) need];
        }
    }
}

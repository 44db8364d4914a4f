package org.uf3j.properties;

import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.units.MetalUnits;

/**
 * Elastic constants from stress–strain central finite differences: every Voigt strain e_j = ±δ
 * (engineering shear for j = 4..6) is applied to an equilibrium cell, optionally with the atoms
 * relaxed inside the strained cell (internal relaxation, needed for C44 of diamond and zincblende; zero by symmetry
 * for bcc/fcc), and C_ij = [σ_i(+δ) − σ_i(−δ)]/(2δ) with σ = −W/V. The cubic C11, C12, C44 average
 * the symmetry-equivalent entries of the 6×6 matrix; B = (C11 + 2 C12)/3.
 */
public final class ElasticConstants {
    private ElasticConstants() {
    }

    /**
     * Elastic constants in GPa: the cubic averages C11, C12, C44, the bulk modulus B = (C11 + 2 C12)/3,
     * the full 6×6 stress–strain matrix (Voigt order xx, yy, zz, yz, xz, xy), the strain δ used and
     * whether atoms were relaxed in each strained cell.
     */
    public record Result(double c11, double c12, double c44, double bulkModulus, double[][] matrix, double strain,
                         boolean internalRelaxation) {
        /** Tetragonal shear modulus C' = (C11 − C12)/2, GPa. */
        public double tetragonalShear() {
            return (c11 - c12) / 2;
        }

        /** Largest deviation of the 6×6 matrix from cubic symmetry (GPa): entries that must vanish or equal others. */
        public double cubicAsymmetry() {
            double dev = 0;
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    double expected;
                    if (i == j) {
                        expected = i < 3 ? c11 : c44;
                    } else if (i < 3 && j < 3) {
                        expected = c12;
                    } else {
                        expected = 0;
                    }
                    dev = Math.max(dev, Math.abs(matrix[i][j] - expected));
                }
            }
            return dev;
        }
    }

    /**
     * Elastic constants of the conventional cube at lattice constant a0 (which should be the
     * zero-pressure one: away from it stress–strain coefficients differ from the elastic constants).
     *
     * @param relaxer null for clamped-ion (homogeneous) strain, else relaxes atoms in every strained cell
     */
    public static Result compute(Evaluator evaluator, String element, CubicLattice lattice, double a0, double strain,
                                 Relaxer relaxer) {
        return compute(evaluator, lattice.conventional(element, a0), strain, relaxer);
    }

    /** Elastic constants of the conventional cube of any crystal (zincblende included) at lattice constant a0. */
    public static Result compute(Evaluator evaluator, Crystal crystal, double a0, double strain, Relaxer relaxer) {
        return compute(evaluator, crystal.conventional(a0), strain, relaxer);
    }

    /** Elastic constants of any equilibrium cell (axes along the crystal's cubic axes for the cubic averages). */
    public static Result compute(Evaluator evaluator, Structure equilibrium, double strain, Relaxer relaxer) {
        if (!(strain > 0 && strain < 0.1)) {
            throw new IllegalArgumentException("finite-difference strain must be in (0, 0.1), got " + strain);
        }
        if (equilibrium.cell() == null) {
            throw new IllegalArgumentException("elastic constants need a periodic cell");
        }
        double[][] c = new double[6][6];
        for (int j = 0; j < 6; j++) {
            double[] plus = stress(evaluator, Strains.apply(equilibrium, Strains.voigt(j, strain)), relaxer);
            double[] minus = stress(evaluator, Strains.apply(equilibrium, Strains.voigt(j, -strain)), relaxer);
            for (int i = 0; i < 6; i++) {
                c[i][j] = (plus[i] - minus[i]) / (2 * strain) * MetalUnits.GPA_PER_EV_PER_A3;
            }
        }
        double c11 = (c[0][0] + c[1][1] + c[2][2]) / 3;
        double c12 = (c[0][1] + c[0][2] + c[1][0] + c[1][2] + c[2][0] + c[2][1]) / 6;
        double c44 = (c[3][3] + c[4][4] + c[5][5]) / 3;
        return new Result(c11, c12, c44, (c11 + 2 * c12) / 3, c, strain, relaxer != null);
    }

    /** Stress σ = −W/V (eV/Å³, positive in tension) of a structure, after relaxing its atoms if asked. */
    static double[] stress(Evaluator evaluator, Structure s, Relaxer relaxer) {
        Evaluation e = relaxer == null ? evaluator.evaluate(s) : relaxer.relaxPositions(s).evaluation();
        return e.stress(s.cell().volume());
    }
}

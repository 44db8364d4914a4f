package org.uf3j.cli.lammps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.uf3j.core.basis.CubicBSpline;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.Uf3Model;

/**
 * Writes a UF2 (pair-only) model as a LAMMPS {@code pair_style table} file: one section per element
 * pair, {@code N n R r_min r_cut}, rows {@code index r E F}. UF3 sums V2 over ordered pairs (every
 * bond twice) while {@code pair_style table} counts each pair once, so the tabulated energy is
 * E(r) = 2·V2(r) and the force F(r) = −dE/dr = −2·V2′(r). The table starts at the first knot (V2 is
 * undefined closer in) and ends at the cutoff, where E = F = 0.
 */
public final class PairTableWriter {
    private PairTableWriter() {
    }

    /** Section name of a pair, e.g. "Nb_W" (elements by atomic number). */
    public static String section(PairTerm p) {
        return p.first() + "_" + p.second();
    }

    /**
     * The whole table file.
     *
     * @param points rows per section (≥ 2)
     * @param source where the model came from, for the header comment
     */
    public static String write(Uf3Model model, int points, String source) {
        if (model.bodyOrder() != 2) {
            throw new IllegalArgumentException("the potential is UF2,3 (3-body terms "
                    + model.tripletTerms().stream().map(t -> t.centre() + "-" + t.first() + "-" + t.second()).toList()
                    + "): pair_style table can only represent pair potentials; use pair_style uf3 3 with a .uf3 file "
                    + "(uf3 export --to uf3)");
        }
        if (points < 2) {
            throw new IllegalArgumentException("a table needs at least 2 points, got " + points);
        }
        StringBuilder b = new StringBuilder();
        b.append("# UF3 pair potential for ").append(String.join(" ", model.elements())).append(" from ").append(source)
                .append(", written by UF3-J (uf3 export --to table)\n");
        b.append("# E(r) = 2*V2(r) eV (UF3 counts ordered pairs, pair_style table each pair once), F(r) = -dE/dr eV/A\n");
        b.append("# One-body energies are not included (they shift energies by a constant per atom, not forces).\n");
        b.append("# Use in LAMMPS (atom types numbered in the order ").append(String.join(" ", model.elements())).append("):\n");
        b.append("#   pair_style table linear ").append(Math.max(points, 1000)).append('\n');
        for (String line : pairCoeffLines(model, "THIS_FILE")) {
            b.append("#   ").append(line).append('\n');
        }
        double[] work = new double[CubicBSpline.OUT_LENGTH];
        for (PairTerm p : model.pairTerms()) {
            double lo = p.knots().min();
            double hi = p.cutoff();
            b.append('\n').append(section(p)).append('\n');
            b.append(String.format(Locale.ROOT, "N %d R %s %s%n%n", points, num(lo), num(hi)));
            for (int k = 0; k < points; k++) {
                double r = k == points - 1 ? hi : lo + (hi - lo) * k / (points - 1);
                double e;
                double f;
                if (k == points - 1) {
                    e = 0;
                    f = 0;
                } else {
                    double[] vd = p.valueAndDerivative(r, work);
                    e = 2 * vd[0];
                    f = -2 * vd[1];
                }
                b.append(k + 1).append(' ').append(num(r)).append(' ').append(num(e)).append(' ').append(num(f)).append('\n');
            }
        }
        return b.toString();
    }

    /** The {@code pair_coeff} lines for a table file, atom type i = i-th element of the model. */
    public static List<String> pairCoeffLines(Uf3Model model, String file) {
        List<String> out = new ArrayList<>();
        List<String> els = model.elements();
        for (int i = 0; i < els.size(); i++) {
            for (int j = i; j < els.size(); j++) {
                PairTerm p = model.pair(els.get(i), els.get(j));
                out.add("pair_coeff " + (i + 1) + " " + (j + 1) + " " + file + " " + section(p) + " " + num(p.cutoff()));
            }
        }
        return out;
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}

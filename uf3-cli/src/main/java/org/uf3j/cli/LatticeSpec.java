package org.uf3j.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.uf3j.core.eval.EvaluationException;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.properties.CubicLattice;
import org.uf3j.properties.LatticeConstant;

/**
 * A cubic crystal named on the command line as {@code bcc[:A0]}, {@code fcc[:A0]}, {@code sc[:A0]}
 * or {@code diamond[:A0]}: the lattice constant in Å, or, without it, the minimum of the
 * potential's E(a).
 *
 * @param lattice the lattice
 * @param a0      lattice constant (Å)
 * @param note    where a0 came from when it was not given (null when given)
 */
public record LatticeSpec(CubicLattice lattice, double a0, String note) {

    /**
     * Parses {@code spec} (as given to {@code option}, which accepts the forms {@code expected}) and
     * resolves a missing lattice constant with the potential; a {@link CliException} naming the
     * option for anything else.
     */
    public static LatticeSpec resolve(String spec, String option, String expected, Uf3Model model, String element,
                                      Path potential) {
        String s = spec.trim();
        String kind = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
        String arg = s.contains(":") ? s.substring(s.indexOf(':') + 1) : null;
        CubicLattice cl;
        try {
            cl = CubicLattice.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new CliException(option + " '" + spec + "': expected " + expected);
        }
        if (arg != null) {
            double a0;
            try {
                a0 = Double.parseDouble(arg);
            } catch (NumberFormatException e) {
                throw new CliException(option + " '" + spec + "': '" + arg + "' is not a lattice constant in Å");
            }
            if (!(a0 > 0) || Double.isInfinite(a0)) {
                throw new CliException(option + " '" + spec + "': the lattice constant must be positive");
            }
            return new LatticeSpec(cl, a0, null);
        }
        double a0;
        try {
            a0 = LatticeConstant.find(new JavaEvaluator(model), element, cl, Double.NaN, 0, 5).a0();
        } catch (EvaluationException | IllegalStateException e) {
            throw new CliException("cannot find the " + cl.label() + " " + element + " lattice constant of " + potential
                    + " (" + e.getMessage() + "); give it as " + option + " " + cl.label() + ":A0");
        }
        return new LatticeSpec(cl, a0, String.format(Locale.ROOT, "a0 = %.6f Å: the minimum of E(a) of %s %s for this "
                + "potential", a0, cl.label(), element));
    }
}

package org.uf3j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.uf3j.core.gamma.ActiveSet;
import org.uf3j.core.gamma.ActiveSetFile;
import org.uf3j.core.gamma.ExtrapolationGrade;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.model.Uf3Model;

/** Loading an active set for a potential and printing extrapolation grades (uf3 eval --gamma, uf3 select). */
final class GammaOption {
    private static final int LISTED_ATOMS = 8;
    /** Above this an atom extrapolates: 1 plus the maxvol tolerance (training atoms reach 1 + 1e-6). */
    static final double EXTRAPOLATING = 1 + 1e-6;

    private GammaOption() {
    }

    /** The active set given, or the one beside the potential file; a {@link CliException} when absent or bad. */
    static ActiveSet load(Path potential, Path given) {
        Path file = given != null ? given : ActiveSetFile.besides(potential);
        if (!Files.isRegularFile(file)) {
            throw new CliException(file + ": no active-set file" + (given == null ? " beside the potential (write one with "
                    + "uf3 fit --active-set, or name it with --active-set FILE.asi)" : ""));
        }
        try {
            return ActiveSetFile.read(file);
        } catch (IOException e) {
            throw new CliException(file + ": cannot read: " + e.getMessage());
        } catch (Uf3FormatException e) {
            throw new CliException(e.getMessage());
        }
    }

    static ExtrapolationGrade grade(Uf3Model model, Path potential, Path given) {
        ActiveSet set = load(potential, given);
        try {
            return new ExtrapolationGrade(model, set);
        } catch (IllegalArgumentException e) {
            throw new CliException((given != null ? given : ActiveSetFile.besides(potential)) + ": " + e.getMessage());
        }
    }

    /** ",\"gamma\":[…],\"max_gamma\":g" (Infinity for an infinite grade). */
    static String json(double[] g) {
        StringBuilder b = new StringBuilder(",\"gamma\":[");
        for (int i = 0; i < g.length; i++) {
            b.append(i == 0 ? "" : ",").append(number(g[i]));
        }
        return b.append("],\"max_gamma\":").append(number(ExtrapolationGrade.max(g))).toString();
    }

    private static String number(double v) {
        return Double.isInfinite(v) ? "Infinity" : Double.toString(v);
    }

    static String format(double v) {
        return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Per structure: its atoms with γ &gt; 1 (the first few), and a summary line. */
    static String report(List<double[]> grades) {
        StringBuilder b = new StringBuilder("Extrapolation grade γ per atom (γ ≤ 1: inside the training data; listed: γ > 1 + 1e-6,"
                + " the active-set tolerance):\n");
        int over = 0;
        double worst = 0;
        int worstAt = -1;
        for (int s = 0; s < grades.size(); s++) {
            double[] g = grades.get(s);
            double m = ExtrapolationGrade.max(g);
            if (m > worst || worstAt < 0) {
                worst = m;
                worstAt = s;
            }
            if (m <= EXTRAPOLATING) {
                continue;
            }
            over++;
            StringBuilder atoms = new StringBuilder();
            int listed = 0, n = 0;
            for (int i = 0; i < g.length; i++) {
                if (g[i] > EXTRAPOLATING) {
                    n++;
                    if (listed++ < LISTED_ATOMS) {
                        atoms.append(listed == 1 ? "" : ", ").append(i).append(" (").append(format(g[i])).append(')');
                    }
                }
            }
            b.append(String.format(Locale.ROOT, "%5d  max γ %s; %d of %d atoms > 1: %s%s%n", s, format(m), n, g.length, atoms,
                    n > LISTED_ATOMS ? ", …" : ""));
        }
        b.append(String.format(Locale.ROOT, "%d of %d structures have an atom with γ > 1; largest γ %s (structure %d)%n", over,
                grades.size(), format(worst), worstAt));
        return b.toString();
    }
}

package org.uf3j.cli;

import java.util.List;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

/** Small deterministic W models for tests: a Morse-like UF2 and a UF2,3 with a symmetric 3-body term. */
final class TestModels {
    private TestModels() {
    }

    /** V2 ≈ a Morse curve (well 0.5 eV at 2.8 Å) on knots 1.5–5.5 Å, the last 3 coefficients 0. */
    static PairTerm morse(String a, String b) {
        KnotSequence k = KnotSequence.linear(1.5, 5.5, 16);
        double[] c = new double[k.basisCount()];
        for (int n = 0; n < c.length - 3; n++) {
            double r = (k.knot(n + 1) + k.knot(n + 2) + k.knot(n + 3)) / 3; // Greville abscissa
            double x = Math.exp(-1.5 * (r - 2.8));
            c[n] = 0.5 * (x * x - 2 * x);
        }
        return new PairTerm(a, b, k, c);
    }

    static Uf3Model uf2() {
        return Uf3Model.builder().elements(List.of("W")).oneBody("W", -8.0).pair(morse("W", "W")).build();
    }

    static Uf3Model uf23() {
        KnotSequence leg = KnotSequence.linear(1.5, 3.8, 5);
        KnotSequence jk = KnotSequence.linear(1.5, 7.6, 10);
        int l = leg.basisCount();
        int n = jk.basisCount();
        double[] c = new double[l * l * n];
        for (int a = 0; a < l - 3; a++) {
            for (int b = 0; b < l - 3; b++) {
                for (int d = 0; d < n - 3; d++) {
                    c[(a * l + b) * n + d] = 0.02 * Math.cos(0.7 * (a + b)) * Math.exp(-0.3 * d);
                }
            }
        }
        TripletTerm t = new TripletTerm("W", "W", "W", leg, leg, jk, c);
        return Uf3Model.builder().elements(List.of("W")).oneBody("W", -8.0).pair(morse("W", "W")).triplet(t).build();
    }
}

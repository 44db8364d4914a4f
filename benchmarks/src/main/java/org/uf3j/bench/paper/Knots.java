package org.uf3j.bench.paper;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.uf3j.fit.ModelSpec;

/**
 * A knot choice for a one-element model: 2-body [r2min, r2max] with n2 intervals, and for UF2,3
 * 3-body legs ij, ik on [r3min, r3max] with n3 intervals and leg jk on [r3min, 2·r3max] with n3jk
 * intervals (n3 = 0: UF2). Written and parsed as {@code 2b=1.5,5.5,25;3b=1.5,4.25,10,20}.
 */
record Knots(double r2min, double r2max, int n2, double r3min, double r3max, int n3, int n3jk) {

    /** The UF3 paper's W knots: 2-body [1.5, 5.5] Å / 25, 3-body [1.5, 4.25] Å / 10 (jk [1.5, 8.5] / 20). */
    static final Knots PAPER_UF23 = new Knots(1.5, 5.5, 25, 1.5, 4.25, 10, 20);
    static final Knots PAPER_UF2 = new Knots(1.5, 5.5, 25, 0, 0, 0, 0);

    static Knots uf2(double rmin, double rmax, int n) {
        return new Knots(rmin, rmax, n, 0, 0, 0, 0);
    }

    static Knots uf23(double rmin, double rmax, int n, double r3min, double r3max, int n3) {
        return new Knots(rmin, rmax, n, r3min, r3max, n3, 2 * n3);
    }

    boolean threeBody() {
        return n3 > 0;
    }

    ModelSpec spec(String element) {
        ModelSpec.Builder b = ModelSpec.builder(List.of(element)).pairs(r2min, r2max, n2);
        if (threeBody()) {
            b.triplets(r3min, r3max, n3, n3jk);
        }
        return b.build();
    }

    String label() {
        String two = String.format(Locale.ROOT, "2b[%s,%s]/%d", g(r2min), g(r2max), n2);
        return threeBody() ? two + String.format(Locale.ROOT, " 3b[%s,%s]/%d,%d", g(r3min), g(r3max), n3, n3jk) : two;
    }

    String arg() {
        String two = String.format(Locale.ROOT, "2b=%s,%s,%d", g(r2min), g(r2max), n2);
        return threeBody() ? two + String.format(Locale.ROOT, ";3b=%s,%s,%d,%d", g(r3min), g(r3max), n3, n3jk) : two;
    }

    Map<String, Object> toMap() {
        Map<String, Object> two = Outputs.map("r_min", r2min, "r_max", r2max, "intervals", n2);
        if (!threeBody()) {
            return Outputs.map("body_order", 2, "two_body", two);
        }
        return Outputs.map("body_order", 3, "two_body", two, "three_body", Outputs.map(
                "ij_ik", Outputs.map("r_min", r3min, "r_max", r3max, "intervals", n3),
                "jk", Outputs.map("r_min", r3min, "r_max", 2 * r3max, "intervals", n3jk)));
    }

    /** Parses {@code 2b=rmin,rmax,n[;3b=rmin,rmax,n[,njk]]}. */
    static Knots parse(String s) {
        double[] two = null;
        double[] three = null;
        for (String part : s.split(";")) {
            String p = part.trim();
            if (p.startsWith("2b=")) {
                two = numbers(p.substring(3), s);
            } else if (p.startsWith("3b=")) {
                three = numbers(p.substring(3), s);
            } else if (!p.isEmpty()) {
                throw new IllegalArgumentException("knots '" + s + "': expected 2b=rmin,rmax,n[;3b=rmin,rmax,n[,njk]]");
            }
        }
        if (two == null || two.length != 3) {
            throw new IllegalArgumentException("knots '" + s + "': need 2b=rmin,rmax,n");
        }
        if (three == null) {
            return uf2(two[0], two[1], (int) two[2]);
        }
        if (three.length < 3 || three.length > 4) {
            throw new IllegalArgumentException("knots '" + s + "': 3b needs rmin,rmax,n[,njk]");
        }
        int n3 = (int) three[2];
        return new Knots(two[0], two[1], (int) two[2], three[0], three[1], n3, three.length == 4 ? (int) three[3] : 2 * n3);
    }

    private static double[] numbers(String csv, String whole) {
        String[] t = csv.split(",");
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            try {
                out[i] = Double.parseDouble(t[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("knots '" + whole + "': '" + t[i] + "' is not a number");
            }
        }
        return out;
    }

    private static String g(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%s", v);
    }
}

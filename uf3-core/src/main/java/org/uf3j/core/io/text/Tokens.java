package org.uf3j.core.io.text;

import java.util.Arrays;

/** Splits a line into whitespace-separated tokens and parses numbers strictly (finite, whole token). */
public final class Tokens {
    private static final String[] NONE = new String[0];

    private Tokens() {
    }

    /** The whitespace-separated tokens of a line (spaces, tabs, other ASCII control whitespace). */
    public static String[] split(String s) {
        int n = s.length();
        String[] out = new String[8];
        int count = 0;
        int i = 0;
        while (i < n) {
            while (i < n && s.charAt(i) <= ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && s.charAt(i) > ' ') {
                i++;
            }
            if (count == out.length) {
                out = Arrays.copyOf(out, 2 * count);
            }
            out[count++] = s.substring(start, i);
        }
        return count == 0 ? NONE : Arrays.copyOf(out, count);
    }

    /**
     * Parses a decimal floating-point token ("1", "-2.5", "1.0E-5", Fortran "1.0D-5"), or returns
     * NaN when the token is not such a number. Unlike {@link Double#parseDouble} it rejects "NaN",
     * "Infinity", hexadecimal and "1f"/"1d" suffixes, so that a NaN result always means "bad".
     */
    public static double parseOrNaN(String token) {
        int n = token.length();
        if (n == 0) {
            return Double.NaN;
        }
        boolean digit = false;
        boolean fortran = false;
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == 'D' || c == 'd') {
                fortran = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        String t = fortran ? token.replace('D', 'E').replace('d', 'E') : token;
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Parses a finite number or throws naming the file, line and what the number was meant to be. */
    public static double number(String token, NumberedLines where, String what) {
        double v = parseOrNaN(token);
        if (Double.isNaN(v)) {
            throw where.error("expected a finite number for " + what + ", found '" + token + "'");
        }
        return v;
    }

    /** Parses a (possibly signed) decimal integer or throws naming the file, line and what it was meant to be. */
    public static int integer(String token, NumberedLines where, String what) {
        Integer v = parseIntOrNull(token);
        if (v == null) {
            throw where.error("expected an integer for " + what + ", found '" + token + "'");
        }
        return v;
    }

    /** A decimal int, or null when the token is not one (or overflows). */
    public static Integer parseIntOrNull(String token) {
        int n = token.length();
        if (n == 0 || n > 11) {
            return null;
        }
        int start = token.charAt(0) == '-' || token.charAt(0) == '+' ? 1 : 0;
        if (start == n) {
            return null;
        }
        for (int i = start; i < n; i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        long v = Long.parseLong(token);
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) v;
    }

    /** Shortest text that parses back to exactly the same double (Java's {@link Double#toString}). */
    public static String format(double v) {
        return Double.toString(v);
    }
}

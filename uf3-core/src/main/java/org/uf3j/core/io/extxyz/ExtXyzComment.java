package org.uf3j.core.io.extxyz;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.uf3j.core.io.text.NumberedLines;

/**
 * The key=value pairs of an extended-XYZ comment line, in file order. Values may be bare words,
 * "double quoted" (with \" and \\ escapes; the map holds the unquoted text), or bracketed
 * ([..] or {..}, kept with their brackets). A key without "=" is a flag with value "T".
 */
final class ExtXyzComment {
    private final Map<String, String> values;
    private final Map<String, String> byLowerCase = new LinkedHashMap<>();
    /** A second spelling of a key that differs only in letter case (e.g. Lattice and lattice), by lower case. */
    private final Map<String, String> secondSpelling = new LinkedHashMap<>();

    private ExtXyzComment(Map<String, String> values) {
        this.values = values;
        for (String k : values.keySet()) {
            String lower = k.toLowerCase(Locale.ROOT);
            if (byLowerCase.putIfAbsent(lower, k) != null) {
                secondSpelling.putIfAbsent(lower, k);
            }
        }
    }

    /** Parses a comment line; errors name the file and line. */
    static ExtXyzComment parse(String line, NumberedLines where) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = line.length();
        int i = 0;
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char c = line.charAt(i);
            if (c == '=') {
                throw where.error("comment line: '=' without a key at column " + (i + 1)
                        + " (write key=value without spaces around '=')");
            }
            StringBuilder key = new StringBuilder();
            if (c == '"') {
                i = readQuoted(line, i, key, where);
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') {
                    key.append(line.charAt(i++));
                }
            }
            String value;
            if (i < n && line.charAt(i) == '=') {
                i++;
                StringBuilder v = new StringBuilder();
                if (i < n && line.charAt(i) == '"') {
                    i = readQuoted(line, i, v, where);
                } else if (i < n && (line.charAt(i) == '[' || line.charAt(i) == '{')) {
                    i = readBracketed(line, i, v, where);
                } else {
                    while (i < n && !Character.isWhitespace(line.charAt(i))) {
                        v.append(line.charAt(i++));
                    }
                }
                value = v.toString();
            } else {
                value = "T";
            }
            String k = key.toString();
            if (k.isEmpty()) {
                throw where.error("comment line: empty key at column " + (i + 1));
            }
            if (out.put(k, value) != null) {
                throw where.error("comment line: key '" + k + "' appears twice");
            }
        }
        return new ExtXyzComment(out);
    }

    private static int readQuoted(String line, int i, StringBuilder out, NumberedLines where) {
        int start = i;
        int n = line.length();
        i++;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < n && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                out.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        throw where.error("comment line: the quote opened at column " + (start + 1) + " is never closed");
    }

    private static int readBracketed(String line, int i, StringBuilder out, NumberedLines where) {
        int start = i;
        int depth = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            out.append(c);
            i++;
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw where.error("comment line: the bracket opened at column " + (start + 1) + " is never closed");
    }

    /** All pairs in file order (unmodifiable view). */
    Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /**
     * The exact key as written in the file that matches {@code name} ignoring case, or null; two
     * spellings of it (e.g. {@code Lattice=} and {@code lattice=}) are an error, since either could be meant.
     */
    String keyIgnoringCase(String name, NumberedLines where) {
        String lower = name.toLowerCase(Locale.ROOT);
        String second = secondSpelling.get(lower);
        if (second != null) {
            throw where.error("comment line: keys '" + byLowerCase.get(lower) + "' and '" + second + "' differ only in "
                    + "letter case; give " + name + " once");
        }
        return byLowerCase.get(lower);
    }

    /** Value of a key (exact spelling), or null. */
    String get(String exactKey) {
        return exactKey == null ? null : values.get(exactKey);
    }
}

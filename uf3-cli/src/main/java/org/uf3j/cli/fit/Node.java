package org.uf3j.cli.fit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A value of the configuration tree with its key path (e.g. {@code data[0].path}), and strict
 * typed accessors: every problem is a {@link ConfigException} naming the file and the path.
 * Numbers may be written as YAML numbers or as strings such as "1e-6" (YAML 1.1 reads an exponent
 * without a dot as text).
 */
final class Node {
    private final String file;
    private final String path;
    private final JsonNode value;

    Node(String file, String path, JsonNode value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    String path() {
        return path;
    }

    boolean isMissing() {
        return value == null || value.isMissingNode() || value.isNull();
    }

    boolean isArray() {
        return value != null && value.isArray();
    }

    boolean isObject() {
        return value != null && value.isObject();
    }

    /** Whether the value is a text (not a number, boolean, list or mapping). */
    boolean isText() {
        return value != null && value.isTextual();
    }

    ConfigException error(String what) {
        return new ConfigException(file, path, what);
    }

    /** A child of a mapping; the child may be missing. */
    Node get(String key) {
        requireObject();
        return new Node(file, path.isEmpty() ? key : path + "." + key, value.get(key));
    }

    /** The keys of a mapping, in file order. */
    List<String> keys() {
        requireObject();
        List<String> out = new ArrayList<>();
        value.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Items of a list. */
    List<Node> items() {
        if (!isArray()) {
            throw error("expected a list, found " + describe());
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            out.add(new Node(file, path + "[" + i + "]", value.get(i)));
        }
        return out;
    }

    /** Entries of a mapping as child nodes, in file order. */
    Map<String, Node> entries() {
        requireObject();
        Map<String, Node> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), new Node(file, (path.isEmpty() ? "" : path + ".") + e.getKey(), e.getValue()));
        }
        return out;
    }

    /** Rejects keys outside {@code known}: "unknown key; expected one of [...]". */
    Node onlyKeys(Set<String> known) {
        requireObject();
        for (String k : keys()) {
            if (!known.contains(k)) {
                String where = path.isEmpty() ? k : path + "." + k;
                String hint = closest(k, known);
                throw new ConfigException(file, where, "unknown key" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; expected one of " + new TreeSet<>(known));
            }
        }
        return this;
    }

    void requireObject() {
        if (!isObject()) {
            throw error("expected a mapping of keys to values, found " + describe());
        }
    }

    String text() {
        if (isMissing()) {
            throw error("missing (required)");
        }
        if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
            throw error("expected a text value, found " + describe());
        }
        return value.asText();
    }

    String text(String fallback) {
        return isMissing() ? fallback : text();
    }

    double number() {
        if (isMissing()) {
            throw error("missing (required)");
        }
        double v;
        if (value.isNumber()) {
            v = value.doubleValue();
        } else if (value.isTextual()) {
            try {
                v = Double.parseDouble(value.textValue().trim());
            } catch (NumberFormatException e) {
                throw error("expected a number, found '" + value.textValue() + "'");
            }
        } else {
            throw error("expected a number, found " + describe());
        }
        if (!Double.isFinite(v)) {
            throw error("expected a finite number, found " + v);
        }
        return v;
    }

    double number(double fallback) {
        return isMissing() ? fallback : number();
    }

    /** A number or a list of numbers (at least one). */
    double[] numbers() {
        if (isArray()) {
            List<Node> items = items();
            if (items.isEmpty()) {
                throw error("expected at least one number, found an empty list");
            }
            double[] out = new double[items.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = items.get(i).number();
            }
            return out;
        }
        return new double[] {number()};
    }

    int integer() {
        double v = number();
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw error("expected a whole number, found " + value.asText());
        }
        return (int) v;
    }

    int integer(int fallback) {
        return isMissing() ? fallback : integer();
    }

    long longInteger(long fallback) {
        if (isMissing()) {
            return fallback;
        }
        double v = number();
        if (v != Math.rint(v)) {
            throw error("expected a whole number, found " + value.asText());
        }
        return (long) v;
    }

    boolean bool(boolean fallback) {
        if (isMissing()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String t = value.textValue().trim().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("true") || t.equals("yes") || t.equals("on")) {
                return true;
            }
            if (t.equals("false") || t.equals("no") || t.equals("off")) {
                return false;
            }
        }
        throw error("expected true or false, found " + describe());
    }

    String describe() {
        if (isMissing()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isTextual()) {
            return "'" + value.textValue() + "'";
        }
        return value.toString();
    }

    /** The known key closest to a misspelt one (edit distance ≤ 2), or null. */
    private static String closest(String key, Set<String> known) {
        String best = null;
        int bestD = 3;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

package org.uf3j.cli.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.uf3j.cli.CliException;
import org.uf3j.core.model.Elements;

/**
 * Converts a settings file of the uf3 Python package (its YAML workflow: {@code elements},
 * {@code degree}, {@code data.sources.path}, {@code basis.r_min/r_max/resolution} as numbers or
 * per-interaction maps, trims, {@code learning.weight}, {@code learning.regularizer}; also the
 * older example keys {@code element_list}, {@code r_max_map}, {@code kappa},
 * {@code regularization_params}) into a UF3-J fit configuration, with the mapping of
 * docs/from-uf3.md (uf3 ≥ 0.4.0: κ, ridge, curvature and knots carry over as they are). Anything
 * that cannot carry over is named in {@link #notes()}; what cannot be expressed at all (ij and ik
 * legs that differ, a jk leg not twice as long, a pair uf3 leaves out) is an error. Values uf3 would
 * take from its defaults are taken from uf3's defaults, so the fit is the one uf3 would run.
 *
 * @param yaml  the UF3-J fit configuration
 * @param notes one line per setting not carried over exactly
 */
public record Uf3Settings(String yaml, List<String> notes) {
    /** uf3's YAML-workflow defaults (uf3/util/yaml_tools.py) for keys the settings leave out. */
    private static final Map<String, Double> UF3_REGULARIZER = Map.of("ridge_1b", 1e-8, "ridge_2b", 0.0,
            "curvature_2b", 1e-8, "ridge_3b", 1e-5, "curvature_3b", 1e-8);

    /** Whether a file is a uf3 package settings file rather than a UF3-J configuration (unreadable files: false). */
    public static boolean recognises(Path file) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
            return root != null && root.isObject() && !root.has("two_body")
                    && (root.has("basis") || root.has("learning") || root.has("degree") || root.has("element_list")
                    || root.has("r_max_map") || root.has("regularization_params"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Converts a settings file. Data paths resolve against the settings file's directory and are
     * written relative to {@code outputDir} (absolute when null).
     *
     * @param trainIndices   an index file for {@code split.train_indices}, or null for UF3-J's default split
     * @param missingIndices {@code error} or {@code drop} (with trainIndices)
     */
    public static Uf3Settings convert(Path file, Path outputDir, Path trainIndices, String missingIndices) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new CliException(name + ": file not found");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException(name + ": not valid YAML: " + org.uf3j.cli.ErrorMessages.oneLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new CliException(name + ": expected a uf3 settings mapping (elements, degree, basis, learning, ...)");
        }
        return new Converter(name, file.toAbsolutePath().getParent(), root, outputDir).run(trainIndices, missingIndices);
    }

    /** One conversion: reads the settings, collects notes, writes the YAML. */
    private static final class Converter {
        private final String name;
        private final Path base;
        private final JsonNode root;
        private final Path outputDir;
        private final List<String> notes = new ArrayList<>();
        private final StringBuilder y = new StringBuilder();

        Converter(String name, Path base, JsonNode root, Path outputDir) {
            this.name = name;
            this.base = base;
            this.root = root;
            this.outputDir = outputDir == null ? null : outputDir.toAbsolutePath().normalize();
        }

        private CliException error(String key, String what) {
            return new ConfigException(name, key, what);
        }

        Uf3Settings run(Path trainIndices, String missingIndices) {
            List<String> elements = elements();
            int degree = root.has("degree") ? integer(root.get("degree"), "degree") : 2;
            if (degree != 2 && degree != 3) {
                throw error("degree", "must be 2 (pairs) or 3 (pairs and triplets), got " + degree);
            }
            JsonNode basis = root.path("basis");
            JsonNode rMin = first(basis, "r_min", "r_min_map", root, "r_min_map");
            JsonNode rMax = first(basis, "r_max", "r_max_map", root, "r_max_map");
            JsonNode res = first(basis, "resolution", "resolution_map", root, "resolution_map");
            y.append("# converted from the uf3 settings ").append(name).append(" (mapping: docs/from-uf3.md)\n");
            y.append("elements: [").append(String.join(", ", elements)).append("]\n");
            data();
            pairs(elements, rMin, rMax, res);
            if (degree == 3) {
                triplets(elements, rMin, rMax, res);
            }
            trims(basis, degree);
            if (basis.has("fit_offsets") && !basis.get("fit_offsets").asBoolean(true)) {
                notes.add("basis.fit_offsets: no: UF3-J always fits one-body energies");
            }
            String strategy = basis.path("knot_strategy").asText("linear");
            if (strategy.equals("lammps")) {
                notes.add("basis.knot_strategy: lammps (uniform in r²) has no UF3-J counterpart; uniform knots (linear) used");
            } else if (!strategy.equals("linear")) {
                throw error("basis.knot_strategy", "expected linear or lammps, got '" + strategy + "'");
            }
            JsonNode learning = root.path("learning");
            JsonNode weight = learning.has("weight") ? learning.get("weight") : root.get("kappa");
            double kappa = weight == null ? 0.5 : number(weight, learning.has("weight") ? "learning.weight" : "kappa");
            if (!(kappa >= 0 && kappa <= 1)) {
                throw error(learning.has("weight") ? "learning.weight" : "kappa", "must lie in [0, 1], got " + kappa);
            }
            y.append("kappa: ").append(fmt(kappa)).append('\n');
            regularization(learning.has("regularizer") ? learning.get("regularizer") : root.path("regularization_params"),
                    learning.has("regularizer") ? "learning.regularizer" : "regularization_params", degree);
            split(trainIndices, missingIndices);
            return new Uf3Settings(y.toString(), List.copyOf(notes));
        }

        private List<String> elements() {
            JsonNode el = root.has("elements") ? root.get("elements") : root.get("element_list");
            String key = root.has("elements") ? "elements" : "element_list";
            List<String> out = new ArrayList<>();
            if (el == null || el.isNull()) {
                throw error("elements", "missing: give the elements, e.g. elements: [W]");
            }
            if (el.isTextual()) {
                out.add(el.asText());
            } else if (el.isArray()) {
                el.forEach(e -> out.add(e.asText()));
            } else {
                throw error(key, "expected an element or a list of elements");
            }
            for (int i = 0; i < out.size(); i++) {
                if (!Elements.isElement(out.get(i))) {
                    throw error(key + (el.isArray() ? "[" + i + "]" : ""), "'" + out.get(i) + "' is not a chemical element");
                }
            }
            if (out.isEmpty()) {
                throw error(key, "is empty: give the elements, e.g. elements: [W]");
            }
            out.sort(Elements.BY_ATOMIC_NUMBER);
            return out;
        }

        private void data() {
            JsonNode path = root.path("data").path("sources").path("path");
            List<String> paths = new ArrayList<>();
            if (path.isTextual()) {
                paths.add(path.asText());
            } else if (path.isArray()) {
                path.forEach(p -> paths.add(p.asText()));
            }
            if (paths.isEmpty()) {
                throw error("data.sources.path", "missing: give the training data file(s) (extended XYZ); uf3's search of "
                        + "the working directory is not carried over");
            }
            notes.add("data.sources.path: resolved against the settings file's directory (uf3 resolves it against the "
                    + "working directory)");
            JsonNode keys = root.path("data").path("keys");
            y.append("data:\n");
            for (String p : paths) {
                Path abs = base.resolve(p).normalize();
                String shown = outputDir == null ? abs.toString() : outputDir.relativize(abs).toString();
                y.append("  - path: ").append(scalar(shown)).append('\n');
                String ek = keys.path("energy_key").asText("energy");
                if (!ek.equals("energy") && !ek.equals("Energy")) {
                    y.append("    energy_key: ").append(scalar(ek)).append('\n');
                }
                String fk = keys.path("force_key").asText("forces");
                if (!fk.equals("forces") && !fk.equals("force")) {
                    y.append("    forces_key: ").append(scalar(fk)).append('\n');
                }
            }
        }

        private void pairs(List<String> elements, JsonNode rMin, JsonNode rMax, JsonNode res) {
            Map<String, double[]> knots = new LinkedHashMap<>();
            for (int a = 0; a < elements.size(); a++) {
                for (int b = a; b < elements.size(); b++) {
                    String key = elements.get(a) + "-" + elements.get(b);
                    String alt = elements.get(b) + "-" + elements.get(a);
                    knots.put(key, new double[] {pairValue(rMin, "r_min", key, alt, 0.0),
                        pairValue(rMax, "r_max", key, alt, 5.5), pairValue(res, "resolution", key, alt, 15)});
                }
            }
            double[] d = knots.values().iterator().next();
            StringBuilder over = new StringBuilder();
            knots.forEach((k, v) -> {
                if (v[0] != d[0] || v[1] != d[1] || v[2] != d[2]) {
                    over.append("    ").append(k).append(": {r_min: ").append(fmt(v[0])).append(", r_max: ").append(fmt(v[1]))
                            .append(", resolution: ").append((int) v[2]).append("}\n");
                }
            });
            y.append("two_body:\n  r_min: ").append(fmt(d[0])).append("\n  r_max: ").append(fmt(d[1]))
                    .append("\n  resolution: ").append((int) d[2]).append('\n');
            if (over.length() > 0) {
                y.append("  pairs:\n").append(over);
            }
        }

        private double pairValue(JsonNode n, String what, String key, String alt, double uf3Default) {
            if (n == null || n.isMissingNode() || n.isNull()) {
                notes.add("basis." + what + ": not given; uf3's default " + fmt(uf3Default) + " used for " + key);
                return uf3Default;
            }
            if (n.isNumber() || n.isTextual() && !n.asText().contains("-")) {
                return number(n, "basis." + what);
            }
            JsonNode v = n.has(key) ? n.get(key) : n.get(alt);
            if (v == null) {
                throw error("basis." + what + "." + key, "missing: uf3 leaves a pair without settings out of the model; "
                        + "UF3-J fits every pair of the elements");
            }
            return number(v, "basis." + what + "." + key);
        }

        private void triplets(List<String> elements, JsonNode rMin, JsonNode rMax, JsonNode res) {
            Map<String, double[]> knots = new LinkedHashMap<>();
            List<String> excluded = new ArrayList<>();
            boolean jkMinNoted = false;
            for (String c : elements) {
                for (int a = 0; a < elements.size(); a++) {
                    for (int b = a; b < elements.size(); b++) {
                        String key = c + "-" + elements.get(a) + "-" + elements.get(b);
                        String alt = c + "-" + elements.get(b) + "-" + elements.get(a);
                        double[] lo = legs(rMin, "r_min", key, alt, 0.0, false);
                        double[] hi = legs(rMax, "r_max", key, alt, 5.5, true);
                        double[] rs = legs(res, "resolution", key, alt, 15, true);
                        if (lo == null || hi == null || rs == null) {
                            excluded.add(key);
                            continue;
                        }
                        for (double[] v : List.of(lo, hi, rs)) {
                            if (v[0] != v[1]) {
                                throw error("basis", key + ": the ij and ik legs differ (" + fmt(v[0]) + ", " + fmt(v[1])
                                        + "); UF3-J gives both the same knots");
                            }
                        }
                        if (Math.abs(hi[2] - 2 * hi[0]) > 1e-9) {
                            throw error("basis.r_max." + key, "the jk leg ends at " + fmt(hi[2]) + " Å; UF3-J (and LAMMPS' "
                                    + ".uf3 format) needs twice the ij leg, " + fmt(2 * hi[0]) + " Å");
                        }
                        if (lo[2] != lo[0] && !jkMinNoted) {
                            notes.add("basis.r_min: the jk leg of " + key + " starts at " + fmt(lo[2]) + " Å in uf3; UF3-J "
                                    + "starts all three legs at r_min " + fmt(lo[0]) + " Å");
                            jkMinNoted = true;
                        }
                        knots.put(key, new double[] {lo[0], hi[0], rs[0], rs[2]});
                    }
                }
            }
            if (knots.isEmpty()) {
                throw error("basis", "degree 3 but no 3-body term has settings");
            }
            double[] d = knots.values().iterator().next();
            y.append("three_body:\n  r_min: ").append(fmt(d[0])).append("\n  r_max: ").append(fmt(d[1]))
                    .append("\n  resolution: ").append((int) d[2]).append("\n  resolution_jk: ").append((int) d[3]).append('\n');
            StringBuilder over = new StringBuilder();
            knots.forEach((k, v) -> {
                if (v[0] != d[0] || v[1] != d[1] || v[2] != d[2] || v[3] != d[3]) {
                    over.append("    ").append(k).append(": {r_min: ").append(fmt(v[0])).append(", r_max: ").append(fmt(v[1]))
                            .append(", resolution: ").append((int) v[2]).append(", resolution_jk: ").append((int) v[3])
                            .append("}\n");
                }
            });
            if (over.length() > 0) {
                y.append("  triplets:\n").append(over);
            }
            if (!excluded.isEmpty()) {
                y.append("  exclude: [");
                for (int i = 0; i < excluded.size(); i++) {
                    y.append(i == 0 ? "" : ", ").append('[').append(excluded.get(i).replace("-", ", ")).append(']');
                }
                y.append("]\n");
                notes.add("basis: 3-body terms without settings (" + String.join(", ", excluded) + ") are left out, as uf3 "
                        + "leaves them out");
            }
        }

        /** The three legs of a trio's setting; null when a map leaves the trio out. */
        private double[] legs(JsonNode n, String what, String key, String alt, double uf3Default, boolean scaleJk) {
            if (n == null || n.isMissingNode() || n.isNull()) {
                return new double[] {uf3Default, uf3Default, 2 * uf3Default};
            }
            if (n.isNumber()) {
                double v = number(n, "basis." + what);
                return new double[] {v, v, 2 * v}; // uf3 expands a number to [v, v, 2v] for every trio
            }
            JsonNode v = n.has(key) ? n.get(key) : n.get(alt);
            if (v == null) {
                return null;
            }
            if (!v.isArray() || v.size() != 3) {
                throw error("basis." + what + "." + key, "expected three legs [ij, ik, jk], found " + v);
            }
            return new double[] {number(v.get(0), "basis." + what + "." + key + "[0]"),
                number(v.get(1), "basis." + what + "." + key + "[1]"), number(v.get(2), "basis." + what + "." + key + "[2]")};
        }

        private void trims(JsonNode basis, int degree) {
            int[] lead = trim(basis.get("leading_trim"), "basis.leading_trim", 0);
            int[] trail = trim(basis.get("trailing_trim"), "basis.trailing_trim", 3);
            if (lead[0] != 0) {
                notes.add("basis.leading_trim: " + lead[0] + " for 2-body terms has no UF3-J counterpart (no leading trim; "
                        + "those coefficients are fitted)");
            }
            if (degree == 3 && lead[1] != 0) {
                notes.add("basis.leading_trim: " + lead[1] + " for 3-body terms has no UF3-J counterpart (no leading trim; "
                        + "those coefficients are fitted)");
            }
            if (trail[0] != 3 || degree == 3 && trail[1] != 3) {
                notes.add("basis.trailing_trim: UF3-J always freezes the last 3 coefficients (uf3: " + trail[0]
                        + (degree == 3 ? " for 2-body, " + trail[1] + " for 3-body" : "") + ")");
            }
        }

        /** {2-body, 3-body} trim from a number or a map {2: n, 3: m}. */
        private int[] trim(JsonNode n, String key, int uf3Default) {
            if (n == null || n.isNull()) {
                return new int[] {uf3Default, uf3Default};
            }
            if (n.isObject()) {
                return new int[] {n.has("2") ? integer(n.get("2"), key + ".2") : uf3Default,
                    n.has("3") ? integer(n.get("3"), key + ".3") : uf3Default};
            }
            int v = integer(n, key);
            return new int[] {v, v};
        }

        private void regularization(JsonNode reg, String key, int degree) {
            Map<String, Double> v = new LinkedHashMap<>();
            for (String k : List.of("ridge_1b", "ridge_2b", "curvature_2b", "ridge_3b", "curvature_3b")) {
                String alt = k.replace("curvature", "curve");
                JsonNode n = reg.has(k) ? reg.get(k) : reg.get(alt);
                v.put(k, n == null || n.isNull() ? UF3_REGULARIZER.get(k) : number(n, key + "." + (reg.has(k) ? k : alt)));
                if (v.get(k) < 0) {
                    throw error(key + "." + k, "must be >= 0, got " + fmt(v.get(k)));
                }
            }
            if (v.get("ridge_1b") > 0) {
                notes.add(key + ".ridge_1b " + fmt(v.get("ridge_1b")) + ": not carried over (UF3-J does not regularise "
                        + "one-body energies)");
            }
            if (degree == 3 && v.get("curvature_3b") > 0) {
                notes.add(key + ".curvature_3b: same λ, but uf3's 3-body operator is the squared 6-neighbour Laplacian and "
                        + "UF3-J's the per-axis second differences (docs/from-uf3.md)");
            }
            y.append("regularization: {curvature_2b: ").append(fmt(v.get("curvature_2b"))).append(", ridge_2b: ")
                    .append(fmt(v.get("ridge_2b")));
            if (degree == 3) {
                y.append(", curvature_3b: ").append(fmt(v.get("curvature_3b"))).append(", ridge_3b: ")
                        .append(fmt(v.get("ridge_3b")));
            }
            y.append("}\n");
        }

        private void split(Path trainIndices, String missingIndices) {
            if (trainIndices == null) {
                notes.add("split: uf3 takes its training and test sets from separate data files; UF3-J holds out 20 % of "
                        + "every config_type (give --train-indices FILE for an index file)");
                return;
            }
            Path abs = trainIndices.toAbsolutePath().normalize();
            String shown = outputDir == null ? abs.toString() : outputDir.relativize(abs).toString();
            y.append("split: {train_indices: ").append(scalar(shown)).append(", missing_indices: ")
                    .append(missingIndices == null ? "error" : missingIndices).append("}\n");
        }

        private JsonNode first(JsonNode basis, String k1, String k2, JsonNode top, String k3) {
            if (basis.has(k1) && !basis.get(k1).isNull()) {
                return basis.get(k1);
            }
            if (basis.has(k2) && !basis.get(k2).isNull()) {
                return basis.get(k2);
            }
            return top.has(k3) ? top.get(k3) : null;
        }

        private double number(JsonNode n, String key) {
            if (n.isNumber()) {
                return n.asDouble();
            }
            try {
                return Double.parseDouble(n.asText().trim());
            } catch (NumberFormatException e) {
                throw error(key, "expected a number, found '" + n.asText() + "'");
            }
        }

        private int integer(JsonNode n, String key) {
            double v = number(n, key);
            if (v != Math.rint(v)) {
                throw error(key, "expected an integer, found " + n.asText());
            }
            return (int) v;
        }
    }

    /** A text value as YAML reads it back: plain when safe, else double-quoted with escapes. */
    static String scalar(String v) {
        if (v.matches("[A-Za-z0-9_./~+][A-Za-z0-9_./~+-]*")) {
            return v;
        }
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A number as YAML and a reader both take it: 5.5, 0.275, 1.0e-08. */
    static String fmt(double v) {
        double a = Math.abs(v);
        if (v == 0 || a >= 1e-3 && a < 1e6) {
            return String.valueOf(v);
        }
        return String.format(Locale.ROOT, "%.6e", v).replaceAll("(\\.\\d*?)0+e", "$1e").replace(".e", ".0e");
    }
}

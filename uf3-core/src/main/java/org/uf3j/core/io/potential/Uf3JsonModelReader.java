package org.uf3j.core.io.potential;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.json.JsonFields;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

/**
 * Reads a model written by the uf3 Python package ({@code WeightedLinearModel.to_json}):
 * {@code coefficients} maps "El" to the one-body energy, "A-B" to the pair coefficients and
 * "C-A-B" (centre C, neighbours A on leg ij and B on leg ik) to the 3-body coefficients as a
 * nested L×M×N list [ij][ik][jk]; {@code knots} maps "A-B" to a knot vector and "C-A-B" to the
 * list [ij, ik, jk] of knot vectors (one vector: all legs equal; two: [ij = ik, jk]).
 * {@code element_list}, {@code degree}, {@code leading_trim}, {@code trailing_trim} (a number or a
 * map {"2": .., "3": ..}) are read where present; other keys are ignored.
 *
 * <p>Old files that store the coefficients under {@code solution}, with each 3-body term as uf3's
 * compressed fitting vector, are expanded with {@link CompressedTriplet} when the vector length
 * matches exactly one of uf3's layouts for the term's knots and trims (defaults lead 0, trail 3);
 * otherwise a {@link Uf3FormatException} explains how to convert the file with uf3.
 * Neighbours that are not in atomic-number order are transposed (l↔m, ij↔ik knots).
 *
 * <p>Partial 3-body sets: a "C-A-B" grid of zeros (what {@link Uf3JsonModelWriter} writes for a
 * term the model leaves out) is read as a left-out term ({@link Uf3Model#absentTriplets}), and so is
 * a trio missing from {@code coefficients} when the file has other 3-body terms. (The uf3 package
 * itself builds every trio from {@code element_list} and {@code degree} and expects coefficients
 * for each, so it loads the zero grids but not a file with a trio missing.)
 */
public final class Uf3JsonModelReader {
    private final JsonFields f;
    private final JsonNode root;

    private Uf3JsonModelReader(JsonNode root, String name) {
        this.f = new JsonFields(name);
        this.root = root;
    }

    /** Reads a file. */
    public static Uf3Model read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, file.toString());
    }

    /** Parses JSON text; {@code name} appears in error messages. */
    public static Uf3Model parse(String json, String name) {
        return read(JsonFields.parse(json, name), name);
    }

    /** Reads an already parsed document. */
    public static Uf3Model read(JsonNode root, String name) {
        return new Uf3JsonModelReader(root, name).model();
    }

    private Uf3Model model() {
        f.object(root, "(top level)");
        String coeffField = root.has("coefficients") ? "coefficients" : root.has("solution") ? "solution" : null;
        if (coeffField == null) {
            throw f.error("coefficients", "missing; a uf3 model has a 'coefficients' object (or 'solution' in old files)");
        }
        JsonNode coefficients = f.object(root.get(coeffField), coeffField);
        String knotsField = root.has("knots") ? "knots" : "knots_map";
        JsonNode knots = f.object(root.get(knotsField), knotsField);
        int lead = trim("leading_trim", 0);
        int trail = trim("trailing_trim", 3);
        List<String> elementList = root.has("element_list") ? f.elements(root.get("element_list"), "element_list") : null;
        Integer degree = root.has("degree") ? f.integer(root.get("degree"), "degree") : null;
        if (degree != null && degree != 2 && degree != 3) {
            throw f.error("degree", "expected 2 (pair potential) or 3 (with 3-body terms), found " + degree);
        }
        Uf3Model.Builder b = Uf3Model.builder();
        List<String> named = new ArrayList<>();
        int triplets = 0;
        java.util.Set<String> readTriplets = new java.util.HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = coefficients.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String path = coeffField + "." + key;
            String[] el = key.split("-", -1);
            for (String s : el) {
                if (!Elements.isElement(s)) {
                    throw f.error(path, "key '" + key + "' should be an element or element combination such as W, W-W "
                            + "or W-W-W, but '" + s + "' is not an element symbol");
                }
                named.add(s);
            }
            switch (el.length) {
                case 1 -> b.oneBody(el[0], oneBody(e.getValue(), path));
                case 2 -> b.pair(term(path, () -> pair(el, e.getValue(), path, knots, knotsField)));
                case 3 -> {
                    TripletTerm t = term(path, () -> triplet(el, e.getValue(), path, knots, knotsField, lead, trail));
                    if (AbsentTriplets.allZero(t.coefficients())) {
                        b.absentTriplet(el[0], el[1], el[2]);
                    } else {
                        b.triplet(t);
                    }
                    readTriplets.add(Uf3Model.tripletKey(el[0], el[1], el[2]));
                    triplets++;
                }
                default -> throw f.error(path, "key '" + key + "' names " + el.length
                        + " elements; uf3 models have 1-, 2- and 3-body terms only");
            }
        }
        if (degree != null && degree == 3 && triplets == 0) {
            throw f.error("degree", "is 3 but '" + coeffField + "' has no 3-body (A-B-C) terms");
        }
        if (degree != null && degree == 2 && triplets > 0) {
            throw f.error("degree", "is 2 but '" + coeffField + "' has " + triplets + " 3-body terms");
        }
        if (elementList != null) {
            for (String s : named) {
                if (!elementList.contains(s)) {
                    throw f.error(coeffField, "names element " + s + " which is not in element_list " + elementList);
                }
            }
            b.elements(elementList);
        }
        if (triplets > 0) {
            // a trio without coefficients is left out (uf3 itself would fail to load such a file)
            List<String> els = elementList != null ? elementList : Elements.sorted(named);
            for (String c : els) {
                for (int i = 0; i < els.size(); i++) {
                    for (int j = i; j < els.size(); j++) {
                        if (!readTriplets.contains(Uf3Model.tripletKey(c, els.get(i), els.get(j)))) {
                            b.absentTriplet(c, els.get(i), els.get(j));
                        }
                    }
                }
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw Uf3FormatException.inFile(f.file(), "incomplete uf3 model: " + e.getMessage());
        }
    }

    /**
     * Builds a term; what its constructor refuses (e.g. a same-neighbour triplet that is not
     * symmetric in l, m) becomes an error at the term's field.
     */
    private <T> T term(String path, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw f.error(path, e.getMessage());
        }
    }

    /** A trim for the 3-body terms from a number or a {"2": .., "3": ..} map, or the default. */
    private int trim(String field, int fallback) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (n.isObject()) {
            JsonNode three = n.get("3");
            return three == null ? fallback : f.integer(three, field + ".3");
        }
        return f.integer(n, field);
    }

    private double oneBody(JsonNode v, String path) {
        if (v.isArray() && v.size() == 1) {
            return f.number(v.get(0), path + "[0]");
        }
        return f.number(v, path);
    }

    private PairTerm pair(String[] el, JsonNode v, String path, JsonNode knots, String knotsField) {
        String knotKey = findKnots(knots, el, knotsField);
        KnotSequence ks = f.knots(knots.get(knotKey), knotsField + "." + knotKey);
        double[] c = f.numbers(v, path);
        if (c.length != ks.basisCount()) {
            throw f.error(path, c.length + " coefficients for " + ks.size() + " knots; expected " + ks.basisCount()
                    + " (number of knots − 4)");
        }
        return new PairTerm(el[0], el[1], ks, c);
    }

    private TripletTerm triplet(String[] el, JsonNode v, String path, JsonNode knots, String knotsField, int lead,
                                int trail) {
        String knotKey = findKnots(knots, el, knotsField);
        String kp = knotsField + "." + knotKey;
        JsonNode kn = f.array(knots.get(knotKey), kp);
        KnotSequence ij;
        KnotSequence ik;
        KnotSequence jk;
        if (kn.size() > 0 && kn.get(0).isNumber()) {
            ij = f.knots(kn, kp);
            ik = ij;
            jk = ij;
        } else if (kn.size() == 2) {
            ij = f.knots(kn.get(0), kp + "[0]");
            ik = ij;
            jk = f.knots(kn.get(1), kp + "[1]");
        } else if (kn.size() == 3) {
            ij = f.knots(kn.get(0), kp + "[0]");
            ik = f.knots(kn.get(1), kp + "[1]");
            jk = f.knots(kn.get(2), kp + "[2]");
        } else {
            throw f.error(kp, "expected the knot vectors [ij, ik, jk] (or one or two vectors), found an array of "
                    + kn.size());
        }
        int nl = ij.basisCount();
        int nm = ik.basisCount();
        int nn = jk.basisCount();
        double[] grid;
        JsonNode arr = f.array(v, path);
        if (arr.size() > 0 && arr.get(0).isArray()) {
            grid = nested(arr, path, nl, nm, nn);
        } else {
            grid = flat(f.numbers(arr, path), path, ij, ik, jk, lead, trail);
        }
        if (Elements.atomicNumber(el[1]) <= Elements.atomicNumber(el[2])) {
            return new TripletTerm(el[0], el[1], el[2], ij, ik, jk, grid);
        }
        double[] t = new double[grid.length];
        for (int l = 0; l < nl; l++) {
            for (int m = 0; m < nm; m++) {
                System.arraycopy(grid, (l * nm + m) * nn, t, (m * nl + l) * nn, nn);
            }
        }
        return new TripletTerm(el[0], el[2], el[1], ik, ij, jk, t);
    }

    private double[] nested(JsonNode arr, String path, int nl, int nm, int nn) {
        if (arr.size() != nl) {
            throw f.error(path, "3-body grid has " + arr.size() + " planes along ij, the knots give " + nl
                    + " (expected " + nl + "x" + nm + "x" + nn + ", indexed [ij][ik][jk])");
        }
        double[] grid = new double[nl * nm * nn];
        for (int l = 0; l < nl; l++) {
            JsonNode plane = f.array(arr.get(l), path + "[" + l + "]");
            if (plane.size() != nm) {
                throw f.error(path + "[" + l + "]", "has " + plane.size() + " rows along ik, the knots give " + nm);
            }
            for (int m = 0; m < nm; m++) {
                String p = path + "[" + l + "][" + m + "]";
                double[] row = f.numbers(plane.get(m), p);
                if (row.length != nn) {
                    throw f.error(p, "has " + row.length + " values along jk, the knots give " + nn);
                }
                System.arraycopy(row, 0, grid, (l * nm + m) * nn, nn);
            }
        }
        return grid;
    }

    private double[] flat(double[] v, String path, KnotSequence ij, KnotSequence ik, KnotSequence jk, int lead,
                          int trail) {
        int full = ij.basisCount() * ik.basisCount() * jk.basisCount();
        if (v.length == full) {
            return v;
        }
        StringBuilder tried = new StringBuilder();
        double[] match = null;
        int matches = 0;
        for (boolean mirror : ij.equals(ik) ? new boolean[] {true, false} : new boolean[] {false}) {
            int count = CompressedTriplet.keptCount(ij, ik, jk, mirror, lead, trail);
            tried.append(tried.length() == 0 ? "" : ", ").append(count).append(mirror ? " (ij-ik mirror half)"
                    : " (no mirror)");
            if (count == v.length) {
                match = CompressedTriplet.expand(v, ij, ik, jk, mirror, lead, trail);
                matches++;
            }
        }
        if (matches == 1) {
            return match;
        }
        throw f.error(path, "a flat list of " + v.length + " numbers is neither the full " + ij.basisCount() + "x"
                + ik.basisCount() + "x" + jk.basisCount() + " grid (" + full + ") nor uf3's compressed 3-body vector "
                + "for these knots with leading trim " + lead + " and trailing trim " + trail + " (" + tried + " values)"
                + (matches > 1 ? ", it is ambiguous" : "") + ". This is uf3's old 'solution' layout: load the file with "
                + "uf3 (WeightedLinearModel.from_json) and save it again with to_json, which writes the nested "
                + "[ij][ik][jk] grid");
    }

    /** The key under which the knots of an interaction are stored (same order, or neighbours swapped). */
    private String findKnots(JsonNode knots, String[] el, String knotsField) {
        String key = String.join("-", el);
        if (knots.has(key)) {
            return key;
        }
        if (el.length == 2 && knots.has(el[1] + "-" + el[0])) {
            return el[1] + "-" + el[0];
        }
        throw f.error(knotsField + "." + key, "missing; every coefficient entry needs knots under the same key");
    }
}

package org.uf3j.core.io.potential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.io.json.JsonFields;
import org.uf3j.core.io.json.JsonValues;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

/**
 * Reads and writes the project's own versioned JSON model ({@code "format": "uf3j-model",
 * "version": 1}):
 * <pre>
 * { "format": "uf3j-model", "version": 1,
 *   "elements": ["Nb", "W"],                       // ordered by atomic number
 *   "one_body_energies": {"Nb": -10.1, "W": -12.9}, // eV per atom
 *   "pairs": [ {"elements": ["Nb", "W"], "knots": [...], "coefficients": [...]} ],
 *   "triplets": [ {"centre": "W", "elements": ["Nb", "W"],       // leg ij to the first, ik to the second
 *                  "knots": {"ij": [...], "ik": [...], "jk": [...]},
 *                  "shape": [L, M, N], "coefficients": [...]} ],  // flat c[l][m][n], row-major
 *   "absent_triplets": [["W", "Nb", "Nb"]],         // optional: terms left out of a partial 3-body set
 *   "hyperparameters": {...}, "provenance": {...}, "metrics": {...} }
 * </pre>
 * Numbers are written with {@link Double#toString} and parsed by the JDK, so a write/read round
 * trip gives back an equal {@link ProjectModel}, bit for bit. Unknown keys, a wrong format or
 * version, missing or malformed fields throw {@link org.uf3j.core.io.Uf3FormatException} naming the file and the
 * field path (e.g. {@code pairs[1].knots}).
 */
public final class ProjectModelIO {
    /** Value of the "format" field. */
    public static final String FORMAT = "uf3j-model";
    /** The version this class writes and reads. */
    public static final int VERSION = 1;

    private static final Set<String> TOP = Set.of("format", "version", "elements", "one_body_energies", "pairs",
            "triplets", "absent_triplets", "hyperparameters", "provenance", "metrics");
    private static final Set<String> PAIR = Set.of("elements", "knots", "coefficients");
    private static final Set<String> TRIPLET = Set.of("centre", "elements", "knots", "shape", "coefficients");
    private static final Set<String> LEGS = Set.of("ij", "ik", "jk");

    private ProjectModelIO() {
    }

    /** Writes a new file (replacing it). */
    public static void write(ProjectModel pm, Path file) throws IOException {
        Files.writeString(file, toJson(pm), StandardCharsets.UTF_8);
    }

    /** The JSON text. */
    public static String toJson(ProjectModel pm) {
        try {
            return JsonFields.mapper().writer(JsonFields.printer()).writeValueAsString(toTree(pm)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the model: " + e.getMessage(), e);
        }
    }

    /** The JSON document as a tree. */
    public static ObjectNode toTree(ProjectModel pm) {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        Uf3Model m = pm.model();
        ObjectNode root = nf.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode els = root.putArray("elements");
        m.elements().forEach(els::add);
        ObjectNode e1 = root.putObject("one_body_energies");
        m.oneBodyEnergies().forEach(e1::put);
        ArrayNode pairs = root.putArray("pairs");
        for (PairTerm p : m.pairTerms()) {
            ObjectNode o = pairs.addObject();
            o.putArray("elements").add(p.first()).add(p.second());
            numbers(o.putArray("knots"), p.knots().toArray());
            numbers(o.putArray("coefficients"), p.coefficients());
        }
        ArrayNode triplets = root.putArray("triplets");
        for (TripletTerm t : m.tripletTerms()) {
            ObjectNode o = triplets.addObject();
            o.put("centre", t.centre());
            o.putArray("elements").add(t.first()).add(t.second());
            ObjectNode k = o.putObject("knots");
            numbers(k.putArray("ij"), t.knotsIJ().toArray());
            numbers(k.putArray("ik"), t.knotsIK().toArray());
            numbers(k.putArray("jk"), t.knotsJK().toArray());
            int[] shape = t.shape();
            o.putArray("shape").add(shape[0]).add(shape[1]).add(shape[2]);
            numbers(o.putArray("coefficients"), t.coefficients());
        }
        if (!m.absentTriplets().isEmpty()) {
            ArrayNode absent = root.putArray("absent_triplets");
            for (String key : m.absentTriplets()) {
                ArrayNode a = absent.addArray();
                for (String e : key.split("-")) {
                    a.add(e);
                }
            }
        }
        root.set("hyperparameters", JsonFields.mapper().valueToTree(pm.hyperparameters()));
        root.set("provenance", JsonFields.mapper().valueToTree(pm.provenance()));
        root.set("metrics", JsonFields.mapper().valueToTree(pm.metrics()));
        return root;
    }

    /** Reads a file. */
    public static ProjectModel read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses JSON text; {@code name} appears in error messages. */
    public static ProjectModel parse(String json, String name) {
        return read(JsonFields.parse(json, name), name);
    }

    /** Reads an already parsed document. */
    public static ProjectModel read(JsonNode root, String name) {
        JsonFields f = new JsonFields(name);
        f.object(root, "(top level)");
        onlyKnown(f, root, TOP, "");
        String format = f.text(root.get("format"), "format");
        if (!FORMAT.equals(format)) {
            throw f.error("format", "expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        int version = f.integer(root.get("version"), "version");
        if (version != VERSION) {
            throw f.error("version", "is " + version + "; this build reads version " + VERSION + " only");
        }
        List<String> elements = f.elements(root.get("elements"), "elements");
        if (elements.isEmpty() || !Elements.sorted(elements).equals(elements)) {
            throw f.error("elements", "expected distinct element symbols ordered by atomic number, found " + elements);
        }
        Uf3Model.Builder b = Uf3Model.builder().elements(elements);
        JsonNode e1 = f.object(root.get("one_body_energies"), "one_body_energies");
        for (Iterator<Map.Entry<String, JsonNode>> it = e1.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "one_body_energies." + e.getKey();
            if (!elements.contains(e.getKey())) {
                throw f.error(path, "'" + e.getKey() + "' is not one of the model's elements " + elements);
            }
            b.oneBody(e.getKey(), f.number(e.getValue(), path));
        }
        JsonNode pairs = f.array(root.get("pairs"), "pairs");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pairs.size(); i++) {
            String path = "pairs[" + i + "]";
            JsonNode p = f.object(pairs.get(i), path);
            onlyKnown(f, p, PAIR, path + ".");
            String[] el = elementPair(f, p.get("elements"), path + ".elements", elements);
            if (!seen.add(Uf3Model.pairKey(el[0], el[1]))) {
                throw f.error(path + ".elements", "pair " + el[0] + "-" + el[1] + " appears twice");
            }
            KnotSequence ks = f.knots(p.get("knots"), path + ".knots");
            double[] c = f.numbers(p.get("coefficients"), path + ".coefficients");
            if (c.length != ks.basisCount()) {
                throw f.error(path + ".coefficients", c.length + " coefficients for " + ks.size() + " knots; expected "
                        + ks.basisCount());
            }
            b.pair(new PairTerm(el[0], el[1], ks, c));
        }
        JsonNode triplets = f.array(root.get("triplets"), "triplets");
        for (int i = 0; i < triplets.size(); i++) {
            b.triplet(triplet(f, f.object(triplets.get(i), "triplets[" + i + "]"), "triplets[" + i + "]", elements, seen));
        }
        JsonNode absent = root.get("absent_triplets");
        if (absent != null) {
            f.array(absent, "absent_triplets");
            for (int i = 0; i < absent.size(); i++) {
                String path = "absent_triplets[" + i + "]";
                List<String> el = f.elements(absent.get(i), path);
                if (el.size() != 3) {
                    throw f.error(path, "expected [centre, neighbour, neighbour], found " + el.size() + " element symbols");
                }
                for (String s : el) {
                    if (!elements.contains(s)) {
                        throw f.error(path, s + " is not one of the model's elements " + elements);
                    }
                }
                String key = Uf3Model.tripletKey(el.get(0), el.get(1), el.get(2));
                if (!seen.add("3B " + key)) {
                    throw f.error(path, "triplet " + key + " appears twice (as a term or as absent)");
                }
                b.absentTriplet(el.get(0), el.get(1), el.get(2));
            }
        }
        Uf3Model model;
        try {
            model = b.build();
        } catch (IllegalArgumentException e) {
            throw f.error(triplets.size() > 0 && e.getMessage().contains("3-body") ? "triplets" : "pairs",
                    "incomplete model: " + e.getMessage());
        }
        return new ProjectModel(model, freeForm(f, root, "hyperparameters"), freeForm(f, root, "provenance"),
                freeForm(f, root, "metrics"));
    }

    private static TripletTerm triplet(JsonFields f, JsonNode t, String path, List<String> elements, Set<String> seen) {
        onlyKnown(f, t, TRIPLET, path + ".");
        String centre = f.element(t.get("centre"), path + ".centre");
        if (!elements.contains(centre)) {
            throw f.error(path + ".centre", centre + " is not one of the model's elements " + elements);
        }
        String[] el = elementPair(f, t.get("elements"), path + ".elements", elements);
        if (Elements.atomicNumber(el[0]) > Elements.atomicNumber(el[1])) {
            throw f.error(path + ".elements", "neighbour elements must be ordered by atomic number, found " + el[0] + ", "
                    + el[1]);
        }
        if (!seen.add("3B " + Uf3Model.tripletKey(centre, el[0], el[1]))) {
            throw f.error(path, "triplet " + centre + "-" + el[0] + "-" + el[1] + " appears twice");
        }
        JsonNode k = f.object(t.get("knots"), path + ".knots");
        onlyKnown(f, k, LEGS, path + ".knots.");
        KnotSequence ij = f.knots(k.get("ij"), path + ".knots.ij");
        KnotSequence ik = f.knots(k.get("ik"), path + ".knots.ik");
        KnotSequence jk = f.knots(k.get("jk"), path + ".knots.jk");
        JsonNode shapeNode = f.array(t.get("shape"), path + ".shape");
        int[] expected = {ij.basisCount(), ik.basisCount(), jk.basisCount()};
        if (shapeNode.size() != 3) {
            throw f.error(path + ".shape", "expected [L, M, N], found " + shapeNode.size() + " values");
        }
        for (int d = 0; d < 3; d++) {
            int v = f.integer(shapeNode.get(d), path + ".shape[" + d + "]");
            if (v != expected[d]) {
                throw f.error(path + ".shape", "is " + shapeNode + " but the knots give [" + expected[0] + ", "
                        + expected[1] + ", " + expected[2] + "] (number of knots − 4 along ij, ik, jk)");
            }
        }
        double[] c = f.numbers(t.get("coefficients"), path + ".coefficients");
        int count = expected[0] * expected[1] * expected[2];
        if (c.length != count) {
            throw f.error(path + ".coefficients", "has " + c.length + " values, shape " + shapeNode + " needs " + count);
        }
        return new TripletTerm(centre, el[0], el[1], ij, ik, jk, c);
    }

    private static String[] elementPair(JsonFields f, JsonNode node, String path, List<String> elements) {
        List<String> el = f.elements(node, path);
        if (el.size() != 2) {
            throw f.error(path, "expected two element symbols, found " + el.size());
        }
        for (String s : el) {
            if (!elements.contains(s)) {
                throw f.error(path, s + " is not one of the model's elements " + elements);
            }
        }
        return new String[] {el.get(0), el.get(1)};
    }

    private static Map<String, Object> freeForm(JsonFields f, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null) {
            return new LinkedHashMap<>();
        }
        f.object(n, field);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) JsonValues.fromJson(n);
        return m;
    }

    private static void onlyKnown(JsonFields f, JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw f.error(prefix + k, "unknown field; expected only " + new java.util.TreeSet<>(known));
            }
        }
    }

    private static void numbers(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }
}

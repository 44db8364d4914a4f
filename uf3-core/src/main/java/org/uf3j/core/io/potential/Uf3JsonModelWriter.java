package org.uf3j.core.io.potential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.io.json.JsonFields;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

/**
 * Writes a {@link Uf3Model} in the JSON layout of the uf3 Python package ({@code to_json}), so
 * that {@code WeightedLinearModel.from_json} loads it: {@code coefficients} (one-body energy per
 * element, pair lists under "A-B", 3-body nested [ij][ik][jk] grids under "C-A-B"), {@code knots}
 * and {@code knots_map} ("C-A-B" → [ij, ik, jk]), {@code knot_strategy} "linear" (uf3 uses the
 * explicit knots, the strategy only has to be valid), {@code offset_1b} (true when some one-body
 * energy is non-zero), {@code leading_trim} 0,
 * {@code trailing_trim} 3, {@code element_list} and {@code degree}. Keys list elements by atomic
 * number, as current uf3 does. Numbers are written with {@link Double#toString} (exact round trip).
 * uf3 drops, when loading, the 3-body coefficients of basis triples that cannot form a triangle
 * (they never contribute) and those it treats as trimmed. A triplet term the model leaves out
 * ({@link Uf3Model#absentTriplets}) is written as a grid of zeros on the knots of a sibling term,
 * because uf3 expects coefficients for every trio of {@code element_list}; {@link Uf3JsonModelReader}
 * reads such a grid back as a left-out term.
 */
public final class Uf3JsonModelWriter {
    private Uf3JsonModelWriter() {
    }

    /** Writes the model to a new file (replacing it). */
    public static void write(Uf3Model model, Path file) throws IOException {
        Files.writeString(file, toJson(model), StandardCharsets.UTF_8);
    }

    /** The JSON text. */
    public static String toJson(Uf3Model model) {
        try {
            return JsonFields.mapper().writer(JsonFields.printer()).writeValueAsString(toTree(model)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the model: " + e.getMessage(), e);
        }
    }

    /** The JSON document as a tree. */
    public static ObjectNode toTree(Uf3Model model) {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        ObjectNode root = nf.objectNode();
        ObjectNode coefficients = root.putObject("coefficients");
        ObjectNode knots = nf.objectNode();
        for (String el : model.elements()) {
            coefficients.put(el, model.oneBodyEnergy(el));
        }
        for (PairTerm p : model.pairTerms()) {
            String key = p.first() + "-" + p.second();
            numbers(coefficients.putArray(key), p.coefficients());
            numbers(knots.putArray(key), p.knots().toArray());
        }
        for (AbsentTriplets.Block block : AbsentTriplets.blocks(model)) {
            TripletTerm t = block.term();
            String key = t.centre() + "-" + t.first() + "-" + t.second();
            int[] shape = t.shape();
            double[] c = t.coefficients();
            ArrayNode grid = coefficients.putArray(key);
            for (int l = 0; l < shape[0]; l++) {
                ArrayNode plane = grid.addArray();
                for (int m = 0; m < shape[1]; m++) {
                    ArrayNode row = plane.addArray();
                    for (int n = 0; n < shape[2]; n++) {
                        row.add(c[(l * shape[1] + m) * shape[2] + n]);
                    }
                }
            }
            ArrayNode legs = knots.putArray(key);
            for (KnotSequence k : new KnotSequence[] {t.knotsIJ(), t.knotsIK(), t.knotsJK()}) {
                numbers(legs.addArray(), k.toArray());
            }
        }
        root.set("knots", knots);
        root.put("knot_strategy", "linear");
        root.put("offset_1b", model.oneBodyEnergies().values().stream().anyMatch(e -> e != 0.0));
        root.put("leading_trim", 0);
        root.put("trailing_trim", 3);
        root.set("knots_map", knots.deepCopy());
        ArrayNode elements = root.putArray("element_list");
        model.elements().forEach(elements::add);
        root.put("degree", model.bodyOrder());
        return root;
    }

    private static void numbers(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }
}

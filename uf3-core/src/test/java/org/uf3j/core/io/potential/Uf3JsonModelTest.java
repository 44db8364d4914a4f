package org.uf3j.core.io.potential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.testing.RandomModels;
import org.uf3j.core.testing.TestData;

/** The uf3 Python package's JSON models: the five shared examples, exact round trips, neighbour order, errors. */
class Uf3JsonModelTest {
    @TempDir
    Path tmp;

    @Test
    void unaryTungstenModelWithThreeBodyGrid() throws IOException {
        Uf3Model m = Uf3JsonModelReader.read(TestData.file("uf3-models/model_unary.json"));
        assertEquals(List.of("W"), m.elements());
        assertEquals(-6.563708364890993, m.oneBodyEnergy("W"), 0.0);
        PairTerm p = m.pair("W", "W");
        assertEquals(18, p.size());
        assertEquals(5.5, p.cutoff());
        assertEquals(38.40888956898823, p.coefficient(0), 0.0);
        TripletTerm t = m.triplet("W", "W", "W");
        // knots [ij, ik, jk] = 13, 13, 19 knots -> nested grid 9 x 9 x 15, [ij][ik][jk]
        assertArrayEquals(new int[] {9, 9, 15}, t.shape());
        assertEquals(3.5, t.knotsIJ().max());
        assertEquals(3.5, t.knotsIK().max());
        assertEquals(7.0, t.knotsJK().max());
        assertTrue(t.isSymmetric());
        assertEquals(3, m.bodyOrder());
    }

    @Test
    void allFiveSharedModelsLoad() throws IOException {
        Uf3Model two = Uf3JsonModelReader.read(TestData.file("uf3-models/model_2.json"));
        assertEquals(2, two.bodyOrder());
        assertEquals(-8.83675508425807, two.oneBodyEnergy("W"), 0.0);
        Uf3Model twoThree = Uf3JsonModelReader.read(TestData.file("uf3-models/model_2and3.json"));
        assertEquals(3, twoThree.bodyOrder());
        assertArrayEquals(new int[] {9, 9, 15}, twoThree.triplet("W", "W", "W").shape());
        Uf3Model binary = Uf3JsonModelReader.read(TestData.file("uf3-models/model_binary.json"));
        assertEquals(List.of("Ne", "Xe"), binary.elements());
        assertEquals(Map.of("Ne", 0.1, "Xe", 0.2), binary.oneBodyEnergies());
        assertEquals(3, binary.pairTerms().size());
        assertEquals(0.8217033119290309, binary.pair("Xe", "Ne").coefficient(0), 0.0);
        assertEquals(2.5, binary.pair("Ne", "Xe").knots().min());
        Uf3Model manuscript = Uf3JsonModelReader.read(TestData.file("uf3-models/manuscript_uf23.json"));
        assertEquals(-5.1146, manuscript.oneBodyEnergy("W"), 0.0);
        assertEquals(28, manuscript.pair("W", "W").size());
        TripletTerm t = manuscript.triplet("W", "W", "W");
        assertArrayEquals(new int[] {13, 13, 23}, t.shape());
        assertTrue(t.isSymmetric());
        // the first kept value of the compressed vector is c[0][0][0]; the trailing 3 along every axis are 0
        assertEquals(-1.51108e-38, t.coefficient(0, 0, 0), 0.0);
        assertEquals(0.0, t.coefficient(10, 2, 5), 0.0);
        assertEquals(0.0, t.coefficient(2, 3, 20), 0.0);
    }

    @Test
    void randomModelsRoundTripBitForBit() throws IOException {
        for (long seed = 1; seed <= 4; seed++) {
            for (boolean uniform : new boolean[] {true, false}) {
                Uf3Model m = RandomModels.roundTrip(seed, List.of("W", "Nb"), uniform, true);
                Path f = tmp.resolve("m" + seed + uniform + ".json");
                Uf3JsonModelWriter.write(m, f);
                assertEquals(m, Uf3JsonModelReader.read(f));
            }
        }
        Uf3Model shared = Uf3JsonModelReader.read(TestData.file("uf3-models/model_unary.json"));
        assertEquals(shared, Uf3JsonModelReader.parse(Uf3JsonModelWriter.toJson(shared), "again.json"));
    }

    @Test
    void writerUsesUf3LayoutAndKeyOrder() {
        Uf3Model m = RandomModels.roundTrip(9, List.of("W", "Nb"), true, true);
        ObjectNode root = Uf3JsonModelWriter.toTree(m);
        assertEquals(List.of("coefficients", "knots", "knot_strategy", "offset_1b", "leading_trim", "trailing_trim",
                "knots_map", "element_list", "degree"), fieldNames(root));
        assertEquals(List.of("Nb", "W", "Nb-Nb", "Nb-W", "W-W", "Nb-Nb-Nb", "Nb-Nb-W", "Nb-W-W", "W-Nb-Nb", "W-Nb-W",
                "W-W-W"), fieldNames(root.get("coefficients")));
        JsonNode grid = root.get("coefficients").get("W-Nb-W");
        TripletTerm t = m.triplet("W", "Nb", "W");
        assertEquals(t.shape()[0], grid.size());
        assertEquals(t.shape()[1], grid.get(0).size());
        assertEquals(t.shape()[2], grid.get(0).get(0).size());
        assertEquals(t.coefficient(2, 1, 3), grid.get(2).get(1).get(3).doubleValue(), 0.0);
        assertEquals(t.knotsIK().size(), root.get("knots").get("W-Nb-W").get(1).size());
        assertEquals(3, root.get("degree").intValue());
    }

    @Test
    void neighboursInTheOtherOrderAreTransposed() {
        Uf3Model m = RandomModels.roundTrip(12, List.of("Nb", "W"), true, true);
        ObjectNode root = Uf3JsonModelWriter.toTree(m);
        // rewrite W-Nb-W as W-W-Nb: knots [ik, ij, jk] and grid[m][l][n]
        TripletTerm t = m.triplet("W", "Nb", "W");
        ObjectNode coefficients = (ObjectNode) root.get("coefficients");
        ObjectNode knots = (ObjectNode) root.get("knots");
        coefficients.remove("W-Nb-W");
        ArrayNode grid = coefficients.putArray("W-W-Nb");
        int[] s = t.shape();
        for (int a = 0; a < s[1]; a++) {
            ArrayNode plane = grid.addArray();
            for (int b = 0; b < s[0]; b++) {
                ArrayNode row = plane.addArray();
                for (int n = 0; n < s[2]; n++) {
                    row.add(t.coefficient(b, a, n));
                }
            }
        }
        JsonNode legs = knots.remove("W-Nb-W");
        knots.putArray("W-W-Nb").add(legs.get(1)).add(legs.get(0)).add(legs.get(2));
        root.remove("knots_map");
        assertEquals(m, Uf3JsonModelReader.read(root, "swapped.json"));
    }

    @Test
    void malformedModelsNameTheField() {
        String base = "{\"coefficients\": {\"W\": -1.0, \"W-W\": [1, 2, 3, 0, 0, 0, 0, 0]}, "
                + "\"knots\": {\"W-W\": [1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 6]}, \"element_list\": [\"W\"], \"degree\": 2}";
        Uf3Model ok = Uf3JsonModelReader.parse(base, "m.json");
        assertEquals(8, ok.pair("W", "W").size());
        assertField(base.replace("[1, 2, 3, 0", "[1, NaN, 3, 0"), "coefficients.W-W[1]", "finite");
        assertField(base.replace("[1, 2, 3, 0", "[1, \"2\", 3, 0"), "coefficients.W-W[1]", "expected a number");
        assertField(base.replace(", 0, 0]}", "]}"), "coefficients.W-W", "6 coefficients for 12 knots");
        assertField(base.replace("\"knots\": {\"W-W\"", "\"knots\": {\"W-X\""), "knots.W-W", "missing");
        assertField(base.replace("[1, 1, 1, 1, 2", "[1, 1, 1, 2, 2"), "knots.W-W", "not clamped");
        assertField(base.replace("\"W-W\": [1, 2", "\"W-Q\": [1, 2"), "coefficients.W-Q", "'Q'");
        assertField(base.replace("\"degree\": 2", "\"degree\": 3"), "degree", "no 3-body");
        Uf3FormatException syntax = assertThrows(Uf3FormatException.class,
                () -> Uf3JsonModelReader.parse("{\n\"coefficients\": {,\n}", "bad.json"));
        assertTrue(syntax.getMessage().startsWith("bad.json:2:"), syntax.getMessage());
        assertField("{\"knots\": {}}", "coefficients", "missing");
    }

    @Test
    void compressedVectorThatMatchesNoLayoutExplainsTheOldFormat() {
        String knots = "[1, 1, 1, 1, 1.5, 2, 2.5, 3, 3, 3, 3]";
        String jk = "[1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 6]";
        StringBuilder vec = new StringBuilder("[0.5");
        for (int i = 1; i < 17; i++) {
            vec.append(", ").append(i);
        }
        vec.append(']');
        String json = "{\"solution\": {\"W\": -1.0, \"W-W\": [1, 2, 3, 0, 0, 0, 0, 0], \"W-W-W\": " + vec + "}, "
                + "\"knots\": {\"W-W\": " + jk + ", \"W-W-W\": [" + knots + ", " + knots + ", " + jk + "]}}";
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> Uf3JsonModelReader.parse(json, "old.json"));
        assertTrue(e.getMessage().contains("solution.W-W-W") && e.getMessage().contains("old 'solution' layout")
                && e.getMessage().contains("to_json"), e.getMessage());
    }

    private static void assertField(String json, String field, String fragment) {
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> Uf3JsonModelReader.parse(json, "m.json"));
        assertTrue(e.getMessage().startsWith("m.json: field '" + field + "'"), "expected field " + field + ": "
                + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in " + e.getMessage());
        assertEquals(field, e.field());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}

package org.uf3j.core.io.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.testing.RandomModels;

/** The project's versioned JSON model: exact round trips and field-path errors. */
class ProjectModelIOTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripIsExact() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            for (boolean uniform : new boolean[] {true, false}) {
                ProjectModel pm = RandomModels.project(seed, uniform);
                Path f = tmp.resolve("p" + seed + uniform + ".json");
                ProjectModelIO.write(pm, f);
                ProjectModel back = ProjectModelIO.read(f);
                assertEquals(pm, back);
                assertEquals(List.of(0.125, 0.152), back.metrics().get("force_rmse"));
                assertEquals(9691L, ((Map<?, ?>) ((List<?>) back.provenance().get("files")).get(0)).get("frames"));
            }
        }
        ProjectModel bare = ProjectModel.of(Uf3Model.builder().pair(RandomModels.roundTrip(2, List.of("W"), true, false)
                .pair("W", "W")).build());
        assertEquals(bare, ProjectModelIO.parse(ProjectModelIO.toJson(bare), "bare.json"));
    }

    @Test
    void documentLayout() {
        ObjectNode root = ProjectModelIO.toTree(RandomModels.project(1, true));
        assertEquals("uf3j-model", root.get("format").textValue());
        assertEquals(1, root.get("version").intValue());
        assertEquals("[\"Nb\",\"W\"]", root.get("elements").toString());
        assertEquals(3, root.get("pairs").size());
        assertEquals(6, root.get("triplets").size());
        ObjectNode t = (ObjectNode) root.get("triplets").get(4);
        assertEquals("W", t.get("centre").textValue());
        assertEquals("[\"Nb\",\"W\"]", t.get("elements").toString());
        int count = t.get("shape").get(0).intValue() * t.get("shape").get(1).intValue() * t.get("shape").get(2).intValue();
        assertEquals(count, t.get("coefficients").size());
        String text = ProjectModelIO.toJson(RandomModels.project(1, true));
        assertTrue(text.startsWith("{\n  \"format\" : \"uf3j-model\",\n  \"version\" : 1,"), text.substring(0, 60));
    }

    @Test
    void errorsNameTheFieldPath() {
        assertError(r -> r.put("extra", 1), "extra", "unknown field");
        assertError(r -> r.put("version", 2), "version", "version 1 only");
        assertError(r -> r.put("format", "something-else"), "format", "uf3j-model");
        assertError(r -> r.remove("format"), "format", "missing");
        assertError(r -> ((ObjectNode) r.get("pairs").get(1)).remove("knots"), "pairs[1].knots", "missing");
        assertError(r -> ((ObjectNode) r.get("pairs").get(1)).put("knot", 1), "pairs[1].knot", "unknown field");
        assertError(r -> ((ArrayNode) r.get("pairs").get(0).get("coefficients")).add(1.0), "pairs[0].coefficients",
                "expected");
        assertError(r -> ((ArrayNode) r.get("pairs").get(2).get("knots")).set(5, r.numberNode(-1.0)),
                "pairs[2].knots", "non-decreasing");
        assertError(r -> ((ArrayNode) r.get("triplets").get(3).get("shape")).set(0, r.numberNode(2)),
                "triplets[3].shape", "knots give");
        assertError(r -> ((ArrayNode) r.get("triplets").get(3).get("coefficients")).remove(0),
                "triplets[3].coefficients", "needs");
        assertError(r -> ((ObjectNode) r.get("triplets").get(0).get("knots")).remove("jk"), "triplets[0].knots.jk",
                "missing");
        assertError(r -> ((ObjectNode) r.get("triplets").get(0)).put("centre", "Fe"), "triplets[0].centre",
                "not one of the model's elements");
        assertError(r -> ((ArrayNode) r.get("triplets")).remove(5), "triplets", "no 3-body term for W-W-W");
        assertError(r -> ((ObjectNode) r.get("one_body_energies")).put("W", "low"), "one_body_energies.W",
                "expected a number");
        assertError(r -> r.put("metrics", 3), "metrics", "expected a JSON object");
        assertError(r -> ((ArrayNode) r.get("elements")).insert(0, "W"), "elements", "ordered by atomic number");
    }

    private static void assertError(Consumer<ObjectNode> change, String field, String fragment) {
        ObjectNode root = ProjectModelIO.toTree(RandomModels.project(5, true));
        change.accept(root);
        String text = root.toPrettyString();
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> ProjectModelIO.parse(text, "p.json"));
        assertTrue(e.getMessage().startsWith("p.json: field '" + field + "'"), "expected field " + field + ": "
                + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in " + e.getMessage());
    }
}

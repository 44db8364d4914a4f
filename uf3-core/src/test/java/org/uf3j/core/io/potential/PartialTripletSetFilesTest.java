package org.uf3j.core.io.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.json.JsonFields;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.testing.RandomModels;

/**
 * Partial 3-body sets in every potential file: the .uf3 and uf3 JSON files hold a zero block (on a
 * sibling's knots) for each left-out term, read back as left out; the project JSON lists them.
 */
class PartialTripletSetFilesTest {
    private static final Uf3FileWriter WRITER = Uf3FileWriter.create().withDate("2026-01-01 00:00:00");

    /** W-Nb with W-Nb-Nb (centre W) and Nb-Nb-W left out; no one-body energies (.uf3 has none). */
    private static Uf3Model partial(boolean uniform) {
        Uf3Model full = RandomModels.roundTrip(7, List.of("W", "Nb"), uniform, false);
        return RandomModels.withoutTriplets(full, false, "W-Nb-Nb", "Nb-Nb-W");
    }

    @Test
    void uf3FileHasAZeroBlockOnSiblingKnotsPerLeftOutTermAndReadsBackEqual() {
        for (boolean uniform : new boolean[] {true, false}) {
            Uf3Model m = partial(uniform);
            assertEquals(List.of("Nb-Nb-W", "W-Nb-Nb"), m.absentTriplets());
            assertEquals(4, m.tripletTerms().size());
            String text = WRITER.toText(m);
            List<String> blocks = text.lines().filter(l -> l.startsWith("3B ")).toList();
            assertEquals(6, blocks.size(), "a block for every triplet, as LAMMPS' official style needs: " + blocks);
            assertTrue(text.contains("# 3-body W-Nb-Nb is left out of this potential: zero coefficients"), text);
            // the stand-in of W-Nb-Nb takes the knots of W's term with the smallest ij cutoff, ij knots on both legs
            List<String> lines = text.lines().toList();
            int at = lines.indexOf(blocks.stream().filter(b -> b.startsWith("3B W Nb Nb ")).findFirst().orElseThrow());
            TripletTerm sibling = m.triplet("W", "Nb", "W").knotsIJ().max() <= m.triplet("W", "W", "W").knotsIJ().max()
                    ? m.triplet("W", "Nb", "W") : m.triplet("W", "W", "W");
            String[] cut = lines.get(at + 1).split(" ");
            assertEquals(2 * sibling.knotsIJ().max(), Double.parseDouble(cut[0]), 0.0);
            assertEquals(sibling.knotsIJ().max(), Double.parseDouble(cut[1]), 0.0);
            assertEquals(sibling.knotsIJ().max(), Double.parseDouble(cut[2]), 0.0);
            assertEquals(lines.get(at + 3), lines.get(at + 4), "ik knots = ij knots");
            int[] shape = java.util.Arrays.stream(lines.get(at + 5).split(" ")).mapToInt(Integer::parseInt).toArray();
            for (int r = 0; r < shape[0] * shape[1]; r++) {
                assertTrue(lines.get(at + 6 + r).matches("0\\.0( 0\\.0)*"), lines.get(at + 6 + r));
            }
            Uf3Model back = Uf3FileReader.parse(text, "partial.uf3");
            assertEquals(m, back);
            assertNull(back.triplet("W", "Nb", "Nb"));
            assertTrue(back.isTripletAbsent("Nb", "W", "Nb"));
            assertEquals(text, WRITER.toText(back), "written again, the same file");
        }
    }

    @Test
    void uf3FileWithOnlyZeroTripletBlocksIsAPairPotential() {
        Uf3Model full = RandomModels.roundTrip(3, List.of("W"), true, false);
        Uf3Model zeros = RandomModels.withoutTriplets(full, true, "W-W-W");
        Uf3Model read = Uf3FileReader.parse(WRITER.toText(zeros), "zeros.uf3");
        assertEquals(2, read.bodyOrder());
        assertEquals(full.pairTerms(), read.pairTerms());
        assertTrue(read.absentTriplets().isEmpty());
    }

    @Test
    void uf3JsonHasEveryTrioAndReadsLeftOutTermsBack() {
        Uf3Model m = partial(true);
        ObjectNode tree = Uf3JsonModelWriter.toTree(m);
        JsonNode grid = tree.get("coefficients").get("W-Nb-Nb");
        assertTrue(grid.isArray() && grid.size() > 0, "uf3 needs coefficients for every trio");
        for (JsonNode plane : grid) {
            for (JsonNode row : plane) {
                for (JsonNode v : row) {
                    assertEquals(0.0, v.doubleValue(), 0.0);
                }
            }
        }
        assertEquals(3, tree.get("knots").get("W-Nb-Nb").size());
        assertEquals(m, Uf3JsonModelReader.parse(Uf3JsonModelWriter.toJson(m), "partial.json"));
        // a trio missing from the file (as written by a uf3 whose interaction map was cut down) is left out too
        ((ObjectNode) tree.get("coefficients")).remove("Nb-Nb-W");
        ((ObjectNode) tree.get("knots")).remove("Nb-Nb-W");
        ((ObjectNode) tree.get("knots_map")).remove("Nb-Nb-W");
        assertEquals(m, Uf3JsonModelReader.read(tree, "cut.json"));
    }

    @Test
    void projectJsonListsLeftOutTermsAndRoundTrips() {
        Uf3Model m = partial(false);
        String json = ProjectModelIO.toJson(ProjectModel.of(m));
        JsonNode tree = JsonFields.parse(json, "p.json");
        List<String> listed = new ArrayList<>();
        tree.get("absent_triplets").forEach(a -> listed.add(a.get(0).asText() + "-" + a.get(1).asText() + "-"
                + a.get(2).asText()));
        assertEquals(List.of("Nb-Nb-W", "W-Nb-Nb"), listed);
        assertEquals(4, tree.get("triplets").size());
        assertEquals(m, ProjectModelIO.parse(json, "p.json").model());
        String complete = ProjectModelIO.toJson(ProjectModel.of(RandomModels.roundTrip(7, List.of("W", "Nb"), true, false)));
        assertFalse(complete.contains("absent_triplets"), "files of complete models are unchanged");
    }

    @Test
    void projectJsonErrorsNameTheField() {
        ObjectNode tree = ProjectModelIO.toTree(ProjectModel.of(partial(true)));
        ((ArrayNode) tree.get("absent_triplets")).addArray().add("W").add("Mo").add("W");
        assertError(tree, "p.json: field 'absent_triplets[2]': Mo is not one of the model's elements [Nb, W]");
        tree = ProjectModelIO.toTree(ProjectModel.of(partial(true)));
        ((ArrayNode) tree.get("absent_triplets")).addArray().add("W").add("W");
        assertError(tree, "p.json: field 'absent_triplets[2]': expected [centre, neighbour, neighbour], found 2 element symbols");
        tree = ProjectModelIO.toTree(ProjectModel.of(partial(true)));
        ((ArrayNode) tree.get("absent_triplets")).addArray().add("W").add("W").add("W");
        assertError(tree, "p.json: field 'absent_triplets[2]': triplet W-W-W appears twice (as a term or as absent)");
        tree = ProjectModelIO.toTree(ProjectModel.of(partial(true)));
        tree.remove("absent_triplets");
        assertError(tree, "p.json: field 'triplets': incomplete model: model has no 3-body term for Nb-Nb-W");
    }

    private static void assertError(ObjectNode tree, String message) {
        String text = tree.toString();
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> ProjectModelIO.parse(text, "p.json"));
        assertEquals(message, e.getMessage());
    }
}

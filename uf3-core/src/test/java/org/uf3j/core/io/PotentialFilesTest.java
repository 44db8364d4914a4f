package org.uf3j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.io.potential.ProjectModelIO;
import org.uf3j.core.io.potential.Uf3FileWriter;
import org.uf3j.core.io.potential.Uf3JsonModelWriter;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.testing.RandomModels;
import org.uf3j.core.testing.TestData;

/** The three potential formats are told apart by content, whatever the file is called. */
class PotentialFilesTest {
    @TempDir
    Path tmp;

    @Test
    void formatsAreRecognisedByContentNotName() throws IOException {
        ProjectModel pm = RandomModels.project(3, true);
        Uf3Model m = pm.model();
        Path uf3 = tmp.resolve("model.json");
        Uf3FileWriter.create().write(m, uf3);
        Path uf3json = tmp.resolve("model.uf3");
        Uf3JsonModelWriter.write(m, uf3json);
        Path project = tmp.resolve("model.txt");
        ProjectModelIO.write(pm, project);

        LoadedPotential a = PotentialFiles.read(uf3);
        assertEquals(PotentialFormat.LAMMPS_UF3, a.format());
        assertEquals(m.withOneBodyEnergies(Map.of()), a.model());
        assertNull(a.project());
        LoadedPotential b = PotentialFiles.read(uf3json);
        assertEquals(PotentialFormat.UF3_JSON, b.format());
        assertEquals(m, b.model());
        LoadedPotential c = PotentialFiles.read(project);
        assertEquals(PotentialFormat.PROJECT_JSON, c.format());
        assertEquals(pm, c.project());
        assertEquals(m, PotentialFiles.readModel(project));
    }

    @Test
    void sharedModelsAndLammpsFile() throws IOException {
        for (String name : List.of("model_unary.json", "model_2.json", "model_2and3.json", "model_binary.json",
                "manuscript_uf23.json")) {
            assertEquals(PotentialFormat.UF3_JSON, PotentialFiles.read(TestData.file("uf3-models/" + name)).format());
        }
        assertEquals(PotentialFormat.LAMMPS_UF3, PotentialFiles.read(TestData.lammpsNb()).format());
    }

    @Test
    void unknownContentIsAClearError() throws IOException {
        assertUnknown("", "is empty");
        assertUnknown("pair_style eam/alloy\n", "unknown content");
        assertUnknown("{\"weights\": [1, 2]}", "top-level keys [weights]");
        assertUnknown("{\"format\": \"other\", \"version\": 1}", "field 'format'");
        assertUnknown("{\"coefficients\": {\"W\": 1", "invalid JSON");
        Path binary = tmp.resolve("bin");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> PotentialFiles.read(binary));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    private void assertUnknown(String text, String fragment) throws IOException {
        Path f = tmp.resolve("x" + text.hashCode());
        Files.writeString(f, text);
        Uf3FormatException e = assertThrows(Uf3FormatException.class, () -> PotentialFiles.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in " + e.getMessage());
    }
}

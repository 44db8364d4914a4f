package org.uf3j.core.fuzz;

import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.io.potential.ProjectModelIO;

/** Fuzz target: the project's model.json read, then written and read again bit for bit. */
public final class ProjectJsonFuzz {
    static final String FILE = "fuzz-model.json";

    private ProjectJsonFuzz() {
    }

    /** Jazzer calls this once before fuzzing. */
    public static void fuzzerInitialize() {
        FuzzContract.warmUp(ProjectJsonFuzz::fuzzerTestOneInput, "", "{}", "{\"format\": \"uf3j-model\", \"version\": 1, \"elements\": [\"W\"], \"pairs\": []}");
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(byte[] data) {
        String text = FuzzContract.text(data);
        ProjectModel[] model = new ProjectModel[1];
        if (!FuzzContract.parses(Uf3FormatException.class, FILE, () -> model[0] = ProjectModelIO.parse(text, FILE))) {
            return;
        }
        FuzzContract.checkValid(model[0].model(), FILE);
        String written = ProjectModelIO.toJson(model[0]);
        ProjectModel again;
        try {
            again = ProjectModelIO.parse(written, "rewritten.json");
        } catch (Uf3FormatException e) {
            throw new ContractViolation("the writer's output does not read back: " + e.getMessage(), e);
        }
        FuzzContract.same(FuzzContract.difference(model[0].model(), again.model()), "round trip");
        if (!written.equals(ProjectModelIO.toJson(again))) {
            throw new ContractViolation("writing the re-read model gives different text");
        }
    }
}

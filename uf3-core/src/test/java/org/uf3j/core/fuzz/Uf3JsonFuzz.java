package org.uf3j.core.fuzz;

import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.potential.Uf3JsonModelReader;
import org.uf3j.core.io.potential.Uf3JsonModelWriter;
import org.uf3j.core.model.Uf3Model;

/** Fuzz target: a uf3 Python package JSON model read, then written and read again bit for bit. */
public final class Uf3JsonFuzz {
    static final String FILE = "fuzz-uf3.json";

    private Uf3JsonFuzz() {
    }

    /** Jazzer calls this once before fuzzing. */
    public static void fuzzerInitialize() {
        FuzzContract.warmUp(Uf3JsonFuzz::fuzzerTestOneInput, "", "{}", "{\"element_list\": [\"W\"], \"degree\": 2, \"knots\": {}, \"coefficients\": {}}");
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(byte[] data) {
        String text = FuzzContract.text(data);
        Uf3Model[] model = new Uf3Model[1];
        if (!FuzzContract.parses(Uf3FormatException.class, FILE, () -> model[0] = Uf3JsonModelReader.parse(text, FILE))) {
            return;
        }
        FuzzContract.checkValid(model[0], FILE);
        String written = Uf3JsonModelWriter.toJson(model[0]);
        Uf3Model again;
        try {
            again = Uf3JsonModelReader.parse(written, "rewritten.json");
        } catch (Uf3FormatException e) {
            throw new ContractViolation("the writer's output does not read back: " + e.getMessage(), e);
        }
        FuzzContract.same(FuzzContract.difference(model[0], again), "round trip");
        if (!written.equals(Uf3JsonModelWriter.toJson(again))) {
            throw new ContractViolation("writing the re-read model gives different text");
        }
    }
}

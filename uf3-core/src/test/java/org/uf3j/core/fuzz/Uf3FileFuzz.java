package org.uf3j.core.fuzz;

import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.potential.Uf3FileReader;
import org.uf3j.core.io.potential.Uf3FileWriter;
import org.uf3j.core.model.Uf3Model;

/** Fuzz target: an ML-UF3 {@code .uf3} file read, then written and read again bit for bit. */
public final class Uf3FileFuzz {
    static final String FILE = "fuzz.uf3";

    private Uf3FileFuzz() {
    }

    /** Jazzer calls this once before fuzzing. */
    public static void fuzzerInitialize() {
        FuzzContract.warmUp(Uf3FileFuzz::fuzzerTestOneInput, "", "#UF3 POT UNITS: metal DATE: x AUTHOR: x CITATION: x\n2B W W 0 3 uk\n5 12\n0 0 0 0 1 2 3 4 5 5 5 5\n8\n1 2 3 4 5 0 0 0\n#\n");
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(byte[] data) {
        String text = FuzzContract.text(data);
        Uf3Model[] model = new Uf3Model[1];
        if (!FuzzContract.parses(Uf3FormatException.class, FILE, () -> model[0] = Uf3FileReader.parse(text, FILE))) {
            return;
        }
        FuzzContract.checkValid(model[0], FILE);
        Uf3FileWriter writer = Uf3FileWriter.create().withDate("2026-01-01").withAuthor("fuzz");
        String written = writer.toText(model[0]);
        Uf3Model again;
        try {
            again = Uf3FileReader.parse(written, "rewritten.uf3");
        } catch (Uf3FormatException e) {
            throw new ContractViolation("the writer's output does not read back: " + e.getMessage(), e);
        }
        FuzzContract.same(FuzzContract.difference(model[0], again), "round trip");
        if (!written.equals(writer.toText(again))) {
            throw new ContractViolation("writing the re-read model gives different text");
        }
    }
}

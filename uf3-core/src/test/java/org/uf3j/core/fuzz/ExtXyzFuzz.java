package org.uf3j.core.fuzz;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.extxyz.ExtXyzOptions;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.io.extxyz.ExtXyzWriter;
import org.uf3j.core.structure.Configuration;

/** Fuzz target: extended XYZ read, then written and read again bit for bit. */
public final class ExtXyzFuzz {
    static final String FILE = "fuzz.xyz";

    private ExtXyzFuzz() {
    }

    /** Jazzer calls this once before fuzzing. */
    public static void fuzzerInitialize() {
        FuzzContract.warmUp(ExtXyzFuzz::fuzzerTestOneInput, "", "1\nLattice=\"3 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R:3:forces:R:3 energy=-1 pbc=\"T T T\"\nW 0 0 0 0 0 0\n");
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(byte[] data) {
        List<Configuration> first = new ArrayList<>();
        if (!FuzzContract.parses(Uf3FormatException.class, FILE, () -> {
            try (ExtXyzReader r = ExtXyzReader.of(FuzzContract.reader(data), FILE, ExtXyzOptions.defaults())) {
                r.forEachRemaining(first::add);
            }
        })) {
            return;
        }
        for (int i = 0; i < first.size(); i++) {
            FuzzContract.checkValid(first.get(i), "frame " + i);
        }
        String written = write(first);
        List<Configuration> again;
        try (ExtXyzReader r = ExtXyzReader.of(new StringReader(written), "rewritten.xyz", ExtXyzOptions.defaults())) {
            again = new ArrayList<>();
            r.forEachRemaining(again::add);
        } catch (Uf3FormatException e) {
            throw new ContractViolation("the writer's output does not read back: " + e.getMessage(), e);
        }
        if (again.size() != first.size()) {
            throw new ContractViolation(first.size() + " frames written, " + again.size() + " read back");
        }
        for (int i = 0; i < first.size(); i++) {
            FuzzContract.same(FuzzContract.difference(first.get(i), again.get(i)), "round trip of frame " + i);
        }
        if (!written.equals(write(again))) {
            throw new ContractViolation("writing the re-read frames gives different text");
        }
    }

    private static String write(List<Configuration> frames) {
        StringWriter out = new StringWriter();
        ExtXyzWriter w = new ExtXyzWriter(out);
        frames.forEach(w::write);
        try {
            w.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}

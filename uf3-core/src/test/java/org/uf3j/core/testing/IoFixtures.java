package org.uf3j.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.potential.Uf3FileReader;

/** The hand-made training-data fixtures under src/test/resources/io (see io/README.md there). */
public final class IoFixtures {
    private IoFixtures() {
    }

    /** Path of a fixture, e.g. "vasp/vasprun.xml". */
    public static Path path(String relative) {
        URL url = IoFixtures.class.getResource("/io/" + relative);
        if (url == null) {
            throw new IllegalStateException("test fixture io/" + relative + " is missing from the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text of a fixture (ISO-8859-1 reads every byte unchanged; the fixtures are ASCII). */
    public static String text(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text to a file in {@code dir} and returns its path. */
    public static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** LAMMPS' potentials/Nb.uf3 evaluated by our Java evaluator: the labeller of every fixture (test skipped without it). */
    public static JavaEvaluator nbEvaluator() throws IOException {
        return new JavaEvaluator(Uf3FileReader.read(TestData.lammpsNb()));
    }
}

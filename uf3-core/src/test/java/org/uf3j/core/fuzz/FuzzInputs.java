package org.uf3j.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The stored inputs of fuzz targets, for the regression tests: every file under
 * {@code fuzz/<target>/seeds} (small inputs written by our own writers, which must parse) and
 * {@code fuzz/<target>/findings} (inputs that once broke the contract, kept after the fix) in a
 * module's test resources. {@code scripts/fuzz.sh} saves new findings into the same place.
 */
public final class FuzzInputs {
    private FuzzInputs() {
    }

    /** One input: target name, its function, the file, and whether it is a seed (must parse). */
    public record Input(String target, Consumer<byte[]> function, Path file, boolean seed) {
        @Override
        public String toString() {
            return target + "/" + file.getParent().getFileName() + "/" + file.getFileName();
        }
    }

    /** JUnit arguments (one {@link Input} each) for every stored input of the given targets. */
    public static Stream<Arguments> arguments(Map<String, Consumer<byte[]>> targets) {
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, Consumer<byte[]>> t : targets.entrySet()) {
            for (Path root : roots()) {
                for (String kind : List.of("seeds", "findings")) {
                    for (Path f : files(root.resolve(t.getKey()).resolve(kind))) {
                        out.add(Arguments.of(new Input(t.getKey(), t.getValue(), f, kind.equals("seeds"))));
                    }
                }
            }
        }
        return out.stream();
    }

    /** The {@code fuzz} resource directories on the test class path that are plain directories. */
    private static List<Path> roots() {
        List<Path> out = new ArrayList<>();
        try {
            for (URL u : Collections.list(FuzzInputs.class.getClassLoader().getResources("fuzz"))) {
                if (u.getProtocol().equals("file")) {
                    out.add(Path.of(u.toURI()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.uf3j.cli.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.cli.CliException;

/** The states a killed fit can leave beside its output directory, and how the next run repairs them. */
class OutputDirectoryTest {
    @TempDir
    Path dir;

    private Path previousOutput(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p);
        Files.writeString(p.resolve(OutputDirectory.MARKER), content);
        return p;
    }

    private List<String> hidden() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(f -> f.startsWith(".out.tmp-") || f.startsWith(".out.old-"))
                    .sorted().toList();
        }
    }

    @Test
    void killedBetweenTheTwoRenamesRestoresThePreviousOutput() throws IOException {
        // what SIGKILL between commit's renames leaves: the old output aside, the new one unfinished
        Path aside = previousOutput(".out.old-1f", "previous");
        Files.createDirectories(dir.resolve(".out.tmp-123"));
        Files.writeString(dir.resolve(".out.tmp-123/model.json"), "half");
        try (OutputDirectory out = OutputDirectory.create(dir.resolve("out"))) {
            assertEquals("previous", Files.readString(dir.resolve("out").resolve(OutputDirectory.MARKER)));
            assertFalse(Files.exists(aside));
            assertEquals(2, out.repairs().size(), out.repairs().toString());
            assertTrue(out.repairs().stream().anyMatch(r -> r.startsWith("restored out from .out.old-1f")), out.repairs().toString());
        }
        assertEquals(List.of(), hidden());
    }

    @Test
    void killedAfterTheNewOutputWasInPlaceDeletesTheOldOne() throws IOException {
        previousOutput("out", "new");
        previousOutput(".out.old-2a", "previous");
        try (OutputDirectory out = OutputDirectory.create(dir.resolve("out"))) {
            assertEquals("new", Files.readString(dir.resolve("out").resolve(OutputDirectory.MARKER)));
            assertEquals(1, out.repairs().size());
        }
        assertEquals(List.of(), hidden());
    }

    @Test
    void commitReplacesAPreviousOutputAndLeavesNothingBehind() throws IOException {
        previousOutput("out", "previous");
        try (OutputDirectory out = OutputDirectory.create(dir.resolve("out"))) {
            assertEquals(List.of(), out.repairs());
            Files.writeString(out.dir().resolve(OutputDirectory.MARKER), "new");
            assertEquals("previous", Files.readString(dir.resolve("out").resolve(OutputDirectory.MARKER)));
            out.commit();
        }
        assertEquals("new", Files.readString(dir.resolve("out").resolve(OutputDirectory.MARKER)));
        assertEquals(List.of(), hidden());
    }

    @Test
    void anAbandonedRunLeavesThePreviousOutputUntouched() throws IOException {
        previousOutput("out", "previous");
        try (OutputDirectory out = OutputDirectory.create(dir.resolve("out"))) {
            Files.writeString(out.dir().resolve(OutputDirectory.MARKER), "half");
        }
        assertEquals("previous", Files.readString(dir.resolve("out").resolve(OutputDirectory.MARKER)));
        assertEquals(List.of(), hidden());
    }

    @Test
    void aSecondWriterOfTheSameOutputIsRefused() throws IOException {
        try (OutputDirectory first = OutputDirectory.create(dir.resolve("out"))) {
            CliException e = assertThrows(CliException.class, () -> OutputDirectory.create(dir.resolve("out")));
            assertTrue(e.getMessage().contains("another uf3 fit is writing this output directory"), e.getMessage());
            assertTrue(e.getMessage().contains(".out.lock"), e.getMessage());
            assertTrue(Files.isDirectory(first.dir()), "the first writer's files survive the refusal");
        }
        try (OutputDirectory again = OutputDirectory.create(dir.resolve("out"))) {
            assertTrue(Files.isDirectory(again.dir()), "the lock is released on close");
        }
    }
}

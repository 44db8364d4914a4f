package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.uf3j.core.testing.LammpsProcess;

/** Runs the uf3 command in-process (as main does, with captured stdout/stderr) or LAMMPS as a real process. */
final class Cli {
    private Cli() {
    }

    /** Exit code and the text of stdout and stderr. */
    record Result(int code, String out, String err) {
        /** Asserts exit code 2 and exactly one stderr line "uf3 CMD: error: ..." containing every fragment. */
        Result assertError(String command, String... fragments) {
            assertEquals(2, code, () -> "exit code; stderr:\n" + err);
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.stream().filter(l -> l.contains("error:")).count(), () -> "expected one error line:\n" + err);
            String line = lines.get(lines.size() - 1);
            String prefix = command.isEmpty() ? "uf3: error: " : "uf3 " + command + ": error: ";
            assertTrue(line.startsWith(prefix), () -> "error line: " + line);
            for (String f : fragments) {
                assertTrue(line.contains(f), () -> "error line lacks '" + f + "': " + line);
            }
            assertTrue(!err.contains("\tat "), "no stack trace expected");
            return this;
        }

        Result assertOk() {
            assertEquals(0, code, () -> "exit code; stderr:\n" + err + "\nstdout:\n" + out);
            return this;
        }
    }

    /** Runs {@code uf3 ARGS} in this JVM. */
    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Uf3Command.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The project root (system property uf3.root, else the nearest parent with examples/quickstart). */
    static Path root() {
        String p = System.getProperty("uf3.root");
        if (p != null && Files.isDirectory(Path.of(p, "examples", "quickstart"))) {
            return Path.of(p).toAbsolutePath();
        }
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("examples/quickstart"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("cannot find the project root (examples/quickstart)");
        }
        return d;
    }

    /** The shipped quickstart data. */
    static Path quickstartData() {
        return root().resolve("examples/quickstart/w-eam.xyz");
    }

    /** Runs a program (e.g. bin/lmp) in a directory; returns exit code and combined output. */
    static Result process(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile());
        Path out = Files.createTempFile("uf3-proc", ".out");
        Path err = Files.createTempFile("uf3-proc", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    /** bin/lmp with arguments, run in {@code dir} (builds LAMMPS on first use; CI prepares it in bin/test). */
    static Result lmp(Path dir, String... args) throws IOException, InterruptedException {
        LammpsProcess.Result p = LammpsProcess.run(dir, false, 1800, args);
        Result r = new Result(p.code(), p.out(), p.err());
        assertEquals(0, r.code(), () -> "bin/lmp failed:\n" + r.out() + "\n" + r.err());
        return r;
    }
}

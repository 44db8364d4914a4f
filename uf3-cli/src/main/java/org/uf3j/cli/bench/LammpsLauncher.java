package org.uf3j.cli.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.uf3j.cli.CliException;

/**
 * The command that runs LAMMPS for {@code uf3 bench}: this project's {@code bin/lmp} (LAMMPS
 * 4Feb2025 with the UF3-J plugin; {@code --reference} for the official style), found beside the
 * installation, or another launcher named by the user that takes the same arguments.
 */
public final class LammpsLauncher {
    private static final long TIMEOUT_SECONDS = 3600;
    private final Path command;

    private LammpsLauncher(Path command) {
        this.command = command;
    }

    /** The launcher in {@code path}, checked to be an executable file. */
    public static LammpsLauncher at(Path path) {
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new CliException("--lammps " + path + ": not an executable file (expected bin/lmp of UF3-J, or a "
                    + "launcher taking the same arguments)");
        }
        return new LammpsLauncher(path.toAbsolutePath());
    }

    /**
     * The project's bin/lmp: from the environment variable UF3_LMP, else three levels above this
     * code (uf3-cli/target/uf3.jar or uf3-cli/target/classes in a checkout); null when neither exists.
     */
    public static LammpsLauncher find() {
        String env = System.getenv("UF3_LMP");
        if (env != null && !env.isBlank()) {
            return at(Path.of(env));
        }
        try {
            Path code = Path.of(LammpsLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = code.getParent() == null ? null : code.getParent().getParent();
            root = root == null ? null : root.getParent();
            Path lmp = root == null ? null : root.resolve("bin/lmp");
            return lmp != null && Files.isExecutable(lmp) ? new LammpsLauncher(lmp) : null;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    public Path command() {
        return command;
    }

    /**
     * Runs {@code launcher [--reference] -in INPUT -log none} in {@code dir} and returns its output
     * (stdout and stderr).
     *
     * @throws CliException when LAMMPS fails, with its ERROR line
     */
    public String run(Path dir, String input, boolean reference) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(command.toString());
        if (reference) {
            cmd.add("--reference");
        }
        cmd.addAll(List.of("-in", input, "-log", "none"));
        Path out = Files.createTempFile(dir, "lammps", ".out");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile())
                .start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new CliException(String.join(" ", cmd) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while LAMMPS was running");
        }
        String text = Files.readString(out);
        if (p.exitValue() != 0) {
            String error = text.lines().filter(l -> l.startsWith("ERROR")).findFirst()
                    .orElse("exit status " + p.exitValue() + "; last lines:\n" + String.join("\n",
                            text.lines().skip(Math.max(0, text.lines().count() - 5)).toList()));
            throw new CliException(String.join(" ", cmd) + " failed: " + error);
        }
        return text;
    }
}

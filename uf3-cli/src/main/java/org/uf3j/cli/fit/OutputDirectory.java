package org.uf3j.cli.fit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.uf3j.cli.CliException;

/**
 * An output directory that appears complete or not at all. Files are written into a hidden
 * temporary directory beside the target ({@code .NAME.tmp-…}); {@link #commit()} renames it into
 * place (a previous fit output is first renamed aside, then deleted). A shutdown hook (Ctrl-C)
 * deletes the temporary directory and puts a previous output back if it was interrupted between
 * the two renames, so an interrupted run never leaves half-written output. An existing target
 * that is not a previous fit output (it has files but no {@code model.json}) is refused.
 */
public final class OutputDirectory implements AutoCloseable {
    /** File whose presence marks a directory as a previous fit output that may be replaced. */
    public static final String MARKER = "model.json";

    private final Path target;
    private final Path temp;
    private final Thread hook;
    private Path aside;
    private boolean committed;
    private boolean closed;

    private OutputDirectory(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
        this.hook = new Thread(this::abort, "uf3-fit-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Checks the target and creates the temporary directory beside it. */
    public static OutputDirectory create(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            throw new CliException(target + ": cannot write fit output to the file-system root");
        }
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new CliException(target + ": exists and is not a directory");
            }
            if (!isEmpty(abs) && !Files.exists(abs.resolve(MARKER))) {
                throw new CliException(target + ": exists, is not empty and is not a previous uf3 fit output (no "
                        + MARKER + "); choose another output directory with -o");
            }
        }
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
        return new OutputDirectory(abs, temp);
    }

    /** Where to write files until {@link #commit()}. */
    public Path dir() {
        return temp;
    }

    /** The final location. */
    public Path target() {
        return target;
    }

    /** Moves the finished output into place. */
    public synchronized void commit() throws IOException {
        if (committed) {
            return;
        }
        if (Files.exists(target)) {
            aside = target.resolveSibling("." + target.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        if (aside != null) {
            deleteTree(aside);
            aside = null;
        }
    }

    /** Removes the temporary directory unless committed; removes the shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        abort();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (harmlessly) anyway
        }
    }

    private synchronized void abort() {
        try {
            if (!committed) {
                deleteTree(temp);
                if (aside != null && !Files.exists(target)) {
                    Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
                    aside = null;
                }
            }
        } catch (IOException e) {
            // best effort at exit
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

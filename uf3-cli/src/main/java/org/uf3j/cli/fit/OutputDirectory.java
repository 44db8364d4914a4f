package org.uf3j.cli.fit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.uf3j.cli.CliException;

/**
 * An output directory that appears complete or not at all. Files are written into a hidden
 * temporary directory beside the target ({@code .NAME.tmp-…}); {@link #commit()} renames it into
 * place (a previous fit output is first renamed aside, then deleted). A shutdown hook (Ctrl-C)
 * deletes the temporary directory and puts a previous output back if it was interrupted between
 * the two renames, so an interrupted run never leaves half-written output. An existing target
 * that is not a previous fit output (it has files but no {@code model.json}) is refused.
 *
 * <p>A run killed outright (SIGKILL, power loss) runs no hook. The next run therefore holds an
 * exclusive lock ({@code .NAME.lock} beside the target; the operating system releases it when a
 * process dies) and, under it, repairs what a killed run can leave: temporary directories are
 * deleted, and a previous output that was renamed aside is put back when the target is missing
 * (the kill fell between the two renames of {@link #commit()}) or deleted when the new output is
 * in place. A second run writing the same target at the same time is refused.
 */
public final class OutputDirectory implements AutoCloseable {
    /** File whose presence marks a directory as a previous fit output that may be replaced. */
    public static final String MARKER = "model.json";

    private final Path target;
    private final Path temp;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final List<String> repairs;
    private final Thread hook;
    private Path aside;
    private boolean committed;
    private boolean closed;

    private OutputDirectory(Path target, Path temp, FileChannel lockFile, FileLock lock, List<String> repairs) {
        this.target = target;
        this.temp = temp;
        this.lockFile = lockFile;
        this.lock = lock;
        this.repairs = List.copyOf(repairs);
        this.hook = new Thread(this::abort, "uf3-fit-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Takes the target's lock, repairs what a killed run left, checks the target and creates the
     * temporary directory beside it.
     */
    public static OutputDirectory create(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            throw new CliException(target + ": cannot write fit output to the file-system root");
        }
        Files.createDirectories(parent);
        Path lockPath = parent.resolve("." + abs.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;    // this JVM already writes it
            }
            if (lock == null) {
                throw new CliException(target + ": another uf3 fit is writing this output directory (it holds "
                        + lockPath.getFileName() + "); wait for it to finish or choose another -o");
            }
            List<String> repairs = repair(abs);
            check(target, abs);
            Path temp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
            return new OutputDirectory(abs, temp, channel, lock, repairs);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** What {@link #create} repaired after a killed run, one sentence each (empty if nothing). */
    public List<String> repairs() {
        return repairs;
    }

    private static List<String> repair(Path abs) throws IOException {
        String name = abs.getFileName().toString();
        List<Path> temps = new ArrayList<>();
        List<Path> asides = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(abs.getParent(), "." + name + ".*")) {
            for (Path p : s) {
                String f = p.getFileName().toString();
                if (f.startsWith("." + name + ".tmp-")) {
                    temps.add(p);
                } else if (f.startsWith("." + name + ".old-")) {
                    asides.add(p);
                }
            }
        }
        List<String> done = new ArrayList<>();
        for (Path t : temps) {
            deleteTree(t);
            done.add("deleted " + t.getFileName() + ", the unfinished output of an interrupted run");
        }
        // newest first: that is the output the interrupted commit renamed aside
        asides.sort(Comparator.comparing(OutputDirectory::modified).reversed());
        for (Path a : asides) {
            if (!Files.exists(abs)) {
                Files.move(a, abs, StandardCopyOption.ATOMIC_MOVE);
                done.add("restored " + abs.getFileName() + " from " + a.getFileName()
                        + ": an interrupted run had moved the previous output aside");
            } else {
                deleteTree(a);
                done.add("deleted " + a.getFileName() + ", a previous output an interrupted run had replaced");
            }
        }
        return done;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void check(Path target, Path abs) throws IOException {
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new CliException(target + ": exists and is not a directory");
            }
            if (!isEmpty(abs) && !Files.exists(abs.resolve(MARKER))) {
                throw new CliException(target + ": exists, is not empty and is not a previous uf3 fit output (no "
                        + MARKER + "); choose another output directory with -o");
            }
        }
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

    /** Removes the temporary directory unless committed; removes the shutdown hook; releases the lock. */
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
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            // the operating system releases the lock when the process ends
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

package org.uf3j.core.io.fitsnap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.uf3j.core.io.TrainingDataReader;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.structure.Configuration;

/**
 * Reads a FitSNAP JSON training set as FitSNAP lays it out: a directory of group directories, each
 * holding one JSON file per configuration, or a single group directory, or a single file. The
 * config_type of every configuration is the name of the directory that holds its file (FitSNAP's
 * group). Files are read one at a time in name order, so the whole set is never in memory.
 */
public final class FitsnapJsonReader implements TrainingDataReader {
    /** A file and the group (config_type) its configurations belong to. */
    private record GroupFile(Path file, String group) {
    }

    private final Deque<GroupFile> files;
    private final Deque<Configuration> pending = new ArrayDeque<>();

    private FitsnapJsonReader(List<GroupFile> files) {
        this.files = new ArrayDeque<>(files);
    }

    /**
     * Opens a directory (its {@code *.json} files, and those of each sub-directory, one level down)
     * or a single {@code .json} file. A directory with no JSON file is an error naming it.
     */
    public static FitsnapJsonReader open(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new java.io.FileNotFoundException(path + " (no such file or directory)");
            }
            return new FitsnapJsonReader(List.of(new GroupFile(path, group(path.toAbsolutePath().getParent()))));
        }
        List<GroupFile> out = new ArrayList<>();
        for (Path f : jsonFiles(path)) {
            out.add(new GroupFile(f, group(path)));
        }
        for (Path sub : sorted(path, Files::isDirectory)) {
            for (Path f : jsonFiles(sub)) {
                out.add(new GroupFile(f, group(sub)));
            }
        }
        if (out.isEmpty()) {
            throw Uf3FormatException.inFile(path.toString(), "no FitSNAP JSON files (*.json) in this directory or in its "
                    + "group directories");
        }
        return new FitsnapJsonReader(out);
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && !files.isEmpty()) {
            GroupFile g = files.removeFirst();
            try {
                pending.addAll(FitsnapDocument.read(g.file(), g.group()));
            } catch (IOException e) {
                throw new UncheckedIOException(g.file() + ": " + e.getMessage(), e);
            }
        }
        return !pending.isEmpty();
    }

    @Override
    public Configuration next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.removeFirst();
    }

    @Override
    public void close() {
        files.clear();
        pending.clear();
    }

    private static String group(Path dir) {
        return dir == null || dir.getFileName() == null ? "default" : dir.getFileName().toString();
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        return sorted(dir, p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".json") && !p.getFileName().toString().startsWith("."));
    }

    private static List<Path> sorted(Path dir, java.util.function.Predicate<Path> keep) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(keep).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }
}

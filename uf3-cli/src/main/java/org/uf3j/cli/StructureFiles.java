package org.uf3j.cli;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.uf3j.core.io.extxyz.ExtXyzOptions;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.structure.Configuration;

/** Reads extended-XYZ structure files with a progress bar (by characters read) and one-line errors. */
public final class StructureFiles {
    private StructureFiles() {
    }

    /** Every frame of the file. */
    public static List<Configuration> readAll(Path file, ExtXyzOptions options, Progress progress) {
        List<Configuration> out = new ArrayList<>();
        forEach(file, options, progress, out::add);
        if (out.isEmpty()) {
            throw new CliException(file + ": contains no structures (expected extended XYZ frames)");
        }
        return out;
    }

    /** Streams the frames of the file to {@code sink}, one in memory at a time. */
    public static void forEach(Path file, ExtXyzOptions options, Progress progress, Consumer<Configuration> sink) {
        checkReadable(file);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new CliException(file + ": cannot read: " + ErrorMessages.describe(e), e);
        }
        try (Progress.Bar bar = size >= (8L << 20) ? progress.start("reading", size, "MB", 1 << 20)
                : progress.start("reading", size, "kB", 1 << 10);
             CountingReader in = new CountingReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), bar);
             ExtXyzReader r = ExtXyzReader.of(in, file.toString(), options)) {
            int frames = 0;
            while (r.hasNext()) {
                sink.accept(r.next());
                bar.message(++frames + " structures");
            }
            bar.stepTo(size);
        } catch (IOException e) {
            throw new CliException(file + ": cannot read: " + ErrorMessages.describe(e), e);
        }
    }

    /** A missing path, a directory or an unreadable file is a {@link CliException}. */
    public static void checkReadable(Path file) {
        if (!Files.exists(file)) {
            throw new CliException(file + ": file not found");
        }
        if (Files.isDirectory(file)) {
            throw new CliException(file + ": is a directory, expected an extended XYZ file");
        }
        if (!Files.isReadable(file)) {
            throw new CliException(file + ": permission denied");
        }
    }

    /** Counts characters read (close to bytes for XYZ text) and reports them to a bar. */
    private static final class CountingReader extends FilterReader {
        private final Progress.Bar bar;
        private long count;
        private long reported;

        CountingReader(Reader in, Progress.Bar bar) {
            super(in);
            this.bar = bar;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                advance(1);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            count += n;
            if (count - reported > (1 << 16)) {
                bar.stepTo(count);
                reported = count;
            }
        }
    }
}

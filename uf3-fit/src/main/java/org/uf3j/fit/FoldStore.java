package org.uf3j.fit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-fold sums of cross-validation and their total, either in memory or in a temporary file
 * (deleted on {@link #close()}) from which one fold is read back at a time, so that the heap
 * holds the total and one fold instead of every fold. Folds are symmetrised when added; the total
 * is summed in fold order, the same numbers either way.
 */
public final class FoldStore implements AutoCloseable {
    private static final int CHUNK = 1 << 17; // doubles per write/read

    private final List<NormalEquations> inMemory;
    private final FileChannel channel;
    private final Path file;
    private final List<Long> offsets = new ArrayList<>(); // byte where each fold starts
    private final List<double[]> weights = new ArrayList<>(); // energy, force weight per fold
    private NormalEquations total;

    private FoldStore(Path file) {
        this.file = file;
        this.inMemory = file == null ? new ArrayList<>() : null;
        try {
            this.channel = file == null ? null : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the fold-sum file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Fold sums kept in memory. */
    public static FoldStore inMemory() {
        return new FoldStore(null);
    }

    /** Fold sums in a new temporary file in {@code directory}. */
    public static FoldStore inFile(Path directory) {
        try {
            Files.createDirectories(directory);
            return new FoldStore(Files.createTempFile(directory, "uf3-fold-sums", ".bin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a fold-sum file in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The given folds, in memory. */
    public static FoldStore of(NormalEquations... folds) {
        FoldStore s = inMemory();
        for (NormalEquations f : folds) {
            s.add(f);
        }
        return s;
    }

    /** Whether the folds live in a file. */
    public boolean fileBacked() {
        return channel != null;
    }

    /** Adds the next fold (symmetrised here; with a file, written out and not kept). */
    public void add(NormalEquations fold) {
        fold.symmetrize();
        if (total == null) {
            total = fold.copy();
        } else {
            total.add(fold, 1.0);
        }
        weights.add(new double[] {fold.energy().weight(), fold.forces().weight()});
        if (channel == null) {
            inMemory.add(fold);
            return;
        }
        try {
            long start = channel.size();
            write(fold, start);
            offsets.add(start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fold sums to " + file + ": " + e.getMessage(), e);
        }
    }

    public int count() {
        return weights.size();
    }

    /** Sum of all folds (shared: do not modify). */
    public NormalEquations total() {
        return total;
    }

    /** Energy-row weight of fold f. */
    public double energyWeight(int f) {
        return weights.get(f)[0];
    }

    /** Force-row weight of fold f. */
    public double forceWeight(int f) {
        return weights.get(f)[1];
    }

    /** Fold f: the kept object, or a fresh copy read from the file. */
    public NormalEquations fold(int f) {
        if (channel == null) {
            return inMemory.get(f);
        }
        try {
            return read(offsets.get(f));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fold sums from " + file + ": " + e.getMessage(), e);
        }
    }

    private long write(NormalEquations n, long at) throws IOException {
        long pos = at;
        ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        head.putInt(n.size()).putInt(n.virial() != null ? 1 : 0).putLong(n.configurations()).flip();
        pos += writeFully(head, pos);
        for (Gram g : grams(n)) {
            ByteBuffer meta = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
            meta.putDouble(g.yy).putDouble(g.weight).putLong(g.rows).putLong(1).flip();
            pos += writeFully(meta, pos);
            pos += writeDoubles(g.h, pos);
            pos += writeDoubles(g.g, pos);
        }
        return pos - at;
    }

    private NormalEquations read(long at) throws IOException {
        long pos = at;
        ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        pos += readFully(head, pos);
        head.flip();
        int p = head.getInt();
        boolean virials = head.getInt() != 0;
        long configurations = head.getLong();
        NormalEquations n = new NormalEquations(p, virials);
        for (Gram g : grams(n)) {
            ByteBuffer meta = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
            pos += readFully(meta, pos);
            meta.flip();
            g.yy = meta.getDouble();
            g.weight = meta.getDouble();
            g.rows = meta.getLong();
            meta.getLong();
            pos += readDoubles(g.h, pos);
            pos += readDoubles(g.g, pos);
            g.markSymmetric();
        }
        n.setConfigurations(configurations);
        return n;
    }

    private static Gram[] grams(NormalEquations n) {
        return n.virial() == null ? new Gram[] {n.energy(), n.forces()} : new Gram[] {n.energy(), n.forces(), n.virial()};
    }

    private long writeDoubles(double[] a, long at) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK * Double.BYTES).order(ByteOrder.nativeOrder());
        DoubleBuffer view = buf.asDoubleBuffer();
        long pos = at;
        for (int q = 0; q < a.length; q += CHUNK) {
            int len = Math.min(CHUNK, a.length - q);
            view.clear();
            view.put(a, q, len);
            buf.clear().limit(len * Double.BYTES);
            pos += writeFully(buf, pos);
        }
        return pos - at;
    }

    private long readDoubles(double[] a, long at) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK * Double.BYTES).order(ByteOrder.nativeOrder());
        DoubleBuffer view = buf.asDoubleBuffer();
        long pos = at;
        for (int q = 0; q < a.length; q += CHUNK) {
            int len = Math.min(CHUNK, a.length - q);
            buf.clear().limit(len * Double.BYTES);
            pos += readFully(buf, pos);
            view.clear();
            view.get(a, q, len);
        }
        return pos - at;
    }

    private long writeFully(ByteBuffer b, long at) throws IOException {
        long pos = at;
        while (b.hasRemaining()) {
            pos += channel.write(b, pos);
        }
        return pos - at;
    }

    private long readFully(ByteBuffer b, long at) throws IOException {
        long pos = at;
        while (b.hasRemaining()) {
            int r = channel.read(b, pos);
            if (r < 0) {
                throw new IOException("unexpected end of file at byte " + pos);
            }
            pos += r;
        }
        return pos - at;
    }

    /** Deletes the file (if any). */
    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
